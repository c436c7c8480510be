import { describe, expect, it } from "vitest";
import { cleanOptional, cleanText, nameKey } from "../../src/clean-text.ts";

describe("cleanText", () => {
  it.each([
    ["zero-width space inside a name", "Hùng\u200b Lê", "Hùng Lê"],
    ["right-to-left override reversing the rest of the line", "Hùng Lê\u202e nêyugN", "Hùng Lê nêyugN"],
    ["bidi isolates and marks", "\u2066An\u2069 \u200fBình\u200e", "An Bình"],
    [
      "joiners, word joiner, BOM and soft hyphen",
      "\ufeffNguy\u00adễn\u2060 V\u200dăn\u200c An",
      "Nguyễn Văn An",
    ],
    ["tag characters", "An\u{e0041}\u{e0042}", "An"],
    ["decomposed diacritics become composed (NFC)", "Nguye\u0302\u0303n", "Nguyễn"],
    [
      "runs of white space, no-break spaces and line breaks",
      "  Trần\u00a0\u00a0Văn\n\tBình  ",
      "Trần Văn Bình",
    ],
    ["nothing visible at all", "\u200b\u202e\u2060", ""],
  ])("%s", (_label, given, expected) => {
    expect(cleanText(given)).toBe(expected);
  });

  it("keeps line breaks in multi-line text, cleaning each line", () => {
    expect(cleanText("Ý kiến 1:\u202e  tăng\u200b cường\r\n\n\n\n  Ý kiến 2  ", { multiline: true })).toBe(
      "Ý kiến 1: tăng cường\n\nÝ kiến 2",
    );
  });

  it("turns empty optional text into null", () => {
    expect(cleanOptional(null)).toBeNull();
    expect(cleanOptional(" \u200b ")).toBeNull();
    expect(cleanOptional(" Hội\u202e trường ")).toBe("Hội trường");
  });
});

describe("nameKey", () => {
  it("matches names that look alike, whatever the case, diacritics or invisible characters", () => {
    const key = nameKey("Hùng Lê");
    for (const alike of ["hùng lê", "HUNG LE", "Hùng\u200b Lê\u202e", "Hu\u0300ng  Lê", "Hùng-Lê"])
      expect(nameKey(alike)).toBe(key);
    expect(nameKey("Đặng Thị Ánh")).toBe("dang thi anh");
    expect(nameKey("Hùng Lễ Minh")).not.toBe(key);
  });
});
