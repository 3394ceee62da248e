// The Web Worker that formats the handoff editor's live preview in the browser (bundled by
// scripts/build-markdown-worker.mjs into public/markdown-preview-worker.js, started by
// lib/markdown/browser.ts), so that one bad paste can never freeze the tab: the page terminates
// this worker when a render passes its deadline. Same pipeline, same sanitizer as the server.
import { renderMarkdownSync } from "./pipeline";

export type PreviewRequest = { id: number; source: string; idPrefix: string; headingOffset: number };
export type PreviewResponse = { ready: true } | { id: number; html: string } | { id: number; error: string };

// A dedicated worker's global scope, typed only as far as this file uses it (the project's
// TypeScript lib is the DOM's, not the WebWorker one).
const scope = self as unknown as { onmessage: ((event: MessageEvent<PreviewRequest>) => void) | null; postMessage: (message: PreviewResponse) => void };

scope.onmessage = (event) => {
  const { id, source, idPrefix, headingOffset } = event.data;
  try {
    scope.postMessage({ id, html: renderMarkdownSync(source, { idPrefix, headingOffset }) });
  } catch (error) {
    scope.postMessage({ id, error: String(error) });
  }
};

// Compile the pipeline's hot paths before saying ready, so the first render's deadline measures
// the render, not the start of the worker.
renderMarkdownSync("# a\n\n*b* `c` [d](https://e.example) $x^2$\n\n| a | b |\n| - | - |\n| 1 | 2 |\n\n```python\nx = 1\n```\n", { idPrefix: "warm-up" });
scope.postMessage({ ready: true });
