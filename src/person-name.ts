// How people are named (issue 9 item 10): the one place that decides which name is shown and how a
// member is addressed. A full name in Vietnamese order (family name first: "Nguyễn Văn An") comes
// from a roster import or the member's own /me → "Sửa họ tên"; otherwise Telegram's name is shown
// as Telegram shows it (first name, then last name, in the order the person typed them).

/** What the bot may know of a person's names. */
export interface PersonNames {
  /** Full name in Vietnamese order, when known (roster import, /me). */
  fullName: string | null;
  /** Telegram's name as Telegram shows it (stored when the person was first seen). */
  displayName: string;
  /** Telegram's first_name alone, when known. */
  firstName?: string | null;
}

/** The name shown for a person: the full name in Vietnamese order when known, else Telegram's. */
export function personName(person: Pick<PersonNames, "fullName" | "displayName">): string {
  return person.fullName ?? person.displayName;
}

/**
 * Common Vietnamese family names: they tell a name typed in Vietnamese order ("Nguyễn Văn An")
 * from one typed in Telegram's Western order ("An Nguyễn Văn").
 */
const FAMILY_NAMES = new Set(
  (
    "nguyễn trần lê phạm hoàng huỳnh phan vũ võ đặng bùi đỗ hồ ngô dương lý đinh đoàn trương lâm " +
    "mai trịnh đào cao hà lương tạ tô quách thái châu lưu kiều vương tăng triệu la từ"
  )
    .split(" ")
    .map((w) => w.normalize("NFC")),
);

function words(text: string): string[] {
  return text.trim().split(/\s+/u).filter(Boolean);
}

function isFamilyName(word: string | undefined): boolean {
  return word !== undefined && FAMILY_NAMES.has(word.normalize("NFC").toLocaleLowerCase("vi"));
}

/** A name in Vietnamese order (family name first, given name last) rather than Western order. */
function looksVietnameseOrder(parts: readonly string[]): boolean {
  return parts.length >= 2 && isFamilyName(parts[0]) && !isFamilyName(parts[parts.length - 1]);
}

/**
 * How a message addresses the person ("đồng chí An"): the given name. For a full name that is its
 * last word ("Nguyễn Văn An" → "An"). With only Telegram's name: the first name as the person
 * typed it ("An" of "An" + "Nguyễn Văn"), unless it was typed in Vietnamese order ("Nguyễn Văn" +
 * "An", or everything in the first name) — then the last word. Without the first name alone
 * (people recorded before it was kept): the same reading of the whole Telegram name.
 */
export function givenName(person: PersonNames): string {
  if (person.fullName) return words(person.fullName).at(-1) ?? person.fullName;
  const all = words(person.displayName);
  const first = person.firstName ? words(person.firstName) : [];
  if (first.length === 1) return first[0]!;
  if (first.length >= 2) {
    if (looksVietnameseOrder(first)) return all.at(-1) ?? person.displayName;
    // The whole name typed Western style in the first name ("Lan Nguyễn"): its first word.
    if (looksVietnameseOrder([...first].reverse())) return first[0]!;
    return first.join(" ");
  }
  if (all.length <= 1) return person.displayName;
  return looksVietnameseOrder(all) ? all.at(-1)! : all[0]!;
}
