import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger } from "../../src/logger.ts";

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
