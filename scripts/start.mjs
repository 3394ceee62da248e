#!/usr/bin/env node
// `npm start`: from a fresh clone to a running Legible.
// Installs dependencies if missing, generates the Prisma clients, creates NEXTAUTH_SECRET in data/,
// validates the environment, migrates, seeds the demo into an empty database (unless
// LEGIBLE_DEMO=0), builds when sources changed, and serves on PORT (default 3000) with
// scripts/server.mjs (Next's handler, told each request's peer address).
//   --skip-build   serve the existing build (tests and benchmarks build once)
import { existsSync, mkdirSync, readFileSync, writeFileSync, statSync, readdirSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { spawnSync, spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
process.chdir(root);
const args = new Set(process.argv.slice(2));
const childEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", CHECKPOINT_DISABLE: "1", PRISMA_HIDE_UPDATE_MESSAGE: "1" };

function run(cmd, cmdArgs, { quiet = false } = {}) {
  const result = spawnSync(cmd, cmdArgs, { stdio: "inherit", env: childEnv });
  if (result.status !== 0) {
    // A quiet step has already said what went wrong in one line.
    if (!quiet) console.error(`legible: \`${[cmd, ...cmdArgs].join(" ")}\` failed`);
    process.exit(result.status ?? 1);
  }
}

function newestMtime(dir) {
  let newest = 0;
  const stack = [dir];
  while (stack.length) {
    const current = stack.pop();
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      if (entry.name === "node_modules" || entry.name === "generated" || entry.name.startsWith(".")) continue;
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) stack.push(full);
      else newest = Math.max(newest, statSync(full).mtimeMs);
    }
  }
  return newest;
}

// 1. Dependencies
const lock = path.join(root, "node_modules", ".package-lock.json");
if (!existsSync(lock) || statSync(path.join(root, "package-lock.json")).mtimeMs > statSync(lock).mtimeMs) {
  console.log("legible: installing dependencies (npm ci)…");
  run("npm", ["ci", "--no-audit", "--no-fund"]);
}
if (!existsSync(path.join(root, "lib", "db", "generated", "sqlite", "client.ts"))) run("node", ["scripts/prisma-generate.mjs"]);
// The Markdown worker threads run this bundle (docs/adr/0005-markdown-worker-threads.md).
run("node", ["scripts/build-markdown-worker.mjs"]);

// 2. Secret: generated once into the git-ignored data folder, never shipped.
mkdirSync(path.join(root, "data"), { recursive: true });
if (!childEnv.NEXTAUTH_SECRET) {
  const secretFile = path.join(root, "data", "nextauth-secret");
  if (!existsSync(secretFile)) writeFileSync(secretFile, randomBytes(32).toString("base64url") + "\n", { mode: 0o600 });
  childEnv.NEXTAUTH_SECRET = readFileSync(secretFile, "utf8").trim();
}
childEnv.LEGIBLE_DEMO ??= "1";
childEnv.PORT ??= "3000";
childEnv.NEXTAUTH_URL ??= `http://localhost:${childEnv.PORT}`;

// 3. Environment, migrations, demo seed
run(path.join(root, "node_modules", ".bin", "tsx"), ["--tsconfig", "tsconfig.json", "scripts/prepare-db.ts"], { quiet: true });

// 4. Build when needed
const buildId = path.join(root, ".next", "BUILD_ID");
const sources = ["app", "components", "lib", "prisma", "public"].filter((d) => existsSync(path.join(root, d)));
const stale = !existsSync(buildId) || sources.some((d) => newestMtime(path.join(root, d)) > statSync(buildId).mtimeMs);
if (args.has("--skip-build") && existsSync(buildId)) {
  // serve what is there
} else if (stale) {
  console.log("legible: building…");
  run(path.join(root, "node_modules", ".bin", "next"), ["build"]);
}

// 5. Serve
console.log(`legible: serving on http://localhost:${childEnv.PORT}`);
const server = spawn(process.execPath, [path.join(root, "scripts", "server.mjs")], { stdio: "inherit", env: childEnv });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
