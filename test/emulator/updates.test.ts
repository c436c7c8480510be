import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Bot, webhookCallback } from "grammy";
import type { Update } from "grammy/types";
import { describe, expect, it } from "vitest";
import { apiFor, emulator, telegramError } from "./helpers.ts";

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

function close(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}

function readJson(req: IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(JSON.parse(Buffer.concat(chunks).toString("utf8"))));
    req.on("error", reject);
  });
}

describe("getUpdates", () => {
  it("confirms updates by offset and long-polls until an update arrives", async () => {
    const emu = await emulator();
    const bot = emu.createBot();
    const user = emu.createUser();
    const api = apiFor(emu, bot.token);
    const start = emu.startBot(bot, user);

    const first = await api.getUpdates();
    expect(first.map((u) => u.update_id)).toEqual([start.update_id]);
    // Unconfirmed updates are handed out again.
    expect((await api.getUpdates()).map((u) => u.update_id)).toEqual([start.update_id]);
    expect(await api.getUpdates({ offset: start.update_id + 1 })).toEqual([]);

    const began = performance.now();
    const polling = api.getUpdates({ offset: start.update_id + 1, timeout: 5 });
    setTimeout(() => emu.sendText(bot, user, user.id, "có ai không"), 100);
    const next = await polling;
    expect(next.map((u) => u.message?.text)).toEqual(["có ai không"]);
    expect(next[0]?.update_id).toBe(start.update_id + 1);
    expect(performance.now() - began).toBeLessThan(2000);
  });

  it("returns an empty list when the long-poll timeout passes", async () => {
    const emu = await emulator();
    const bot = emu.createBot();
    const began = performance.now();
    // The emulator accepts fractional seconds to keep tests fast.
    expect(await apiFor(emu, bot.token).getUpdates({ timeout: 0.3 })).toEqual([]);
    expect(performance.now() - began).toBeGreaterThanOrEqual(280);
  });

  it("terminates an overlapping getUpdates with 409 and respects limit", async () => {
    const emu = await emulator();
    const bot = emu.createBot();
    const user = emu.createUser();
    const api = apiFor(emu, bot.token);
    const older = telegramError(api.getUpdates({ timeout: 5 }));
    await new Promise((r) => setTimeout(r, 50));
    const newer = api.getUpdates({ timeout: 5, limit: 2 });
    const conflict = await older;
    expect(conflict.error_code).toBe(409);
    expect(conflict.description).toMatch(/^Conflict: terminated by other getUpdates request/);
    emu.startBot(bot, user);
    emu.sendText(bot, user, user.id, "1");
    emu.sendText(bot, user, user.id, "2");
    expect((await newer).map((u) => u.message?.text)).toEqual(["/start", "1"]);
  });

  it("omits chat_member updates unless allowed_updates lists them", async () => {
    const emu = await emulator();
    const bot = emu.createBot();
    const [a, b] = [emu.createUser(), emu.createUser()];
    const group = emu.createGroup({ title: "G", type: "supergroup", members: [a], creator: a });
    emu.addBotToChat(bot, group.id, { by: a, asAdmin: true });
    const api = apiFor(emu, bot.token);
    const initial = await api.getUpdates({ allowed_updates: ["message", "chat_member", "my_chat_member"] });
    expect(initial.map((u) => Object.keys(u)[1])).toEqual(["my_chat_member", "message"]);
    emu.addMember(group.id, b);
    const offset = (initial.at(-1)?.update_id ?? 0) + 1;
    expect((await api.getUpdates({ offset })).map((u) => Object.keys(u)[1])).toEqual([
      "chat_member",
      "message",
    ]);
  });

  it("drives a real grammY bot by long polling, including re-delivered updates", async () => {
    const emu = await emulator();
    const account = emu.createBot();
    const user = emu.createUser({ firstName: "Hoa" });
    const bot = new Bot(account.token, { client: { apiRoot: emu.apiRoot } });
    const seen: number[] = [];
    bot.use(async (ctx, next) => {
      seen.push(ctx.update.update_id);
      await next();
    });
    bot.command("start", (ctx) => ctx.reply(`Chào ${ctx.from?.first_name ?? ""}`));
    bot.on("message:text", (ctx) => ctx.reply(`Bạn nói: ${ctx.message.text}`));
    let running: Promise<void> | undefined;
    await new Promise<void>((onStart) => {
      running = bot.start({ drop_pending_updates: true, onStart: () => onStart() });
    });
    try {
      const start = emu.startBot(account, user);
      expect((await emu.waitForBotMessage(account, user.id, (m) => m.text === "Chào Hoa")).text).toBe(
        "Chào Hoa",
      );
      emu.enqueueRaw(account, start);
      await emu.waitForBotMessage(account, user.id, undefined, { afterMessageId: 2 });
      expect(seen.filter((id) => id === start.update_id)).toHaveLength(2);
      emu.sendText(account, user, user.id, "xin chào");
      await emu.waitForBotMessage(account, user.id, (m) => m.text === "Bạn nói: xin chào");
    } finally {
      await bot.stop();
      await running;
      expect(emu.calls().filter((c) => c.status === 409)).toEqual([]);
    }
  });
});

