// /me → "Sửa họ tên" (issue 9 item 10): the member types their full name in Vietnamese order
// (family name first) as their next private message; it is shown instead of the Telegram name from
// then on, and the bot addresses them by its last word ("đồng chí An"). Same rules as a roster
// import's names; bad input is explained and nothing is written.
import { Composer, InlineKeyboard } from "grammy";
import type { BotContext } from "../../bot/context.ts";
import { givenName } from "../../bot/kit/display-name.ts";
import { askTyped, onTypedAnswer } from "../../bot/kit/typed-answer.ts";
import { ownT } from "../../bot/kit/own-language.ts";
import { cleanText } from "../../clean-text.ts";
import { checkName, ROSTER_LIMITS, type NameProblem } from "../roster/roster-parse.ts";

/** callback_data of the /me button; the name is always the presser's own. */
export const EDIT_FULL_NAME_DATA = "me:name";

const PROBLEM_KEYS = {
  "name-empty": "full-name-empty",
  "name-too-long": "full-name-too-long",
  "name-no-letters": "full-name-no-letters",
  "name-bad-characters": "full-name-bad-characters",
  "name-mixed-scripts": "full-name-mixed-scripts",
} as const satisfies Record<NameProblem, string>;

/** The /me button that starts it (shown in the private chat only). */
export function editFullNameKeyboard(ctx: BotContext): InlineKeyboard {
  return new InlineKeyboard().text(ctx.t("me-edit-name-button"), EDIT_FULL_NAME_DATA);
}

export function createFullNameFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();

  feature.callbackQuery(EDIT_FULL_NAME_DATA, async (ctx) => {
    const t = ownT(ctx);
    // Asked and answered in the private chat: the answer is the person's next plain message there.
    if (ctx.chat?.type !== "private" || !ctx.caller?.member) {
      await ctx.answerCallbackQuery({ text: t("full-name-private-only"), show_alert: true });
      return;
    }
    await ctx.answerCallbackQuery();
    await askTyped(ctx, {
      userId: ctx.from.id,
      chatId: ctx.from.id,
      kind: "full-name",
      payload: {},
      text: t("full-name-ask", { max: ROSTER_LIMITS.maxNameLength }),
      placeholder: t("full-name-placeholder"),
    });
  });

  feature.use(
    onTypedAnswer("full-name", async (ctx, answer) => {
      const member = ctx.caller?.member;
      if (!member) return "done";
      const name = cleanText(answer.text ?? "");
      const problem = checkName(name);
      if (problem) {
        await ctx.reply(ctx.t(PROBLEM_KEYS[problem], { max: ROSTER_LIMITS.maxNameLength }));
        return "keep";
      }
      await ctx.services.repos.members.setFullName(member.id, name);
      ctx.log.info({ memberId: member.id }, "full name set by the member");
      await ctx.reply(ctx.t("full-name-saved", { name, given: givenName({ ...member, fullName: name }) }));
      return "done";
    }),
  );

  return feature;
}
