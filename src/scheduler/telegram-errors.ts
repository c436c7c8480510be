// What a failed Bot API call means for a delivery. Decisions branch on `GrammyError.error_code` and
// `.parameters`, which Telegram documents as stable; never on the description text, with the single
// exception isolated in `isMessageNotModified` below.
import { GrammyError, HttpError } from "grammy";

export type TelegramErrorClass =
  /** 429: wait `retryAfterSeconds`, then try again. */
  | { kind: "retry_after"; retryAfterSeconds: number }
  /** 5xx, network failure or timeout: worth retrying later. */
  | { kind: "transient"; reason: string }
  /** 403: the user blocked the bot or never started it, or the bot left the group. */
  | { kind: "unreachable"; reason: string }
  /** The group became a supergroup; resend to `toChatId`. */
  | { kind: "migrated"; toChatId: number }
  /** An edit whose content did not change: nothing to do. */
  | { kind: "not_modified" }
  /** Any other 4xx: retrying the same request cannot help. */
  | { kind: "permanent"; reason: string };

/** Used when a 429 arrives without `retry_after` (Telegram always sends it; an emulator might not). */
const DEFAULT_RETRY_AFTER_SECONDS = 1;

export function classifyTelegramError(error: unknown): TelegramErrorClass {
  if (error instanceof GrammyError) {
    const code = error.error_code;
    const parameters = error.parameters ?? {};
    if (typeof parameters.migrate_to_chat_id === "number") {
      return { kind: "migrated", toChatId: parameters.migrate_to_chat_id };
    }
    if (code === 429) {
      const seconds = parameters.retry_after;
      return {
        kind: "retry_after",
        retryAfterSeconds:
          typeof seconds === "number" && seconds >= 0 ? seconds : DEFAULT_RETRY_AFTER_SECONDS,
      };
    }
    if (code >= 500) return { kind: "transient", reason: `${code} from ${error.method}` };
    if (code === 403) return { kind: "unreachable", reason: `403 from ${error.method}` };
    if (code === 400 && isMessageNotModified(error)) return { kind: "not_modified" };
    return { kind: "permanent", reason: `${code} from ${error.method}: ${error.description}` };
  }
  if (error instanceof HttpError) {
    return { kind: "transient", reason: `network: ${describe(error.error)}` };
  }
  // Anything else (an unexpected throw on our side of the wire) is retried a bounded number of
  // times by the sender, then failed permanently: safer than losing a reminder on a fluke.
  return { kind: "transient", reason: `unexpected: ${describe(error)}` };
}

/**
 * Telegram answers an edit that changes nothing with a plain 400, distinguishable from other 400s
 * only by its description ("Bad Request: message is not modified: …"). This is the one place in the
 * code base that reads an error description, and only for edit methods.
 */
function isMessageNotModified(error: GrammyError): boolean {
  return error.method.startsWith("edit") && /message is not modified/i.test(error.description);
}

/** A short description for logs and `lastError`. Fetch errors quote the request URL, which holds
 * the bot token, so anything shaped like a token is masked. */
export function describe(error: unknown): string {
  let text: string;
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code ?? (error.cause as { code?: unknown } | undefined)?.code;
    text = typeof code === "string" ? `${error.name} ${code}` : `${error.name}: ${error.message}`;
  } else {
    text = String(error);
  }
  return redactToken(text);
}

/**
 * An error as a plain object for the log's `err` field, with anything token-shaped masked. Logging
 * the error itself would let pino serialise nested fields, such as the fetch error inside a grammY
 * HttpError, whose message quotes the request URL and so the token.
 */
export function errorForLog(error: unknown): { type: string; message: string; stack?: string } {
  if (!(error instanceof Error)) return { type: typeof error, message: redactToken(String(error)) };
  const inner = error instanceof HttpError ? ` (${describe(error.error)})` : "";
  return {
    type: error.name,
    message: redactToken(error.message) + inner,
    ...(error.stack ? { stack: redactToken(error.stack) } : {}),
  };
}

export function redactToken(text: string): string {
  return text.replace(/\d{5,}:[A-Za-z0-9_-]{20,}/g, "***");
}
