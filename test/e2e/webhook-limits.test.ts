// The webhook server refuses bodies over 1 MB with 413 without reading them whole, whether the
// client declares the length up front or streams a chunked body.
import { Bot } from "grammy";
import { request } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BotContext } from "../../src/bot/context.ts";
import { createLogger } from "../../src/logger.ts";
import { MAX_WEBHOOK_BODY_BYTES, startWebhookServer, type WebhookServer } from "../../src/server/webhook.ts";

const SECRET = "webhook-secret-0123456789";
const HUNDRED_MB = 100_000_000;

interface PostResult {
  status: number | null;
  /** Body bytes the client managed to hand to its socket before the exchange ended. */
  written: number;
  error?: string;
}

/** POSTs `total` bytes (a JSON update, padded with spaces), 64 KB at a time, stopping at the answer. */
function post(port: number, opts: { total: number; chunked: boolean; secret?: string }): Promise<PostResult> {
  return new Promise((resolve) => {
    const update = Buffer.from(
      JSON.stringify({
        update_id: 1,
        message: { message_id: 1, date: 0, chat: { id: 1, type: "private" }, text: "hi" },
      }),
    );
    const headers: Record<string, string> = { "content-type": "application/json" };
    if (opts.secret) headers["x-telegram-bot-api-secret-token"] = opts.secret;
    if (!opts.chunked) headers["content-length"] = String(opts.total);
    const req = request({ host: "127.0.0.1", port, method: "POST", path: "/telegram", headers });
    let written = 0;
    let status: number | null = null;
    let done = false;
    const finish = (error?: string) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      req.destroy();
      resolve({ status, written, ...(error ? { error } : {}) });
    };
    const timer = setTimeout(() => finish("timeout"), 30_000);
    req.on("response", (res) => {
      status = res.statusCode ?? null;
      res.resume();
      res.on("end", () => finish());
      res.on("error", () => finish());
    });
    req.on("error", (err: NodeJS.ErrnoException) => finish(err.code ?? err.message));
    const padding = Buffer.alloc(64 * 1024, 0x20);
    const pump = () => {
      while (!done && status === null && written < opts.total) {
        const chunk =
          written === 0 ? update : padding.subarray(0, Math.min(padding.length, opts.total - written));
        written += chunk.length;
        if (!req.write(chunk)) {
          req.once("drain", pump);
          return;
        }
      }
      if (!done && status === null) req.end();
    };
    pump();
  });
}

describe("webhook body limit", () => {
  let server: WebhookServer;
  let handled = 0;

  beforeAll(async () => {
    const bot = new Bot<BotContext>("123456:test-token", {
      botInfo: {
        id: 123456,
        is_bot: true,
        first_name: "Trợ lý",
        username: "chibo_test_bot",
        can_join_groups: true,
        can_read_all_group_messages: false,
        supports_inline_queries: false,
        can_connect_to_business: false,
        has_main_web_app: false,
        has_topics_enabled: false,
        allows_users_to_create_topics: false,
        can_manage_bots: false,
        supports_join_request_queries: false,
      },
    });
    bot.use(() => {
      handled++;
    });
    server = await startWebhookServer({
      bot,
      secretToken: SECRET,
      port: 0,
      host: "127.0.0.1",
      logger: createLogger({ level: "silent", secrets: [] }),
    });
  });
  afterAll(async () => {
    await server?.close();
  });

  it("accepts an update padded to just under 1 MB", async () => {
    const before = handled;
    const result = await post(server.port, {
      total: MAX_WEBHOOK_BODY_BYTES - 1_000,
      chunked: true,
      secret: SECRET,
    });
    expect(result).toMatchObject({ status: 200 });
    expect(handled).toBe(before + 1);
  });

  it("refuses a declared 100 MB body with 413 before reading it", async () => {
    const before = handled;
    const result = await post(server.port, { total: HUNDRED_MB, chunked: false, secret: SECRET });
    console.info(`declared 100 MB: status ${result.status}, client wrote ${result.written} bytes`);
    expect(result.status).toBe(413);
    // The answer came while the client was still at the start of its body.
    expect(result.written).toBeLessThan(10_000_000);
    expect(handled).toBe(before);
  });

  it("refuses a chunked body once it passes 1 MB, with 413, and stops reading", async () => {
    const before = handled;
    const result = await post(server.port, { total: HUNDRED_MB, chunked: true, secret: SECRET });
    console.info(`chunked 100 MB: status ${result.status}, client wrote ${result.written} bytes`);
    expect(result.status).toBe(413);
    expect(result.written).toBeLessThan(10_000_000);
    expect(handled).toBe(before);
  });

  it("still answers 401 to a wrong secret, reading nothing", async () => {
    const result = await post(server.port, {
      total: 10_000,
      chunked: false,
      secret: "wrong-secret-000000000",
    });
    expect(result.status).toBe(401);
  });

  it("keeps serving after refusing", async () => {
    const before = handled;
    expect((await post(server.port, { total: 2_000, chunked: false, secret: SECRET })).status).toBe(200);
    expect(handled).toBe(before + 1);
  });
});
