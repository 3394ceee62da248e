import { describe, expect, it } from "vitest";
import { DECOMPOSE_LIMITS, formatDecomposeError, parseDecomposeList } from "./decompose";
import { LIMITS } from "@/lib/validation/limits";

function items(text: string) {
  const result = parseDecomposeList(text);
  if (!result.ok) throw new Error(result.errors.map(formatDecomposeError).join("\n"));
  return result.items;
}

function errors(text: string) {
  const result = parseDecomposeList(text);
  if (result.ok) throw new Error("expected errors");
  return result.errors.map(formatDecomposeError);
}

describe("parseDecomposeList", () => {
  it("reads titles, estimates in either form and references to items and keys", () => {
    const list = ["Data loader for RPLAN (3d)", "Train the denoiser ~5 days after 1", "- Serve behind the layout API (2d) after 2, floor-4"].join("\n");
    expect(items(list)).toEqual([
      { item: 1, line: 1, title: "Data loader for RPLAN", estimateDays: 3, after: [] },
      { item: 2, line: 2, title: "Train the denoiser", estimateDays: 5, after: [{ kind: "item", item: 1, column: 34 }] },
      {
        item: 3,
        line: 3,
        title: "Serve behind the layout API",
        estimateDays: 2,
        after: [
          { kind: "item", item: 2, column: 42 },
          { kind: "key", key: "FLOOR-4", column: 45 },
        ],
      },
    ]);
  });

  it("drops list markers, skips blank lines (not counted as items) and accepts the estimate after the clause", () => {
    const list = "1. First step\n\n2) Second step after 1 (2.5 days)\n* Third step after 1 and 2 ~1d\n";
    const parsed = items(list);
    expect(parsed.map((i) => [i.item, i.line, i.title, i.estimateDays])).toEqual([
      [1, 1, "First step", null],
      [2, 3, "Second step", 2.5],
      [3, 4, "Third step", 1],
    ]);
    expect(parsed[2].after.map((r) => (r.kind === "item" ? r.item : r.key))).toEqual([1, 2]);
  });

  it("keeps an ordinary 'after' in the title and removes duplicate references", () => {
    expect(items("Tidy up after lunch\nSecond after 1, 1")).toMatchObject([{ title: "Tidy up after lunch", after: [] }, { after: [{ item: 1 }] }]);
    expect(items("Bare days (4)")[0].estimateDays).toBe(4);
  });

  it("refuses something in parentheses that ends like an estimate but is not one, instead of keeping it in the title", () => {
    const result = parseDecomposeList("Train the denoiser (abc d)\nShip it (3,5 days) after 1\nEnd-to-end test (end-to-end)\nRender in (3D)");
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => [e.line, e.column, e.message])).toEqual([
      [1, 20, '"(abc d)" is not an estimate: write a number of days, as (3d) or ~5 days.'],
      [2, 9, '"(3,5 days)" is not an estimate: write a number of days, as (3d) or ~5 days.'],
    ]);
  });

  it("names the line and column of a reference past the end of the list", () => {
    expect(errors("One thing\nTwo things\nThree things after 7\nFour things")).toEqual([`Line 3, column 20: "after 7" — the list has 4 milestones.`]);
  });

  it("refuses self-references, short and long titles and large estimates, every bad line at once", () => {
    const long = "x".repeat(LIMITS.milestone.title + 1);
    expect(errors(`Itself after 1\nok\n${long}\nHuge (5000d)`)).toEqual([
      `Line 1, column 14: "after 1" — a milestone cannot come after itself.`,
      "Line 2, column 1: the title must be at least 3 characters.",
      `Line 3, column ${LIMITS.milestone.title + 1}: the title is ${LIMITS.milestone.title + 1} characters; a milestone title takes at most ${LIMITS.milestone.title}.`,
      "Line 4, column 6: the estimate must be at most 1,000 days.",
    ]);
  });

  it("refuses a title the milestone form refuses: other line breaks and text-direction controls, at their column", () => {
    expect(errors("- Data loader\u202Efor RPLAN (3d)")).toEqual([
      "Line 1, column 14: the title contains an invisible text-direction control character (U+202E), which can make it read differently from what it says. Remove it.",
    ]);
    for (const ch of ["\u2066", "\u2067", "\u2068", "\u2069", "\u202A"]) expect(errors(`Fine title\nBad ${ch}title`)[0]).toMatch(/^Line 2, column 5: the title contains an invisible text-direction control/);
    for (const ch of ["\v", "\f", "\u0085", "\u2028", "\u2029"]) {
      expect(errors(`Good one\nTwo${ch}lines after 1`)).toEqual(["Line 2, column 4: the title must be on one line: remove the line break."]);
    }
    // Leading ones are trimmed away with the other whitespace, as the milestone form trims titles.
    expect(items("\u2028 Trimmed title")[0].title).toBe("Trimmed title");
  });

  it("caps the number of milestones, the size of the text and the references on a line", () => {
    expect(DECOMPOSE_LIMITS.refs).toBe(LIMITS.milestone.prerequisites);
    const many = Array.from({ length: DECOMPOSE_LIMITS.items + 1 }, (_, i) => `Milestone number ${i + 1}`).join("\n");
    expect(errors(many)).toEqual([`Line 101, column 1: a decomposition takes at most 100 milestones; this is the 101st.`]);
    expect(errors("x".repeat(DECOMPOSE_LIMITS.chars + 1))[0]).toMatch(/^Line 1, column 1: the list is 40,001 characters/);
    const refs = Array.from({ length: DECOMPOSE_LIMITS.refs + 1 }, (_, i) => `KK-${i + 1}`).join(", ");
    expect(errors(`Many deps after ${refs}`)[0]).toMatch(/^Line 1, column 11: a milestone can name at most 20/);
    expect(errors("   \n\n")).toEqual(["Line 1, column 1: the list is empty: write one milestone per line."]);
    expect(errors(`Fine\n- ${"y".repeat(DECOMPOSE_LIMITS.line + 1)}`)).toEqual(["Line 2, column 603: the line is 601 characters; a line takes at most 600."]);
  });

  it("reads lines made to make patterns backtrack at the largest size it takes, and refuses them plainly", () => {
    // Spaces between parentheses and tildes: each pattern fails after one pass, not after trying every split.
    const line = `Odd ${"( 1 ".repeat(60)}${" ".repeat(300)}x ~ 1`.slice(0, DECOMPOSE_LIMITS.line);
    const lines = Math.floor(DECOMPOSE_LIMITS.chars / (DECOMPOSE_LIMITS.line + 1));
    const list = Array.from({ length: lines }, () => line).join("\n");
    const result = parseDecomposeList(list);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors).toHaveLength(lines);
  });
});
