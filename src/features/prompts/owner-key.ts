// How a member finds their own anonymous answer again without the answer naming them (issue 11,
// "anonymity that holds"). An anonymous Response carries ownerKey = HMAC-SHA256(K, "<prompt>:<member>")
// instead of a member id, and K never touches the database.
//
// Why changes are allowed rather than refused: the product lets a member change an answer until the
// close and counts the last one; refusing that for anonymous prompts would punish exactly the prompts
// where members speak most freely. A keyed hash gives this without a link: from the database alone
// (every table, every backup) nobody can compute whose key a row holds, since that needs K.
//
// Where K comes from: derived from the bot token (HMAC of a fixed label under the token). The token
// is a per-deployment secret that lives in the environment, not in the database, and every
// deployment already has one, so there is nothing new to configure or to lose. A secret generated
// once and stored in the database would sit next to the rows it is meant to protect, which is why it
// is not used. The cost: after the token is changed (rotated after a leak, say) the old keys no
// longer match, and a member who already answered an open anonymous prompt is told their answer can
// no longer be changed (answers.ts "locked") — it is never counted twice.
import { createHmac } from "node:crypto";
import type { Config } from "../../config.ts";

const LABEL = "chibo-bot/anonymous-answer-owner/v1";

const derived = new Map<string, Buffer>();

function keyOf(botToken: string): Buffer {
  let key = derived.get(botToken);
  if (!key) {
    key = createHmac("sha256", botToken).update(LABEL).digest();
    derived.set(botToken, key);
  }
  return key;
}

/** The owner key of a member's anonymous answers to a prompt. */
export function anonymousOwnerKey(
  config: Pick<Config, "botToken">,
  promptId: number,
  memberId: number,
): string {
  // No bot token means no bot, and no answers to take; failing loudly beats a guessable key.
  if (!config.botToken) throw new Error("anonymous answers need the bot token to derive their key");
  return createHmac("sha256", keyOf(config.botToken)).update(`${promptId}:${memberId}`).digest("base64url");
}
