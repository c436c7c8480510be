// The service's metrics in the Prometheus text format (GET /metrics). Counters move as things
// happen; the outbox backlog is read from the database when scraped (two grouped queries), so it
// is right even for rows another instance wrote. Each running app has its own registry (tests run
// several in one process).
import { Counter, Gauge, Registry, collectDefaultMetrics } from "prom-client";
import type { Clock } from "../clock.ts";
import type { OutboxBacklog } from "../db/repositories/outbox.ts";
import type { SendOutcome } from "../scheduler/sender.ts";
import type { TelegramCallObserver } from "./telegram-monitor.ts";

export interface Metrics extends TelegramCallObserver {
  readonly registry: Registry;
  readonly contentType: string;
  /** An update went through the bot's middleware to the end (answered, ignored or refused). */
  updateHandled(): void;
  /** A handler threw; the user got the generic error answer. */
  updateFailed(): void;
  /** A scheduled message's send ended (sent, handed back for later, or failed). */
  sendOutcome(outcome: SendOutcome): void;
  /** The text of every metric, for the scrape. */
  render(): Promise<string>;
}

export interface MetricsOptions {
  clock: Clock;
  backlog(now: Date): Promise<OutboxBacklog>;
  /** Also export the Node.js process metrics (memory, event loop lag…). Default true. */
  processMetrics?: boolean;
}

/** The `outcome` label of a scheduled send. */
export function sendOutcomeLabel(outcome: SendOutcome): string {
  switch (outcome.status) {
    case "sent":
      return "sent";
    case "retry_later":
      return outcome.cause === "transient"
        ? "retry_transient"
        : outcome.cause === "rate_limit"
          ? "retry_rate_limit"
          : "withdrawn";
    case "failed":
      return outcome.reason === "unreachable" ? "failed_unreachable" : "failed_permanent";
  }
}

export function createMetrics(options: MetricsOptions): Metrics {
  const registry = new Registry();
  if (options.processMetrics !== false) collectDefaultMetrics({ register: registry, prefix: "chibo_" });

  const updates = new Counter({
    name: "chibo_updates_handled_total",
    help: "Telegram updates handled by the bot (each once, whatever the outcome).",
    registers: [registry],
  });
  const updateErrors = new Counter({
    name: "chibo_update_errors_total",
    help: "Updates whose handler failed (the user got the generic error answer).",
    registers: [registry],
  });
  const sends = new Counter({
    name: "chibo_scheduled_sends_total",
    help: "Scheduled messages by outcome of the send: sent, retry_transient, retry_rate_limit, withdrawn, failed_unreachable, failed_permanent.",
    labelNames: ["outcome"] as const,
    registers: [registry],
  });
  const rateLimited = new Counter({
    name: "chibo_telegram_rate_limited_total",
    help: "Bot API calls Telegram answered with 429 Too Many Requests.",
    registers: [registry],
  });
  const calls = new Counter({
    name: "chibo_telegram_calls_total",
    help: "Bot API calls by result: ok (Telegram answered) or failed (unreachable, 5xx, 401, 409).",
    labelNames: ["result"] as const,
    registers: [registry],
  });

  // One read of the backlog per scrape, shared by the gauges below.
  let reading: Promise<OutboxBacklog | undefined> | undefined;
  const backlog = (): Promise<OutboxBacklog | undefined> =>
    (reading ??= options
      .backlog(options.clock.now())
      .catch(() => undefined)
      .finally(() => {
        reading = undefined;
      }));
  // The gauges below live in the registry, which reads them (their collect) at each scrape.
  new Gauge({
    name: "chibo_outbox_readable",
    help: "1 when the outbox could be read for this scrape, 0 when the database did not answer (the outbox gauges then keep their last values).",
    registers: [registry],
    async collect() {
      this.set((await backlog()) ? 1 : 0);
    },
  });
  new Gauge({
    name: "chibo_outbox_pending",
    help: "Outbox rows not finished yet (pending, due or not, and claimed).",
    registers: [registry],
    async collect() {
      const b = await backlog();
      if (b) this.set(b.pending);
    },
  });
  new Gauge({
    name: "chibo_outbox_due",
    help: "Outbox rows that are due now and not sent yet.",
    registers: [registry],
    async collect() {
      const b = await backlog();
      if (b) this.set(b.due);
    },
  });
  new Gauge({
    name: "chibo_outbox_oldest_due_age_seconds",
    help: "How long the oldest due outbox row has been waiting (0 when none is due).",
    registers: [registry],
    async collect() {
      const b = await backlog();
      if (!b) return;
      const age = b.oldestDueAt ? (options.clock.now().getTime() - b.oldestDueAt.getTime()) / 1000 : 0;
      this.set(Math.max(0, age));
    },
  });

  return {
    registry,
    contentType: registry.contentType,
    updateHandled: () => updates.inc(),
    updateFailed: () => updateErrors.inc(),
    sendOutcome: (outcome) => sends.inc({ outcome: sendOutcomeLabel(outcome) }),
    onCall(event) {
      if (event.rateLimited) rateLimited.inc();
      calls.inc({ result: event.ok ? "ok" : "failed" });
    },
    render: () => registry.metrics(),
  };
}
