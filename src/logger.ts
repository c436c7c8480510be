import { pino, type DestinationStream, type Logger } from "pino";

export type { Logger };

export interface LoggerOptions {
  level: string;
  /** Secret values (bot token, webhook secret, database password) scrubbed from every line. */
  secrets?: (string | undefined)[];
  destination?: DestinationStream;
}

const REDACTED_PATHS = [
  "token",
  "*.token",
  "botToken",
  "*.botToken",
  "webhookSecret",
  "*.webhookSecret",
  "secret_token",
  "*.secret_token",
  "password",
  "*.password",
  'headers["x-telegram-bot-api-secret-token"]',
  'req.headers["x-telegram-bot-api-secret-token"]',
];

/**
 * A pino logger that never writes secrets: known fields are redacted by path, and any occurrence
 * of a secret value (a token inside an error message or a URL, say) is replaced in the final line.
 */
export function createLogger(options: LoggerOptions): Logger {
  const secrets = (options.secrets ?? []).filter((s): s is string => typeof s === "string" && s.length >= 6);
  // The numeric bot id before ":" is public; the part after it is the secret.
  for (const s of [...secrets]) {
    const colon = s.indexOf(":");
    if (colon > 0 && s.length - colon > 6) secrets.push(s.slice(colon + 1));
  }
  return pino(
    {
      level: options.level,
      base: undefined,
      redact: { paths: REDACTED_PATHS, censor: "***" },
      hooks: {
        streamWrite: (line) => scrubSecrets(line, secrets),
      },
    },
    options.destination ?? pino.destination({ fd: 1, sync: false }),
  );
}

export function scrubSecrets(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) {
    if (out.includes(secret)) out = out.split(secret).join("***");
  }
  return out;
}