describe("webhooks", () => {
  it("posts updates with the secret header, retries on errors and reports them", async () => {
    const emu = await emulator({ webhookRetryDelayMs: 20 });
    const bot = emu.createBot();
    const user = emu.createUser();
    const received: { secret: string | undefined; update: Update }[] = [];
    let failuresLeft = 2;
    const receiver = createServer((req, res) => {
      void readJson(req).then((update) => {
        if (failuresLeft > 0) {
          failuresLeft -= 1;
          res.writeHead(500).end();
          return;
        }
        const secret = req.headers["x-telegram-bot-api-secret-token"];
        received.push({ secret: Array.isArray(secret) ? secret[0] : secret, update: update as Update });
        res.writeHead(200).end();
      });
    });
    const url = await listen(receiver);
    try {
      const api = apiFor(emu, bot.token);
      await api.setWebhook(`${url}/hook`, { secret_token: "s3cr3t_token" });
      const conflict = await telegramError(api.getUpdates());
      expect(conflict.error_code).toBe(409);

      const start = emu.startBot(bot, user);
      const second = emu.sendText(bot, user, user.id, "thứ hai");
      await expect.poll(() => received.length, { timeout: 3000 }).toBe(2);
      expect(received.map((r) => r.update.update_id)).toEqual([start.update_id, second.update_id]);
      expect(received.every((r) => r.secret === "s3cr3t_token")).toBe(true);

      const info = await api.getWebhookInfo();
      expect(info).toMatchObject({ url: `${url}/hook`, pending_update_count: 0 });
      expect(info.last_error_message).toBe("Wrong response from the webhook: 500 Internal Server Error");

      await api.deleteWebhook();
      emu.sendText(bot, user, user.id, "sau khi xóa webhook");
      expect((await api.getUpdates()).map((u) => u.message?.text)).toEqual(["sau khi xóa webhook"]);
    } finally {
      await close(receiver);
    }
  });

  it("works with grammY's webhookCallback, including webhook replies", async () => {
    const emu = await emulator();
    const account = emu.createBot();
    const user = emu.createUser();
    const bot = new Bot(account.token, {
      client: { apiRoot: emu.apiRoot, canUseWebhookReply: (method) => method === "sendMessage" },
    });
    bot.on("message:text", (ctx) => ctx.reply(`pong: ${ctx.message.text}`));
    const handle = webhookCallback(bot, "http", { secretToken: "abc" });
    const receiver = createServer((req, res) => {
      handle(req, res).catch(() => res.writeHead(500).end());
    });
    const url = await listen(receiver);
    try {
      await bot.api.setWebhook(url, { secret_token: "abc" });
      emu.startBot(account, user);
      const reply = await emu.waitForBotMessage(account, user.id, (m) => m.text === "pong: /start");
      expect(reply.from?.id).toBe(account.id);
      // The reply travelled in the webhook response body, not as a separate HTTP call.
      await expect
        .poll(() =>
          emu
            .calls()
            .filter((c) => c.method === "sendMessage")
            .map((c) => c.status),
        )
        .toEqual([200]);
    } finally {
      await close(receiver);
    }
  });

  it("only accepts loopback webhook URLs", async () => {
    const emu = await emulator();
    const bot = emu.createBot();
    const error = await telegramError(apiFor(emu, bot.token).setWebhook("https://example.com/hook"));
    expect(error.error_code).toBe(400);
    expect(error.description).toMatch(/^Bad Request: bad webhook/);
  });
});
