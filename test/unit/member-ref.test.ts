// The pure parts of naming members, roles and statuses, and party group names.
import { describe, expect, it } from "vitest";
import { clip } from "../../src/bot/kit/clip.ts";
import type { CellMemberView } from "../../src/db/repositories/memberships.ts";
import {
  checkGroupName,
  isSameGroupName,
  scriptsOf,
  splitGroupName,
  splitRefList,
  typedGroupName,
} from "../../src/features/groups/group-names.ts";
import {
  classifyMemberRef,
  describeMember,
  isCompactMemberRef,
  lookupMemberRef,
  matchMembersByName,
  memberName,
  normaliseName,
} from "../../src/features/members/member-ref.ts";
import {
  normalisePhrase,
  splitRole,
  splitStatus,
  unrecognisedWord,
} from "../../src/features/members/role-words.ts";

function member(
  number: number,
  fullName: string | null,
  displayName: string,
  username: string | null = null,
) {
  return {
    membershipId: number * 10,
    memberId: number * 100,
    cellId: 1,
    number,
    telegramId: 1000 + number,
    username,
    displayName,
    fullName,
    role: "member",
    status: "official",
    partyGroupId: null,
    partyGroupName: null,
    reachable: true,
    claimToken: null,
  } satisfies CellMemberView;
}

const roster = [
  member(1, "Nguyễn Văn An", "An", "nguyenan"),
  member(2, "Trần Thị Bình", "Bình"),
  member(3, "Nguyễn Thị Lan", "Lan Nguyễn", "lanthi"),
  member(4, "Lê Văn Đức", "Đức"),
  member(5, null, "Nguyễn Văn An"),
];

describe("normaliseName", () => {
  it.each([
    ["Nguyễn Văn Đức", "nguyen van duc"],
    ["  ĐẢNG VIÊN ", "dang vien"],
    ["Chi ủy", "chi uy"],
    ["Chi uỷ", "chi uy"],
    ["Nguye\u0302\u0303n", "nguyen"],
    ["", ""],
  ])("%j → %j", (input, expected) => {
    expect(normaliseName(input)).toBe(expected);
  });
});

describe("clip and names", () => {
  it("cuts long names by characters and marks the cut", () => {
    expect(clip("abc", 3)).toBe("abc");
    expect(clip("abcd", 3)).toBe("ab…");
    expect(clip("😀😀😀😀", 3)).toBe("😀😀…");
    expect(memberName(member(9, "x".repeat(4096), "y"))).toHaveLength(64);
  });

  it("prefers the full name and shows number and username", () => {
    expect(describeMember(roster[0]!)).toBe("#1 Nguyễn Văn An (@nguyenan)");
    expect(describeMember(roster[4]!)).toBe("#5 Nguyễn Văn An");
  });
});

describe("classifyMemberRef", () => {
  it.each([
    ["", { kind: "empty" }],
    ["   ", { kind: "empty" }],
    ["@nguyenan", { kind: "username", username: "nguyenan" }],
    ["#3", { kind: "number", number: 3 }],
    ["12", { kind: "number", number: 12 }],
    ["#1234567", { kind: "name", name: "#1234567" }],
    ["@ab", { kind: "name", name: "@ab" }],
    ["Nguyễn Văn An", { kind: "name", name: "Nguyễn Văn An" }],
    ["٣", { kind: "name", name: "٣" }],
    ["🙂", { kind: "name", name: "🙂" }],
  ])("%j", (input, expected) => {
    expect(classifyMemberRef(input)).toEqual(expected);
  });

  it("recognises compact references for lists", () => {
    expect(["@lanthi", "#4", "7"].every(isCompactMemberRef)).toBe(true);
    expect(["Lan", "", "@", "#x"].some(isCompactMemberRef)).toBe(false);
  });
});

describe("matchMembersByName", () => {
  it("finds an exact full or Telegram name, ignoring case and diacritics", () => {
    expect(matchMembersByName(roster, "tran thi binh").exact.map((m) => m.number)).toEqual([2]);
    expect(matchMembersByName(roster, "LAN  NGUYỄN").exact.map((m) => m.number)).toEqual([3]);
  });

  it("returns every exact match when names repeat (ambiguous)", () => {
    expect(matchMembersByName(roster, "Nguyễn Văn An").exact.map((m) => m.number)).toEqual([1, 5]);
  });

  it("falls back to partial matches of names and usernames", () => {
    const { exact, partial } = matchMembersByName(roster, "nguyen");
    expect(exact).toEqual([]);
    expect(partial.map((m) => m.number)).toEqual([1, 3, 5]);
    expect(matchMembersByName(roster, "lanthi").partial.map((m) => m.number)).toEqual([3]);
  });

  it("never matches on one letter, emoji or unknown scripts", () => {
    expect(matchMembersByName(roster, "n")).toEqual({ exact: [], partial: [] });
    expect(matchMembersByName(roster, "🙂🙂")).toEqual({ exact: [], partial: [] });
    expect(matchMembersByName(roster, "Нгуен")).toEqual({ exact: [], partial: [] });
  });
});

