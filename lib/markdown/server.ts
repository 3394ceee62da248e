// Markdown to sanitised HTML on the server, never on the request's thread and never unbounded:
//   1. the cache (main thread): a text seen before costs a map lookup, whatever its outcome;
//   2. the pre-check (lib/markdown/precheck.ts, linear): text too large, too deeply nested or
//      with too long delimiter runs is not parsed at all;
//   3. the worker pool (lib/markdown/pool.ts): a render runs in a worker thread with a deadline.
// Whatever is not formatted is shown as escaped plain text with a notice (lib/markdown/fallback.ts).
// Every outcome is cached ("too-large", the pool's cap on the HTML a render returns, like a
// timeout). "busy" (the pool's queue was full or too slow) says nothing about the text, so it is
// kept for MARKDOWN_BUSY_RETRY_MS only: a storm of views of one page does not queue it again on
// every view, and a view after that tries again.
//
// No React and no CSS here, so data-layer code and scripts run under tsx can use it too; the
// <Markdown> component (lib/markdown/render.tsx) is built on it.
import "server-only";
import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import path from "node:path";
import { fallbackHtml, type FallbackReason } from "./fallback";
import { markdownIdPrefix, type RenderOptions } from "./options";
import { MarkdownWorkerPool, type PoolOptions } from "./pool";
import { checkMarkdown } from "./precheck";
import { RenderCache } from "./render-cache";

/** What a render produced: HTML to show, and why it is plain text if it is. */
export type MarkdownResult = { html: string; fallback: FallbackReason | null };


/**
 * Pool settings: one worker per core, at most four; a render may take 8 s. A 50 KB handoff
 * formats in about 0.3 s on an idle core and in 1 to 2 s on a machine loaded ten times over, so
 * real documents stay well inside the budget while inputs that would run for minutes stop at it.
 */
export const MARKDOWN_POOL: Omit<PoolOptions, "file"> = {
  size: Math.max(1, Math.min(4, availableParallelism())),
  renderTimeoutMs: 8_000,
  queueTimeoutMs: 10_000,
  maxQueue: 200,
};

/** How long a "busy" answer is reused before the text is tried again. */
export const MARKDOWN_BUSY_RETRY_MS = 15_000;

const cache = new RenderCache<MarkdownResult>(2_000, 32_000_000, (result) => result.html.length);
const inFlight = new Map<string, Promise<MarkdownResult>>();

// One pool per process, kept across module reloads in development.
const shared = globalThis as typeof globalThis & { __legibleMarkdownPool?: MarkdownWorkerPool };

/**
 * The bundle scripts/build-markdown-worker.mjs writes (docs/adr/0005-markdown-worker-threads.md),
 * found from the working directory: the project root for `next start`, tests, benchmarks and
 * scripts. Written out in full so that the build's file tracing includes just that folder.
 */
export function markdownWorkerFile(): string {
  return path.join(process.cwd(), "lib", "markdown", "generated", "markdown-worker.mjs");
}

function workerFile(): string {
  const file = markdownWorkerFile();
  if (!existsSync(file)) {
    throw new Error(`The Markdown worker ${path.relative(process.cwd(), file)} is missing: run \`node scripts/build-markdown-worker.mjs\` (npm install, npm start, npm run build and npm test do).`);
  }
  return file;
}

export function markdownPool(): MarkdownWorkerPool {
  shared.__legibleMarkdownPool ??= new MarkdownWorkerPool({ file: workerFile(), ...MARKDOWN_POOL });
  return shared.__legibleMarkdownPool;
}

function remember(key: string, result: MarkdownResult): MarkdownResult {
  cache.set(key, result, result.fallback === "busy" ? MARKDOWN_BUSY_RETRY_MS : undefined);
  return result;
}

async function renderUncached(key: string, source: string, { idPrefix, headingOffset }: Required<RenderOptions>): Promise<MarkdownResult> {
  const check = checkMarkdown(source);
  if (!check.ok) return remember(key, { html: fallbackHtml(source, check.reason), fallback: check.reason });
  const result = await markdownPool().run({ source, idPrefix, headingOffset });
  if (result.ok) return remember(key, { html: result.html, fallback: null });
  if (result.reason === "error") console.error(`legible: Markdown could not be formatted (${source.length} characters): ${result.error}`);
  return remember(key, { html: fallbackHtml(source, result.reason), fallback: result.reason });
}

/**
 * Untrusted Markdown to sanitised HTML, or to the escaped text with a notice when it cannot be
 * formatted in time. Never throws for any text; the same text and options give the same answer
 * from the cache, and concurrent requests for one text share one render.
 */
export async function renderMarkdown(source: string, { idPrefix = "md", headingOffset = 0 }: RenderOptions = {}): Promise<MarkdownResult> {
  const key = `${markdownIdPrefix(idPrefix)}\u0000${headingOffset}\u0000${source}`;
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  let pending = inFlight.get(key);
  if (!pending) {
    pending = renderUncached(key, source, { idPrefix, headingOffset }).finally(() => inFlight.delete(key));
    inFlight.set(key, pending);
  }
  return pending;
}

/** Forgets every rendered text, here and in the workers (benchmarks measure cold renders). */
export function clearMarkdownCaches(): void {
  cache.clear();
  shared.__legibleMarkdownPool?.clearWorkerCaches();
}
