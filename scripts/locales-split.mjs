// Moves the messages of a one-file locale (locales/<locale>.ftl) into the per-feature layout
// (locales/<locale>/<feature>.ftl, locales/<locale>/common.ftl), then deletes the one file.
//
//   node scripts/locales-split.mjs
//
// It made the per-feature layout out of locales/vi.ftl and locales/en.ftl, and it re-homes what a
// branch made before that layout still adds or changes in those files: take the branch's
// locales/vi.ftl and locales/en.ftl as they are, run this, and review the diff.
// - A message already in the layout with other text is replaced where it stands.
// - A new message goes to the file of the feature whose code names it (src/features/<feature>/),
//   or to common.ftl when several features, or code outside src/features, name it; it lands at the
//   end of its original section in that file (the section is added when the file lacks it).
// test/unit/locales.test.ts then checks the result (every key in the right file, in every locale).
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const LOCALES = join(ROOT, "locales");
const SRC = join(ROOT, "src");

// Key families whose keys the code of the one-file era built from template strings
// (`meeting-state-${state}`), so no literal named them; the owner of each. A family given to
// common stays there whoever names its keys: roles, statuses and the date parser's problems are
// shown by several features.
const SHARED = ["role-", "status-", "datetime-problem-"];
const FAMILIES = [
  ["lang-button-", "everyday"],
  ["cell-kind-", "setup"],
  ["roster-reason-", "roster"],
  ["group-name-", "groups"],
  ["settings-menu-", "settings"],
  ["meeting-", "meetings"],
  ["attendance-status-", "meetings"],
];

// Messages removed after the split (nothing showed them): a branch's copy of the one file still
// has them, and they must not come back.
const REMOVED = new Set(["bot-name", "delivery-test"]);

// Section headers of the one file that do not fit the file a message lands in ("file|header", or
// "*|header" for every file), per locale; the one-file vi.ftl also had a header in English.
const COMMANDS = { vi: "## Mô tả lệnh", en: "## Command descriptions" };
const HEADERS = {
  vi: {
    "*|## Meeting reminders": "## Nhắc lịch họp",
    "*|## Mô tả lệnh (hiện trong menu Telegram)": COMMANDS.vi,
    "*|## Mô tả lệnh trong nhóm chi bộ": COMMANDS.vi,
    "*|## Mô tả các lệnh khác (cho menu lệnh theo vai trò)": COMMANDS.vi,
    "common|## Chi bộ và quyền hạn (dùng chung)": "## Chi bộ và quyền hạn",
    "common|## Thiết lập: Đảng bộ, chi bộ, kênh Đảng ủy": "## Tên (chi bộ, Đảng bộ, đảng viên)",
    "members|## Chi bộ và quyền hạn (dùng chung)":
      "## Cách ghi đảng viên trong lệnh: trả lời tin nhắn, @tên, số thứ tự",
    "members|## Đảng viên, vai trò, tình trạng và tổ đảng (/role, /status, /members, /group, /groups)":
      "## Đảng viên, vai trò, tình trạng (/role, /status, /members)",
    "groups|## Đảng viên, vai trò, tình trạng và tổ đảng (/role, /status, /members, /group, /groups)":
      "## Tổ đảng (/group, /groups)",
    "settings|## Cài đặt (/settings), dữ liệu đảng viên (/export_member, /erase_member), nhắc riêng":
      "## Cài đặt (/settings)",
    "member-data|## Cài đặt (/settings), dữ liệu đảng viên (/export_member, /erase_member), nhắc riêng":
      "## Dữ liệu đảng viên (/export_member, /erase_member)",
    "reach|## Cài đặt (/settings), dữ liệu đảng viên (/export_member, /erase_member), nhắc riêng":
      "## Nhắc riêng",
  },
  en: {
    "*|## Command descriptions (shown in Telegram's menu)": COMMANDS.en,
    "*|## Command descriptions in cell groups": COMMANDS.en,
    "*|## Descriptions of the other commands (for per-role command menus)": COMMANDS.en,
    "common|## Cells and permissions (shared)": "## Cells and permissions",
    "common|## Setup: organisation, cells, committee chat": "## Names (cells, organisation, members)",
    "members|## Cells and permissions (shared)": "## Naming a member in a command: reply, @username, number",
    "members|## Members, roles, statuses and party groups (/role, /status, /members, /group, /groups)":
      "## Members, roles and statuses (/role, /status, /members)",
    "groups|## Members, roles, statuses and party groups (/role, /status, /members, /group, /groups)":
      "## Party groups (/group, /groups)",
    "settings|## Settings (/settings), member data (/export_member, /erase_member), private reminders":
      "## Settings (/settings)",
    "member-data|## Settings (/settings), member data (/export_member, /erase_member), private reminders":
      "## Member data (/export_member, /erase_member)",
    "reach|## Settings (/settings), member data (/export_member, /erase_member), private reminders":
      "## Private reminders",
  },
};
// Messages that join a section of their own file other than the one they had.
const KEY_HEADERS = { "me-cell-detail": "## /me", "help-cell": "## /help", "help-secretary": "## /help" };

