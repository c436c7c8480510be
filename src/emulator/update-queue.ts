import type { Update } from "grammy/types";
import { telegramErrors, type TelegramApiError } from "./errors.ts";

/** Update types Telegram leaves out unless allowed_updates lists them. */
const EXCLUDED_BY_DEFAULT = new Set(["chat_member", "message_reaction", "message_reaction_count"]);

export type UpdateBody = Omit<Update, "update_id">;

export function updateKind(update: UpdateBody | Update): string {
  for (const key in update) if (key !== "update_id") return key;
  return "unknown";
}

interface Entry {
  update: Update;
  /** Re-delivered verbatim by the driver: survives offsets until it has been handed out once. */
  raw: boolean;
  delivered: boolean;
}

interface Poller {
  limit: number;
  resolve: (updates: Update[]) => void;
  reject: (error: TelegramApiError) => void;
  timer: NodeJS.Timeout | undefined;
}

export interface WebhookConfig {
  url: string;
  secretToken?: string;
  maxConnections: number;
  setAt: number;
}

/** Sends one update to the webhook; resolves on 2xx, rejects otherwise. */
export type WebhookSender = (config: WebhookConfig, update: Update) => Promise<void>;

/**
 * One bot's pending updates: its update_id sequence, allowed_updates, the (single) long-poll
 * consumer, and the webhook delivery loop.
 */
export class UpdateQueue {
  private entries: Entry[] = [];
  private rawPending = 0;
  private nextUpdateId = 1;
  private poller: Poller | undefined;
  private flushScheduled = false;
  private webhookRunning = false;
  private retryTimer: { timer: NodeJS.Timeout; resolve: () => void } | undefined;
  private closed = false;
  allowedUpdates: string[] | undefined;
  webhook: WebhookConfig | undefined;
  lastErrorDate: number | undefined;
  lastErrorMessage: string | undefined;

  constructor(
    private readonly sendWebhook: WebhookSender,
    private readonly retryDelayMs: number,
    private readonly unixNow: () => number,
  ) {}

  get pendingCount(): number {
    return this.entries.length;
  }

  isAllowed(kind: string): boolean {
    const list = this.allowedUpdates;
    if (list === undefined || list.length === 0) return !EXCLUDED_BY_DEFAULT.has(kind);
    return list.includes(kind);
  }

  /** Assigns the next update_id and queues the update, unless allowed_updates excludes its type. */
  push(body: UpdateBody): Update | undefined {
    if (!this.isAllowed(updateKind(body))) return undefined;
    const update = { update_id: this.nextUpdateId++, ...body };
    this.entries.push({ update, raw: false, delivered: false });
    this.wake();
    return update;
  }

  pushRaw(update: Update): void {
    this.entries.push({ update, raw: true, delivered: false });
    this.rawPending += 1;
    this.wake();
  }

  take(): Update[] {
    const updates = this.entries.map((e) => e.update);
    this.entries = [];
    this.rawPending = 0;
    return updates;
  }

  dropPending(): void {
    this.entries = [];
    this.rawPending = 0;
  }

  /** getUpdates' offset: forget what the consumer confirmed. */
  confirm(offset: number): void {
    if (offset < 0) {
      const keep = -offset;
      if (this.entries.length > keep) this.entries = this.entries.slice(this.entries.length - keep);
      this.rawPending = this.entries.filter((e) => e.raw && !e.delivered).length;
      return;
    }
    if (this.rawPending > 0) {
      this.entries = this.entries.filter((e) => e.update.update_id >= offset || (e.raw && !e.delivered));
      return;
    }
    let n = 0;
    while (n < this.entries.length && (this.entries[n]?.update.update_id ?? Infinity) < offset) n += 1;
    if (n === this.entries.length) this.entries = [];
    else if (n > 0) this.entries.splice(0, n);
    else if (this.entries.some((e) => e.update.update_id < offset)) {
      this.entries = this.entries.filter((e) => e.update.update_id >= offset);
    }
  }

