// GET /healthz and GET /metrics: served by the webhook server in webhook mode, or by a server of
// their own on HEALTH_PORT (either mode).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { Logger } from "../logger.ts";
import type { HealthCheck } from "../observability/health.ts";
import type { Metrics } from "../observability/metrics.ts";

/** Answers the request if it is one of ours; false leaves it to the caller. */
export type MonitoringRoutes = (req: IncomingMessage, res: ServerResponse) => boolean;

export function createMonitoringRoutes(options: {
  health: HealthCheck;
  metrics: Metrics;
  logger: Logger;
}): MonitoringRoutes {
  const { health, metrics, logger } = options;
  let unhealthySince: string | undefined;
  return (req, res) => {
    const url = (req.url ?? "/").split("?")[0];
    if (req.method !== "GET" && req.method !== "HEAD") return false;
    if (url === "/healthz") {
      health.check().then(
        (report) => {
          // Said once when the state changes, not at every probe.
          if (!report.ok && unhealthySince === undefined) {
            unhealthySince = new Date().toISOString();
            logger.warn({ reason: report.reason }, "health check failing");
          } else if (report.ok && unhealthySince !== undefined) {
            logger.info({ since: unhealthySince }, "health check passing again");
            unhealthySince = undefined;
          }
          const body = JSON.stringify({ status: report.ok ? "ok" : "unavailable", ...report });
          res
            .writeHead(report.ok ? 200 : 503, {
              "content-type": "application/json",
              "cache-control": "no-store",
            })
            .end(req.method === "HEAD" ? undefined : body);
        },
        (error: unknown) => fail(res, logger, "health check failed", error),
      );
      return true;
    }
    if (url === "/metrics") {
      metrics.render().then(
        (text) => {
          res
            .writeHead(200, { "content-type": metrics.contentType })
            .end(req.method === "HEAD" ? undefined : text);
        },
        (error: unknown) => fail(res, logger, "metrics failed", error),
      );
      return true;
    }
    return false;
  };
}

function fail(res: ServerResponse, logger: Logger, message: string, error: unknown): void {
  logger.error({ err: error instanceof Error ? error.message : String(error) }, message);
  if (!res.headersSent) {
    res
      .writeHead(503, { "content-type": "application/json" })
      .end(JSON.stringify({ status: "unavailable", reason: message }));
  }
}

export interface MonitoringServer {
  server: Server;
  port: number;
  close(): Promise<void>;
}

/** A server with the monitoring routes alone (404 for anything else). */
export async function startMonitoringServer(options: {
  routes: MonitoringRoutes;
  port: number;
  host: string;
}): Promise<MonitoringServer> {
  const server = createServer((req, res) => {
    if (!options.routes(req, res)) res.writeHead(404).end();
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : options.port;
  return {
    server,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // A scraper's keep-alive connection must not hold the shutdown.
        server.closeIdleConnections();
      }),
  };
}
