// The narration of run-demo.ts and what the people of its ward type, in each language of the demo.
// These are the operator's texts, not the bot's (those are in locales/): the bot answers in the
// ward's language by itself. Fragments the script expects from the bot are here too, because they
// differ by language; names come in as arguments, so the way names are written stays in one place.
import { localParts, type PerLanguage } from "./language.ts";

export interface ScriptText {
  botName: string;
  timeLabel(at: Date): string;
  finished(seconds: string): string;
  intro: readonly string[];
  privateChat: string;
  inChat(label: string): string;
  pressed(name: string, button: string, where: string): string;
  alert: string;
  toast: string;
  schedulerRuns(why: string): string;
  nothingDue: string;
  addsBot(name: string, label: string): string;
  ward: {
    heading: string;
    othersStart: string;
    fullNamesNote: string;
    committeeGroup: string;
    committeeRegistered(title: string): string;
    organisation: string;
    cellGroup: string;
    companyGroup: string;
    cellName: string;
    cellKind: string;
    companyName: string;
    companyKind: string;
    companyRegistered(name: string): string;
  };
  joining: {
    heading: string;
    secretaryRole: string;
  };
  roster: {
    heading: string;
    csv: readonly string[];
    fileName: string;
    sends(name: string, label: string, fileName: string): string;
    imported: string;
    groupName: string;
    groupLeaderNote: string;
  };
  schedule: {
    heading: string;
    meetingCommand: string;
    place: string;
    announcedWhen: string;
    agendaItem: string;
  };
  reminders: {
    heading: string;
    threeDays: string;
    twoDays: string;
    oneDay: string;
    twoHours: string;
    reminderFragment: string;
    agendaReady: string;
  };
  checkin: {
    heading: string;
    proxyNote: string;
    proxyDone(name: string): string;
  };
  close: {
    heading: string;
    conclusions: string;
    afterMeeting: string;
    nextMorning: string;
  };
  summary: {
    heading: string;
    cells(n: number): string;
    members(n: number): string;
    meetings(n: number): string;
    meeting(id: number, attended: number, expected: number, rate: number): string;
  };
}

const VI_WEEKDAYS = ["Chủ Nhật", "Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy"];
const EN_WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const EN_MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];
const two = (n: number) => String(n).padStart(2, "0");

