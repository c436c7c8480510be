// The workbook of /export and of the monthly digest (PRODUCT §4E), built with exceljs (loaded on
// first use): five sheets with Vietnamese headers, the header row frozen, column widths set, dates
// as real Excel dates (the organisation's wall-clock time), numbers as numbers. Any text that a
// spreadsheet could read as a formula (starting with = + - @, a tab or a carriage return) is
// neutralised with a leading apostrophe. Anonymous prompts appear only as aggregates; self-review
// answers only for the secretary's own cell.
import { localParts } from "../../datetime/calendar.ts";
import type { OrganisationView } from "../../db/repositories/organisations.ts";
import type { ReportRepository } from "../../db/repositories/reports.ts";
import { organisationSettings } from "../settings/model.ts";
import { periodKey, periodLabel, type Period } from "./arithmetic.ts";
import { periodBounds } from "./data.ts";

export type ExportScope = { kind: "month"; period: Period } | { kind: "year"; year: number };

export interface WorkbookInput {
  org: OrganisationView;
  scope: ExportScope;
  cellId: number | null;
  /** The cell whose self-review answers may be shown (a secretary's own), or null. */
  answersOfCell: number | null;
}

export const SHEETS = {
  attendance: "Điểm danh",
  tasks: "Nhiệm vụ",
  prompts: "Lấy ý kiến",
  selfReview: "Tự kiểm điểm",
  members: "Tổng hợp theo đảng viên",
} as const;

const ATTENDANCE_WORDS: Record<string, string> = {
  present: "Có mặt",
  proxy: "Có mặt (điểm danh hộ)",
  absent_excused: "Vắng có lý do",
  absent_unexcused: "Vắng không lý do",
};
const REASON_WORDS: Record<string, string> = {
  health: "Sức khỏe",
  work: "Công việc",
  family: "Gia đình",
  other: "Lý do khác",
};
const MEETING_KIND_WORDS: Record<string, string> = {
  regular: "Thường kỳ",
  thematic: "Chuyên đề",
  extraordinary: "Bất thường",
  field_trip: "Dã ngoại",
};
const ASSIGNMENT_WORDS: Record<string, string> = {
  assigned: "Đã giao",
  accepted: "Đã nhận",
  done: "Đã xong",
  overdue: "Quá hạn",
  declined: "Không thực hiện được",
  cancelled: "Đã hủy",
};
const GRADE_WORDS: Record<string, string> = { good: "Tốt", done: "Hoàn thành", not_done: "Chưa đạt" };
const PROMPT_KIND_WORDS: Record<string, string> = {
  custom: "Hỏi ý kiến",
  post_meeting: "Góp ý sau buổi họp",
};
const STATUS_WORDS: Record<string, string> = {
  official: "Chính thức",
  probationary: "Dự bị",
  exempt: "Miễn sinh hoạt",
};

const word = (map: Record<string, string>, key: string | null) =>
  key === null ? "" : Object.hasOwn(map, key) ? map[key]! : key;

