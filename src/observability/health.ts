// Is the service healthy? Yes only when the database answers now and the last call to Telegram
// succeeded recently. When no call was made for a while (a quiet webhook instance, nothing due),
// the check asks Telegram itself (getMe, through the monitored Api), at most once at a time.
import type { DatabaseProbe } from "../db/health.ts";
import type { TelegramMonitor } from "./telegram-monitor.ts";

export interface HealthReport {
  ok: boolean;
  /** Why not, in one line (absent when ok). */
  reason?: string;
  database: "ok" | "unavailable";
  telegram: "ok" | "unavailable";
  /** Seconds since Telegram last answered; null if it never did. */
  telegramLastOkSecondsAgo: number | null;
}

export interface HealthCheckOptions {
  probeDatabase(): Promise<DatabaseProbe>;
  telegram: TelegramMonitor;
  /** Asks Telegram something harmless (getMe); its outcome reaches the monitor. */
  pingTelegram(signal: AbortSignal): Promise<unknown>;
  /** A call outcome older than this is refreshed by pinging Telegram. Default 60 s. */
  freshForMs?: number;
  /** Time limit of that ping. Default 3 s. */
  pingTimeoutMs?: number;
  now?: () => number;
}

export interface HealthCheck {
  check(): Promise<HealthReport>;
}

export function createHealthCheck(options: HealthCheckOptions): HealthCheck {
  const freshForMs = options.freshForMs ?? 60_000;
  const pingTimeoutMs = options.pingTimeoutMs ?? 3_000;
  const now = options.now ?? Date.now;
  let pinging: Promise<void> | undefined;

  /** Makes the monitor's last outcome recent, asking Telegram if it is not. */
  async function refreshTelegram(): Promise<void> {
    const last = options.telegram.last();
    if (last && now() - last.at <= freshForMs) return;
    pinging ??= options
      .pingTelegram(AbortSignal.timeout(pingTimeoutMs))
      .then(
        () => undefined,
        () => undefined, // the monitor has recorded the failure
      )
      .finally(() => {
        pinging = undefined;
      });
    await pinging;
  }

  async function check(): Promise<HealthReport> {
    const [database] = await Promise.all([options.probeDatabase(), refreshTelegram()]);
    const last = options.telegram.last();
    const success = options.telegram.lastSuccess();
    const telegramOk = last !== undefined && last.ok && now() - last.at <= freshForMs;
    const report: HealthReport = {
      ok: database.ok && telegramOk,
      database: database.ok ? "ok" : "unavailable",
      telegram: telegramOk ? "ok" : "unavailable",
      telegramLastOkSecondsAgo: success ? Math.round((now() - success.at) / 1000) : null,
    };
    const reasons: string[] = [];
    if (!database.ok) reasons.push(database.reason);
    if (!telegramOk) reasons.push(telegramReason(last, now()));
    if (reasons.length > 0) report.reason = reasons.join("; ");
    return report;
  }

  return { check };
}

function telegramReason(last: ReturnType<TelegramMonitor["last"]>, at: number): string {
  if (!last) return "Telegram: no answer yet";
  const ago = Math.round((at - last.at) / 1000);
  if (!last.ok) return `Telegram: ${last.method} failed ${ago} s ago (${last.reason ?? "unknown"})`;
  return `Telegram: no answer for ${ago} s`;
}
