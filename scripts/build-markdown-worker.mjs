#!/usr/bin/env node
// Bundles the server's Markdown worker (lib/markdown/worker.ts and the pipeline it imports) into
// lib/markdown/generated/markdown-worker.mjs, which lib/markdown/server.ts starts as worker
// threads. One plain ES module that Node runs as it is, whoever starts it: `next start`, `next dev`,
// vitest, tsx scripts and benchmarks (docs/adr/0004-markdown-worker-threads.md says why).
// Git-ignored; rebuilt when a source in lib/markdown/ is newer than it. Run by npm install
// (postinstall), npm start, npm run build / dev, npm test and vitest's global setup.
//   node scripts/build-markdown-worker.mjs [--force]
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const sourceDir = path.join(root, "lib", "markdown");
export const workerBundle = path.join(sourceDir, "generated", "markdown-worker.mjs");

function stale() {
  if (!existsSync(workerBundle)) return true;
  const built = statSync(workerBundle).mtimeMs;
  const newer = (file) => statSync(file).mtimeMs > built;
  const sources = readdirSync(sourceDir).filter((f) => /\.ts$/.test(f) && !/\.test\.ts$/.test(f)).map((f) => path.join(sourceDir, f));
  return sources.some(newer) || newer(path.join(root, "package-lock.json"));
}

/** Builds the worker bundle if it is missing or older than its sources; returns whether it built. */
export async function buildMarkdownWorker({ force = false } = {}) {
  if (!force && !stale()) return false;
  const { build } = await import("esbuild");
  await build({
    entryPoints: [path.join(sourceDir, "worker.ts")],
    outfile: workerBundle,
    bundle: true,
    platform: "node",
    target: "node20",
    format: "esm",
    // KaTeX and a few others are CommonJS inside; an ES module has no `require` of its own.
    banner: { js: 'import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);' },
    legalComments: "none",
    logLevel: "warning",
  });
  return true;
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const built = await buildMarkdownWorker({ force: process.argv.includes("--force") });
  if (built) console.log(`markdown worker: built ${path.relative(root, workerBundle)}`);
}
