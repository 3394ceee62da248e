// Markdown in the browser for the editor's live preview: the same pre-check as the server, then
// the pipeline in a Web Worker (lib/markdown/preview.worker.ts, served as
// /markdown-preview-worker.js) with a deadline, counted from when
// the worker is ready (loading its script is not the text's fault). A render that passes it ends
// that worker (a new one starts for the next render) and shows the fallback, so a pasted
// pathological text costs at most the deadline and never freezes the tab.
import { fallbackHtml, type FallbackReason } from "./fallback";
import type { RenderOptions } from "./options";
import { checkMarkdown } from "./precheck";
import type { PreviewRequest, PreviewResponse } from "./preview.worker";

export type PreviewResult = { html: string; fallback: FallbackReason | null };

/** How long one preview render may take before its text is shown as plain text. */
export const PREVIEW_TIMEOUT_MS = 3_000;
/** How long a new worker may take to load before the preview gives up on it. */
const START_TIMEOUT_MS = 30_000;

type Request = { message: PreviewRequest; source: string; resolve: (result: PreviewResult) => void; answered: boolean };

let worker: { thread: Worker; ready: boolean; startTimer: ReturnType<typeof setTimeout> } | null = null;
let nextId = 1;
/** The render the worker is busy with, and its deadline. */
let inFlight: { request: Request; timer: ReturnType<typeof setTimeout> } | null = null;
/** The latest text waiting for the worker; a newer one replaces it (only the latest matters). */
let waiting: Request | null = null;

function answer(request: Request, result: PreviewResult) {
  if (request.answered) return;
  request.answered = true;
  request.resolve(result);
}

const fallback = (request: Request, reason: "timeout" | "error"): PreviewResult => ({ html: fallbackHtml(request.source, reason), fallback: reason });

/** Ends the worker: the render it was busy with gets the fallback, the next text a new worker. */
function abandon(reason: "timeout" | "error") {
  if (worker) {
    clearTimeout(worker.startTimer);
    worker.thread.terminate();
  }
  worker = null;
  const current = inFlight;
  inFlight = null;
  if (current) {
    clearTimeout(current.timer);
    answer(current.request, fallback(current.request, reason));
  } else if (waiting && reason === "error") {
    // The worker never started: say so rather than wait for it.
    answer(waiting, fallback(waiting, "error"));
    waiting = null;
  }
  pump();
}

/** Hands the waiting text to the worker when it is ready and free, starting its deadline. */
function pump() {
  if (!waiting || inFlight) return;
  worker ??= startWorker();
  if (!worker.ready) return;
  const request = waiting;
  waiting = null;
  inFlight = { request, timer: setTimeout(() => abandon("timeout"), PREVIEW_TIMEOUT_MS) };
  worker.thread.postMessage(request.message);
}

function startWorker() {
  // Bundled by scripts/build-markdown-worker.mjs into public/ (docs/adr/0005-markdown-worker-threads.md).
  const thread = new Worker("/markdown-preview-worker.js", { name: "markdown-preview" });
  const started = { thread, ready: false, startTimer: setTimeout(() => abandon("error"), START_TIMEOUT_MS) };
  thread.onmessage = (event: MessageEvent<PreviewResponse>) => {
    const message = event.data;
    if ("ready" in message) {
      clearTimeout(started.startTimer);
      started.ready = true;
      return pump();
    }
    const current = inFlight;
    if (!current || current.request.message.id !== message.id) return;
    clearTimeout(current.timer);
    inFlight = null;
    answer(current.request, "html" in message ? { html: message.html, fallback: null } : fallback(current.request, "error"));
    pump();
  };
  thread.onerror = () => abandon("error");
  return started;
}

/** Starts the worker ahead of the first render (the editor calls it on mount), so that loading it overlaps with the page's own start. */
export function preparePreview(): void {
  worker ??= startWorker();
}

/**
 * Renders `source` for the preview; resolves with HTML or the fallback, never rejects. A text
 * replaced by a newer one before the worker took it resolves with fallback "busy" (ignore it).
 */
export function renderPreview(source: string, { idPrefix = "preview", headingOffset = 0 }: RenderOptions = {}): Promise<PreviewResult> {
  const check = checkMarkdown(source);
  if (!check.ok) return Promise.resolve({ html: fallbackHtml(source, check.reason), fallback: check.reason });
  return new Promise((resolve) => {
    if (waiting) answer(waiting, { html: "", fallback: "busy" });
    waiting = { message: { id: nextId++, source, idPrefix, headingOffset }, source, resolve, answered: false };
    pump();
  });
}
