// Sends one rendered delivery through grammY's Api and applies the Telegram error policy:
// - 429: block the chat in the limiter for `retry_after` and try again (a bounded number of times);
// - 5xx / network: retry with exponential backoff and jitter a few times, then hand the delivery
//   back to the caller as "retry later" (the scheduler gives the row back to the outbox);
// - 403: the member blocked the bot or never opened it: mark them unreachable (private chats);
// - 400 with migrate_to_chat_id: follow the group to its supergroup id, then resend there once;
// - an edit that changes nothing counts as done.
//
// The Bot API has no idempotency key, so a network failure after Telegram accepted a message can
// lead to a duplicate on retry; we accept that over losing a reminder.
import type { Api, InputFile } from "grammy";
import type {
  ForceReply,
  InlineKeyboardMarkup,
  ParseMode,
  ReplyKeyboardMarkup,
  ReplyKeyboardRemove,
} from "grammy/types";
import type { Clock } from "../clock.ts";
import type { Logger } from "../logger.ts";
import type { RateLimiter, Sleep } from "./rate-limiter.ts";
import { classifyTelegramError, errorForLog, type TelegramErrorClass } from "./telegram-errors.ts";
import { setTimeout as delay } from "node:timers/promises";

export type ReplyMarkup = InlineKeyboardMarkup | ReplyKeyboardMarkup | ReplyKeyboardRemove | ForceReply;

interface DeliveryCommon {
  chatId: number;
  parseMode?: ParseMode;
  replyMarkup?: ReplyMarkup;
  disableNotification?: boolean;
}

export interface TextDelivery extends DeliveryCommon {
  type?: "text";
  text: string;
  disableLinkPreview?: boolean;
}

export interface PhotoDelivery extends DeliveryCommon {
  type: "photo";
  /** A file id, a URL or an upload. */
  photo: string | InputFile;
  caption?: string;
}

export interface DocumentDelivery extends DeliveryCommon {
  type: "document";
  document: string | InputFile;
  caption?: string;
}

/** Replaces the text of a message the bot sent earlier (a live tally, say). */
export interface EditTextDelivery extends DeliveryCommon {
  type: "edit_text";
  messageId: number;
  text: string;
  replyMarkup?: InlineKeyboardMarkup;
}

export type Delivery = TextDelivery | PhotoDelivery | DocumentDelivery | EditTextDelivery;

export type SendOutcome =
  | { status: "sent"; chatId: number; messageId: number | undefined; attempts: number }
  /**
   * Try again at `retryAt`: transient failures outlasted the in-process retries (`transient`),
   * Telegram asked for a longer pause than is worth waiting in process (`rate_limit`), or the caller
   * no longer allowed the send when its turn came (`withdrawn`: see `canSend`). Nothing was sent by
   * the call that came back with it.
   */
  | {
      status: "retry_later";
      cause: "transient" | "rate_limit" | "withdrawn";
      chatId: number;
      error: string;
      retryAt: Date;
      attempts: number;
    }
  | {
      status: "failed";
      chatId: number;
      reason: "unreachable" | "permanent";
      error: string;
      attempts: number;
    };

export interface RetryPolicy {
  /** Tries per send for 5xx / network errors before handing the delivery back. */
  transientAttempts: number;
  /** First backoff delay; doubles per attempt, with full jitter, capped at `maxDelayMs`. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** 429 answers waited out per send before handing the delivery back. */
  maxRateLimitWaits: number;
  /** A `retry_after` longer than this is not waited out in process; the delivery is handed back. */
  maxRetryAfterSeconds: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  transientAttempts: 3,
  baseDelayMs: 500,
  maxDelayMs: 30_000,
  maxRateLimitWaits: 5,
  maxRetryAfterSeconds: 90,
};

/** Exponential backoff with full jitter: a random delay in [d/2, d] where d = base·2^attempt (capped). */
export function backoffDelay(
  attempt: number,
  policy: Pick<RetryPolicy, "baseDelayMs" | "maxDelayMs">,
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempt));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

export interface SenderMembers {
  markUnreachable(telegramId: number, at: Date): Promise<unknown>;
}

export interface SenderChats {
  migrateChatId(fromChatId: number, toChatId: number): Promise<unknown>;
}

export interface SenderDeps {
  api: Api;
  limiter: RateLimiter;
  members: SenderMembers;
  chats: SenderChats;
  clock: Clock;
  logger: Logger;
  retry?: Partial<RetryPolicy>;
  /** Real-time sleep for backoff; injectable for tests. */
  sleep?: Sleep;
  random?: () => number;
}

export interface SendOptions {
  signal?: AbortSignal;
  context?: Record<string, unknown>;
  /**
   * Asked right before each request goes out (after the rate limiter's wait, and before every
   * retry): false withdraws the delivery (`retry_later`, cause `withdrawn`) without sending. The
   * scheduler uses it to stop when its claim on the row may have lapsed during a long wait.
   */
  canSend?: () => boolean;
}

export interface Sender {
  send(delivery: Delivery, options?: SendOptions): Promise<SendOutcome>;
  /** Old chat id → new supergroup id, for every migration this sender has followed. */
  readonly migrations: ReadonlyMap<number, number>;
}

const realSleep: Sleep = async (ms, signal) => {
  await delay(ms, undefined, signal ? { signal } : undefined);
};

