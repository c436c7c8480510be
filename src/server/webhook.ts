import { webhookCallback, type Bot } from "grammy";
import { createServer, type Server } from "node:http";
import type { BotContext } from "../bot/context.ts";
import type { Logger } from "../logger.ts";

export interface WebhookServerOptions {
  bot: Bot<BotContext>;
  secretToken: string;
  port: number;
  host?: string;
  /** Path the webhook is served on; "/telegram" by default. */
  path?: string;
  logger: Logger;
}

export interface WebhookServer {
  server: Server;
  port: number;
  close(): Promise<void>;
}

/**
 * Serves Telegram's webhook. grammY answers 401 when the X-Telegram-Bot-Api-Secret-Token header
 * is missing or wrong; we add a health endpoint for load balancers and 404 everywhere else.
 */
export async function startWebhookServer(options: WebhookServerOptions): Promise<WebhookServer> {
  const path = options.path ?? "/telegram";
  const handle = webhookCallback(options.bot, "http", {
    secretToken: options.secretToken,
    onTimeout: "return",
    timeoutMilliseconds: 9_000,
  });
  const server = createServer((req, res) => {
    const url = (req.url ?? "/").split("?")[0];
    if (req.method === "GET" && url === "/healthz") {
      res.writeHead(200, { "content-type": "text/plain" }).end("ok");
      return;
    }
    if (req.method !== "POST" || url !== path) {
      res.writeHead(404).end();
      return;
    }
    handle(req, res).catch((err: unknown) => {
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
