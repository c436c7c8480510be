// `npm run demo`: the real service against the built-in Telegram emulator, with no network and no
// token. It plays a scripted ward and prints the conversation as members see it (see run-demo.ts).
// `npm run demo -- --limits` keeps Telegram's flood limits on in the emulator (slower, over a minute).
import { runDemo } from "./run-demo.ts";

const USAGE = `usage: npm run demo [-- --limits]

Runs the bot against the built-in Telegram emulator (no network, no token) through a scripted ward:
cells registered, members invited and approved, a roster imported, a meeting announced, reminded,
checked in and closed, and prints the conversation as members see it. The data is a temporary
SQLite file, removed at the end.
  --limits   keep Telegram's flood limits on in the emulator (slower: over a minute)`;

const args = process.argv.slice(2);
if (args.includes("--help") || args.includes("-h")) {
  console.log(USAGE);
  process.exit(0);
}
const unknown = args.filter((arg) => arg !== "--limits");
if (unknown.length > 0) {
  console.error(`unknown argument(s): ${unknown.join(" ")}\n${USAGE}`);
  process.exit(2);
}

try {
  await runDemo({ print: (line) => console.log(line), limits: args.includes("--limits") });
} catch (err: unknown) {
  console.error("");
  console.error(`❌ Demo thất bại / demo failed: ${err instanceof Error ? err.message : String(err)}`);
  if (err instanceof Error && err.name !== "DemoError" && err.stack) console.error(err.stack);
  process.exitCode = 1;
}