export const SCRIPT_TEXT: PerLanguage<ScriptText> = {
  vi: {
    botName: "Trợ lý Chi bộ",
    timeLabel(at) {
      const p = localParts(at);
      return `${VI_WEEKDAYS[p.weekday]}, ${two(p.day)}/${two(p.month)}/${p.year} ${p.time}`;
    },
    finished: (seconds) => `(Demo chạy xong trong ${seconds} giây.)`,
    intro: [
      "Trợ lý Chi bộ — bản chạy thử với Telegram giả lập cục bộ (không cần mạng, không cần token).",
      "Dữ liệu: tệp SQLite tạm thời. Đồng hồ chạy nhanh: một tháng sinh hoạt trong vài giây.",
    ],
    privateChat: "(tin riêng với bot)",
    inChat: (label) => `trong ${label}`,
    pressed: (name, button, where) => `👆 ${name} bấm [${button}] ${where}`,
    alert: "hộp thoại",
    toast: "thông báo nhanh",
    schedulerRuns: (why) => `Bộ hẹn giờ chạy (${why}).`,
    nothingDue: "Không có tin nào đến hạn.",
    addsBot: (name, label) => `➕ ${name} thêm Trợ lý Chi bộ vào ${label}`,
    ward: {
      heading: "1. Đảng ủy phường lập Đảng bộ trên Trợ lý",
      othersStart:
        "(Lan, Hải, Bình, Cúc, Đào và Tùng cũng mở chat riêng với bot bằng /start để nhận nhắc riêng.)",
      fullNamesNote: "(Họ tên đầy đủ của các đồng chí được ghi theo danh sách đảng viên của chi bộ.)",
      committeeGroup: "Đảng ủy phường An Phú",
      committeeRegistered: (title) => `Đã đăng ký “${title}”`,
      organisation: "Đảng bộ phường An Phú",
      cellGroup: "Chi bộ KP1",
      companyGroup: "Chi bộ Công ty May",
      cellName: "Chi bộ Khu phố 1",
      cellKind: "khu phố",
      companyName: "Chi bộ Công ty May An Phú",
      companyKind: "doanh nghiệp",
      companyRegistered: (name) => `${name} (chi bộ doanh nghiệp)`,
    },
    joining: {
      heading: "2. Đảng viên vào chi bộ: mời, bấm nút, Bí thư duyệt",
      secretaryRole: "bí thư",
    },
    roster: {
      heading: "3. Bí thư nhập danh sách đảng viên từ tệp CSV",
      csv: [
        "Họ và tên,Vai trò,Tổ đảng,Tình trạng",
        "Võ Thị Mai,đảng viên,Tổ 1,chính thức",
        "Đặng Văn Tư,tổ trưởng,Tổ 2,dự bị",
        "Hồ Văn Năm,giám đốc,,",
        "Lý Văn Sáu,,,miễn sinh hoạt",
      ],
      fileName: "danh-sach.csv",
      sends: (name, label, fileName) => `👤 ${name} trong ${label}: 📎 ${fileName} — chú thích “/import”`,
      imported: "Đã nhận: 3 đảng viên. Bị từ chối: 1 dòng.",
      groupName: "Tổ 1",
      groupLeaderNote: "(Tổ 1 đã được tạo khi nhập danh sách; Bí thư giao cho Hải làm tổ trưởng.)",
    },
    schedule: {
      heading: "4. Chi bộ Khu phố 1 lên lịch sinh hoạt tháng 12",
      meetingCommand: "/meeting 04/12 7h30 Hội trường Khu phố 1",
      place: "Hội trường Khu phố 1",
      announcedWhen: "Thứ Sáu, 04/12/2026 lúc 19:30",
      agendaItem: "Báo cáo tình hình an ninh trật tự",
    },
    reminders: {
      heading: "5. Nhắc họp do bộ hẹn giờ gửi",
      threeDays: "3 ngày trước cuộc họp",
      twoDays: "2 ngày trước cuộc họp",
      oneDay: "1 ngày trước cuộc họp",
      twoHours: "2 giờ trước cuộc họp",
      reminderFragment: "Kính nhắc đồng chí",
      agendaReady: "(20:15 — Hải đã chuẩn bị xong phần báo cáo.)",
    },
    checkin: {
      heading: "6. Điểm danh tại hội trường",
      proxyNote: "(Đồng chí Mai không dùng điện thoại thông minh; tổ trưởng Hải điểm danh hộ.)",
      proxyDone: (name) => `Đã điểm danh hộ đồng chí ${name}`,
    },
    close: {
      heading: "7. Kết thúc cuộc họp",
      conclusions: "Thống nhất kế hoạch tháng 12: vệ sinh môi trường, thăm hộ khó khăn",
      afterMeeting: "sau khi họp",
      nextMorning: "(Sáng hôm sau, Đào trả lời câu hỏi lý do vắng mặt.)",
    },
    summary: {
      heading: "Tổng kết từ cơ sở dữ liệu",
      cells: (n) => `   Chi bộ: ${n}`,
      members: (n) => `   Đảng viên đang sinh hoạt: ${n}`,
      meetings: (n) => `   Cuộc họp: ${n}`,
      meeting: (id, attended, expected, rate) =>
        `   Cuộc họp #${id}: ${attended}/${expected} đồng chí dự kiến có mặt (kể cả điểm danh hộ) — tỷ lệ ${rate}%`,
    },
  },
  en: {
    botName: "Party Cell Assistant",
    timeLabel(at) {
      const p = localParts(at);
      return `${EN_WEEKDAYS[p.weekday]}, ${p.day} ${EN_MONTHS[p.month - 1]} ${p.year}, ${p.time}`;
    },
    finished: (seconds) => `(The demo finished in ${seconds} s.)`,
    intro: [
      "Party Cell Assistant — a trial run against a local emulated Telegram (no network, no token).",
      "Data: a temporary SQLite file. The clock runs fast: a month of cell life in a few seconds.",
    ],
    privateChat: "(private chat with the bot)",
    inChat: (label) => `in ${label}`,
    pressed: (name, button, where) => `👆 ${name} presses [${button}] ${where}`,
    alert: "alert",
    toast: "toast",
    schedulerRuns: (why) => `The scheduler runs (${why}).`,
    nothingDue: "Nothing is due.",
    addsBot: (name, label) => `➕ ${name} adds the Party Cell Assistant to ${label}`,
    ward: {
      heading: "1. The ward's party committee sets up its organisation in the Assistant",
      othersStart:
        "(Lan, Hải, Bình, Cúc, Đào and Tùng also open a private chat with the bot with /start, to get private reminders.)",
      fullNamesNote:
        "(The members' full names are recorded in Vietnamese order, as on the cell's member list.)",
      committeeGroup: "An Phú Ward Party Committee",
      committeeRegistered: (title) => `“${title}” will now receive the monthly digest`,
      organisation: "An Phú Ward Party Organisation",
      cellGroup: "Cell KP1",
      companyGroup: "Garment Company Cell",
      cellName: "Neighbourhood 1 Cell",
      cellKind: "neighbourhood",
      companyName: "An Phú Garment Company Cell",
      companyKind: "enterprise",
      companyRegistered: (name) => `${name} (enterprise cell)`,
    },
    joining: {
      heading: "2. Members join their cell: an invitation, a button, the secretary approves",
      secretaryRole: "secretary",
    },
    roster: {
      heading: "3. The secretary imports the cell's roster from a CSV file",
      csv: [
        "Full name,Role,Party group,Status",
        "Võ Thị Mai,member,Group 1,official",
        "Đặng Văn Tư,group leader,Group 2,probationary",
        "Hồ Văn Năm,director,,",
        "Lý Văn Sáu,,,exempt",
      ],
      fileName: "roster.csv",
      sends: (name, label, fileName) => `👤 ${name} in ${label}: 📎 ${fileName} — caption “/import”`,
      imported: "Accepted: 3 members. Refused: 1 row.",
      groupName: "Group 1",
      groupLeaderNote: "(The import created Group 1; the secretary makes Hải its leader.)",
    },
    schedule: {
      heading: "4. Neighbourhood 1 Cell schedules its December meeting",
      meetingCommand: "/meeting 04/12 7:30 Neighbourhood 1 Hall",
      place: "Neighbourhood 1 Hall",
      announcedWhen: "Friday, 04/12/2026 at 19:30",
      agendaItem: "Report on security and public order",
    },
    reminders: {
      heading: "5. Meeting reminders sent by the scheduler",
      threeDays: "3 days before the meeting",
      twoDays: "2 days before the meeting",
      oneDay: "1 day before the meeting",
      twoHours: "2 hours before the meeting",
      reminderFragment: "A reminder for comrade",
      agendaReady: "(20:15 — Hải has his report ready.)",
    },
    checkin: {
      heading: "6. Check-in at the hall",
      proxyNote: "(Comrade Mai has no smartphone; Hải, her group leader, checks her in.)",
      proxyDone: (name) => `${name} is checked in (by you)`,
    },
    close: {
      heading: "7. The meeting closes",
      conclusions: "December plan agreed: clean-up of the neighbourhood, visits to households in need",
      afterMeeting: "after the meeting",
      nextMorning: "(The next morning, Đào answers the question about her absence.)",
    },
    summary: {
      heading: "Summary from the database",
      cells: (n) => `   Cells: ${n}`,
      members: (n) => `   Active members: ${n}`,
      meetings: (n) => `   Meetings: ${n}`,
      meeting: (id, attended, expected, rate) =>
        `   Meeting #${id}: ${attended}/${expected} expected members present (proxy check-ins included) — ${rate}%`,
    },
  },
};
