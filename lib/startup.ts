// A missing or malformed variable stops the server with one clear line, whether it was started by
// scripts/start.mjs or by `next start` directly.
import { env, EnvError } from "@/lib/env";

export function checkEnvironmentOrExit() {
  try {
    env();
  } catch (error) {
    if (error instanceof EnvError) {
      console.error(`legible: ${error.message}`);
      process.exit(1);
    }
    throw error;
  }
}
