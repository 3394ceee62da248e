// The worker thread that formats Markdown for the server (lib/markdown/pool.ts). It is bundled on
// its own by scripts/build-markdown-worker.mjs into lib/markdown/generated/markdown-worker.mjs
// (see docs/adr/0005-markdown-worker-threads.md) and started with `new Worker(thatFile)`.
//
// One job at a time: the pool sends { id, source, idPrefix, headingOffset, maxHtml } and waits
// for { id, html }, { id, chars } (HTML over maxHtml, not sent) or { id, error }; a job that takes too long is not answered at all, the pool
// terminates this thread and starts another.
import { parentPort } from "node:worker_threads";
import { clearFormulaCache, renderMarkdownSync } from "./pipeline";

export type WorkerRequest = { type: "render"; id: number; source: string; idPrefix: string; headingOffset: number; maxHtml: number } | { type: "clear" };
export type WorkerResponse =
  | { type: "ready" }
  | { type: "done"; id: number; html: string }
  /** The HTML was longer than maxHtml: only its length goes back, not the HTML. */
  | { type: "too-large"; id: number; chars: number }
  | { type: "failed"; id: number; error: string };

const port = parentPort;
if (!port) throw new Error("lib/markdown/worker runs only as a worker thread");

port.on("message", (message: WorkerRequest) => {
  if (message.type === "clear") {
    clearFormulaCache();
    return;
  }
  let response: WorkerResponse;
  try {
    const html = renderMarkdownSync(message.source, { idPrefix: message.idPrefix, headingOffset: message.headingOffset });
    response = html.length > message.maxHtml ? { type: "too-large", id: message.id, chars: html.length } : { type: "done", id: message.id, html };
  } catch (error) {
    // A stack overflow on deep input, or a bug: the pool shows the text as plain text.
    response = { type: "failed", id: message.id, error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
  }
  port.postMessage(response);
});

// Compile the pipeline's hot paths (GFM, KaTeX, highlight.js) before taking the first job, so a new
// worker's first render is not charged a second of JIT warm-up against its deadline.
const WARM_UP = "# Title\n\nText with *emphasis*, `code`, a [link](https://example.com) and $x^2 + \\frac{a}{b}$.\n\n| a | b |\n| - | -: |\n| 1 | 2 |\n\n- [x] item\n  1. nested\n\n> quote[^1]\n\n[^1]: note\n\n$$\n\\sum_{i=1}^{n} \\sqrt{x_i}\n$$\n\n```python\ndef f(x: int) -> int:\n    return x + 1  # comment\n```\n";
for (let i = 0; i < 3; i++) renderMarkdownSync(WARM_UP, { idPrefix: "warm-up" });
clearFormulaCache();

port.postMessage({ type: "ready" } satisfies WorkerResponse);
