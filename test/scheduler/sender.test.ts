// The sender's error policy against scripted Bot API answers (a grammY transformer stands in for
// the network); the same policy is exercised through the emulator in scheduler.integration.test.ts.
import { Api } from "grammy";
import { pino } from "pino";
import { describe, expect, it } from "vitest";
import { createManualClock } from "../../src/clock.ts";
import { createRateLimiter } from "../../src/scheduler/rate-limiter.ts";
import { createSender, type Delivery } from "../../src/scheduler/sender.ts";

type Answer =
  | { ok: true; result: unknown }
  | { ok: false; error_code: number; description: string; parameters?: object }
  | "network";

function setup(answers: Answer[]) {
  const calls: { method: string; chatId: unknown }[] = [];
  const api = new Api("123456:TEST-TOKEN-abcdefghijklmnopqrstuvwxyz", { apiRoot: "http://127.0.0.1:9" });
  api.config.use((_prev, method, payload) => {
    const chatId = (payload as { chat_id?: unknown }).chat_id;
    calls.push({ method, chatId });
    const answer = answers.shift() ?? {
      ok: true,
      result: { message_id: 100 + calls.length, chat: { id: chatId }, date: 0 },
    };
    if (answer === "network") throw new Error("ECONNRESET");
    return Promise.resolve(answer as never);
  });
  const unreachable: number[] = [];
  const migrations: [number, number][] = [];
  const penalties: number[] = [];
  const limiter = createRateLimiter({
    limits: { perChatIntervalMs: 0, marginMs: 0, globalPerSecond: 10_000 },
  });
  const penalize = limiter.penalize.bind(limiter);
  limiter.penalize = (chatId, ms) => {
    penalties.push(ms);
    penalize(chatId, ms);
  };
  const sleeps: number[] = [];
  const sender = createSender({
    api,
    limiter,
    members: { markUnreachable: (id: number) => Promise.resolve(void unreachable.push(id)) },
    chats: { migrateChatId: (from: number, to: number) => Promise.resolve(void migrations.push([from, to])) },
    clock: createManualClock(new Date("2025-01-01T00:00:00Z")),
    logger: pino({ level: "silent" }),
    retry: { transientAttempts: 3, baseDelayMs: 10, maxDelayMs: 100 },
    sleep: (ms) => {
      sleeps.push(ms);
      return Promise.resolve();
    },
    random: () => 1,
  });
  return { sender, calls, unreachable, migrations, penalties, sleeps };
}

const text = (chatId: number): Delivery => ({ chatId, text: "hello" });
const error = (error_code: number, description: string, parameters?: object): Answer => ({
  ok: false,
  error_code,
  description,
  ...(parameters ? { parameters } : {}),
});

