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
  const secrets = expandSecrets(options.secrets ?? []);
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

/**
 * The strings to scrub for a list of secrets: each one of at least 6 characters, and for a bot token
 * also the part after ":" (the numeric bot id before it is public; the rest is the secret), so a
 * token cut or re-encoded around the colon is still caught.
 */
export function expandSecrets(values: readonly (string | undefined)[]): string[] {
  const secrets = values.filter((s): s is string => typeof s === "string" && s.length >= 6);
  for (const s of [...secrets]) {
    const colon = s.indexOf(":");
    if (colon > 0 && s.length - colon > 6) secrets.push(s.slice(colon + 1));
    // URL-encoded forms, as a library may print a request URL it encoded itself.
    const encoded = encodeURIComponent(s);
    if (encoded !== s) secrets.push(encoded);
  }
  return [...new Set(secrets)].sort((a, b) => b.length - a.length);
}

/**
 * Last line of defence for output that does not go through the logger: third-party libraries that
 * print with console.* or write to process.stdout/stderr themselves (grammY's runner printed every
 * failed request URL, token included). Every string or buffer written to the two streams has the
 * secrets replaced. Returns a function that restores the original writers.
 */
export function guardStdio(values: readonly (string | undefined)[]): () => void {
  const secrets = expandSecrets(values);
  const restore: (() => void)[] = [];
  for (const stream of [process.stdout, process.stderr]) {
    // Bound to its stream here; the guard calls it with the same stream.
    const original = stream.write.bind(stream) as (...args: unknown[]) => boolean;
    const guarded = (chunk: unknown, ...rest: unknown[]): boolean => {
      let safe = chunk;
      if (typeof chunk === "string") safe = scrubSecrets(chunk, secrets);
      else if (chunk instanceof Uint8Array) {
        const text = Buffer.from(chunk).toString("utf8");
        const scrubbed = scrubSecrets(text, secrets);
        if (scrubbed !== text) safe = Buffer.from(scrubbed, "utf8");
      }
      return original(safe, ...rest);
    };
    const hadOwnWrite = Object.hasOwn(stream, "write");
    stream.write = guarded;
    restore.push(() => {
      // Removing our own property uncovers the prototype's write again.
      if (hadOwnWrite) stream.write = original;
      else delete (stream as { write?: unknown }).write;
    });
  }
  return () => restore.forEach((undo) => undo());
}

export function scrubSecrets(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) {
    if (out.includes(secret)) out = out.split(secret).join("***");
  }
  return out;
}