export function createSender(deps: SenderDeps): Sender {
  const policy: RetryPolicy = { ...DEFAULT_RETRY_POLICY, ...deps.retry };
  const sleep = deps.sleep ?? realSleep;
  const random = deps.random ?? Math.random;
  const migrations = new Map<number, number>();

  function currentChatId(chatId: number): number {
    // Follow chains (group → supergroup happens once, but be safe) without looping forever.
    let id = chatId;
    for (let i = 0; i < 4; i++) {
      const next = migrations.get(id);
      if (next === undefined) break;
      id = next;
    }
    return id;
  }

  async function call(delivery: Delivery, chatId: number): Promise<number | undefined> {
    const common = {
      ...(delivery.parseMode ? { parse_mode: delivery.parseMode } : {}),
      ...(delivery.disableNotification ? { disable_notification: true } : {}),
    };
    switch (delivery.type) {
      case undefined:
      case "text": {
        const message = await deps.api.sendMessage(chatId, delivery.text, {
          ...common,
          ...(delivery.replyMarkup ? { reply_markup: delivery.replyMarkup } : {}),
          ...(delivery.disableLinkPreview ? { link_preview_options: { is_disabled: true } } : {}),
        });
        return message.message_id;
      }
      case "photo": {
        const message = await deps.api.sendPhoto(chatId, delivery.photo, {
          ...common,
          ...(delivery.caption !== undefined ? { caption: delivery.caption } : {}),
          ...(delivery.replyMarkup ? { reply_markup: delivery.replyMarkup } : {}),
        });
        return message.message_id;
      }
      case "document": {
        const message = await deps.api.sendDocument(chatId, delivery.document, {
          ...common,
          ...(delivery.caption !== undefined ? { caption: delivery.caption } : {}),
          ...(delivery.replyMarkup ? { reply_markup: delivery.replyMarkup } : {}),
        });
        return message.message_id;
      }
      case "edit_text": {
        await deps.api.editMessageText(chatId, delivery.messageId, delivery.text, {
          ...(delivery.parseMode ? { parse_mode: delivery.parseMode } : {}),
          ...(delivery.replyMarkup ? { reply_markup: delivery.replyMarkup } : {}),
        });
        return delivery.messageId;
      }
    }
  }

  async function send(delivery: Delivery, options: SendOptions = {}): Promise<SendOutcome> {
    const { signal, canSend } = options;
    const log = deps.logger.child({ ...options.context });
    let chatId = currentChatId(delivery.chatId);
    let attempts = 0;
    let transientFailures = 0;
    let rateLimitWaits = 0;
    let migrated = chatId !== delivery.chatId;

    for (;;) {
      const release = await deps.limiter.acquire(chatId, signal);
      if (canSend && !canSend()) {
        release();
        return {
          status: "retry_later",
          cause: "withdrawn",
          chatId,
          error: "withdrawn before sending",
          retryAt: deps.clock.now(),
          attempts,
        };
      }
      attempts++;
      let error: unknown;
      try {
        const messageId = await call(delivery, chatId);
        return { status: "sent", chatId, messageId, attempts };
      } catch (caught) {
        error = caught;
      } finally {
        release();
      }
      const verdict: TelegramErrorClass = classifyTelegramError(error);
      switch (verdict.kind) {
        case "not_modified":
          return {
            status: "sent",
            chatId,
            messageId: delivery.type === "edit_text" ? delivery.messageId : undefined,
            attempts,
          };

        case "retry_after": {
          const waitMs = verdict.retryAfterSeconds * 1000;
          deps.limiter.penalize(chatId, waitMs);
          rateLimitWaits++;
          log.warn(
            { chatId, retryAfter: verdict.retryAfterSeconds, rateLimitWaits },
            "telegram answered 429",
          );
          if (
            rateLimitWaits > policy.maxRateLimitWaits ||
            verdict.retryAfterSeconds > policy.maxRetryAfterSeconds
          ) {
            return {
              status: "retry_later",
              cause: "rate_limit",
              chatId,
              error: `429 retry after ${verdict.retryAfterSeconds}s`,
              retryAt: new Date(deps.clock.now().getTime() + waitMs),
              attempts,
            };
          }
          continue; // the next acquire waits out the block
        }

        case "transient": {
          transientFailures++;
          if (transientFailures >= policy.transientAttempts) {
            return {
              status: "retry_later",
              cause: "transient",
              chatId,
              error: verdict.reason,
              retryAt: new Date(deps.clock.now().getTime() + backoffDelay(transientFailures, policy, random)),
              attempts,
            };
          }
          const waitMs = backoffDelay(transientFailures - 1, policy, random);
          log.warn({ chatId, error: verdict.reason, retryInMs: waitMs }, "transient send failure; retrying");
          await sleep(waitMs, signal);
          continue;
        }

        case "unreachable": {
          if (chatId > 0) {
            try {
              await deps.members.markUnreachable(chatId, deps.clock.now());
            } catch (markError) {
              log.error({ err: errorForLog(markError), chatId }, "could not mark member unreachable");
            }
          }
          return { status: "failed", chatId, reason: "unreachable", error: verdict.reason, attempts };
        }

        case "migrated": {
          if (migrated) {
            return { status: "failed", chatId, reason: "permanent", error: "chat migrated twice", attempts };
          }
          const from = chatId;
          migrations.set(from, verdict.toChatId);
          await deps.chats.migrateChatId(from, verdict.toChatId);
          log.info(
            { fromChatId: from, toChatId: verdict.toChatId },
            "group became a supergroup; following it",
          );
          chatId = verdict.toChatId;
          migrated = true;
          continue;
        }

        case "permanent":
          return { status: "failed", chatId, reason: "permanent", error: verdict.reason, attempts };
      }
    }
  }

  return { send, migrations };
}
