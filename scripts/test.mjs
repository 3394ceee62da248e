#!/usr/bin/env node
// The one test command (`npm test`): install if needed, generate the Prisma clients if
// missing, then typecheck, lint, unit + integration tests (vitest), and browser tests
// against a production build (Playwright). Stops at the first failing step.
//
//   npm test                 everything
//   npm test -- --unit       skip the build and the browser tests
//   npm test -- --e2e        only the build and the browser tests
//   npm test -- --no-build   reuse the existing .next build for the browser tests
import { spawnSync } from "node:child_process";
import { existsSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const args = new Set(process.argv.slice(2));
const known = new Set(["--unit", "--e2e", "--no-build"]);
for (const arg of args) {
  if (!known.has(arg)) {
    console.error(`test: unknown option ${arg} (use --unit, --e2e or --no-build)`);
    process.exit(2);
  }
}
if (args.has("--unit") && args.has("--e2e")) {
  console.error("test: --unit and --e2e exclude each other");
  process.exit(2);
}

const env = {
  ...process.env,
  NEXT_TELEMETRY_DISABLED: "1",
  CHECKPOINT_DISABLE: "1",
  PRISMA_HIDE_UPDATE_MESSAGE: "1",
};
const bin = (name) => path.join(root, "node_modules", ".bin", name);
const done = [];

function run(title, command, commandArgs) {
  console.log(`\n━━ ${title} ━━  ${[path.basename(command), ...commandArgs].join(" ")}`);
  const started = Date.now();
  const result = spawnSync(command, commandArgs, { cwd: root, env, stdio: "inherit" });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (result.error || result.status !== 0) {
    const why = result.error ? result.error.message : result.signal ? `killed by ${result.signal}` : `exit code ${result.status}`;
    console.error(`\n✗ ${title} failed (${why}) after ${seconds}s`);
    summary();
    process.exit(result.status || 1);
  }
  done.push(`${title} (${seconds}s)`);
}

function summary() {
  if (done.length) console.log(`\nPassed: ${done.join(", ")}`);
}

function mtime(file) {
  return existsSync(file) ? statSync(file).mtimeMs : 0;
}

// (a) Dependencies: missing, or the lockfile changed since the last install.
const installedLock = path.join(root, "node_modules", ".package-lock.json");
if (!existsSync(path.join(root, "node_modules")) || mtime(path.join(root, "package-lock.json")) > mtime(installedLock)) {
  run("Install dependencies", "npm", ["ci", "--no-audit", "--no-fund"]);
}

// (b) Prisma clients (npm ci's postinstall makes them; a partial checkout may not have them).
const generated = path.join(root, "lib", "db", "generated");
if (!existsSync(path.join(generated, "sqlite")) || !existsSync(path.join(generated, "postgres"))) {
  run("Generate Prisma clients", process.execPath, [path.join(root, "scripts", "prisma-generate.mjs")]);
}

// (c) The Markdown worker bundle (postinstall makes it; rebuilt when lib/markdown changed).
run("Markdown worker", process.execPath, [path.join(root, "scripts", "build-markdown-worker.mjs")]);

if (!args.has("--e2e")) {
  run("Typecheck", bin("tsc"), ["--noEmit", "-p", "."]);
  run("Lint", bin("eslint"), ["."]);
  run("Unit and integration tests", bin("vitest"), ["run"]);
}

if (!args.has("--unit")) {
  if (!args.has("--no-build") || !existsSync(path.join(root, ".next", "BUILD_ID"))) {
    run("Production build", bin("next"), ["build"]);
  }
  run("Browser tests", bin("playwright"), ["test"]);
}

summary();
console.log("\n✓ All tests passed");
