// What the service knows about its connection to the Telegram Bot API: the outcome of the last call
// that reached Telegram (or failed to), kept by a grammY API transformer that the app installs on
// every Api it makes (the bot's, polling's getUpdates, the scheduler's sends, start-up's getMe).
//
// A call counts as a success when Telegram answered it, whatever the answer: a 400 or a 403 is
// Telegram working. It counts as a failure when Telegram could not be reached (network error,
// timeout) or answered that it cannot serve the bot: a 5xx, 401 (token revoked) or 409 (another
// instance or a webhook takes the updates). Calls we cancelled ourselves (a stop) count as nothing.
import { HttpError, type Transformer } from "grammy";
import { networkCodeOf } from "../server/polling.ts";

export interface TelegramCallEvent {
  /** When the call ended (ms since the epoch). */
  at: number;
  method: string;
  ok: boolean;
  /** Why the call failed, for the health answer: "network ECONNREFUSED", "409 Conflict…". */
  reason?: string;
}

export interface TelegramCallObserver {
  /** Every call that reached Telegram or failed to; rate-limited (429) answers included. */
  onCall?(event: TelegramCallEvent & { rateLimited: boolean }): void;
}

export interface TelegramMonitor {
  /** Install on every Api (`api.config.use(...)`), before retrying transformers, so each attempt counts. */
  readonly transformer: Transformer;
  /** The last call's outcome, success or failure (undefined until the first call). */
  last(): TelegramCallEvent | undefined;
  /** The last success (undefined until the first). */
  lastSuccess(): TelegramCallEvent | undefined;
}

/** Telegram answered, but says it cannot serve this bot: the service is not working. */
const FAILING_CODES = new Set([401, 404, 409]);

export function createTelegramMonitor(
  observer: TelegramCallObserver = {},
  now: () => number = Date.now,
): TelegramMonitor {
  let last: TelegramCallEvent | undefined;
  let lastSuccess: TelegramCallEvent | undefined;

  const record = (event: TelegramCallEvent, rateLimited: boolean): void => {
    last = event;
    if (event.ok) lastSuccess = event;
    observer.onCall?.({ ...event, rateLimited });
  };

  const transformer: Transformer = async (prev, method, payload, signal) => {
    try {
      const response = await prev(method, payload, signal);
      if (response.ok) {
        record({ at: now(), method, ok: true }, false);
      } else {
        const code = response.error_code;
        const failing = code >= 500 || FAILING_CODES.has(code);
        record(
          {
            at: now(),
            method,
            ok: !failing,
            ...(failing ? { reason: `${code} ${response.description}`.slice(0, 200) } : {}),
          },
          code === 429,
        );
      }
      return response;
    } catch (error) {
      // Cancelled by us (a stop, a shutdown): says nothing about Telegram. A timeout does.
      // (grammY types the signal with its abort-controller shim, which lacks `reason`; Node's has it.)
      const reason = (signal as { reason?: { name?: unknown } } | undefined)?.reason;
      const cancelled = signal?.aborted === true && reason?.name !== "TimeoutError";
      if (!cancelled) {
        const cause = error instanceof HttpError ? networkCodeOf(error.error) : undefined;
        record({ at: now(), method, ok: false, reason: `network ${cause ?? "error"}` }, false);
      }
      throw error;
    }
  };

  return { transformer, last: () => last, lastSuccess: () => lastSuccess };
}
