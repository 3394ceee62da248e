#!/usr/bin/env node
// The server Playwright starts (playwright.config.ts → webServer): the production build on
// E2E_PORT (default 3100) with its own fresh SQLite database, seeded with the demo.
// It delegates to scripts/start.mjs (migrate, seed the demo when empty, serve with scripts/server.mjs) with
// --skip-build: the build must already exist (`npm test` runs `next build` first).
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const port = process.env.E2E_PORT || process.env.PORT || "3100";
const dbFile = path.join(root, "data", `e2e-${port}.db`);

mkdirSync(path.dirname(dbFile), { recursive: true });
for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(dbFile + suffix, { force: true });

if (!existsSync(path.join(root, ".next", "BUILD_ID"))) {
  console.error("e2e-server: no production build in .next/. Run `npx next build` first (npm test does).");
  process.exit(1);
}
const startScript = path.join(root, "scripts", "start.mjs");
if (!existsSync(startScript)) {
  console.error("e2e-server: scripts/start.mjs is missing; it migrates, seeds the demo and serves the build.");
  process.exit(1);
}

const env = {
  ...process.env,
  DATABASE_URL: `file:./data/e2e-${port}.db`,
  // A fixed secret: sessions only need to survive this one server's life.
  NEXTAUTH_SECRET: "legible-e2e-secret-0123456789abcdefghijklmnopqrstuvwxyz",
  NEXTAUTH_URL: `http://127.0.0.1:${port}`,
  LEGIBLE_DEMO: "1",
  PORT: port,
  HOSTNAME: "127.0.0.1",
  NODE_ENV: "production",
  NEXT_TELEMETRY_DISABLED: "1",
  CHECKPOINT_DISABLE: "1",
};

const child = spawn(process.execPath, [startScript, "--skip-build"], { cwd: root, env, stdio: "inherit" });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
