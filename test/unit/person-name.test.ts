import { describe, expect, it } from "vitest";
import { givenName, personName } from "../../src/person-name.ts";

describe("person names (issue 9 item 10)", () => {
  it("shows the full name in Vietnamese order when known, else Telegram's name as Telegram shows it", () => {
    expect(personName({ fullName: "Nguyễn Văn An", displayName: "An Nguyễn Văn" })).toBe("Nguyễn Văn An");
    expect(personName({ fullName: null, displayName: "Bình Trần Thị" })).toBe("Bình Trần Thị");
  });

  it.each([
    // A full name: its last word.
    [{ fullName: "Nguyễn Văn An", displayName: "An Nguyễn Văn", firstName: "An" }, "An"],
    [{ fullName: "Trần Thị Bình", displayName: "x" }, "Bình"],
    // Telegram's fields in Western order: the first name as typed, even a family-name-like one.
    [{ fullName: null, displayName: "An Nguyễn Văn", firstName: "An" }, "An"],
    [{ fullName: null, displayName: "Mai Võ Thị", firstName: "Mai" }, "Mai"],
    [{ fullName: null, displayName: "Văn An Nguyễn", firstName: "Văn An" }, "Văn An"],
    [{ fullName: null, displayName: "John Smith", firstName: "John" }, "John"],
    // Typed in Vietnamese order: in the first name alone, or split over both fields.
    [{ fullName: null, displayName: "Nguyễn Văn An", firstName: "Nguyễn Văn An" }, "An"],
    [{ fullName: null, displayName: "Nguyễn Văn An", firstName: "Nguyễn Văn" }, "An"],
    // The whole name typed Western style in the first name.
    [{ fullName: null, displayName: "Lan Nguyễn", firstName: "Lan Nguyễn" }, "Lan"],
    // Recorded before the first name was kept: the same reading of the whole name.
    [{ fullName: null, displayName: "An Nguyễn Văn" }, "An"],
    [{ fullName: null, displayName: "Nguyễn Văn An" }, "An"],
    [{ fullName: null, displayName: "Minh" }, "Minh"],
  ])("addresses %o as “đồng chí %s”", (person, expected) => {
    expect(givenName(person)).toBe(expected);
  });
});
