// A missing or malformed variable stops the server with one clear line, whether it was started by
// scripts/start.mjs or by `next start` directly. So does a production server that is not
// scripts/server.mjs: without it no request carries the client's address (lib/auth/client-address.ts),
// and every client would share one sign-in throttling counter.
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
  if (process.env.NODE_ENV === "production" && process.env.LEGIBLE_SERVER !== "1") {
    console.error("legible: serve the production build with `npm start` (or `node scripts/server.mjs`), not `next start`: only that server tells Legible the client's address");
    process.exit(1);
  }
}
