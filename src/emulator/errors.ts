import type { ResponseParameters } from "grammy/types";

/** The JSON body Telegram answers a failed call with. */
export interface TelegramErrorBody {
  ok: false;
  error_code: number;
  description: string;
  parameters?: ResponseParameters;
}

/** Thrown by method handlers; the server turns it into the HTTP status and body Telegram would send. */
export class TelegramApiError extends Error {
  constructor(
    readonly code: number,
    readonly description: string,
    readonly parameters?: ResponseParameters,
  ) {
    super(description);
    this.name = "TelegramApiError";
  }

  toBody(): TelegramErrorBody {
    return errorBody(this.code, this.description, this.parameters);
  }
}

export function errorBody(
  code: number,
  description: string,
  parameters?: ResponseParameters,
): TelegramErrorBody {
  return parameters === undefined
    ? { ok: false, error_code: code, description }
    : { ok: false, error_code: code, description, parameters };
}

export type ChatKind = "group" | "supergroup" | "channel";

export const telegramErrors = {
  unauthorized: () => new TelegramApiError(401, "Unauthorized"),
  notFound: () => new TelegramApiError(404, "Not Found"),
  badRequest: (what: string) => new TelegramApiError(400, `Bad Request: ${what}`),
  forbidden: (what: string) => new TelegramApiError(403, `Forbidden: ${what}`),
  tooManyRequests: (retryAfter: number) =>
    new TelegramApiError(429, `Too Many Requests: retry after ${retryAfter}`, { retry_after: retryAfter }),
  blocked: () => telegramErrors.forbidden("bot was blocked by the user"),
  cantInitiate: () => telegramErrors.forbidden("bot can't initiate conversation with a user"),
  cantSendToBots: () => telegramErrors.forbidden("bot can't send messages to bots"),
  notMember: (kind: ChatKind) => telegramErrors.forbidden(`bot is not a member of the ${kind} chat`),
  kicked: (kind: ChatKind) => telegramErrors.forbidden(`bot was kicked from the ${kind} chat`),
  migrated: (newChatId: number) =>
    new TelegramApiError(400, "Bad Request: group chat was upgraded to a supergroup chat", {
      migrate_to_chat_id: newChatId,
    }),
  notModified: () =>
    telegramErrors.badRequest(
      "message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message",
    ),
  chatNotFound: () => telegramErrors.badRequest("chat not found"),
  userNotFound: () => telegramErrors.badRequest("user not found"),
  messageToEditNotFound: () => telegramErrors.badRequest("message to edit not found"),
  messageToDeleteNotFound: () => telegramErrors.badRequest("message to delete not found"),
  replyNotFound: () => telegramErrors.badRequest("message to be replied not found"),
  queryTooOld: () =>
    telegramErrors.badRequest("query is too old and response timeout expired or query ID is invalid"),
  cantParseEntities: (detail: string) => telegramErrors.badRequest(`can't parse entities: ${detail}`),
  conflictGetUpdates: () =>
    new TelegramApiError(
      409,
      "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running",
    ),
  conflictTerminatedBySetWebhook: () =>
    new TelegramApiError(409, "Conflict: terminated by setWebhook request"),
  conflictWebhookActive: () =>
    new TelegramApiError(
      409,
      "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first",
    ),
};

const DEFAULT_DESCRIPTIONS: Record<number, string> = {
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  409: "Conflict",
  429: "Too Many Requests",
  500: "Internal Server Error",
  502: "Bad Gateway",
  503: "Service Unavailable",
  504: "Gateway Timeout",
};

export function defaultDescription(code: number): string {
  return DEFAULT_DESCRIPTIONS[code] ?? `Error ${code}`;
}
