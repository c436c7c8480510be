// `npm run demo` in-process: the scripted ward runs against the emulator on the manual clock and the
// transcript shows the key moments as members see them.
import { readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { describe, expect, it } from "vitest";
import { runDemo } from "../../src/demo/run-demo.ts";

const demoDirs = () => readdirSync(tmpdir()).filter((name) => name.startsWith("chibo-demo-"));

describe("npm run demo", () => {
  it("plays the ward and the meeting month and prints what members see", async () => {
    const before = new Set(demoDirs());
    const lines: string[] = [];
    // No timed assertion: speed is the benchmark's business; a shared machine only makes this slower.
    const { summary } = await runDemo({ print: (line) => lines.push(line) });
    const transcript = lines.join("\n");

    // Setting up: a cell registered, a member approved by the secretary, the roster imported.
    expect(transcript).toContain("Đã đăng ký nhóm này là Chi bộ Khu phố 1 (chi bộ khu phố).");
    expect(transcript).toContain("✅ Đã chấp thuận: đồng chí Nguyễn Văn Hải (@nguyenhai)");
    expect(transcript).toContain("Người duyệt: Trần Thị Lan.");
    expect(transcript).toContain("Đã nhận: 3 đảng viên. Bị từ chối: 1 dòng.");
    expect(transcript).toContain("Danh sách đảng viên Chi bộ Khu phố 1 (8 đồng chí)");

    // The month: announcement with buttons, a private reminder, check-in, the close result.
    expect(transcript).toContain("🕢 Thứ Sáu, 04/12/2026 lúc 19:30");
    expect(transcript).toContain("[✅ Tham dự] [❌ Vắng mặt] [❔ Chưa chắc]");
    // Names in Vietnamese order; each member addressed by the given name (issue 9 item 10).
    expect(transcript).toMatch(/🤖 tin riêng → Võ Thị Đào:\n\s+│ Kính nhắc đồng chí Đào:/);
    expect(transcript).not.toMatch(/Lan Trần|Hải Nguyễn|Bình Lê|Đào Võ/);
    expect(transcript).toContain("Đã điểm danh hộ đồng chí Võ Thị Mai.");
    expect(transcript).toContain("✅ Đã kết thúc sinh hoạt thường kỳ tháng 12/2026 #1");
    expect(transcript).toContain("tỷ lệ dự họp 57%");
    expect(transcript).toContain("digest");
    // Tasks: given from the meeting's conclusions, a progress report, one overdue, an evaluation.
    expect(transcript).toContain(
      "📌 Nhiệm vụ mới (đồng chí Trần Thị Lan giao): Tổ chức tổng vệ sinh môi trường khu phố",
    );
    expect(transcript).toContain("📝 Đồng chí Lê Văn Bình báo cáo tiến độ nhiệm vụ #1");
    expect(transcript).toContain("⏰ Nhiệm vụ #2 “Lập danh sách hộ khó khăn cần thăm” đã quá hạn");
    expect(transcript).toContain("được đánh giá TỐT");
    // It ends with the real monthly digest in the committee's group, its files written to a folder.
    expect(transcript).toContain("📊 BÁO CÁO THÁNG 12/2026 — Đảng bộ phường An Phú");
    expect(transcript).toContain("• Chi bộ Khu phố 1: tỷ lệ dự họp 36% (dưới 70%)");
    const folder = /Biểu đồ và sổ theo dõi \(Excel\) của báo cáo đã được lưu tại: (\S+)/.exec(
      transcript,
    )?.[1];
    expect(readdirSync(folder!).sort()).toEqual(["bieu-do-thang-12-2026.png", "so-theo-doi-2026-12.xlsx"]);
    rmSync(folder!, { recursive: true, force: true });

    expect(summary).toEqual({ cells: 2, members: 9, meetings: 2, expected: 7, attended: 4 });
    // The temporary data directory is gone.
    expect(demoDirs().filter((name) => !before.has(name))).toEqual([]);
  }, 120_000);
});
