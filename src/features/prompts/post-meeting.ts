// The post-meeting feedback (PRODUCT §4B, §4D): /close_meeting freezes the register and, in the same
// step, leaves a draft prompt with its "prompt_post_meeting" outbox row (attendance repository,
// closeRegister). This job gives the draft its two questions — a 1–5 rating of the meeting
// and "Lần sinh hoạt tới cần làm tốt hơn điều gì?" — asks exactly the members who were present
// (checked in themselves or by proxy), anonymously, open 3 days: privately where the bot can reach
// them, and in the group for everyone present (the post carries the count, never who answered).
import type { JobDeps } from "../../bot/feature-module.ts";
import { PermanentJobError, type Job } from "../../scheduler/jobs.ts";
import { cellLocale } from "../meetings/announcement.ts";
import { translatorFor } from "./render.ts";
import { openingRows } from "./service.ts";

export const POST_MEETING_KIND = "prompt_post_meeting";

/** How long members may answer the post-meeting feedback. */
export const POST_MEETING_OPEN_DAYS = 3;

const PRESENT = new Set(["present", "proxy"]);

export function createPostMeetingJobs(deps: JobDeps): Record<string, Job> {
  const { services } = deps;
  const { repos, clock } = services;
  const launch: Job = {
    plan(row) {
      if (typeof row.payload["promptId"] !== "number")
        throw new PermanentJobError("prompt_post_meeting needs promptId");
      // Nothing to send: the work is in afterSent.
      return Promise.resolve({ messages: [] });
    },
    async afterSent(row) {
      const prompt = await repos.prompts.get(Number(row.payload["promptId"]));
      // Sent already (a retry after this step wrote), or gone with its meeting.
      if (!prompt || prompt.state !== "draft" || prompt.cellId === null || prompt.meetingId === null) return;
      const cell = await repos.cells.get(prompt.cellId);
      if (!cell) return;
      const loc = await cellLocale(services, cell.id);
      const t = translatorFor(services, loc.locale);
      const ready = await repos.prompts.addQuestions(prompt.id, [
        { kind: "rating", text: t("post-meeting-q-rating") },
        { kind: "text", text: t("post-meeting-q-better") },
      ]);
      const present = (await repos.attendance.listForMeeting(prompt.meetingId))
        .filter((a) => PRESENT.has(a.status))
        .map((a) => a.memberId);
      await repos.prompts.setTargets(prompt.id, present);
      const now = clock.now();
      const closesAt = new Date(now.getTime() + POST_MEETING_OPEN_DAYS * 86_400_000);
      if (!(await repos.prompts.transition(prompt.id, "draft", "open", { opensAt: now, closesAt }))) return;
      await repos.outbox.schedule(
        openingRows(
          { ...ready, opensAt: now, closesAt },
          { groupChatId: cell.chatId, post: present.length > 0, askMemberIds: present },
        ),
      );
      services.scheduler.wake();
    },
  };
  return { [POST_MEETING_KIND]: launch };
}
