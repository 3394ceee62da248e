// Markdown in the browser for the editor's live preview: the same pre-check as the server, then
// the pipeline in a Web Worker (lib/markdown/preview.worker.ts) with a deadline. A render that
// passes it ends that worker (a new one starts for the next render) and shows the fallback, so a
// pasted pathological text costs at most the deadline and never freezes the tab.
import { fallbackHtml, type FallbackReason } from "./fallback";
import type { RenderOptions } from "./options";
import { checkMarkdown } from "./precheck";
import type { PreviewRequest, PreviewResponse } from "./preview.worker";

export type PreviewResult = { html: string; fallback: FallbackReason | null };

/** How long one preview render may take before its text is shown as plain text. */
export const PREVIEW_TIMEOUT_MS = 3_000;

let worker: Worker | null = null;
let nextId = 1;
/** The render in flight: a newer one replaces it (only the latest text matters to a preview). */
let pending: { id: number; resolve: (result: PreviewResult) => void; source: string; timer: ReturnType<typeof setTimeout> } | null = null;

function startWorker(): Worker {
  const started = new Worker(new URL("./preview.worker.ts", import.meta.url), { type: "module", name: "markdown-preview" });
  started.onmessage = (event: MessageEvent<PreviewResponse>) => {
    const message = event.data;
    if (!pending || pending.id !== message.id) return;
    const { resolve, source, timer } = pending;
    clearTimeout(timer);
    pending = null;
    resolve("html" in message ? { html: message.html, fallback: null } : { html: fallbackHtml(source, "error"), fallback: "error" });
  };
  return started;
}

/** Renders `source` for the preview; resolves with HTML or the fallback, never rejects. */
export function renderPreview(source: string, { idPrefix = "preview", headingOffset = 0 }: RenderOptions = {}): Promise<PreviewResult> {
  const check = checkMarkdown(source);
  if (!check.ok) return Promise.resolve({ html: fallbackHtml(source, check.reason), fallback: check.reason });
  // A newer text supersedes the one still rendering: its answer would be thrown away anyway.
  if (pending) {
    clearTimeout(pending.timer);
    pending.resolve({ html: "", fallback: "busy" });
    pending = null;
  }
  worker ??= startWorker();
  const id = nextId++;
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      worker?.terminate();
      worker = null;
      pending = null;
      resolve({ html: fallbackHtml(source, "timeout"), fallback: "timeout" });
    }, PREVIEW_TIMEOUT_MS);
    pending = { id, resolve, source, timer };
    worker!.postMessage({ id, source, idPrefix, headingOffset } satisfies PreviewRequest);
  });
}
