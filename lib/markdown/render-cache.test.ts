// The render cache's bounds, and entries kept for a while only (a "busy" answer).
import { afterEach, describe, expect, it, vi } from "vitest";
import { RenderCache } from "@/lib/markdown/render-cache";

afterEach(() => vi.useRealTimers());

describe("RenderCache", () => {
  it("evicts the least recently used entry past its bounds", () => {
    const cache = new RenderCache<string>(2, 100, (v) => v.length);
    cache.set("a", "1");
    cache.set("b", "2");
    cache.get("a");
    cache.set("c", "3");
    expect([cache.get("a"), cache.get("b"), cache.get("c")]).toEqual(["1", undefined, "3"]);
  });

  it("forgets an entry set with a time to live once it has passed, and frees its room", () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const cache = new RenderCache<string>(10, 100, (v) => v.length);
    cache.set("busy", "x".repeat(50), 15_000);
    cache.set("kept", "y".repeat(40));
    vi.setSystemTime(Date.now() + 14_999);
    expect(cache.get("busy")).toBe("x".repeat(50));
    vi.setSystemTime(Date.now() + 1);
    expect(cache.get("busy")).toBeUndefined();
    expect(cache.size).toBe(1);
    // Its characters were given back: 40 + 50 more still fit without evicting "kept".
    cache.set("next", "z".repeat(50));
    expect(cache.get("kept")).toBe("y".repeat(40));
    // Set again without a time to live, an entry stays.
    cache.set("busy", "w", 1);
    cache.set("busy", "w");
    vi.setSystemTime(Date.now() + 3600_000);
    expect(cache.get("busy")).toBe("w");
  });
});
