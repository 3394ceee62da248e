// Runs once when a server starts: a missing or malformed variable stops it with one clear line,
// whether it was started by scripts/start.mjs or by `next start` directly.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { env, EnvError } = await import("@/lib/env");
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
