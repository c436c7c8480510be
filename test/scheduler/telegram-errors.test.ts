import { GrammyError, HttpError } from "grammy";
import type { ResponseParameters } from "grammy/types";
import { describe, expect, it } from "vitest";
import { backoffDelay } from "../../src/scheduler/sender.ts";
import {
  classifyTelegramError,
  describe as describeError,
  errorForLog,
} from "../../src/scheduler/telegram-errors.ts";

function grammyError(
  code: number,
  description: string,
  method = "sendMessage",
  parameters?: ResponseParameters,
) {
  return new GrammyError(
    `Call to '${method}' failed! (${code}: ${description})`,
    { ok: false, error_code: code, description, ...(parameters ? { parameters } : {}) },
    method,
    {},
  );
}

describe("classifyTelegramError", () => {
  const cases: [
    string,
    unknown,
    ReturnType<typeof classifyTelegramError>["kind"],
    Record<string, unknown>?,
  ][] = [
    [
      "429 with retry_after",
      grammyError(429, "Too Many Requests: retry after 7", "sendMessage", { retry_after: 7 }),
      "retry_after",
      { retryAfterSeconds: 7 },
    ],
    [
      "429 without retry_after",
      grammyError(429, "Too Many Requests"),
      "retry_after",
      { retryAfterSeconds: 1 },
    ],
    ["500", grammyError(500, "Internal Server Error"), "transient"],
    ["502", grammyError(502, "Bad Gateway"), "transient"],
    [
      "network failure",
      new HttpError("Network request for 'sendMessage' failed!", new Error("socket hang up")),
      "transient",
    ],
    ["unexpected throw", new TypeError("oops"), "transient"],
    ["403 blocked", grammyError(403, "Forbidden: bot was blocked by the user"), "unreachable"],
    [
      "403 never started",
      grammyError(403, "Forbidden: bot can't initiate conversation with a user"),
      "unreachable",
    ],
    [
      "403 kicked from group",
      grammyError(403, "Forbidden: bot was kicked from the group chat"),
      "unreachable",
    ],
    [
      "400 migrated",
      grammyError(400, "Bad Request: group chat was upgraded to a supergroup chat", "sendMessage", {
        migrate_to_chat_id: -1001234,
      }),
      "migrated",
      { toChatId: -1001234 },
    ],
    [
      "400 not modified on an edit",
      grammyError(
        400,
        "Bad Request: message is not modified: specified new message content…",
        "editMessageText",
      ),
      "not_modified",
    ],
    [
      "400 not modified text on a send is just a 400",
      grammyError(400, "Bad Request: message is not modified", "sendMessage"),
      "permanent",
    ],
    ["400 chat not found", grammyError(400, "Bad Request: chat not found"), "permanent"],
    ["400 can't parse entities", grammyError(400, "Bad Request: can't parse entities"), "permanent"],
    ["401", grammyError(401, "Unauthorized"), "permanent"],
    ["404", grammyError(404, "Not Found"), "permanent"],
  ];

  it.each(cases)("%s", (_name, error, kind, fields) => {
    const verdict = classifyTelegramError(error);
    expect(verdict.kind).toBe(kind);
    if (fields) expect(verdict).toMatchObject(fields);
  });

  it("the migrate parameter wins over the status code", () => {
    // Telegram sends it with 400; classify by the parameter, not by the code or the text.
    const error = grammyError(400, "whatever the wording", "sendPhoto", { migrate_to_chat_id: -100777 });
    expect(classifyTelegramError(error)).toEqual({ kind: "migrated", toChatId: -100777 });
  });

  it("describes errors without leaking a bot token", () => {
    const inner = new Error(
      "request to http://127.0.0.1:8081/bot123456789:AAE_secretsecretsecretsecret12/sendMessage failed",
    );
    const text = describeError(inner);
    expect(text).not.toContain("AAE_secretsecretsecretsecret12");
    const httpError = new HttpError("Network request failed", inner);
    const verdict = classifyTelegramError(httpError);
    expect(JSON.stringify(verdict)).not.toContain("secretsecret");
    const logged = JSON.stringify(errorForLog(httpError));
    expect(logged).toContain("Network request failed");
    expect(logged).not.toContain("secretsecret");
  });
});

describe("backoffDelay", () => {
  const policy = { baseDelayMs: 100, maxDelayMs: 1000 };
  it.each([
    [0, 0, 50],
    [0, 1, 100],
    [1, 0, 100],
    [1, 1, 200],
    [3, 1, 800],
    [4, 1, 1000],
    [10, 0, 500],
  ])("attempt %i with random %f waits %i ms", (attempt, random, expected) => {
    expect(backoffDelay(attempt, policy, () => random)).toBe(expected);
  });
});
