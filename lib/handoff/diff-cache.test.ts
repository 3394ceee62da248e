import { describe, expect, it, vi } from "vitest";
import { cachedComparison, cachedComparisons } from "./diff-cache";

describe("cachedComparison", () => {
  it("computes a comparison once and keeps at most 32, dropping the least recently used", () => {
    const compute = vi.fn((k: string) => `diff of ${k}`);
    expect(cachedComparison("h1:1:2", () => compute("h1:1:2"))).toBe("diff of h1:1:2");
    expect(cachedComparison("h1:1:2", () => compute("h1:1:2"))).toBe("diff of h1:1:2");
    expect(compute).toHaveBeenCalledTimes(1);
    for (let i = 0; i < 40; i++) cachedComparison(`h2:${i}`, () => compute(`h2:${i}`));
    expect(cachedComparisons()).toBe(32);
    cachedComparison("h1:1:2", () => compute("h1:1:2"));
    expect(compute).toHaveBeenCalledTimes(42); // evicted, so computed again
  });
});
