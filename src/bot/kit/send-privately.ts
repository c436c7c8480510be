// The one private-message send of the bot, with one policy for what Telegram answers:
// - 403 (never opened the bot, or blocked it): the member is marked unreachable at the clock's time
//   and the result says "unreachable", so the caller can tell the person how to open the chat (the
//   "nhận nhắc riêng" deep link of src/features/reach/reach.ts);
// - 400 with migrate_to_chat_id (a group became a supergroup; cannot happen to a private chat, but
//   the id given may be a group's): the stored chat ids follow and the message is sent once more;
// - anything else: logged with its context and returned as "failed". Never thrown: callers have often
//   changed data already and must still answer the person in front of them.
import type { Api, RawApi } from "grammy";
import type { Message } from "grammy/types";
import { classifyTelegramError, errorForLog } from "../../scheduler/telegram-errors.ts";
import type { BotServices } from "../context.ts";

export type PrivateSendServices = Pick<BotServices, "repos" | "clock" | "logger">;

/** A Telegram id, or a member as stored (no id: never linked to Telegram; reachable false: known to refuse). */
export type PrivateRecipient = number | { telegramId: number | null; reachable?: boolean };

export type PrivateSendResult =
  { status: "sent"; message: Message.TextMessage } | { status: "unreachable" } | { status: "failed" };

export async function sendPrivately(
  services: PrivateSendServices,
  api: Api<RawApi>,
  to: PrivateRecipient,
  text: string,
  other: Parameters<Api["sendMessage"]>[2] = {},
  context: Record<string, unknown> = {},
): Promise<PrivateSendResult> {
  const telegramId = typeof to === "number" ? to : to.telegramId;
  // A member already known to refuse is not tried again: the call could only fail, and it counts
  // against the bot's rate limit. Their next private message to the bot makes them reachable again.
  if (telegramId === null || (typeof to === "object" && to.reachable === false)) {
    return { status: "unreachable" };
  }
  let chatId = telegramId;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      return { status: "sent", message: await api.sendMessage(chatId, text, other) };
    } catch (err) {
      const problem = classifyTelegramError(err);
      if (problem.kind === "unreachable") {
        await services.repos.members.markUnreachable(telegramId, services.clock.now());
        services.logger.info({ ...context, telegramId }, "member not reachable privately");
        return { status: "unreachable" };
      }
      if (problem.kind === "migrated" && attempt === 0) {
        await services.repos.chats.migrateChatId(chatId, problem.toChatId);
        chatId = problem.toChatId;
        continue;
      }
      services.logger.warn(
        { ...context, telegramId, problem: problem.kind, err: errorForLog(err) },
        "private message not sent",
      );
      return { status: "failed" };
    }
  }
  return { status: "failed" };
}

/** Sends several texts in order; stops at the first that does not go through and returns its result. */
export async function sendPrivatelyAll(
  services: PrivateSendServices,
  api: Api<RawApi>,
  to: PrivateRecipient,
  texts: readonly string[],
  other: Parameters<Api["sendMessage"]>[2] = {},
  context: Record<string, unknown> = {},
): Promise<PrivateSendResult> {
  let last: PrivateSendResult = { status: "failed" };
  for (const text of texts) {
    last = await sendPrivately(services, api, to, text, other, context);
    if (last.status !== "sent") return last;
  }
  return last;
}
