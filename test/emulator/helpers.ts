import { Api, GrammyError } from "grammy";
import { afterEach } from "vitest";
import { startEmulator, type EmulatorOptions, type TelegramEmulator } from "../../src/emulator/index.ts";

const open: TelegramEmulator[] = [];

afterEach(async () => {
  await Promise.all(open.splice(0).map((emu) => emu.close()));
});

/** An emulator closed automatically after the test. Limits are off unless the test asks for them. */
export async function emulator(options: EmulatorOptions = {}): Promise<TelegramEmulator> {
  const emu = await startEmulator({ limits: false, ...options });
  open.push(emu);
  return emu;
}

export function apiFor(emu: TelegramEmulator, token: string): Api {
  return new Api(token, { apiRoot: emu.apiRoot });
}

/** Runs a call that must fail with a Telegram error and returns that error. */
export async function telegramError(call: Promise<unknown>): Promise<GrammyError> {
  try {
    await call;
  } catch (error) {
    if (error instanceof GrammyError) return error;
    throw error;
  }
  throw new Error("expected the call to fail");
}
