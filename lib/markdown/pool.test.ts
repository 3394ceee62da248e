// The worker pool's bounds, with the real worker bundle and short limits: a render past its
// deadline ends its worker and a new one takes over; a full queue and a queue wait past its
// deadline answer "busy" at once instead of making callers wait.
import { afterEach, describe, expect, it } from "vitest";
import { MARKDOWN_MIN_HTML_CHARS, MarkdownWorkerPool, maxHtmlChars, type PoolOptions } from "@/lib/markdown/pool";
import { markdownWorkerFile } from "@/lib/markdown/server";

const file = markdownWorkerFile();
// ">" x99,990: minutes in the parser (the pre-check refuses it; the pool is the net under it).
const slow = { source: ">".repeat(99_990), idPrefix: "slow", headingOffset: 0 };
const quick = { source: "*hello*", idPrefix: "q", headingOffset: 0 };

let pool: MarkdownWorkerPool | null = null;
const make = (options: Partial<PoolOptions>) => (pool = new MarkdownWorkerPool({ file, size: 1, renderTimeoutMs: 1_000, queueTimeoutMs: 30_000, maxQueue: 10, ...options }));
afterEach(async () => {
  await pool?.close();
  pool = null;
});

describe("MarkdownWorkerPool", () => {
  it("renders, and on a render past its deadline replaces the worker and goes on", { timeout: 60_000 }, async () => {
    const p = make({});
    expect(await p.run(quick)).toEqual({ ok: true, html: "<p><em>hello</em></p>" });
    expect(p.started).toBe(1);
    const started = performance.now();
    expect(await p.run(slow)).toEqual({ ok: false, reason: "timeout" });
    expect(performance.now() - started).toBeLessThan(15_000);
    expect(p.started).toBe(2);
    expect(await p.run(quick)).toEqual({ ok: true, html: "<p><em>hello</em></p>" });
  });

  it("answers busy when the queue is full or a job waited too long", { timeout: 60_000 }, async () => {
    const p = make({ renderTimeoutMs: 3_000, queueTimeoutMs: 500, maxQueue: 1 });
    // Wait for the worker (its start counts as waiting), then occupy it.
    await p.whenReady();
    const running = p.run(slow);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const waiting = p.run(quick);
    expect(await p.run(quick)).toEqual({ ok: false, reason: "busy" });
    expect(await waiting).toEqual({ ok: false, reason: "busy" });
    expect(await running).toEqual({ ok: false, reason: "timeout" });
    expect(p.load).toEqual({ running: 0, queued: 0 });
  });

  it("answers too-large for a render whose HTML passes its cap, and goes on", { timeout: 60_000 }, async () => {
    expect([maxHtmlChars(0), maxHtmlChars(10_000), maxHtmlChars(1_000_000)]).toEqual([256_000, 1_000_000, 4_000_000]);
    const p = make({ renderTimeoutMs: 20_000 });
    // A table bomb the pre-check would refuse, sent straight to the pool: 100 columns over 400
    // short rows, 1,203 characters that make over 360,000 characters of HTML.
    const bomb = `${"|a".repeat(100)}|\n${"|-".repeat(100)}|\n${"|\n".repeat(400)}`;
    expect(bomb.length * 100).toBeLessThan(MARKDOWN_MIN_HTML_CHARS);
    expect(await p.run({ source: bomb, idPrefix: "bomb", headingOffset: 0 })).toEqual({ ok: false, reason: "too-large" });
    // The same table with 40 rows fits.
    const fits = await p.run({ source: `${"|a".repeat(100)}|\n${"|-".repeat(100)}|\n${"|\n".repeat(40)}`, idPrefix: "t", headingOffset: 0 });
    expect(fits.ok).toBe(true);
    expect(p.started).toBe(1);
  });
});
