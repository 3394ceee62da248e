// A small pool of worker threads that format Markdown off the request thread, each job with a
// deadline and a cap on the HTML it may return (maxHtmlChars: "too-large" over it, and the HTML
// never leaves the worker). A job that passes its deadline gets "timeout": its worker is terminated (the only way
// to stop a synchronous parse) and a fresh one started. Waiting is bounded too: a job that finds
// the queue full, or whose queue deadline passes before a worker is free, gets "busy", so a burst
// of hostile renders cannot make everyone else wait for long.
//
// The pool knows nothing about Markdown beyond the message shapes of lib/markdown/worker.ts; the
// cache, the pre-check and the fallback live in lib/markdown/server.ts.
import { Worker } from "node:worker_threads";
import { LIMITS } from "@/lib/validation/limits";
import type { WorkerRequest, WorkerResponse } from "./worker";

export type PoolOptions = {
  /** The bundled worker script (lib/markdown/generated/markdown-worker.mjs). */
  file: string;
  /** Worker threads; at least 1. */
  size: number;
  /** How long one render may run in a worker. */
  renderTimeoutMs: number;
  /** How long a job may wait for a free worker. */
  queueTimeoutMs: number;
  /** Jobs waiting at most; one more is refused at once. */
  maxQueue: number;
  /** Heap of each worker, so one render cannot exhaust the server's memory. */
  maxHeapMb?: number;
};

export type PoolJob = { source: string; idPrefix: string; headingOffset: number };
export type PoolResult = { ok: true; html: string } | { ok: false; reason: "timeout" | "too-large" | "busy" | "error"; error?: string };

/** HTML a render may return: MARKDOWN_HTML_PER_SOURCE_CHAR times its source, within the bounds below. */
export const MARKDOWN_HTML_PER_SOURCE_CHAR = LIMITS.markdown.htmlPerSourceChar;
export const MARKDOWN_MIN_HTML_CHARS = LIMITS.markdown.htmlMinChars;
export const MARKDOWN_MAX_HTML_CHARS = LIMITS.markdown.htmlMaxChars;

/**
 * The most HTML a render of `sourceChars` characters may return; a render over it is answered
 * "too-large" and the page shows the text instead. The long handoff (51 KB) renders to 5.4 times
 * its size; a table bomb that passed every other check made a 41 MB page.
 */
export function maxHtmlChars(sourceChars: number): number {
  return Math.min(MARKDOWN_MAX_HTML_CHARS, Math.max(MARKDOWN_MIN_HTML_CHARS, sourceChars * MARKDOWN_HTML_PER_SOURCE_CHAR));
}

type Queued = PoolJob & { id: number; resolve: (result: PoolResult) => void; queueTimer: NodeJS.Timeout | null };
type Slot = { worker: Worker | null; ready: boolean; job: Queued | null; timer: NodeJS.Timeout | null };

export class MarkdownWorkerPool {
  private readonly slots: Slot[];
  private readonly queue: Queued[] = [];
  private nextId = 1;
  private closed = false;
  /** Workers started over the pool's life (the first ones included): tests and benchmarks read it. */
  started = 0;
  /** Jobs handed to a worker over the pool's life. */
  dispatched = 0;

  constructor(private readonly options: PoolOptions) {
    this.slots = Array.from({ length: Math.max(1, Math.floor(options.size)) }, () => ({ worker: null, ready: false, job: null, timer: null }));
    for (const slot of this.slots) this.spawn(slot);
  }

  get size(): number {
    return this.slots.length;
  }

  /** Resolves once every worker has started (tests wait for it; a job need not). */
  async whenReady(): Promise<void> {
    while (!this.closed && this.slots.some((slot) => !slot.ready)) await new Promise((resolve) => setTimeout(resolve, 20));
  }

  /** Jobs running and waiting right now. */
  get load(): { running: number; queued: number } {
    return { running: this.slots.filter((s) => s.job).length, queued: this.queue.length };
  }

