import {
  Agent,
  createServer,
  request,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { performance } from "node:perf_hooks";
import type { Update } from "grammy/types";
import type { BotApi } from "./bot-api.ts";
import { defaultDescription, errorBody, TelegramApiError, telegramErrors } from "./errors.ts";
import { Params, parseRequestParams } from "./request-body.ts";
import type { CallRecord, FailNextOptions, ResetNextOptions } from "./types.ts";
import type { WebhookConfig } from "./update-queue.ts";
import type { BotRecord, World } from "./world.ts";

/** Telegram accepts uploads up to 50 MB from bots. */
const MAX_BODY = 50 * 1024 * 1024;

interface FailRule {
  method: string | undefined;
  chatId: number | undefined;
  remaining: number;
  errorCode: number;
  description: string;
  retryAfter: number;
}

interface ResetRule {
  method: string | undefined;
  chatId: number | undefined;
  remaining: number;
  afterExecute: boolean;
}

class BodyTooLargeError extends Error {}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        reject(new BodyTooLargeError("Request Entity Too Large"));
        req.resume();
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => resolve(chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  if (res.destroyed || res.writableEnded) return;
  const json = JSON.stringify(body);
  res.writeHead(status, {
    "content-type": "application/json",
    "content-length": Buffer.byteLength(json),
  });
  res.end(json);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function matchRule<R extends { method: string | undefined; chatId: number | undefined; remaining: number }>(
  rules: R[],
  method: string,
  chatId: number | undefined,
): R | undefined {
  if (rules.length === 0) return undefined;
  const index = rules.findIndex(
    (r) =>
      r.remaining > 0 &&
      (r.method === undefined ? method !== "getupdates" : r.method === method) &&
      (r.chatId === undefined || r.chatId === chatId),
  );
  if (index < 0) return undefined;
  const rule = rules[index] as R;
  rule.remaining -= 1;
  if (rule.remaining <= 0) rules.splice(index, 1);
  return rule;
}

/** HTTP front of the emulator: routing, fault injection, latency, the call log and webhook delivery. */
export class EmulatorServer {
  private readonly server: Server;
  private readonly sockets = new Set<Socket>();
  private readonly webhookAgent = new Agent({ keepAlive: true, maxSockets: 8 });
  private failRules: FailRule[] = [];
  private resetRules: ResetRule[] = [];
  private callLog: CallRecord[] = [];
  latencyMs = 0;

  constructor(
    private readonly world: World,
    private readonly api: BotApi,
    private readonly logger?: (line: string) => void,
  ) {
    this.server = createServer((req, res) => {
      void this.handle(req, res).catch((error: unknown) => {
        this.log(
          `internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
        );
        sendJson(res, 500, errorBody(500, "Internal Server Error"));
      });
    });
    // Long polls hold requests open; grammY reuses keep-alive sockets.
    this.server.keepAliveTimeout = 65_000;
    this.server.headersTimeout = 66_000;
    this.server.requestTimeout = 0;
    this.server.on("connection", (socket: Socket) => {
      socket.setNoDelay(true);
      this.sockets.add(socket);
      socket.on("close", () => this.sockets.delete(socket));
    });
  }

  listen(port: number): Promise<number> {
    return new Promise((resolve, reject) => {
      this.server.once("error", reject);
      this.server.listen(port, "127.0.0.1", () => {
        this.server.off("error", reject);
        resolve((this.server.address() as AddressInfo).port);
      });
    });
  }

  async close(): Promise<void> {
    this.world.close();
    // Let answered long polls flush before cutting connections.
    await new Promise<void>((resolve) => setImmediate(resolve));
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      this.server.closeIdleConnections();
      setTimeout(() => {
        for (const socket of this.sockets) socket.destroy();
      }, 50).unref();
    });
    this.webhookAgent.destroy();
  }

  private log(line: string): void {
    this.logger?.(line);
  }

  // -------------------------------------------------------------------------------------------
  // Faults and the call log

  failNext(options: FailNextOptions): void {
    this.failRules.push({
      method: options.method?.toLowerCase(),
      chatId: options.chatId,
      remaining: options.count ?? 1,
      errorCode: options.errorCode,
      description: options.description ?? defaultDescription(options.errorCode),
      retryAfter: options.retryAfter ?? 1,
    });
  }

  resetNext(options: ResetNextOptions = {}): void {
    this.resetRules.push({
      method: options.method?.toLowerCase(),
      chatId: options.chatId,
      remaining: options.count ?? 1,
      afterExecute: options.afterExecute ?? false,
    });
  }

  clearFaults(): void {
    this.failRules = [];
    this.resetRules = [];
  }

  calls(): CallRecord[] {
    return [...this.callLog];
  }

  resetCalls(): void {
    this.callLog = [];
  }

  private record(entry: CallRecord): void {
    this.callLog.push(entry);
    if (this.logger) {
      const chat = entry.chatId === undefined ? "" : ` chat=${entry.chatId}`;
      const description = entry.description === undefined ? "" : ` ${entry.description}`;
      this.log(`${entry.method} ${entry.status} ${entry.ms.toFixed(1)}ms${chat}${description}`);
    }
  }

  // -------------------------------------------------------------------------------------------
  // Requests

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const at = Date.now();
    const started = performance.now();
    const rawUrl = req.url ?? "/";
    const q = rawUrl.indexOf("?");
    const path = q < 0 ? rawUrl : rawUrl.slice(0, q);
    if (path.startsWith("/file/bot")) {
      req.resume();
      this.handleFile(res, path, at, started);
      return;
    }
    const route = /^\/bot([^/]+)\/([^/]*)\/?$/.exec(path);
    const token = route ? decodeURIComponent(route[1] ?? "") : "";
    const method = route?.[2] ?? "";
    let body: Buffer;
    try {
      body = await readBody(req);
    } catch (error) {
      if (error instanceof BodyTooLargeError) sendJson(res, 413, errorBody(413, "Request Entity Too Large"));
      else req.socket.destroy();
      return;
    }
    if (this.latencyMs > 0) await sleep(this.latencyMs);

    const bot = route ? this.world.botsByToken.get(token) : undefined;
    const finish = (
      status: number,
      payload: unknown,
      extra: { chatId?: number; description?: string } = {},
    ) => {
      sendJson(res, status, payload);
      this.record({
        method,
        token,
        ...(bot && { botId: bot.id }),
        ...extra,
        status,
        at,
        ms: performance.now() - started,
      });
    };
    if (!route) {
      finish(404, errorBody(404, "Not Found"), { description: "Not Found" });
      return;
    }
    if (!bot) {
      finish(401, errorBody(401, "Unauthorized"), { description: "Unauthorized" });
      return;
    }

    let params: Params;
    try {
      const parsed = parseRequestParams(
        new URLSearchParams(q < 0 ? "" : rawUrl.slice(q + 1)),
        req.headers["content-type"],
        body,
      );
      params = new Params(parsed.params, parsed.files);
    } catch (error) {
      const apiError =
        error instanceof TelegramApiError ? error : telegramErrors.badRequest("invalid request");
      finish(apiError.code, apiError.toBody(), { description: apiError.description });
      return;
    }
    const lower = method.toLowerCase();
    let chatId: number | undefined;
    try {
      const raw = params.chatId();
      if (typeof raw === "number") chatId = raw;
    } catch {
      chatId = undefined;
    }
    const chatExtra = chatId === undefined ? {} : { chatId };

    const reset = matchRule(this.resetRules, lower, chatId);
    if (reset && !reset.afterExecute) {
      req.socket.destroy();
      this.record({
        method,
        token,
        botId: bot.id,
        ...chatExtra,
        status: 0,
        description: "socket reset",
        at,
        ms: performance.now() - started,
      });
      return;
    }
    const fail = matchRule(this.failRules, lower, chatId);
    if (fail) {
      const parameters = fail.errorCode === 429 ? { retry_after: fail.retryAfter } : undefined;
      const description =
        fail.errorCode === 429 && fail.description === "Too Many Requests"
          ? `Too Many Requests: retry after ${fail.retryAfter}`
          : fail.description;
      finish(fail.errorCode, errorBody(fail.errorCode, description, parameters), {
        ...chatExtra,
        description,
      });
      return;
    }

    const outcome = await this.execute(bot, method, params, res);
    if (reset) {
      req.socket.destroy();
      this.record({
        method,
        token,
        botId: bot.id,
        ...chatExtra,
        status: 0,
        description: "socket reset after execution",
        at,
        ms: performance.now() - started,
      });
      return;
    }
    finish(outcome.status, outcome.body, {
      ...chatExtra,
      ...(outcome.description !== undefined && { description: outcome.description }),
    });
  }

  /** Runs one Bot API method. `res` (when given) aborts long polls if the client goes away. */
  private async execute(
    bot: BotRecord,
    method: string,
    params: Params,
    res?: ServerResponse,
  ): Promise<{ status: number; body: unknown; description?: string }> {
    const handler = this.api.handler(method);
    if (!handler) return { status: 404, body: errorBody(404, "Not Found"), description: "Not Found" };
    const controller = new AbortController();
    res?.on("close", () => {
      if (!res.writableFinished) controller.abort();
    });
    try {
      const result: unknown = await handler({ bot, params, signal: controller.signal });
      return { status: 200, body: { ok: true, result } };
    } catch (error) {
      if (error instanceof TelegramApiError) {
        return { status: error.code, body: error.toBody(), description: error.description };
      }
      this.log(
        `internal error in ${method}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      );
      return {
        status: 500,
        body: errorBody(500, "Internal Server Error"),
        description: "Internal Server Error",
      };
    }
  }

  private handleFile(res: ServerResponse, path: string, at: number, started: number): void {
    const m = /^\/file\/bot([^/]+)\/(.+)$/.exec(path);
    const token = m ? decodeURIComponent(m[1] ?? "") : "";
    const bot = this.world.botsByToken.get(token);
    const record = (status: number) =>
      this.record({
        method: "file",
        token,
        ...(bot && { botId: bot.id }),
        status,
        at,
        ms: performance.now() - started,
      });
    if (!bot) {
      sendJson(res, 401, errorBody(401, "Unauthorized"));
      record(401);
      return;
    }
    const file = this.world.filesByPath.get(decodeURIComponent(m?.[2] ?? ""));
    if (!file?.data) {
      sendJson(res, 404, errorBody(404, "Not Found"));
      record(404);
      return;
    }
    res.writeHead(200, {
      "content-type": file.mimeType ?? "application/octet-stream",
      "content-length": file.data.length,
    });
    res.end(file.data);
    record(200);
  }

  // -------------------------------------------------------------------------------------------
  // Webhooks

  /** Posts one update; resolves on 2xx (running a webhook reply if the body carries one). */
  sendWebhook(token: string, config: WebhookConfig, update: Update): Promise<void> {
    const url = new URL(config.url);
    const payload = JSON.stringify(update);
    const headers: Record<string, string | number> = {
      "content-type": "application/json",
      "content-length": Buffer.byteLength(payload),
    };
    if (config.secretToken !== undefined) headers["x-telegram-bot-api-secret-token"] = config.secretToken;
    return new Promise<void>((resolve, reject) => {
      const req = request(
        {
          hostname: url.hostname.replace(/^\[|\]$/g, ""),
          port: url.port === "" ? 80 : Number(url.port),
          path: `${url.pathname}${url.search}`,
          method: "POST",
          agent: this.webhookAgent,
          headers,
          timeout: 60_000,
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (chunk: Buffer) => chunks.push(chunk));
          res.on("error", (error) => reject(error));
          res.on("end", () => {
            const status = res.statusCode ?? 0;
            if (status < 200 || status > 299) {
              reject(
                new Error(`Wrong response from the webhook: ${status} ${res.statusMessage ?? ""}`.trim()),
              );
              return;
            }
            this.webhookReply(token, Buffer.concat(chunks)).then(resolve, resolve);
          });
        },
      );
      req.on("timeout", () => req.destroy(new Error("Read timeout expired")));
      req.on("error", (error: NodeJS.ErrnoException) => {
        const message =
          error.code === "ECONNREFUSED"
            ? "Connection refused"
            : error.code === "ECONNRESET"
              ? "Connection reset by peer"
              : error.message;
        reject(new Error(message));
      });
      req.end(payload);
    });
  }

  /** grammY may answer a webhook request with a method call in the response body. */
  private async webhookReply(token: string, body: Buffer): Promise<void> {
    if (body.length === 0) return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(body.toString("utf8"));
    } catch {
      return;
    }
    if (!parsed || typeof parsed !== "object") return;
    const { method, ...rest } = parsed as Record<string, unknown>;
    const bot = this.world.botsByToken.get(token);
    if (typeof method !== "string" || !bot) return;
    const at = Date.now();
    const started = performance.now();
    const params = new Params(rest);
    const outcome = await this.execute(bot, method, params);
    const chatId = typeof rest.chat_id === "number" ? rest.chat_id : undefined;
    this.record({
      method,
      token,
      botId: bot.id,
      ...(chatId !== undefined && { chatId }),
      status: outcome.status,
      ...(outcome.description !== undefined && { description: outcome.description }),
      at,
      ms: performance.now() - started,
    });
  }
}