  /**
   * getUpdates. A newer call terminates a pending one with 409, as Telegram does when two
   * consumers poll the same token.
   */
  poll(
    offset: number | undefined,
    limit: number,
    timeoutSeconds: number,
    signal: AbortSignal,
  ): Promise<Update[]> {
    if (offset !== undefined) this.confirm(offset);
    this.terminatePoller(telegramErrors.conflictGetUpdates());
    const ready = this.handOut(limit);
    if (ready.length > 0 || timeoutSeconds <= 0 || signal.aborted || this.closed) {
      return Promise.resolve(ready);
    }
    return new Promise<Update[]>((resolve, reject) => {
      const poller: Poller = { limit, resolve, reject, timer: undefined };
      const finish = () => {
        if (this.poller === poller) this.poller = undefined;
        if (poller.timer) clearTimeout(poller.timer);
        signal.removeEventListener("abort", onAbort);
      };
      const onAbort = () => {
        finish();
        resolve([]);
      };
      poller.resolve = (updates) => {
        finish();
        resolve(updates);
      };
      poller.reject = (error) => {
        finish();
        reject(error);
      };
      poller.timer = setTimeout(() => poller.resolve(this.handOut(limit)), timeoutSeconds * 1000);
      signal.addEventListener("abort", onAbort, { once: true });
      this.poller = poller;
    });
  }

  terminatePoller(error: TelegramApiError): void {
    this.poller?.reject(error);
  }

  private handOut(limit: number): Update[] {
    const n = Math.min(limit, this.entries.length);
    const out: Update[] = new Array<Update>(n);
    for (let i = 0; i < n; i++) {
      const entry = this.entries[i] as Entry;
      if (entry.raw && !entry.delivered) this.rawPending -= 1;
      entry.delivered = true;
      out[i] = entry.update;
    }
    return out;
  }

  private wake(): void {
    if (this.webhook) {
      this.startWebhookLoop();
      return;
    }
    if (this.poller && !this.flushScheduled) {
      this.flushScheduled = true;
      // Batch updates enqueued in the same tick into one getUpdates answer.
      setImmediate(() => {
        this.flushScheduled = false;
        const poller = this.poller;
        if (poller && this.entries.length > 0) poller.resolve(this.handOut(poller.limit));
      });
    }
  }

  setWebhook(config: WebhookConfig): void {
    this.webhook = config;
    this.terminatePoller(telegramErrors.conflictTerminatedBySetWebhook());
    this.lastErrorDate = undefined;
    this.lastErrorMessage = undefined;
    this.startWebhookLoop();
  }

  deleteWebhook(): void {
    this.webhook = undefined;
    this.cancelRetryWait();
  }

  private startWebhookLoop(): void {
    if (this.webhookRunning || this.closed || !this.webhook || this.entries.length === 0) return;
    this.webhookRunning = true;
    void this.runWebhookLoop().finally(() => {
      this.webhookRunning = false;
      // Something may have arrived while the loop was finishing.
      if (this.webhook && this.entries.length > 0 && !this.closed) this.startWebhookLoop();
    });
  }

  private async runWebhookLoop(): Promise<void> {
    let delay = this.retryDelayMs;
    while (!this.closed && this.webhook && this.entries.length > 0) {
      const config = this.webhook;
      const entry = this.entries[0] as Entry;
      try {
        entry.delivered = true;
        await this.sendWebhook(config, entry.update);
        if (this.entries[0] === entry) {
          this.entries.shift();
          if (entry.raw) this.rawPending = Math.max(0, this.rawPending - 1);
        }
        delay = this.retryDelayMs;
      } catch (error) {
        this.lastErrorDate = this.unixNow();
        this.lastErrorMessage = error instanceof Error ? error.message : String(error);
        await this.waitBeforeRetry(delay);
        delay = Math.min(delay * 2, 2000);
      }
    }
  }

  private waitBeforeRetry(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.retryTimer = undefined;
        resolve();
      }, ms);
      this.retryTimer = { timer, resolve };
    });
  }

  private cancelRetryWait(): void {
    if (this.retryTimer) {
      clearTimeout(this.retryTimer.timer);
      this.retryTimer.resolve();
      this.retryTimer = undefined;
    }
  }

  close(): void {
    this.closed = true;
    this.poller?.resolve([]);
    this.cancelRetryWait();
  }
}
