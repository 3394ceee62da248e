// The editor preview's Web Worker bundle (public/markdown-preview-worker.js) run without a DOM, as a
// browser runs a worker: it says when it is ready and renders the same HTML as the server's pool.
import path from "node:path";
import { Worker } from "node:worker_threads";
import { afterAll, describe, expect, it } from "vitest";
import { LEGIT_MARKDOWN } from "../../e2e/fixtures/xss-payloads";
import { renderMarkdown } from "@/lib/markdown/server";
import type { PreviewResponse } from "@/lib/markdown/preview.worker";

// A worker global scope in a Node thread: self, postMessage and onmessage, and no document.
const SCOPE = `
const { parentPort } = require("node:worker_threads");
globalThis.self = globalThis;
globalThis.postMessage = (message) => parentPort.postMessage(message);
parentPort.on("message", (data) => globalThis.onmessage && globalThis.onmessage({ data }));
require(process.env.PREVIEW_BUNDLE);
`;

describe("the preview worker bundle", () => {
  const worker = new Worker(SCOPE, { eval: true, env: { PREVIEW_BUNDLE: path.join(process.cwd(), "public", "markdown-preview-worker.js") } });
  const messages: PreviewResponse[] = [];
  const waiters: Array<() => void> = [];
  worker.on("message", (message: PreviewResponse) => {
    messages.push(message);
    waiters.splice(0).forEach((wake) => wake());
  });
  const next = async (): Promise<PreviewResponse> => {
    while (messages.length === 0) await new Promise<void>((resolve) => waiters.push(resolve));
    return messages.shift()!;
  };
  afterAll(() => worker.terminate());

  it("starts, then renders KaTeX, tables, code and footnotes exactly as the server does", { timeout: 30_000 }, async () => {
    expect(await next()).toEqual({ ready: true });
    worker.postMessage({ id: 7, source: LEGIT_MARKDOWN, idPrefix: "preview", headingOffset: 2 });
    const answer = await next();
    const server = await renderMarkdown(LEGIT_MARKDOWN, { idPrefix: "preview", headingOffset: 2 });
    expect(server.fallback).toBeNull();
    expect(answer).toEqual({ id: 7, html: server.html });
    expect(server.html).toContain('class="katex"');
  });
});
