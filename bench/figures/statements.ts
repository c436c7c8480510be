// SQL statements per update of each kind, counted at the drivers: the updates of one kind are
// handed to the bot one at a time and whatever they leave running is waited for.
import { PROVIDER_LABEL, type Figure } from "../figure.ts";
import { generateLoad, type UpdateKind } from "../load.ts";
import { formatNumber } from "../report.ts";
import type { Stage } from "../stage.ts";
import { settleStatements, statementCount } from "../statements.ts";
import { createRandom } from "../stats.ts";

async function perUpdate(stage: Stage, kind: UpdateKind, random: () => number): Promise<number> {
  const samples = stage.sizes.statementSamples;
  const items = generateLoad(stage, "bot", samples, random, kind);
  await settleStatements();
  const before = statementCount();
  for (const item of items) await stage.app.bot.handleUpdate(item.update);
  await settleStatements();
  return (statementCount() - before) / samples;
}

export function statementsPerUpdate(): Figure {
  const id = "statements.per.update";
  return {
    name: "statements per update",
    provider: "sqlite",
    rows: [
      { id, figure: "SQL statements per update: RSVP / /me / ignored group text", goal: "≤ 3 / ≤ 3 / 0" },
    ],
    async run(stage) {
      const random = createRandom(303);
      const rsvp = await perUpdate(stage, "rsvp", random);
      const me = await perUpdate(stage, "me", random);
      const ignored = await perUpdate(stage, "ignored", random);
      const show = (n: number) => formatNumber(n, Number.isInteger(n) ? 0 : 1);
      return {
        [id]: {
          measured: `${show(rsvp)} / ${show(me)} / ${show(ignored)}`,
          baseline: "0 / 0 / 0 (no database)",
          ratio: null,
          met: rsvp <= 3 && me <= 3 && ignored === 0,
          values: { rsvp, me, ignored, samplesEach: stage.sizes.statementSamples },
          note: `${PROVIDER_LABEL[stage.provider]}; every statement the driver runs, BEGIN/COMMIT included; RSVP answers drawn as in the throughput mix`,
        },
      };
    },
  };
}