/** @param {"vi" | "en"} locale @param {string} file @param {string} key @param {string} header */
function headerFor(locale, file, key, header) {
  return KEY_HEADERS[key] ?? HEADERS[locale][`${file}|${header}`] ?? HEADERS[locale][`*|${header}`] ?? header;
}

/** @param {string} text */
function parse(text) {
  /** @type {{ header: string, entries: { key: string, text: string }[] }[]} */
  const sections = [{ header: "", entries: [] }];
  let comments = [];
  let current = null;
  for (const line of text.split("\n")) {
    const section = sections.at(-1);
    if (line.startsWith("## ")) {
      sections.push({ header: line.trimEnd(), entries: [] });
      current = null;
      comments = [];
    } else if (/^#( |$)/.test(line)) {
      comments.push(line);
      current = null;
    } else if (/^[a-z][a-zA-Z0-9_-]*\s*=/.test(line)) {
      current = { key: line.split("=")[0].trim(), text: [...comments, line].join("\n") };
      section.entries.push(current);
      comments = [];
    } else if (/^\s+\S/.test(line) && current) {
      current.text += `\n${line}`;
    } else if (line.trim() === "") {
      current = null;
    } else {
      throw new Error(`cannot place this line: ${line}`);
    }
  }
  return sections.filter((s) => s.header !== "" || s.entries.length > 0);
}

/** @param {{ header: string, entries: { text: string }[] }[]} sections */
function render(sections) {
  return `${sections
    .filter((s) => s.entries.length > 0)
    .map((s) => [...(s.header ? [s.header, ""] : []), ...s.entries.map((e) => e.text)].join("\n"))
    .join("\n\n")}\n`;
}

function sourceTexts() {
  return readdirSync(SRC, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith(".ts") && !e.parentPath.includes("generated"))
    .map((e) => {
      const path = relative(SRC, join(e.parentPath, e.name)).split(sep);
      return {
        owner: path[0] === "features" ? path[1] : "common",
        text: readFileSync(join(e.parentPath, e.name), "utf8"),
      };
    });
}

/** @param {string} key @param {{ owner: string, text: string }[]} sources */
function ownerOf(key, sources) {
  const shared = SHARED.find((prefix) => key.startsWith(prefix));
  if (shared) return "common";
  const owners = new Set(sources.filter((s) => s.text.includes(`"${key}"`)).map((s) => s.owner));
  if (owners.size === 1) return [...owners][0];
  if (owners.size > 1) return "common";
  const family = FAMILIES.find(([prefix]) => key.startsWith(prefix));
  if (family) return family[1];
  console.warn(`no code names ${key}: it goes to common.ftl`);
  return "common";
}

const sources = sourceTexts();
for (const locale of ["vi", "en"]) {
  const oneFile = join(LOCALES, `${locale}.ftl`);
  if (!existsSync(oneFile)) continue;
  const dir = join(LOCALES, locale);
  /** @type {Map<string, ReturnType<typeof parse>>} */
  const files = new Map();
  if (existsSync(dir)) {
    for (const name of readdirSync(dir).filter((n) => n.endsWith(".ftl"))) {
      files.set(basename(name, ".ftl"), parse(readFileSync(join(dir, name), "utf8")));
    }
  }
  const where = new Map();
  for (const [file, sections] of files) {
    for (const section of sections)
      for (const entry of section.entries) where.set(entry.key, { file, entry });
  }
  for (const section of parse(readFileSync(oneFile, "utf8"))) {
    for (const entry of section.entries) {
      if (REMOVED.has(entry.key)) continue;
      const found = where.get(entry.key);
      if (found) {
        if (found.entry.text !== entry.text)
          console.log(`${locale}: ${entry.key} changed in ${found.file}.ftl`);
        found.entry.text = entry.text;
        continue;
      }
      const file = ownerOf(entry.key, sources);
      if (!files.has(file)) files.set(file, []);
      const sections = files.get(file);
      const header = headerFor(locale, file, entry.key, section.header);
      let target = sections.find((s) => s.header === header);
      if (!target) sections.push((target = { header, entries: [] }));
      target.entries.push(entry);
      where.set(entry.key, { file, entry });
      console.log(`${locale}: ${entry.key} -> ${file}.ftl`);
    }
  }
  mkdirSync(dir, { recursive: true });
  for (const [file, sections] of files) writeFileSync(join(dir, `${file}.ftl`), render(sections));
  rmSync(oneFile);
}
