import { autoRetry } from "@grammyjs/auto-retry";
import { HttpError } from "grammy";
import { describe, expect, it } from "vitest";
import { apiFor, emulator, telegramError } from "./helpers.ts";

describe("flood limits", () => {
  it("answers 429 with retry_after when a group is flooded, without executing the call", async () => {
    const emu = await emulator({ limits: { groupPerWindow: 3, groupWindowMs: 1000, perChatBurst: 10 } });
    const bot = emu.createBot();
    const admin = emu.createUser();
    const group = emu.createGroup({ title: "Chi bộ", type: "supergroup", members: [admin], creator: admin });
    emu.addBotToChat(bot, group.id, { by: admin });
    const api = apiFor(emu, bot.token);
    for (const text of ["1", "2", "3"]) await api.sendMessage(group.id, text);

    const error = await telegramError(api.sendMessage(group.id, "4"));
    expect(error.error_code).toBe(429);
    expect(error.parameters.retry_after).toBe(1);
    expect(error.description).toBe("Too Many Requests: retry after 1");
    expect(emu.botMessages(bot, group.id).map((m) => m.text)).toEqual(["1", "2", "3"]);

    // auto-retry honours retry_after and the call then goes through.
    api.config.use(autoRetry());
    const began = performance.now();
    await expect(api.sendMessage(group.id, "4")).resolves.toMatchObject({ text: "4" });
    expect(performance.now() - began).toBeGreaterThanOrEqual(900);
    expect(emu.calls().map((c) => c.status)).toEqual([200, 200, 200, 429, 429, 200]);
  });

  it("allows a burst of three in a private chat by default, then one per second", async () => {
    const emu = await emulator({ limits: {} });
    const bot = emu.createBot();
    const user = emu.createUser();
    emu.startBot(bot, user);
    const api = apiFor(emu, bot.token);
    for (const text of ["a", "b", "c"]) await api.sendMessage(user.id, text);
    const error = await telegramError(api.sendMessage(user.id, "d"));
    expect(error.error_code).toBe(429);
    expect(error.parameters.retry_after).toBeGreaterThanOrEqual(1);
    // Edits count too.
    const edit = await telegramError(api.editMessageText(user.id, 2, "a2"));
    expect(edit.error_code).toBe(429);
  });

  it("limits a bot's total sending rate across chats", async () => {
    const emu = await emulator({ limits: { globalPerWindow: 5, globalWindowMs: 1000 } });
    const bot = emu.createBot();
    const users = Array.from({ length: 6 }, () => emu.createUser());
    for (const user of users) emu.startBot(bot, user);
    const api = apiFor(emu, bot.token);
    for (const user of users.slice(0, 5)) await api.sendMessage(user.id, "tin");
    const error = await telegramError(api.sendMessage(users[5]?.id ?? 0, "tin"));
    expect(error.error_code).toBe(429);
    // Another bot has its own budget.
    const other = emu.createBot();
    const last = users[5];
    if (!last) throw new Error("six users expected");
    emu.startBot(other, last);
    await expect(apiFor(emu, other.token).sendMessage(users[5]?.id ?? 0, "tin")).resolves.toBeDefined();
  });

  it("can be switched off and on at runtime", async () => {
    const emu = await emulator();
    const bot = emu.createBot();
    const user = emu.createUser();
    emu.startBot(bot, user);
    const api = apiFor(emu, bot.token);
    for (let i = 0; i < 50; i++) await api.sendMessage(user.id, `m${i}`);
    emu.setLimits({ perChatBurst: 1 });
    await api.sendMessage(user.id, "ok");
    expect((await telegramError(api.sendMessage(user.id, "too fast"))).error_code).toBe(429);
  });
});

describe("fault injection", () => {
  it("fails the next matching calls with a 5xx", async () => {
    const emu = await emulator();
    const bot = emu.createBot();
    const [a, b] = [emu.createUser(), emu.createUser()];
    emu.startBot(bot, a);
    emu.startBot(bot, b);
    const api = apiFor(emu, bot.token);
    emu.failNext({ method: "sendMessage", chatId: b.id, count: 2, errorCode: 502 });

    await expect(api.sendMessage(a.id, "a")).resolves.toBeDefined();
    const first = await telegramError(api.sendMessage(b.id, "b"));
    expect(first.error_code).toBe(502);
    expect(first.description).toBe("Bad Gateway");
    expect((await telegramError(api.sendMessage(b.id, "b"))).error_code).toBe(502);
    await expect(api.sendMessage(b.id, "b")).resolves.toBeDefined();
    expect(emu.botMessages(bot, b.id)).toHaveLength(1);

    emu.failNext({ errorCode: 500, description: "Internal Server Error: restart" });
    expect((await telegramError(api.getMe())).description).toBe("Internal Server Error: restart");
    expect(emu.calls().map((c) => c.status)).toEqual([200, 502, 502, 200, 500]);
  });

  it("resets the connection before or after executing the call", async () => {
    const emu = await emulator();
    const bot = emu.createBot();
    const user = emu.createUser();
    emu.startBot(bot, user);
    const api = apiFor(emu, bot.token);

    emu.resetNext({ method: "sendMessage" });
    await expect(api.sendMessage(user.id, "lost")).rejects.toBeInstanceOf(HttpError);
    expect(emu.botMessages(bot, user.id)).toHaveLength(0);

    emu.resetNext({ method: "sendMessage", afterExecute: true });
    await expect(api.sendMessage(user.id, "delivered, answer lost")).rejects.toBeInstanceOf(HttpError);
    expect(emu.botMessages(bot, user.id).map((m) => m.text)).toEqual(["delivered, answer lost"]);

    await expect(api.sendMessage(user.id, "fine")).resolves.toBeDefined();
    expect(emu.calls().map((c) => c.status)).toEqual([0, 0, 200]);
  });

  it("delays every response by the configured latency", async () => {
    const emu = await emulator();
    const bot = emu.createBot();
    const api = apiFor(emu, bot.token);
    emu.setLatency(120);
    const began = performance.now();
    await api.getMe();
    expect(performance.now() - began).toBeGreaterThanOrEqual(110);
    expect(emu.calls()[0]?.ms).toBeGreaterThanOrEqual(110);
    emu.setLatency(0);
    emu.resetCalls();
    expect(emu.calls()).toEqual([]);
  });
});