  run(job: PoolJob): Promise<PoolResult> {
    if (this.closed) return Promise.resolve({ ok: false, reason: "error", error: "the Markdown pool is closed" });
    if (this.queue.length >= this.options.maxQueue) return Promise.resolve({ ok: false, reason: "busy" });
    return new Promise((resolve) => {
      const queued: Queued = { ...job, id: this.nextId++, resolve, queueTimer: null };
      queued.queueTimer = setTimeout(() => {
        const at = this.queue.indexOf(queued);
        if (at !== -1) this.queue.splice(at, 1);
        resolve({ ok: false, reason: "busy" });
      }, this.options.queueTimeoutMs);
      this.queue.push(queued);
      this.dispatch();
    });
  }

  /** Asks every worker to forget its typeset formulas (benchmarks measure cold renders). */
  clearWorkerCaches(): void {
    for (const slot of this.slots) slot.worker?.postMessage({ type: "clear" } satisfies WorkerRequest);
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) {
      if (job.queueTimer) clearTimeout(job.queueTimer);
      job.resolve({ ok: false, reason: "error", error: "the Markdown pool is closed" });
    }
    await Promise.all(this.slots.map((slot) => this.retire(slot)));
  }

  private spawn(slot: Slot): void {
    if (this.closed) return;
    const worker = new Worker(this.options.file, {
      resourceLimits: { maxOldGenerationSizeMb: this.options.maxHeapMb ?? 512 },
      // The pool must not keep a script (tests, prepare-db) alive; a job in flight refs it (below).
      stdout: false,
      stderr: false,
    });
    worker.unref();
    this.started++;
    slot.worker = worker;
    slot.ready = false;
    worker.on("message", (message: WorkerResponse) => {
      if (slot.worker !== worker) return;
      if (message.type === "ready") {
        slot.ready = true;
        this.dispatch();
        return;
      }
      const job = slot.job;
      if (!job || job.id !== message.id) return;
      if (message.type === "done") this.finish(slot, message.html.length > maxHtmlChars(job.source.length) ? { ok: false, reason: "too-large" } : { ok: true, html: message.html });
      else if (message.type === "too-large") this.finish(slot, { ok: false, reason: "too-large" });
      else this.finish(slot, { ok: false, reason: "error", error: message.error });
    });
    // Out of memory or a crash: the job fails and a new worker follows. A worker that never got
    // ready (the script failed to load) would fail again at once: the waiting jobs are answered
    // "busy" (not cached) and the next job tries again.
    const lost = (error: string) => {
      if (slot.worker !== worker) return;
      const loaded = slot.ready;
      slot.worker = null;
      slot.ready = false;
      if (slot.job) this.finish(slot, { ok: false, reason: "error", error });
      if (loaded) return this.dispatch();
      console.error(`legible: a Markdown worker failed to start: ${error}`);
      for (const job of this.queue.splice(0)) {
        if (job.queueTimer) clearTimeout(job.queueTimer);
        job.resolve({ ok: false, reason: "busy" });
      }
    };
    worker.on("error", (error) => lost(error.message));
    worker.on("exit", (code) => lost(`worker exited with code ${code}`));
  }

  private async retire(slot: Slot): Promise<void> {
    const worker = slot.worker;
    slot.worker = null;
    slot.ready = false;
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    if (worker) await worker.terminate();
  }

  private finish(slot: Slot, result: PoolResult): void {
    const job = slot.job;
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    slot.job = null;
    slot.worker?.unref();
    job?.resolve(result);
    this.dispatch();
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      if (this.queue.length === 0) return;
      if (slot.job) continue;
      if (!slot.worker) this.spawn(slot);
      if (!slot.ready || !slot.worker) continue;
      const job = this.queue.shift()!;
      if (job.queueTimer) clearTimeout(job.queueTimer);
      slot.job = job;
      this.dispatched++;
      const worker = slot.worker;
      worker.ref();
      slot.timer = setTimeout(() => {
        // A synchronous parse cannot be interrupted: end the thread and start another.
        void worker.terminate();
        this.spawn(slot);
        this.finish(slot, { ok: false, reason: "timeout" });
      }, this.options.renderTimeoutMs);
      worker.postMessage({ type: "render", id: job.id, source: job.source, idPrefix: job.idPrefix, headingOffset: job.headingOffset, maxHtml: maxHtmlChars(job.source.length) } satisfies WorkerRequest);
    }
  }
}