/** Text a spreadsheet would take for a formula gets a leading apostrophe. */
export function neutralise(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** "present: …" reasons are stored as "<reason word>: <words>"; shown in words. */
function reasonWords(stored: string | null): string {
  if (!stored) return "";
  const [head, ...rest] = stored.split(":");
  const reason = word(REASON_WORDS, head!.trim());
  const words = rest.join(":").trim();
  return words ? `${reason}: ${words}` : reason;
}

export function scopeLabel(scope: ExportScope): string {
  return scope.kind === "month" ? periodLabel(scope.period) : String(scope.year);
}

export function workbookFileName(scope: ExportScope, cellName: string | null): string {
  const what = scope.kind === "month" ? periodKey(scope.period) : String(scope.year);
  const cell = cellName
    ? `-${cellName
        .normalize("NFD")
        .replace(/\p{M}/gu, "")
        .replace(/đ/g, "d")
        .replace(/Đ/g, "D")
        .replace(/[^A-Za-z0-9]+/g, "-")
        .replace(/^-|-$/g, "")}`
    : "";
  return `so-theo-doi-${what}${cell}.xlsx`;
}

/** [from, to) and the months ("YYYY-MM") of a scope. */
export function scopeBounds(scope: ExportScope, timeZone: string) {
  if (scope.kind === "month") {
    return { ...periodBounds(scope.period, timeZone), periods: [periodKey(scope.period)] };
  }
  const months = Array.from({ length: 12 }, (_, i) => ({ year: scope.year, month: i + 1 }));
  return {
    from: periodBounds(months[0]!, timeZone).from,
    to: periodBounds(months[11]!, timeZone).to,
    periods: months.map(periodKey),
  };
}

/** The year-to-date window of the per-member sheet: from January to the scope's end. */
function yearToDate(scope: ExportScope, timeZone: string) {
  const year = scope.kind === "month" ? scope.period.year : scope.year;
  const last = scope.kind === "month" ? scope.period : { year, month: 12 };
  return { from: periodBounds({ year, month: 1 }, timeZone).from, to: periodBounds(last, timeZone).to };
}

export async function buildWorkbook(reports: ReportRepository, input: WorkbookInput): Promise<Buffer> {
  const { default: ExcelJS } = await import("exceljs");
  const { org, scope, cellId } = input;
  const timeZone = organisationSettings(org).timeZone;
  const { from, to, periods } = scopeBounds(scope, timeZone);
  /** An instant as the organisation's wall-clock time: Excel dates have no time zone. */
  const local = (at: Date | null) => {
    if (at === null) return null;
    const p = localParts(at, timeZone);
    return new Date(Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute));
  };
  const text = (value: string | null) => (value === null ? "" : neutralise(value));

  const book = new ExcelJS.Workbook();
  book.creator = "Trợ lý Chi bộ";
  book.created = new Date(0);
  const sheet = (
    name: string,
    columns: { header: string; width: number; date?: boolean; percent?: boolean }[],
  ) => {
    const ws = book.addWorksheet(name, { views: [{ state: "frozen", ySplit: 1 }] });
    ws.columns = columns.map((c, i) => ({
      header: c.header,
      key: String(i),
      width: c.width,
      ...(c.date ? { style: { numFmt: "dd/mm/yyyy hh:mm" } } : {}),
      ...(c.percent ? { style: { numFmt: "0%" } } : {}),
    }));
    ws.getRow(1).font = { bold: true };
    return ws;
  };

  const register = await reports.registerRows(org.id, from, to, cellId);
  const attendance = sheet(SHEETS.attendance, [
    { header: "Chi bộ", width: 22 },
    { header: "Ngày họp", width: 18, date: true },
    { header: "Loại buổi họp", width: 16 },
    { header: "Đảng viên", width: 28 },
    { header: "Điểm danh", width: 22 },
    { header: "Lý do", width: 36 },
  ]);
  for (const r of register) {
    attendance.addRow([
      text(r.cell),
      local(r.startsAt),
      word(MEETING_KIND_WORDS, r.kind),
      text(r.member),
      word(ATTENDANCE_WORDS, r.status),
      text(reasonWords(r.reason)),
    ]);
  }

  const taskRows = await reports.taskRows(org.id, from, to, cellId);
  const tasks = sheet(SHEETS.tasks, [
    { header: "Chi bộ", width: 22 },
    { header: "Nhiệm vụ", width: 40 },
    { header: "Người thực hiện", width: 28 },
    { header: "Ngày giao", width: 18, date: true },
    { header: "Hạn", width: 18, date: true },
    { header: "Trạng thái", width: 20 },
    { header: "Ngày xong", width: 18, date: true },
    { header: "Đúng hạn", width: 10 },
    { header: "Đánh giá", width: 12 },
    { header: "Nhận xét", width: 36 },
  ]);
  for (const r of taskRows) {
    const onTime =
      r.doneAt === null ? "" : r.dueAt === null || r.doneAt.getTime() <= r.dueAt.getTime() ? "Có" : "Không";
    const state = r.taskState === "cancelled" ? "cancelled" : r.state;
    tasks.addRow([
      text(r.cell),
      text(r.title),
      text(r.member),
      local(r.createdAt),
      local(r.dueAt),
      word(ASSIGNMENT_WORDS, state),
      local(r.doneAt),
      onTime,
      word(GRADE_WORDS, r.grade),
      text(r.comment),
    ]);
  }

  const promptFigures = await reports.prompts(org.id, from, to, cellId);
  const titles = await reports.promptTitles(promptFigures.map((p) => p.promptId));
  const cellNames = new Map((await reports.cells(org.id, to, cellId)).map((c) => [c.id, c.name]));
  const prompts = sheet(SHEETS.prompts, [
    { header: "Chi bộ", width: 22 },
    { header: "Câu hỏi", width: 44 },
    { header: "Loại", width: 22 },
    { header: "Ẩn danh", width: 10 },
    { header: "Mở từ", width: 18, date: true },
    { header: "Đóng lúc", width: 18, date: true },
    { header: "Số người được hỏi", width: 12 },
    { header: "Đã trả lời", width: 12 },
    { header: "Tỷ lệ trả lời", width: 12, percent: true },
    { header: "Điểm trung bình", width: 12 },
  ]);
  for (const p of promptFigures) {
    const about = titles.get(p.promptId);
    prompts.addRow([
      text(cellNames.get(p.cellId) ?? ""),
      text(about?.title ?? ""),
      word(PROMPT_KIND_WORDS, p.kind),
      p.anonymous ? "Có" : "Không",
      local(about?.opensAt ?? null),
      local(about?.closesAt ?? null),
      p.audience,
      p.responded,
      p.audience > 0 ? Math.min(p.responded, p.audience) / p.audience : null,
      p.ratingCount > 0 ? Math.round((p.ratingSum / p.ratingCount) * 10) / 10 : null,
    ]);
  }

  const reviewRows = await reports.selfReviewRows(org.id, periods, cellId, input.answersOfCell);
  const showAnswers = input.answersOfCell !== null;
  const reviews = sheet(SHEETS.selfReview, [
    { header: "Chi bộ", width: 22 },
    { header: "Tháng", width: 10 },
    { header: "Đảng viên", width: 28 },
    { header: "Đã nộp", width: 10 },
    ...(showAnswers
      ? [
          { header: "Học tập và làm theo Bác", width: 30 },
          { header: "Thực hiện nhiệm vụ", width: 30 },
          { header: "Tự phê bình", width: 44 },
        ]
      : []),
  ]);
  for (const r of reviewRows) {
    const [year, month] = r.period.split("-");
    reviews.addRow([
      text(r.cell),
      `${month}/${year}`,
      text(r.member),
      r.submitted ? "Có" : "Không",
      ...(showAnswers && r.cellId === input.answersOfCell
        ? [0, 1, 2].map((i) => text(r.answers[i] ?? ""))
        : []),
    ]);
  }

  const ytd = yearToDate(scope, timeZone);
  const summary = await reports.memberSummary(org.id, ytd.from, ytd.to, cellId);
  const members = sheet(SHEETS.members, [
    { header: "Chi bộ", width: 22 },
    { header: "Đảng viên", width: 28 },
    { header: "Tư cách", width: 16 },
    { header: "Số buổi phải dự", width: 12 },
    { header: "Có mặt", width: 10 },
    { header: "Vắng có lý do", width: 12 },
    { header: "Vắng không lý do", width: 12 },
    { header: "Nhiệm vụ đúng hạn", width: 12 },
    { header: "Nhiệm vụ trễ hạn", width: 12 },
    { header: "Nhiệm vụ chưa xong", width: 12 },
    { header: "Đánh giá Tốt", width: 10 },
    { header: "Đánh giá Hoàn thành", width: 12 },
    { header: "Đánh giá Chưa đạt", width: 12 },
    { header: "Số lần tự kiểm điểm", width: 12 },
  ]);
  for (const r of summary) {
    members.addRow([
      text(r.cell),
      text(r.member),
      word(STATUS_WORDS, r.status),
      r.expected,
      r.present,
      r.excused,
      r.unexcused,
      r.onTime,
      r.late,
      r.notDone,
      r.good,
      r.done,
      r.notAchieved,
      r.selfReviews,
    ]);
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}