describe("lookupMemberRef", () => {
  const repo = {
    findByTelegramId: (_cell: number, id: number) =>
      Promise.resolve(roster.find((m) => m.telegramId === id) ?? null),
    findByUsername: (_cell: number, u: string) =>
      Promise.resolve(roster.filter((m) => m.username?.toLowerCase() === u.toLowerCase())),
    findByNumber: (_cell: number, n: number) => Promise.resolve(roster.find((m) => m.number === n) ?? null),
    listActive: () => Promise.resolve(roster),
  };

  it.each([
    ["@NguyenAn", {}, 1],
    ["#2", {}, 2],
    ["4", {}, 4],
    ["Lê Văn Đức", {}, 4],
    ["", { repliedTo: { id: 1003, name: "Lan" } }, 3],
    ["whatever", { mentioned: { id: 1002, name: "Bình" } }, 2],
  ])("%j with %j finds #%i", async (ref, hints, number) => {
    const result = await lookupMemberRef(repo, 1, ref, hints);
    expect(result.kind === "found" ? result.member.number : result).toBe(number);
  });

  it("says what is missing, unknown or ambiguous", async () => {
    expect(await lookupMemberRef(repo, 1, "")).toEqual({ kind: "missing" });
    expect(await lookupMemberRef(repo, 1, "#99")).toEqual({ kind: "unknown", given: "#99" });
    expect(await lookupMemberRef(repo, 1, "", { repliedTo: { id: 5, name: "Khách" } })).toEqual({
      kind: "unknown",
      given: "Khách",
    });
    const ambiguous = await lookupMemberRef(repo, 1, "Nguyễn Văn An");
    expect(ambiguous.kind === "ambiguous" && ambiguous.candidates.map((m) => m.number)).toEqual([1, 5]);
    const long = await lookupMemberRef(repo, 1, "ặ".repeat(4096));
    expect(long.kind === "unknown" && [...long.given].length).toBe(64);
  });
});

describe("role and status words", () => {
  it.each([
    ["@an bí thư", "secretary", "@an"],
    ["@an Bí Thư", "secretary", "@an"],
    ["@an bi thu", "secretary", "@an"],
    ["#3 phó bí thư", "deputy", "#3"],
    ["#3 PHO BI THU", "deputy", "#3"],
    ["#3 deputy secretary", "deputy", "#3"],
    ["Nguyễn Văn An chi ủy", "committee", "Nguyễn Văn An"],
    ["Nguyễn Văn An chi uỷ viên", "committee", "Nguyễn Văn An"],
    ["3 tổ trưởng", "group_leader", "3"],
    ["3 group_leader", "group_leader", "3"],
    ["3 group-leader", "group_leader", "3"],
    ["3 Group Leader", "group_leader", "3"],
    ["@an đảng viên.", "member", "@an"],
    ["@an member", "member", "@an"],
    ["bí thư", "secretary", ""],
    ["phó bí thư @an", "deputy", "@an"],
    ["bí thư chi bộ", "secretary", ""],
  ])("role %j → %s, member %j", (text, role, rest) => {
    expect(splitRole(text)).toEqual({ value: role, rest });
  });

  it.each([["@an chủ tịch"], ["@an"], [""], ["🙂"], ["bíthư"], ["@an secretaryy"]])(
    "no role in %j",
    (text) => {
      expect(splitRole(text)).toBeNull();
    },
  );

  it.each([
    ["#3 chính thức", "official", "#3"],
    ["#3 dự bị", "probationary", "#3"],
    ["#3 đảng viên dự bị", "probationary", "#3"],
    ["#3 miễn sinh hoạt", "exempt", "#3"],
    ["#3 mien sinh hoat", "exempt", "#3"],
    ["@an probationary", "probationary", "@an"],
    ["@an Official", "official", "@an"],
    ["@an exempt", "exempt", "@an"],
  ])("status %j → %s", (text, status, rest) => {
    expect(splitStatus(text)).toEqual({ value: status, rest });
  });

  it("does not take a role word for a status", () => {
    expect(splitStatus("#3 bí thư")).toBeNull();
    expect(splitRole("#3 dự bị")).toBeNull();
  });

  it("quotes back the word it did not understand", () => {
    expect(unrecognisedWord("@an chủ tịch")).toBe("chủ tịch");
    expect(unrecognisedWord("#3 x")).toBe("x");
    expect(unrecognisedWord("Nguyễn Văn An chủ")).toBe("chủ");
    expect(unrecognisedWord("@an")).toBe("");
    expect(unrecognisedWord("")).toBe("");
  });

  it("normalises phrases", () => {
    expect(normalisePhrase(" Tổ_Trưởng!  ")).toBe("to truong");
  });
});

