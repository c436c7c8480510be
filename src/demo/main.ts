// `npm run demo`: the real service against the built-in Telegram emulator, with no network and no
// token. It plays a scripted ward and prints the conversation as members see it (see run-demo.ts).
// `npm run demo -- --limits` keeps Telegram's flood limits on in the emulator (slower, over a minute);
// `--lang en` (or DEFAULT_LOCALE=en in the environment) plays it in English.
import { isLocale, SUPPORTED_LOCALES } from "../i18n.ts";
import type { DemoLanguage } from "./language.ts";
import { runDemo } from "./run-demo.ts";

const USAGE = `usage: npm run demo [-- [--lang vi|en] [--limits]]

Runs the bot against the built-in Telegram emulator (no network, no token) through a scripted ward:
cells registered, members invited and approved, a roster imported, a meeting announced, reminded,
checked in and closed, tasks, feedback and the monthly digest, and prints the conversation as
members see it. The data is a temporary SQLite file, removed at the end.
  --lang vi|en   the ward's language: what the bot says, the narration and what people type
                 (default: DEFAULT_LOCALE from the environment, else vi)
  --limits       keep Telegram's flood limits on in the emulator (slower: over a minute)`;

/** The demo's arguments, or the problem with them. */
function parseDemoArgs(
  args: readonly string[],
  env: Record<string, string | undefined>,
): { help: true } | { help: false; language: DemoLanguage; limits: boolean } | { error: string } {
  if (args.includes("--help") || args.includes("-h")) return { help: true };
  const fromEnv = env.DEFAULT_LOCALE?.trim() ?? "";
  let language: string | undefined = fromEnv === "" ? undefined : fromEnv;
  let languageFrom = "DEFAULT_LOCALE";
  let limits = false;
  const unknown: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === "--limits") limits = true;
    else if (arg === "--lang") {
      language = args[++i] ?? "";
      languageFrom = "--lang";
    } else if (arg.startsWith("--lang=")) {
      language = arg.slice("--lang=".length);
      languageFrom = "--lang";
    } else unknown.push(arg);
  }
  if (unknown.length > 0) return { error: `unknown argument(s): ${unknown.join(" ")}` };
  if (language !== undefined && !isLocale(language)) {
    return { error: `${languageFrom} must be one of ${SUPPORTED_LOCALES.join(", ")} (got "${language}")` };
  }
  return { help: false, language: language ?? "vi", limits };
}

const parsed = parseDemoArgs(process.argv.slice(2), process.env);
if ("error" in parsed) {
  console.error(`${parsed.error}\n${USAGE}`);
  process.exit(2);
}
if (parsed.help) {
  console.log(USAGE);
  process.exit(0);
}

try {
  await runDemo({ print: (line) => console.log(line), limits: parsed.limits, language: parsed.language });
} catch (err: unknown) {
  console.error("");
  console.error(`❌ Demo thất bại / demo failed: ${err instanceof Error ? err.message : String(err)}`);
  if (err instanceof Error && err.name !== "DemoError" && err.stack) console.error(err.stack);
  process.exitCode = 1;
}
