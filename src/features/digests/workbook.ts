// The workbook of /export and of the monthly digest (PRODUCT §4E), built with exceljs (loaded on
// first use): five sheets with Vietnamese headers, the header row frozen, column widths set, dates
// as real Excel dates (the organisation's wall-clock time), numbers as numbers. Any text that a
// spreadsheet could read as a formula (starting with = + - @, a tab or a carriage return) is
// neutralised with a leading apostrophe. Anonymous prompts appear only as aggregates; self-review
// answers only for the secretary's own cell.
import { PassThrough } from "node:stream";
import type ExcelJS from "exceljs";
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

const word = (map: Record<string, string>, id: string | null) =>
  id === null ? "" : Object.hasOwn(map, id) ? map[id]! : id;

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

/** A cell's value as the workbook stores it: text, a number, a (wall-clock) date, or empty. */
type CellValue = string | number | Date | null;

/** One column of a sheet: its header, width, number format, and its value for a row. */
interface Column<R> {
  header: string;
  width: number;
  format?: "date" | "percent";
  value: (row: R) => CellValue;
}

const FORMATS = { date: "dd/mm/yyyy hh:mm", percent: "0%" } as const;

type WorkbookWriter = ExcelJS.stream.xlsx.WorkbookWriter;

/**
 * Adds a sheet: the bold header row frozen, column widths, a number format only on the date and
 * percentage columns, then one row per item, each written out as soon as it is added (the streaming
 * writer keeps no row in memory).
 */
