// The caps on uploaded notebooks (issue 7, item 2), through parseNotebook as an upload uses it:
// each hostile notebook is refused with a message naming the cap (and the cell), before the
// parser or the schema can overflow the stack or spend seconds.
import { describe, expect, it } from "vitest";
import { ValidationError } from "@/lib/errors";
import { parseNotebook } from "@/lib/import/notebook";
import { NOTEBOOK_LIMITS, jsonDepthOver, stringChars } from "@/lib/import/notebook-limits";
import * as hostile from "../../tests/fixtures/hostile-notebooks";

function refusal(text: string, name = "x.ipynb"): string {
  try {
    parseNotebook(text, name);
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return (error as Error).message;
  }
  throw new Error("the notebook was accepted");
}

describe("jsonDepthOver", () => {
  it("finds the first bracket past the limit, ignoring brackets in strings", () => {
    expect(jsonDepthOver("[[[]]]", 3)).toBeNull();
    expect(jsonDepthOver("[[[[]]]]", 3)).toEqual({ offset: 3 });
    expect(jsonDepthOver('{"a":"[[[[[[\\"[["}', 1)).toBeNull();
    expect(jsonDepthOver(`{"a":${"[".repeat(100_000)}`, 64)).toEqual({ offset: 5 + 63 });
  });
});

describe("notebook caps", () => {
  it("refuses outputs nested 5,000 deep with a validation error, not a stack overflow", () => {
    expect(refusal(hostile.deepOutput(5_000))).toMatch(/^x\.ipynb nests arrays and objects more than 64 levels deep \(at line 1, column \d+\); a notebook may nest at most 64\.$/);
    // 64 levels in all are fine.
    expect(() => parseNotebook(hostile.deepOutput(58), "ok.ipynb")).not.toThrow();
  });

  it("refuses 100,000 cells, naming the cap", () => {
    expect(refusal(hostile.manyCells(100_000))).toBe("x.ipynb has 100,000 cells; a notebook may have at most 2,000.");
    expect(parseNotebook(hostile.manyCells(NOTEBOOK_LIMITS.cells), "ok.ipynb").cells).toHaveLength(NOTEBOOK_LIMITS.cells);
  });

  it("refuses a cell, an output and all outputs over their caps, naming the cell", () => {
    expect(refusal(hostile.hugeCell(150_000))).toBe("x.ipynb: cell 1 has 150,000 characters of source; a cell may have at most 100,000.");
    expect(refusal(hostile.hugeOutput(3_000_000))).toMatch(/^x\.ipynb: an output of cell 1 has 3,000,0\d\d characters; one output may have at most 2,000,000\.$/);
    expect(refusal(hostile.manyOutputs(10, 850_000))).toBe("x.ipynb: its outputs pass 8,000,000 characters at cell 10; all outputs together may have at most 8,000,000.");
  });

  it("refuses more images than the cap", () => {
    const png = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==";
    const cells = Array.from({ length: NOTEBOOK_LIMITS.images + 1 }, () => ({ cell_type: "code", metadata: {}, source: "plot()", outputs: [{ output_type: "display_data", metadata: {}, data: { "image/png": png } }] }));
    expect(refusal(JSON.stringify({ nbformat: 4, nbformat_minor: 5, metadata: {}, cells }))).toBe("x.ipynb: cell 201 brings its images past 200; a notebook may have at most 200 images.");
  });

  it("refuses the 200,000 backtick runs of issue 7 by the cell cap, and accepts 49,000", () => {
    expect(refusal(hostile.backtickCell(200_000))).toBe("x.ipynb: cell 1 has 400,000 characters of source; a cell may have at most 100,000.");
    expect(parseNotebook(hostile.backtickCell(49_000), "ok.ipynb").cells[0].type).toBe("code");
  });

  it("counts the characters of every string in a value", () => {
    expect(stringChars({ a: ["xy", { b: "z" }], c: 3, d: null })).toBe(3);
  });
});

describe("output counts", () => {
  it("refuses more outputs in one cell, or in all, than the caps, before the schema walks them", () => {
    expect(NOTEBOOK_LIMITS.outputsPerCell).toBe(1_000);
    expect(NOTEBOOK_LIMITS.outputs).toBe(5_000);
    expect(() => parseNotebook(hostile.outputsInOneCell(1_000), "ok.ipynb")).not.toThrow();
    expect(refusal(hostile.outputsInOneCell(1_001))).toBe("x.ipynb: cell 1 has 1,001 outputs; a cell may have at most 1,000.");
    expect(() => parseNotebook(hostile.outputsInManyCells(5, 1_000), "ok.ipynb")).not.toThrow();
    expect(refusal(hostile.outputsInManyCells(6, 900))).toBe("x.ipynb: its outputs pass 5,000 at cell 6; a notebook may have at most 5,000 outputs.");
    // 100,000 outputs (7 MB): refused before the schema walks them.
    expect(refusal(hostile.outputsInOneCell(100_000))).toBe("x.ipynb: cell 1 has 100,000 outputs; a cell may have at most 1,000.");
  });
});

