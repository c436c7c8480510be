import { describe, expect, it } from "vitest";
import { PermanentJobError } from "../../src/scheduler/jobs.ts";
import { createTextJob, type TextJobOptions } from "../../src/scheduler/text-renderer.ts";
import type { OutboxRow } from "../../src/scheduler/types.ts";

function row(payload: unknown): OutboxRow {
  return {
    id: 1,
    key: "k",
    kind: "text",
    chatId: 5,
    memberId: null,
    cellId: null,
    // The renderer must cope with whatever a row holds, not only well-formed objects.
    payload: payload as OutboxRow["payload"],
    dueAt: new Date(0),
    expiresAt: null,
    status: "claimed",
    attempts: 1,
    claimedBy: "w",
    claimedUntil: null,
    sentAt: null,
    lastError: null,
    resultMessageId: null,
    createdAt: new Date(0),
    updatedAt: new Date(0),
  };
}

/** The text job's plan for one row, as a renderer of one message would return it. */
function createTextRenderer(options?: TextJobOptions) {
  const job = createTextJob(options);
  return async (r: OutboxRow) => {
    const plan = await job.plan(r);
    if ("skip" in plan) return plan;
    expect(plan.messages).toHaveLength(1);
    return plan.messages[0];
  };
}

describe("text job", () => {
  const translate = (locale: string, key: string, vars?: Record<string, unknown>) =>
    `${locale}:${key}:${JSON.stringify(vars ?? {})}`;

  it("sends literal text", async () => {
    await expect(createTextRenderer()(row({ text: "Xin chào" }))).resolves.toEqual({ text: "Xin chào" });
  });

  it("translates keyed payloads with the payload's locale, else the default", async () => {
    const render = createTextRenderer({ translate, defaultLocale: "vi" });
    await expect(render(row({ key: "reminder", vars: { n: 3 }, locale: "en" }))).resolves.toEqual({
      text: 'en:reminder:{"n":3}',
    });
    await expect(render(row({ key: "reminder" }))).resolves.toEqual({ text: "vi:reminder:{}" });
  });

  it("passes a valid parse mode through and ignores an invalid one", async () => {
    const render = createTextRenderer();
    await expect(render(row({ text: "<b>x</b>", parseMode: "HTML" }))).resolves.toEqual({
      text: "<b>x</b>",
      parseMode: "HTML",
    });
    await expect(render(row({ text: "x", parseMode: "bogus" }))).resolves.toEqual({ text: "x" });
  });

  it.each([
    ["no object", "hello"],
    ["neither text nor key", { foo: 1 }],
    ["empty text", { text: "  " }],
    ["a key but no translator", { key: "reminder" }],
  ])("rejects %s as permanent", async (_name, payload) => {
    await expect(createTextRenderer()(row(payload))).rejects.toBeInstanceOf(PermanentJobError);
  });
});
