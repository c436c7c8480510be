import { Writable } from "node:stream";
import { format } from "node:util";
import { describe, expect, it } from "vitest";
import { createLogger, guardStdio } from "../../src/logger.ts";

const TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw";
const SECRET = "webhook-secret-0123456789";

function capture() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  return { lines, destination };
}

describe("createLogger", () => {
  it("never writes the bot token or the webhook secret, wherever they appear", () => {
    const { lines, destination } = capture();
    const logger = createLogger({ level: "info", secrets: [TOKEN, SECRET], destination });
    logger.info({ botToken: TOKEN, config: { webhookSecret: SECRET } }, "starting");
    logger.error({ err: `request to https://api.telegram.org/bot${TOKEN}/getMe failed` }, "network");
    logger.warn({ url: `https://x/bot123456789:${TOKEN.split(":")[1]}/sendMessage` }, "only the secret half");
    logger.info({ headers: { "x-telegram-bot-api-secret-token": SECRET } }, "webhook");
    const out = lines.join("");
    expect(lines).toHaveLength(4);
    expect(out).not.toContain(TOKEN.split(":")[1]);
    expect(out).not.toContain(SECRET);
    expect(out).toContain("***");
    expect(out).toContain("starting");
  });

  it("respects the level", () => {
    const { lines, destination } = capture();
    const logger = createLogger({ level: "warn", destination });
    logger.info("hidden");
    logger.warn("shown");
    expect(lines.join("")).not.toContain("hidden");
    expect(lines.join("")).toContain("shown");
  });
});

describe("guardStdio", () => {
  it("scrubs secrets from whatever a library writes to stderr itself, strings and buffers", () => {
    const written: string[] = [];
    // The capture sits under the guard, where the terminal would be.
    const capture = (chunk: unknown): boolean => {
      written.push(Buffer.isBuffer(chunk) ? chunk.toString("utf8") : String(chunk));
      return true;
    };
    const stderr = process.stderr as unknown as { write: unknown };
    stderr.write = capture;
    const unguard = guardStdio([TOKEN, SECRET]);
    try {
      const error = new Error(`request to https://api.telegram.org/bot${TOKEN}/getUpdates failed`);
      // What console.error writes (vitest intercepts console itself, so write the same line directly).
      process.stderr.write(`${format("[grammY runner]", error)}\n`);
      process.stderr.write(Buffer.from(`secret ${SECRET} and ${encodeURIComponent(TOKEN)}\n`));
    } finally {
      unguard();
      delete stderr.write;
    }
    const out = written.join("");
    expect(out).toContain("[grammY runner]");
    expect(out).toContain("/bot***/getUpdates");
    expect(out).not.toContain(TOKEN.split(":")[1]);
    expect(out).not.toContain(SECRET);
  });
});
