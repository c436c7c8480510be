// What goes with the digest's text: the chart (PNG) and the workbook of the month (XLSX). Each is
// made when the message is planned, from the same figures; neither is stored.
import { InputFile } from "grammy";
import type { BotServices } from "../../bot/context.ts";
import type { OrganisationView } from "../../db/repositories/organisations.ts";
import type { JobMessage } from "../../scheduler/jobs.ts";
import { periodLabel, previousPeriod, type WardDigest } from "./arithmetic.ts";
import { renderChart } from "./chart.ts";
import type { T } from "./render.ts";
import { buildWorkbook, workbookFileName } from "./workbook.ts";

export interface AttachmentInput {
  org: OrganisationView;
  digest: WardDigest;
  locale: string;
  t: T;
}

/** The chart's labels in the reader's language. */
export function chartLabels(t: T, digest: WardDigest) {
  const period = periodLabel(digest.period);
  return {
    title: t("digest-chart-title", { period }),
    thisMonth: t("digest-chart-month", { period }),
    lastMonth: t("digest-chart-month", { period: periodLabel(previousPeriod(digest.period)) }),
    trend: t("digest-chart-trend"),
  };
}

export async function digestAttachments(
  services: Pick<BotServices, "repos">,
  input: AttachmentInput,
): Promise<JobMessage[]> {
  const { digest, t } = input;
  const period = periodLabel(digest.period);
  const png = await renderChart(digest, chartLabels(t, digest));
  const workbook = await buildWorkbook(services.repos.reports, {
    org: input.org,
    scope: { kind: "month", period: digest.period },
    cellId: null,
    answersOfCell: null,
  });
  return [
    {
      type: "photo",
      photo: new InputFile(png, `bao-cao-${period.replace("/", "-")}.png`),
      caption: t("digest-chart-caption", { period }),
    },
    {
      type: "document",
      document: new InputFile(workbook, workbookFileName({ kind: "month", period: digest.period }, null)),
      caption: t("digest-workbook-caption", { period }),
    },
  ];
}
