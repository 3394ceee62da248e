// Runs once when a server starts. The Node-only check lives in lib/startup.ts so that the
// edge bundle never sees it.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { checkEnvironmentOrExit } = await import("@/lib/startup");
    checkEnvironmentOrExit();
  }
}
