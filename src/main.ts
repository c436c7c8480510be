// Entry point of `npm start`: read the configuration, start the service, stop cleanly on signals.
import { startApp } from "./app.ts";
import { ConfigError, loadConfig, type Config } from "./config.ts";
import { createLogger } from "./logger.ts";

const NO_TOKEN_HELP = `BOT_TOKEN is not set, so the bot cannot connect to Telegram.

  To run the real bot:
    1. In Telegram, open @BotFather, send /newbot and follow the steps; it gives you a token.
    2. Put it in a .env file beside package.json:   BOT_TOKEN=123456789:AA...
       (or export BOT_TOKEN=... in your shell), then run npm start again.

  To try the bot without Telegram or a token:
    npm run demo
`;

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
  const logger = createLogger({
    level: config.logLevel,
    secrets: [config.botToken, config.webhookSecret, passwordOf(config.databaseUrl)],
  });
  // Listen for signals before starting, so a stop requested during start-up is honoured.
  // Later signals are ignored so that a second Ctrl+C cannot cut the graceful shutdown short.
  const stopRequested = new Promise<string>((resolve) => {
    process.on("SIGINT", () => resolve("SIGINT"));
    process.on("SIGTERM", () => resolve("SIGTERM"));
  });
  let app;
  try {
    app = await startApp({ config, logger });
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    logger.fatal({ err: message }, "could not start");
    logger.flush();
    process.stderr.write(`chibo-bot could not start: ${message}\n`);
    return 1;
  }
  logger.info({ mode: config.mode }, "chibo-bot is running");
  const signal = await stopRequested;
  logger.info({ signal }, "shutting down");
  await app.stop();
  logger.flush();
  return 0;
}

function passwordOf(url: string): string | undefined {
  const match = /^[a-z]+:\/\/[^:/@]+:([^@]+)@/.exec(url);
  return match?.[1];
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(
      `chibo-bot crashed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
    );
    process.exitCode = 1;
  },
);
