import { webhookCallback, type Bot } from "grammy";
import type { Update } from "grammy/types";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { BotContext } from "../bot/context.ts";
import type { Logger } from "../logger.ts";
import type { MonitoringRoutes } from "./monitoring.ts";

export interface WebhookServerOptions {
  bot: Bot<BotContext>;
  secretToken: string;
  port: number;
  host?: string;
  /** Path the webhook is served on; "/telegram" by default. */
  path?: string;
  logger: Logger;
  /** GET /healthz and /metrics (see monitoring.ts), served beside the webhook. */
  monitoring?: MonitoringRoutes;
}

export interface WebhookServer {
  server: Server;
  port: number;
  close(): Promise<void>;
}

/** Telegram's updates are a few kilobytes; a body larger than this is not one of them. */
export const MAX_WEBHOOK_BODY_BYTES = 1_000_000;

class BodyTooLargeError extends Error {}

/** Answers 413 and drops the connection, so nothing more of the body is read. */
function refuseTooLarge(req: IncomingMessage, res: ServerResponse): void {
  if (!res.headersSent) {
    res.writeHead(413, { "content-type": "text/plain", connection: "close" });
    res.end("request body too large", () => req.destroy());
  } else {
    req.destroy();
  }
}

/**
 * grammY's "http" adapter, reading the body with a bound: grammY's own collects every chunk
 * whatever the size, so a client holding the secret could make us buffer any amount. Bodies that
 * declare their length are refused before this (see the server); chunked ones are counted here.
 */
function boundedHttpAdapter(req: IncomingMessage, res: ServerResponse) {
  const header = req.headers["x-telegram-bot-api-secret-token"];
  return {
    get update(): Promise<Update> {
      return new Promise<Update>((resolve, reject) => {
        const chunks: Buffer[] = [];
        let size = 0;
        const onData = (chunk: Buffer) => {
          size += chunk.length;
          if (size <= MAX_WEBHOOK_BODY_BYTES) {
            chunks.push(chunk);
            return;
          }
          req.off("data", onData);
          chunks.length = 0;
          refuseTooLarge(req, res);
          reject(new BodyTooLargeError(`webhook body over ${MAX_WEBHOOK_BODY_BYTES} bytes`));
        };
        req
          .on("data", onData)
          .once("end", () => {
            try {
              resolve(JSON.parse(Buffer.concat(chunks).toString("utf-8")) as Update);
            } catch (err) {
              reject(err instanceof Error ? err : new Error(String(err)));
            }
          })
          .once("error", reject);
      });
    },
    header: Array.isArray(header) ? header[0] : header,
    end: () => {
      res.end();
    },
    respond: (json: string) => {
      res.writeHead(200, { "content-type": "application/json" }).end(json);
    },
    unauthorized: () => {
      res.writeHead(401).end("secret token is wrong");
    },
    // The returned handler's promise settles when the update is handled (typed for webhookCallback).
    handlerReturn: undefined as Promise<void> | undefined,
  };
}

/**
 * Serves Telegram's webhook. grammY answers 401 when the X-Telegram-Bot-Api-Secret-Token header
 * is missing or wrong; bodies over 1 MB get 413 without being read whole; the monitoring routes
 * (health for load balancers, metrics) are served too, and 404 everywhere else.
 */
export async function startWebhookServer(options: WebhookServerOptions): Promise<WebhookServer> {
  const path = options.path ?? "/telegram";
  const handle = webhookCallback(options.bot, boundedHttpAdapter, {
    secretToken: options.secretToken,
    onTimeout: "return",
    timeoutMilliseconds: 9_000,
  });
  const server = createServer((req, res) => {
    const url = (req.url ?? "/").split("?")[0];
    if (options.monitoring?.(req, res)) return;
    if (req.method !== "POST" || url !== path) {
      res.writeHead(404).end();
      return;
    }
    if (Number(req.headers["content-length"]) > MAX_WEBHOOK_BODY_BYTES) {
      options.logger.warn({ contentLength: req.headers["content-length"] }, "webhook body too large");
      refuseTooLarge(req, res);
      return;
    }
    handle(req, res).catch((err: unknown) => {
      if (err instanceof BodyTooLargeError) {
        options.logger.warn("webhook body too large");
        return;
      }
      options.logger.error(
        { err: err instanceof Error ? err.message : String(err) },
        "webhook request failed",
      );
      if (!res.headersSent) res.writeHead(500).end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host ?? "0.0.0.0", () => resolve());
  });
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : options.port;
  return {
    server,
    port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
