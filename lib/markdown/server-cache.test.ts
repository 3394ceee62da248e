// What lib/markdown/server.ts keeps of each outcome, with a stand-in pool: every outcome is
// cached, "too-large" like a timeout, and "busy" for MARKDOWN_BUSY_RETRY_MS only, so a storm of
// views of one page does not queue it again and again, yet a view after that tries again.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { FALLBACK_NOTICES } from "@/lib/markdown/fallback";
import type { MarkdownWorkerPool, PoolJob, PoolResult } from "@/lib/markdown/pool";
import { MARKDOWN_BUSY_RETRY_MS, clearMarkdownCaches, renderMarkdown } from "@/lib/markdown/server";

const shared = globalThis as typeof globalThis & { __legibleMarkdownPool?: MarkdownWorkerPool };
let answers: PoolResult[] = [];
let jobs: PoolJob[] = [];
const stub = {
  run: (job: PoolJob) => {
    jobs.push(job);
    return Promise.resolve(answers.shift() ?? { ok: true, html: "<p>formatted</p>" });
  },
  clearWorkerCaches: () => {},
} as unknown as MarkdownWorkerPool;

let saved: MarkdownWorkerPool | undefined;
beforeEach(() => {
  saved = shared.__legibleMarkdownPool;
  shared.__legibleMarkdownPool = stub;
  clearMarkdownCaches();
  answers = [];
  jobs = [];
});
afterEach(() => {
  vi.useRealTimers();
  clearMarkdownCaches();
  shared.__legibleMarkdownPool = saved;
});

describe("renderMarkdown's cache", () => {
  it("keeps a busy answer for a short while, then tries again", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    answers = [{ ok: false, reason: "busy" }];
    const first = await renderMarkdown("*busy*", { idPrefix: "b" });
    expect(first.fallback).toBe("busy");
    expect(first.html).toContain(FALLBACK_NOTICES.busy);
    // A storm of views: none of them queues the text again.
    for (let i = 0; i < 50; i++) expect(await renderMarkdown("*busy*", { idPrefix: "b" })).toBe(first);
    vi.setSystemTime(Date.now() + MARKDOWN_BUSY_RETRY_MS - 1);
    expect(await renderMarkdown("*busy*", { idPrefix: "b" })).toBe(first);
    expect(jobs).toHaveLength(1);
    vi.setSystemTime(Date.now() + 1);
    expect(await renderMarkdown("*busy*", { idPrefix: "b" })).toEqual({ html: "<p>formatted</p>", fallback: null });
    expect(jobs).toHaveLength(2);
  });

  it("keeps a too-large answer like a timeout, as plain text with its notice", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    answers = [{ ok: false, reason: "too-large" }];
    const first = await renderMarkdown("|a|\n|-|\n", { idPrefix: "t" });
    expect(first.fallback).toBe("too-large");
    expect(first.html).toContain("This text is too large to format; shown as plain text.");
    vi.setSystemTime(Date.now() + 24 * 3600_000);
    expect(await renderMarkdown("|a|\n|-|\n", { idPrefix: "t" })).toBe(first);
    expect(jobs).toHaveLength(1);
  });
});