describe("party group names", () => {
  it.each([
    ["Tổ 1", "Tổ 1"],
    ["  Tổ   Cơ khí  ", "Tổ Cơ khí"],
    ["To\u0302\u0309 2", "Tổ 2"],
    ["Tổ (Khu A) - phố Huế", "Tổ (Khu A) - phố Huế"],
    ["Группа 1", "Группа 1"],
    ["x".repeat(64), "x".repeat(64)],
  ])("accepts %j", (raw, name) => {
    expect(checkGroupName(raw)).toEqual({ ok: true, name });
  });

  it.each([
    ["nothing", "", "empty"],
    ["spaces", "   ", "empty"],
    ["65 characters", "x".repeat(65), "too-long"],
    ["4,096 characters", "Tổ 1".repeat(1024), "too-long"],
    ["an emoji", "Tổ 1 🌟", "bad-chars"],
    ["only an emoji", "🙂", "bad-chars"],
    ["a control character", "Tổ\u0000 1", "bad-chars"],
    ["markup", "Tổ <b>1</b>", "bad-chars"],
    ["a Cyrillic look-alike", "Тổ 1", "mixed-scripts"],
    ["Han and Latin", "Tổ 中 1", "mixed-scripts"],
  ])("refuses %s", (_label, raw, problem) => {
    const check = checkGroupName(raw);
    expect(check.ok === false && check.problem).toBe(problem);
  });

  it("tells scripts apart", () => {
    expect([...scriptsOf("Tổ Đảng 1")]).toEqual(["latin"]);
    expect([...scriptsOf("Tоổ")].sort()).toEqual(["cyrillic", "latin"]);
    expect(scriptsOf("123 - ()").size).toBe(0);
  });

  it("compares names without case or diacritics", () => {
    expect(isSameGroupName("Tổ 1", "to 1")).toBe(true);
    expect(isSameGroupName("Tổ  Cơ khí", "TỔ CƠ KHÍ")).toBe(true);
    expect(isSameGroupName("Tổ 1", "Tổ 10")).toBe(false);
  });

  const groups = [{ name: "Tổ 1" }, { name: "Tổ 10" }, { name: "Tổ Cơ khí" }];

  it.each([
    ["Tổ 1 @an #5", "Tổ 1", "@an #5"],
    ["to 1 @an", "Tổ 1", "@an"],
    ["Tổ 10 @an", "Tổ 10", "@an"],
    ["Tổ 1 10", "Tổ 1", "10"],
    ["Tổ 1, @an, #5", "Tổ 1", "@an, #5"],
    ["tổ cơ khí Nguyễn Văn An", "Tổ Cơ khí", "Nguyễn Văn An"],
    ["Tổ Cơ khí | @an", "Tổ Cơ khí", "@an"],
    ["Tổ 1", "Tổ 1", ""],
  ])("reads %j as group %j and members %j", (text, name, rest) => {
    expect(splitGroupName(text, groups)).toEqual({ group: { name }, rest });
  });

  it("finds no group when the name is not there", () => {
    expect(splitGroupName("Tổ 2 @an", groups)).toBeNull();
    expect(splitGroupName("Tổ | @an", groups)).toBeNull();
    expect(splitGroupName("", groups)).toBeNull();
    expect(typedGroupName("Tổ 2 @an #5")).toBe("Tổ 2");
    expect(typedGroupName("Tổ 2 | 5")).toBe("Tổ 2");
  });

  it("splits member lists on spaces, commas and semicolons", () => {
    expect(splitRefList(" @an, #5;7  @binh,,")).toEqual(["@an", "#5", "7", "@binh"]);
    expect(splitRefList("")).toEqual([]);
  });
});