function addSheet<R>(book: WorkbookWriter, name: string, columns: readonly Column<R>[], rows: Iterable<R>) {
  const sheet = book.addWorksheet(name, { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({
    header: c.header,
    width: c.width,
    ...(c.format ? { style: { numFmt: FORMATS[c.format] } } : {}),
  }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.commit();
  for (const row of rows) sheet.addRow(columns.map((c) => c.value(row))).commit();
  sheet.commit();
}

export async function buildWorkbook(reports: ReportRepository, input: WorkbookInput): Promise<Buffer> {
  const { default: ExcelJS } = await import("exceljs");
  const { org, scope, cellId } = input;
  const timeZone = organisationSettings(org).timeZone;
  const { from, to, periods } = scopeBounds(scope, timeZone);
  // Many rows share an instant (a meeting's start on each member's line): each is converted once.
  const wallClock = new Map<number, Date>();
  /** An instant as the organisation's wall-clock time: Excel dates have no time zone. */
  const local = (at: Date | null) => {
    if (at === null) return null;
    let date = wallClock.get(at.getTime());
    if (!date) {
      const p = localParts(at, timeZone);
      date = new Date(Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute));
      wallClock.set(at.getTime(), date);
    }
    return date;
  };
  const text = (value: string | null) => (value === null ? "" : neutralise(value));

  // The data first, then the sheets written one after the other into the zip.
  const ytd = yearToDate(scope, timeZone);
  const [register, taskRows, promptFigures, cells, reviewRows, summary] = await Promise.all([
    reports.registerRows(org.id, from, to, cellId),
    reports.taskRows(org.id, from, to, cellId),
    reports.prompts(org.id, from, to, cellId),
    reports.cells(org.id, to, cellId),
    reports.selfReviewRows(org.id, periods, cellId, input.answersOfCell),
    reports.memberSummary(org.id, ytd.from, ytd.to, cellId),
  ]);
  const titles = await reports.promptTitles(promptFigures.map((p) => p.promptId));
  const cellNames = new Map(cells.map((c) => [c.id, c.name]));

  const chunks: Buffer[] = [];
  const sink = new PassThrough();
  sink.on("data", (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<void>((resolve, reject) => {
    sink.on("end", resolve);
    sink.on("error", reject);
  });
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sink, useStyles: true });
  book.creator = "Trợ lý Chi bộ";
  book.created = new Date(0);

  addSheet(
    book,
    SHEETS.attendance,
    [
      { header: "Chi bộ", width: 22, value: (r) => text(r.cell) },
      { header: "Ngày họp", width: 18, format: "date", value: (r) => local(r.startsAt) },
      { header: "Loại buổi họp", width: 16, value: (r) => word(MEETING_KIND_WORDS, r.kind) },
      { header: "Đảng viên", width: 28, value: (r) => text(r.member) },
      { header: "Điểm danh", width: 22, value: (r) => word(ATTENDANCE_WORDS, r.status) },
      { header: "Lý do", width: 36, value: (r) => text(reasonWords(r.reason)) },
    ],
    register,
  );

  addSheet(
    book,
    SHEETS.tasks,
    [
      { header: "Chi bộ", width: 22, value: (r) => text(r.cell) },
      { header: "Nhiệm vụ", width: 40, value: (r) => text(r.title) },
      { header: "Người thực hiện", width: 28, value: (r) => text(r.member) },
      { header: "Ngày giao", width: 18, format: "date", value: (r) => local(r.createdAt) },
      { header: "Hạn", width: 18, format: "date", value: (r) => local(r.dueAt) },
      {
        header: "Trạng thái",
        width: 20,
        value: (r) => word(ASSIGNMENT_WORDS, r.taskState === "cancelled" ? "cancelled" : r.state),
      },
      { header: "Ngày xong", width: 18, format: "date", value: (r) => local(r.doneAt) },
      {
        header: "Đúng hạn",
        width: 10,
        value: (r) =>
          r.doneAt === null
            ? ""
            : r.dueAt === null || r.doneAt.getTime() <= r.dueAt.getTime()
              ? "Có"
              : "Không",
      },
      { header: "Đánh giá", width: 12, value: (r) => word(GRADE_WORDS, r.grade) },
      { header: "Nhận xét", width: 36, value: (r) => text(r.comment) },
    ],
    taskRows,
  );

  addSheet(
    book,
    SHEETS.prompts,
    [
      { header: "Chi bộ", width: 22, value: (p) => text(cellNames.get(p.cellId) ?? "") },
      { header: "Câu hỏi", width: 44, value: (p) => text(titles.get(p.promptId)?.title ?? "") },
      { header: "Loại", width: 22, value: (p) => word(PROMPT_KIND_WORDS, p.kind) },
      { header: "Ẩn danh", width: 10, value: (p) => (p.anonymous ? "Có" : "Không") },
      {
        header: "Mở từ",
        width: 18,
        format: "date",
        value: (p) => local(titles.get(p.promptId)?.opensAt ?? null),
      },
      {
        header: "Đóng lúc",
        width: 18,
        format: "date",
        value: (p) => local(titles.get(p.promptId)?.closesAt ?? null),
      },
      { header: "Số người được hỏi", width: 12, value: (p) => p.audience },
      { header: "Đã trả lời", width: 12, value: (p) => p.responded },
      {
        header: "Tỷ lệ trả lời",
        width: 12,
        format: "percent",
        value: (p) => (p.audience > 0 ? Math.min(p.responded, p.audience) / p.audience : null),
      },
      {
        header: "Điểm trung bình",
        width: 12,
        value: (p) => (p.ratingCount > 0 ? Math.round((p.ratingSum / p.ratingCount) * 10) / 10 : null),
      },
    ],
    promptFigures,
  );

  type ReviewRow = (typeof reviewRows)[number];
  /** The answers only on the lines of the secretary's own cell. */
  const answer = (i: number) => (r: ReviewRow) =>
    r.cellId === input.answersOfCell ? text(r.answers[i] ?? "") : null;
  addSheet(
    book,
    SHEETS.selfReview,
    [
      { header: "Chi bộ", width: 22, value: (r: ReviewRow) => text(r.cell) },
      { header: "Tháng", width: 10, value: (r: ReviewRow) => r.period.split("-").reverse().join("/") },
      { header: "Đảng viên", width: 28, value: (r: ReviewRow) => text(r.member) },
      { header: "Đã nộp", width: 10, value: (r: ReviewRow) => (r.submitted ? "Có" : "Không") },
      ...(input.answersOfCell !== null
        ? [
            { header: "Học tập và làm theo Bác", width: 30, value: answer(0) },
            { header: "Thực hiện nhiệm vụ", width: 30, value: answer(1) },
            { header: "Tự phê bình", width: 44, value: answer(2) },
          ]
        : []),
    ],
    reviewRows,
  );

  addSheet(
    book,
    SHEETS.members,
    [
      { header: "Chi bộ", width: 22, value: (r) => text(r.cell) },
      { header: "Đảng viên", width: 28, value: (r) => text(r.member) },
      { header: "Tư cách", width: 16, value: (r) => word(STATUS_WORDS, r.status) },
      { header: "Số buổi phải dự", width: 12, value: (r) => r.expected },
      { header: "Có mặt", width: 10, value: (r) => r.present },
      { header: "Vắng có lý do", width: 12, value: (r) => r.excused },
      { header: "Vắng không lý do", width: 12, value: (r) => r.unexcused },
      { header: "Nhiệm vụ đúng hạn", width: 12, value: (r) => r.onTime },
      { header: "Nhiệm vụ trễ hạn", width: 12, value: (r) => r.late },
      { header: "Nhiệm vụ chưa xong", width: 12, value: (r) => r.notDone },
      { header: "Đánh giá Tốt", width: 10, value: (r) => r.good },
      { header: "Đánh giá Hoàn thành", width: 12, value: (r) => r.done },
      { header: "Đánh giá Chưa đạt", width: 12, value: (r) => r.notAchieved },
      { header: "Số lần tự kiểm điểm", width: 12, value: (r) => r.selfReviews },
    ],
    summary,
  );

  await book.commit();
  await finished;
  return Buffer.concat(chunks);
}
