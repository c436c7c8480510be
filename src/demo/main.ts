// `npm run demo`: the real service against the built-in Telegram emulator, with no network and no
// token. It plays a scripted ward and prints the conversation as members see it (see run-demo.ts).
// `npm run demo -- --limits` keeps Telegram's flood limits on in the emulator (slower, over a minute).
import { runDemo } from "./run-demo.ts";

try {
  await runDemo({ print: (line) => console.log(line), limits: process.argv.includes("--limits") });
} catch (err: unknown) {
  console.error("");
  console.error(`❌ Demo thất bại / demo failed: ${err instanceof Error ? err.message : String(err)}`);
  if (err instanceof Error && err.name !== "DemoError" && err.stack) console.error(err.stack);
  process.exitCode = 1;
}