describe("sender", () => {
  it("sends and reports the message id", async () => {
    const { sender, calls } = setup([]);
    await expect(sender.send(text(5))).resolves.toMatchObject({ status: "sent", chatId: 5, messageId: 101 });
    expect(calls).toEqual([{ method: "sendMessage", chatId: 5 }]);
  });

  it("waits out a 429 through the limiter and retries", async () => {
    const { sender, calls, penalties } = setup([error(429, "Too Many Requests", { retry_after: 0.05 })]);
    const outcome = await sender.send(text(-7));
    expect(outcome).toMatchObject({ status: "sent", attempts: 2 });
    expect(penalties).toEqual([50]);
    expect(calls).toHaveLength(2);
  });

  it("hands a delivery back when retry_after is too long to wait in process", async () => {
    const { sender, calls } = setup([error(429, "Too Many Requests", { retry_after: 3600 })]);
    const outcome = await sender.send(text(-7));
    expect(outcome).toMatchObject({ status: "retry_later" });
    expect(outcome.status === "retry_later" && outcome.retryAt.toISOString()).toBe(
      "2025-01-01T01:00:00.000Z",
    );
    expect(calls).toHaveLength(1);
  });

  it("retries 5xx and network errors with growing delays, then succeeds", async () => {
    const { sender, calls, sleeps } = setup([error(502, "Bad Gateway"), "network"]);
    await expect(sender.send(text(9))).resolves.toMatchObject({ status: "sent", attempts: 3 });
    expect(calls).toHaveLength(3);
    expect(sleeps).toEqual([10, 20]);
  });

  it("gives up after the configured transient attempts and asks for a later retry", async () => {
    const { sender, calls } = setup([error(500, "x"), error(500, "x"), error(500, "x")]);
    await expect(sender.send(text(9))).resolves.toMatchObject({ status: "retry_later", attempts: 3 });
    expect(calls).toHaveLength(3);
  });

  it("marks a private chat's member unreachable on 403, without retrying", async () => {
    const { sender, calls, unreachable } = setup([error(403, "Forbidden: bot was blocked by the user")]);
    await expect(sender.send(text(77))).resolves.toMatchObject({ status: "failed", reason: "unreachable" });
    expect(unreachable).toEqual([77]);
    expect(calls).toHaveLength(1);
  });

  it("does not mark anyone unreachable for a 403 from a group", async () => {
    const { sender, unreachable } = setup([error(403, "Forbidden: bot was kicked from the group chat")]);
    await expect(sender.send(text(-77))).resolves.toMatchObject({ status: "failed", reason: "unreachable" });
    expect(unreachable).toEqual([]);
  });

  it("follows a group to its supergroup, resends once, and remembers the move", async () => {
    const { sender, calls, migrations } = setup([
      error(400, "Bad Request: group chat was upgraded", { migrate_to_chat_id: -100555 }),
    ]);
    await expect(sender.send(text(-555))).resolves.toMatchObject({ status: "sent", chatId: -100555 });
    expect(migrations).toEqual([[-555, -100555]]);
    expect(calls.map((c) => c.chatId)).toEqual([-555, -100555]);
    // Later deliveries to the old id go straight to the new one.
    await sender.send(text(-555));
    expect(calls.at(-1)).toEqual({ method: "sendMessage", chatId: -100555 });
  });

  it("fails rather than loop when the new chat reports another migration", async () => {
    const moved = error(400, "Bad Request: group chat was upgraded", { migrate_to_chat_id: -100555 });
    const { sender, calls } = setup([moved, moved]);
    await expect(sender.send(text(-555))).resolves.toMatchObject({ status: "failed", reason: "permanent" });
    expect(calls).toHaveLength(2);
  });

  it("treats an unchanged edit as done", async () => {
    const { sender } = setup([
      error(400, "Bad Request: message is not modified: specified new message content"),
    ]);
    const outcome = await sender.send({ type: "edit_text", chatId: -3, messageId: 42, text: "same" });
    expect(outcome).toMatchObject({ status: "sent", messageId: 42 });
  });

  it("fails other 400s permanently", async () => {
    const { sender, calls } = setup([error(400, "Bad Request: chat not found")]);
    await expect(sender.send(text(12))).resolves.toMatchObject({ status: "failed", reason: "permanent" });
    expect(calls).toHaveLength(1);
  });
});

describe("withdrawing a send (canSend)", () => {
  it("sends nothing when the caller withdraws before the request, including before a retry", async () => {
    const first = setup([]);
    expect(await first.sender.send(text(7), { canSend: () => false })).toMatchObject({
      status: "retry_later",
      cause: "withdrawn",
      attempts: 0,
    });
    expect(first.calls).toHaveLength(0);

    // A 5xx, then the claim on the row is no longer safe: the retry is not sent.
    const second = setup([error(502, "Bad Gateway")]);
    let allowed = 1;
    const outcome = await second.sender.send(text(7), { canSend: () => allowed-- > 0 });
    expect(outcome).toMatchObject({ status: "retry_later", cause: "withdrawn", attempts: 1 });
    expect(second.calls).toHaveLength(1);
  });
});
