#!/usr/bin/env node
// Bundles the Markdown pipeline for the two workers that run it (docs/adr/0005-markdown-worker-threads.md):
//   lib/markdown/generated/markdown-worker.mjs  the server's worker threads (lib/markdown/worker.ts),
//       started by lib/markdown/server.ts: one ES module that Node runs as it is, whoever starts
//       it (`next start`, `next dev`, vitest, tsx scripts, benchmarks);
//   public/markdown-preview-worker.js  the editor preview's Web Worker (lib/markdown/preview.worker.ts),
//       a classic script the browser loads from the app's own origin. It must exist before
//       `next build`, which serves only the public files it saw.
// Both git-ignored; rebuilt when a source in lib/markdown/, lib/validation/limits.ts (the caps the
// pipeline reads) or the lockfile is newer than either.
// Run by npm install (postinstall), npm start, npm run build / dev, npm test and vitest's global setup.
//   node scripts/build-markdown-worker.mjs [--force]
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const sourceDir = path.join(root, "lib", "markdown");
export const workerBundle = path.join(sourceDir, "generated", "markdown-worker.mjs");
export const previewBundle = path.join(root, "public", "markdown-preview-worker.js");

function stale() {
  if (!existsSync(workerBundle) || !existsSync(previewBundle)) return true;
  const built = Math.min(statSync(workerBundle).mtimeMs, statSync(previewBundle).mtimeMs);
  const newer = (file) => statSync(file).mtimeMs > built;
  const sources = readdirSync(sourceDir).filter((f) => /\.ts$/.test(f) && !/\.test\.ts$/.test(f)).map((f) => path.join(sourceDir, f));
  // The pipeline reads its caps (the formula length) from lib/validation/limits.ts.
  return sources.some(newer) || newer(path.join(root, "lib", "validation", "limits.ts")) || newer(path.join(root, "package-lock.json"));
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
  await build({
    entryPoints: [path.join(sourceDir, "preview.worker.ts")],
    outfile: previewBundle,
    bundle: true,
    platform: "browser",
    // A worker has no DOM: packages that ship a "worker" build (hast-util-from-html-isomorphic,
    // which KaTeX's output goes through) must not get their DOM-based "browser" one.
    conditions: ["worker"],
    target: "es2022",
    format: "iife",
    minify: true,
    legalComments: "none",
    logLevel: "warning",
  });
  return true;
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const built = await buildMarkdownWorker({ force: process.argv.includes("--force") });
  if (built) console.log(`markdown worker: built ${path.relative(root, workerBundle)} and ${path.relative(root, previewBundle)}`);
}
