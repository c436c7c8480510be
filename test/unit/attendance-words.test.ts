import { describe, expect, it } from "vitest";
import { readStatusAtEnd } from "../../src/features/meetings/attendance-words.ts";

describe("the status word of /attendance (issue 9: Vietnamese words too)", () => {
  it.each([
    ["#3 present", "#3", "present"],
    ["@lebinh có mặt", "@lebinh", "present"],
    ["Lê Thị Bình  vắng có lý do", "Lê Thị Bình", "excused"],
    ["#3 vang co ly do", "#3", "excused"],
    ["#3 vắng không lý do", "#3", "unexcused"],
    ["#3 Vắng Không Lý Do", "#3", "unexcused"],
    ["#3 thay mặt", "#3", "proxy"],
    ["#3 điểm danh hộ", "#3", "proxy"],
    ["#3 UNEXCUSED", "#3", "unexcused"],
  ])("%j → %j %s", (text, member, status) => {
    expect(readStatusAtEnd(text)).toEqual({ member, status });
  });

  it.each(["#3", "#3 vắng", "#3 presently", "", "#3 lý do"])("%j has no status", (text) => {
    expect(readStatusAtEnd(text)).toBeNull();
  });
});
