// /close_meeting in the large cell (statements, time, Telegram calls made inline), and the
// repeated-absence check with every member of that cell absent. Nobody checked in, so the command
// first asks [Chốt sổ] [Thôi] with the counts; the figure is the command and the confirming press
// together (each is one update), the larger of the two against the goal.
import { performance } from "node:perf_hooks";
import { alertRepeatedAbsences } from "../../src/features/meetings/close.ts";
import type { Provider } from "../../src/db/url.ts";
import { PROVIDER_LABEL, type Figure } from "../figure.ts";
import { formatNumber } from "../report.ts";
import type { BenchSizes } from "../sizes.ts";
import { flushBot } from "../stage.ts";
import { settleStatements, statementCount } from "../statements.ts";
import { median } from "../stats.ts";

export function closeMeeting(provider: Provider, sizes: BenchSizes): Figure {
  const id = `close.${provider}`;
  return {
    name: `close meeting ${provider}`,
    provider,
    rows: [
      {
        id,
        figure: `/close_meeting, ${sizes.bigCellMembers}-member cell, ${PROVIDER_LABEL[provider]}`,
        goal: "< 30 statements, < 100 ms",
      },
    ],
    async run(stage) {
      const { emulator, account, app } = stage;
      const big = stage.ward.big;
      const secretary = big.users[0]!;
      const statements: number[] = [];
      const perUpdate: number[] = [];
      const times: number[] = [];
      const telegramCalls: number[] = [];
      for (let round = 0; round < sizes.closeRounds; round++) {
        // A meeting that started two hours ago, nobody checked in: everyone is absent.
        const meeting = await app.repos.meetings.create({
          cellId: big.cell.id,
          kind: "regular",
          startsAt: new Date(Date.now() - 2 * 3_600_000 - round * 60_000),
          place: "Hội trường UBND phường",
          title: null,
          createdByMemberId: big.memberIdOf.get(secretary.id) ?? null,
        });
        emulator.takeUpdates(account);
        emulator.sendText(account, secretary, big.chatId, `/close_meeting #${meeting.number}`);
        await settleStatements(50, 1_000);
        const firstCall = emulator.calls().length;
        const before = statementCount();
        const t0 = performance.now();
        await flushBot(stage);
        let ms = performance.now() - t0;
        await settleStatements();
        const asking = statementCount() - before;
        const question = emulator.lastBotMessage(account, big.chatId);
        const confirm = question?.buttons.find((b) => b.callback_data?.startsWith(`cm:${meeting.id}:`));
        if (!question || !confirm?.callback_data) {
          throw new Error(`no close confirmation; the bot said: ${question?.text ?? "nothing"}`);
        }
        emulator.pressButton(account, secretary, big.chatId, question.message_id, confirm.callback_data);
        const beforePress = statementCount();
        const t1 = performance.now();
        await flushBot(stage);
        ms += performance.now() - t1;
        await settleStatements();
        const closing = statementCount() - beforePress;
        times.push(ms);
        statements.push(asking + closing);
        perUpdate.push(Math.max(asking, closing));
        telegramCalls.push(emulator.calls().length - firstCall);
        const after = await app.repos.meetings.get(meeting.id);
        if (after?.state !== "closed") {
          const said = emulator.lastBotMessage(account, big.chatId)?.text ?? "nothing";
          throw new Error(`meeting ${meeting.id} is ${after?.state}; the bot said: ${said}`);
        }
      }
      const s = median(statements);
      const most = median(perUpdate);
      const ms = median(times);
      const calls = median(telegramCalls);
      return {
        [id]: {
          measured: `${formatNumber(s)} statements in 2 updates (≤ ${formatNumber(most)} each), ${formatNumber(ms)} ms, ${formatNumber(calls)} Telegram calls inline`,
          baseline: "",
          ratio: null,
          met: most < 30 && ms < 100,
          values: {
            statements: s,
            statementsPerUpdate: most,
            ms,
            telegramCalls: calls,
            rounds: sizes.closeRounds,
          },
        },
      };
    },
  };
}

export function absenceAlerts(provider: Provider, sizes: BenchSizes): Figure {
  const id = `alerts.${provider}`;
  return {
    name: `absence alerts ${provider}`,
    provider,
    rows: [
      {
        id,
        figure: `absence alerts, ${sizes.bigCellMembers} absent, ${PROVIDER_LABEL[provider]}`,
        goal: "< 20 statements",
      },
    ],
    async run(stage) {
      const { app, services } = stage;
      const big = stage.ward.big;
      const meetings = await app.repos.meetings.listSince(big.cell.id, new Date(0), 10_000);
      const meeting = meetings.filter((m) => m.state === "closed").at(-1);
      if (!meeting) throw new Error("the large cell has no closed meeting");
      const absent = [...big.memberIdOf.values()];
      const statements: number[] = [];
      const times: number[] = [];
      for (let round = 0; round < sizes.closeRounds; round++) {
        await settleStatements(50, 1_000);
        const before = statementCount();
        const t0 = performance.now();
        await alertRepeatedAbsences(services, big.cell, meeting, absent);
        times.push(performance.now() - t0);
        statements.push(statementCount() - before);
      }
      const s = median(statements);
      const ms = median(times);
      return {
        [id]: {
          measured: `${formatNumber(s)} statements, ${formatNumber(ms)} ms`,
          baseline: "",
          ratio: null,
          met: s < 20,
          values: { statements: s, ms, absent: absent.length },
        },
      };
    },
  };
}
