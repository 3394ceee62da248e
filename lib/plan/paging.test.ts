import { describe, expect, it } from "vitest";
import { LIMITS } from "@/lib/validation/limits";
import { pageOf, parsePage, showingText } from "./paging";

describe("paging", () => {
  it("parses ?page= with zod: a positive whole number, else the first page and a notice", () => {
    expect(parsePage(undefined)).toEqual({ page: 1, notice: null });
    expect(parsePage("")).toEqual({ page: 1, notice: null });
    expect(parsePage("7")).toEqual({ page: 7, notice: null });
    expect(parsePage(["3", "9"])).toEqual({ page: 3, notice: null });
    expect(parsePage("0").page).toBe(1);
    expect(parsePage("abc").notice).toBe('Page: "abc" is not a page number; showing the first page.');
    expect(parsePage("x".repeat(50)).notice).toBe(`Page: "${"x".repeat(19)}…" is not a page number; showing the first page.`);
  });

  it("slices LIMITS.milestone.pageRows rows a page, a page past the last showing the last", () => {
    expect(LIMITS.milestone.pageRows).toBe(200);
    expect(pageOf(1_234, 2)).toEqual({ page: 2, pageCount: 7, start: 200, end: 400, total: 1_234 });
    expect(pageOf(1_234, 7)).toEqual({ page: 7, pageCount: 7, start: 1_200, end: 1_234, total: 1_234 });
    expect(pageOf(1_234, 99).page).toBe(7);
    expect(pageOf(0, 3)).toEqual({ page: 1, pageCount: 1, start: 0, end: 0, total: 0 });
    expect(pageOf(200, 1).pageCount).toBe(1);
    expect(pageOf(201, 1).pageCount).toBe(2);
  });

  it('says "Showing 201–400 of 1,234"', () => {
    expect(showingText(pageOf(1_234, 2))).toBe("Showing 201–400 of 1,234");
    expect(showingText(pageOf(1_234, 7))).toBe("Showing 1,201–1,234 of 1,234");
    expect(showingText(pageOf(12, 1))).toBe("Showing all 12");
  });
});
