// Entry point of `npm start`: read the configuration, start the service, stop cleanly on signals.
import { startApp, StartupAbortedError } from "./app.ts";
import { ConfigError, loadConfig, type Config } from "./config.ts";
import { createLogger, guardStdio } from "./logger.ts";

const NO_TOKEN_HELP = `BOT_TOKEN is not set, so the bot cannot connect to Telegram.

  To run the real bot:
    1. In Telegram, open @BotFather, send /newbot and follow the steps; it gives you a token.
    2. Put it in a .env file beside package.json:   BOT_TOKEN=123456789:AA...
       (or export BOT_TOKEN=... in your shell), then run npm start again.

  To try the bot without Telegram or a token:
    npm run demo
`;

/** However a shutdown goes, the process has ended this long after the stop request. */
const SHUTDOWN_DEADLINE_MS = 4_500;

async function main(): Promise<number> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\nSee README.md, "Configuration".\n`);
      return 2;
    }
    throw err;
  }
  if (!config.botToken) {
    process.stderr.write(NO_TOKEN_HELP);
    return 1;
  }
  const secrets = [config.botToken, config.webhookSecret, passwordOf(config.databaseUrl)];
  // Libraries print on their own (console.error of a failed request URL, token included); whatever
  // reaches stdout or stderr by any path has the secrets replaced first.
  guardStdio(secrets);
  const logger = createLogger({ level: config.logLevel, secrets });
  logger.info({ mode: config.mode, pid: process.pid }, "starting chibo-bot");

  // Listen for signals before starting, so a stop requested during start-up is honoured: it aborts
  // the start-up wherever it is (waiting for Telegram, for a locked database…). Later signals are
  // ignored so that a second Ctrl+C cannot cut the graceful shutdown short, but a deadline ends the
  // process whatever still hangs.
  const startup = new AbortController();
  let stopReason: string | undefined;
  let exitCode = 0;
  let announceStop: (reason: string) => void = () => undefined;
  const stopRequested = new Promise<string>((resolve) => (announceStop = resolve));
  const requestStop = (reason: string, code: number): void => {
    if (stopReason !== undefined) {
      logger.info({ reason, stopping: stopReason }, "already shutting down");
      return;
    }
    stopReason = reason;
    exitCode = code;
    startup.abort();
    announceStop(reason);
    setTimeout(() => {
      logger.error(
        { reason, deadlineMs: SHUTDOWN_DEADLINE_MS },
        "shutdown did not finish in time; exiting now",
      );
      process.exit(code === 0 ? 1 : code);
    }, SHUTDOWN_DEADLINE_MS).unref();
  };
  process.on("SIGINT", () => requestStop("SIGINT", 0));
  process.on("SIGTERM", () => requestStop("SIGTERM", 0));
  // Every promise of ours is observed; one that is not, or an exception nobody caught, means a bug
  // has left some state unknown, so the service stops cleanly (a supervisor restarts it) rather than
  // crashing without a shutdown or carrying on half-broken.
  process.on("unhandledRejection", (reason) => {
    logger.fatal({ err: describe(reason) }, "unhandled promise rejection; shutting down");
    requestStop("unhandledRejection", 1);
  });
  process.on("uncaughtException", (err) => {
    logger.fatal({ err: describe(err) }, "uncaught exception; shutting down");
    requestStop("uncaughtException", 1);
  });

  let app;
  try {
    app = await startApp({
      config,
      logger,
      signal: startup.signal,
      onFatal: (err) => {
        logger.fatal({ err: err.message }, "the bot cannot go on");
        requestStop("fatal", 1);
      },
    });
  } catch (err) {
    if (err instanceof StartupAbortedError || startup.signal.aborted) {
      logger.info({ reason: stopReason }, "stopped during start-up");
      return exitCode;
    }
    const message = err instanceof Error ? err.message : String(err);
    logger.fatal({ err: message }, "could not start");
    process.stderr.write(`chibo-bot could not start: ${message}\n`);
    return 1;
  }
  if (stopReason === undefined) logger.info({ mode: config.mode }, "chibo-bot is running");
  const reason = await stopRequested;
  logger.info({ reason }, "shutting down");
  await app.stop();
  logger.info("stopped");
  return exitCode;
}

function describe(err: unknown): Record<string, unknown> {
  if (err instanceof Error) return { name: err.name, message: err.message, stack: err.stack };
  return { value: String(err) };
}

function passwordOf(url: string): string | undefined {
  const match = /^[a-z]+:\/\/[^:/@]+:([^@]+)@/.exec(url);
  return match?.[1];
}

main().then(
  (code) => {
    process.exitCode = code;
    // Everything is closed; a handle some library leaked must not keep the process alive.
    setTimeout(() => process.exit(code), 1_000).unref();
  },
  (err: unknown) => {
    process.stderr.write(
      `chibo-bot crashed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
    );
    process.exitCode = 1;
  },
);
