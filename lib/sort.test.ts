import { describe, expect, it } from "vitest";
import { compareByDueThenKey, compareKeys } from "./sort";

describe("compareKeys", () => {
  it("orders numbers inside keys by value", () => {
    expect(["FLOOR-10", "FLOOR-2", "FLOOR-1"].sort(compareKeys)).toEqual(["FLOOR-1", "FLOOR-2", "FLOOR-10"]);
  });
  it("orders different prefixes alphabetically", () => {
    expect(["RAG-3", "FLOOR-12", "ASR-100"].sort(compareKeys)).toEqual(["ASR-100", "FLOOR-12", "RAG-3"]);
  });
  it("ignores the case of letters", () => {
    expect(compareKeys("floor-2", "FLOOR-2")).toBe(0);
    expect(compareKeys("floor-2", "FLOOR-10")).toBeLessThan(0);
  });
});

describe("compareByDueThenKey", () => {
  it("puts the earliest due date first and undated milestones last", () => {
    const m = (key: string, due: string | null) => ({ key, dueDate: due ? new Date(due) : null });
    const sorted = [m("A-3", null), m("A-2", "2026-05-01"), m("A-10", "2026-04-01"), m("A-1", null)].sort(compareByDueThenKey);
    expect(sorted.map((x) => x.key)).toEqual(["A-10", "A-2", "A-1", "A-3"]);
  });
});
