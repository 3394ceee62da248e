import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ValidationError } from "@/lib/errors";
import {
  NOTEBOOK_MAX_BYTES,
  applyCarriageReturns,
  countLines,
  decodeNotebookImage,
  formatPath,
  lineColumn,
  locateJsonError,
  parseNotebook,
  stripAnsi,
  type NotebookOutput,
} from "@/lib/import/notebook";
import * as hostile from "../../tests/fixtures/hostile-notebooks";

const fixture = (name: string) => new Uint8Array(readFileSync(path.join(import.meta.dirname, "../../tests/fixtures/real", name)));

/** The ValidationError that `fn` throws (fails the test if it throws anything else or nothing). */
function validationError(fn: () => unknown): ValidationError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return error as ValidationError;
  }
  throw new Error("expected a ValidationError");
}

const outputsOf = (cells: ReturnType<typeof parseNotebook>["cells"]): NotebookOutput[] =>
  cells.flatMap((cell) => (cell.type === "code" ? cell.outputs : []));

/** Width and height from a PNG's IHDR chunk, read independently of the code under test. */
function ihdr(base64: string): { width: number; height: number } {
  const bytes = Buffer.from(base64, "base64");
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(bytes.subarray(12, 16).toString("ascii")).toBe("IHDR");
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** A minimal valid notebook with the given cells, as JSON text. */
const notebookJson = (cells: unknown[], extra: Record<string, unknown> = {}) =>
  JSON.stringify({ nbformat: 4, nbformat_minor: 5, metadata: { language_info: { name: "python" } }, cells, ...extra });

const PNG_1x1 = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";

describe("parseNotebook on real notebooks", () => {
  it("parses karpathy/micrograd demo.ipynb", () => {
    const nb = parseNotebook(fixture("notebook-micrograd-demo.ipynb"), "notebook-micrograd-demo.ipynb");
    expect(nb.language).toBe("python");
    expect(nb.languageVersion).toBe("3.6.5");
    expect(nb.kernel).toBe("Python 3");
    expect(nb.nbformat).toBe(4);
    expect(nb.nbformatMinor).toBe(2);
    expect(nb.cells.filter((c) => c.type === "markdown")).toHaveLength(1);
    expect(nb.cells.filter((c) => c.type === "code")).toHaveLength(9);
    expect(nb.cells).toHaveLength(10);

    // Sources are joined into strings.
    const first = nb.cells[1];
    expect(first.type).toBe("code");
    expect(typeof first.source).toBe("string");
    expect(first.source).toContain("import");

    const outputs = outputsOf(nb.cells);
    expect(outputs.filter((o) => o.type === "stream")).toHaveLength(3);
    const results = outputs.filter((o) => o.type === "display" && o.outputType === "execute_result");
    expect(results).toHaveLength(2);
    for (const r of results) {
      if (r.type !== "display") throw new Error("unreachable");
      expect(r.executionCount).toBeTypeOf("number");
      expect(r.content?.kind).toBe("text");
    }

    const images = outputs.flatMap((o) => (o.type === "display" && o.content?.kind === "image" ? [o.content] : []));
    expect(images).toHaveLength(2);
    expect(images.map((img) => img.mime)).toEqual(["image/png", "image/png"]);
    expect(images.map((img) => ihdr(img.base64))).toEqual([
      { width: 334, height: 306 },
      { width: 384, height: 252 },
    ]);
    expect(images.map((img) => [img.width, img.height])).toEqual([
      [334, 306],
      [384, 252],
    ]);
    expect(images.every((img) => !/\s/.test(img.base64))).toBe(true);

    const last = nb.cells[nb.cells.length - 1];
    expect(last).toEqual({ type: "code", source: "", executionCount: null, outputs: [] });
  });

  it("parses karpathy/minGPT demo.ipynb", () => {
    const nb = parseNotebook(fixture("notebook-mingpt-sort-demo.ipynb"), "notebook-mingpt-sort-demo.ipynb");
    expect(nb.language).toBe("python");
    expect(nb.cells.filter((c) => c.type === "markdown")).toHaveLength(1);
    expect(nb.cells.filter((c) => c.type === "code")).toHaveLength(9);
    const outputs = outputsOf(nb.cells);
    expect(outputs.filter((o) => o.type === "stream")).toHaveLength(6);
    expect(outputs.filter((o) => o.type === "display" && o.content?.kind === "image")).toHaveLength(0);
    for (const o of outputs) if (o.type === "stream") expect(o.name).toBe("stdout");
  });

  it("accepts the same notebook as a string", () => {
    const text = readFileSync(path.join(import.meta.dirname, "../../tests/fixtures/real/notebook-mingpt-sort-demo.ipynb"), "utf8");
    expect(parseNotebook(text, "demo.ipynb").cells).toHaveLength(10);
  });
});

describe("parseNotebook errors", () => {
  it("reports invalid JSON with line and column", () => {
    // The comma after "code" is missing: the error is at the quote that opens "source" (line 4, column 26).
    const broken = ['{', '  "nbformat": 4,', '  "cells": [', '    {"cell_type": "code" "source": []}', '  ]', '}'].join("\n");
    const error = validationError(() => parseNotebook(broken, "broken.ipynb"));
    expect(error.message).toContain("broken.ipynb is not valid JSON");
    expect(error.message).toContain("line 4, column 26");
    expect(error.fieldErrors.file?.[0]).toContain("line 4, column 26");
  });

  it("locates errors that Node's message gives no position for", () => {
    // A trailing comma: V8 says "Unexpected token ']'" without a position.
    const trailing = '{\n  "cells": [\n    1,\n  ]\n}';
    expect(validationError(() => parseNotebook(trailing, "t.ipynb")).message).toMatch(/unexpected '\]' at line 4, column 3/);
    // Cut off in the middle.
    const truncated = '{\n  "cells": [\n    {"source": "abc';
    expect(validationError(() => parseNotebook(truncated, "t.ipynb")).message).toMatch(/unterminated string at line 3, column 20/);
    expect(validationError(() => parseNotebook("", "t.ipynb")).message).toMatch(/unexpected end of input at line 1, column 1/);
  });

  it("names the path of a schema error", () => {
    const nb = notebookJson([{ cell_type: "code", execution_count: 1, metadata: {}, source: "1", outputs: [{ output_type: "bogus" }] }]);
    const error = validationError(() => parseNotebook(nb, "bad.ipynb"));
    expect(error.message).toMatch(/^bad\.ipynb is not a valid Jupyter notebook: cells\[0\]\.outputs\[0\]\.output_type: unknown output type "bogus"/);
    expect(error.message).toContain("stream");
    expect(Object.keys(error.fieldErrors)).toEqual(["cells[0].outputs[0].output_type"]);

    const wrongType = notebookJson([{ cell_type: "code", source: "1", outputs: [{ output_type: "stream", name: "stdout", text: 3 }] }]);
    expect(validationError(() => parseNotebook(wrongType, "x.ipynb")).message).toContain("cells[0].outputs[0].text:");

    const badCell = notebookJson([{ cell_type: "markdown", source: "ok" }, { cell_type: "heading", source: "x" }]);
    expect(validationError(() => parseNotebook(badCell, "x.ipynb")).message).toContain('cells[1].cell_type: unknown cell type "heading"');
  });

  it("refuses a notebook larger than 10 MB", () => {
    const big = new Uint8Array(11 * 1024 * 1024).fill(0x20);
    expect(validationError(() => parseNotebook(big, "big.ipynb")).message).toContain("notebook is larger than 10 MB");
    expect(validationError(() => parseNotebook(" ".repeat(NOTEBOOK_MAX_BYTES + 1), "big.ipynb")).message).toContain(
      "notebook is larger than 10 MB",
    );
    // Multi-byte characters count as bytes, not characters.
    expect(validationError(() => parseNotebook("é".repeat(NOTEBOOK_MAX_BYTES / 2 + 1), "big.ipynb")).message).toContain(
      "notebook is larger than 10 MB",
    );
  });

  it("refuses nbformat 3 with a clear message", () => {
    const v3 = JSON.stringify({ nbformat: 3, nbformat_minor: 0, metadata: {}, worksheets: [{ cells: [] }] });
    const error = validationError(() => parseNotebook(v3, "old.ipynb"));
    expect(error.message).toContain("nbformat 3");
    expect(error.message).toContain("nbformat 4");
  });

  it("refuses JSON that is not a notebook, and bytes that are not UTF-8", () => {
    expect(validationError(() => parseNotebook("[1, 2]", "x.ipynb")).message).toContain("expected a JSON object");
    expect(validationError(() => parseNotebook("{}", "x.ipynb")).message).toContain("no nbformat version");
    expect(validationError(() => parseNotebook(new Uint8Array([0x7b, 0xff, 0x7d]), "x.ipynb")).message).toContain("UTF-8");
  });
});

describe("parseNotebook normalization", () => {
  it("tolerates unknown fields and a missing outputs list, and strips a BOM", () => {
    const nb = parseNotebook(
      "\uFEFF" + notebookJson([{ cell_type: "code", source: ["a = 1\n", "a"], id: "abc", extra: { x: 1 } }], { future_field: true }),
      "x.ipynb",
    );
    expect(nb.cells).toEqual([{ type: "code", source: "a = 1\na", executionCount: null, outputs: [] }]);
  });

  it("strips ANSI codes from streams and tracebacks", () => {
    const nb = parseNotebook(
      notebookJson([
        {
          cell_type: "code",
          execution_count: 2,
          source: "1/0",
          outputs: [
            { output_type: "stream", name: "stderr", text: ["\u001b[31mwarning\u001b[0m\n", "progress 10%\rprogress 100%\n"] },
            {
              output_type: "error",
              ename: "ZeroDivisionError",
              evalue: "division by zero",
              traceback: ["\u001b[0;31m---------\u001b[0m", "\u001b[0;31mZeroDivisionError\u001b[0m: division by zero"],
            },
          ],
        },
      ]),
      "x.ipynb",
    );
    const cell = nb.cells[0];
    if (cell.type !== "code") throw new Error("expected a code cell");
    expect(cell.outputs[0]).toEqual({ type: "stream", name: "stderr", text: "warning\nprogress 100%\n" });
    expect(cell.outputs[1]).toEqual({
      type: "error",
      ename: "ZeroDivisionError",
      evalue: "division by zero",
      traceback: ["---------", "ZeroDivisionError: division by zero"],
    });
  });

  it("keeps only safe, valid representations of rich outputs", () => {
    const display = (data: Record<string, unknown>) => ({ output_type: "display_data", data, metadata: {} });
    const nb = parseNotebook(
      notebookJson([
        {
          cell_type: "code",
          execution_count: 1,
          source: "x",
          outputs: [
            display({ "text/html": "<img src=x onerror=alert(1)>", "text/plain": "<DataFrame>" }),
            display({ "text/html": ["<script>alert(1)</script>"] }),
            display({ "image/svg+xml": "<svg onload=alert(1)></svg>", "text/plain": "<Figure>" }),
            display({ "image/png": "not base64!", "text/plain": "<Figure>" }),
            display({ "image/png": "/9j/4AAQSkZJRg==" }), // JPEG bytes labelled as PNG
            display({ "image/png": [PNG_1x1.slice(0, 40) + "\n", PNG_1x1.slice(40)], "text/html": "<b>x</b>" }),
            display({ "text/markdown": "**bold**", "text/plain": "bold" }),
            display({ "application/json": { a: [1, 2] } }),
            { output_type: "execute_result", execution_count: 7, data: { "text/plain": ["1", "\n2"] }, metadata: {} },
            display({ "application/vnd.jupyter.widget-view+json": { model_id: "x" } }),
          ],
        },
      ]),
      "x.ipynb",
    );
    const cell = nb.cells[0];
    if (cell.type !== "code") throw new Error("expected a code cell");
    const out = cell.outputs.map((o) => (o.type === "display" ? { content: o.content, notes: o.notes } : o));
    expect(out[0]).toEqual({
      content: { kind: "text", text: "<DataFrame>" },
      notes: ["HTML output not shown for safety; showing its plain-text form."],
    });
    expect(out[1]).toEqual({ content: null, notes: ["HTML output not shown for safety."] });
    expect(out[2]).toEqual({ content: { kind: "text", text: "<Figure>" }, notes: ["SVG output not shown for safety; showing its plain-text form."] });
    expect(out[3]).toEqual({ content: { kind: "text", text: "<Figure>" }, notes: ["An image/png output was not valid PNG data and was dropped."] });
    expect(out[4]).toEqual({ content: null, notes: ["An image/png output was not valid PNG data and was dropped."] });
    expect(out[5]).toEqual({ content: { kind: "image", mime: "image/png", base64: PNG_1x1, width: 1, height: 1 }, notes: [] });
    expect(out[6]).toEqual({ content: { kind: "markdown", text: "**bold**" }, notes: [] });
    expect(out[7]).toEqual({ content: { kind: "text", text: '{\n  "a": [\n    1,\n    2\n  ]\n}' }, notes: [] });
    expect(cell.outputs[8]).toEqual({
      type: "display",
      outputType: "execute_result",
      executionCount: 7,
      content: { kind: "text", text: "1\n2" },
      notes: [],
    });
    expect(out[9]).toEqual({ content: null, notes: ["Interactive widget not shown."] });
  });

  it("reads language from kernelspec when language_info is absent", () => {
    const nb = parseNotebook(JSON.stringify({ nbformat: 4, nbformat_minor: 4, metadata: { kernelspec: { language: "R", name: "ir" } }, cells: [] }), "r.ipynb");
    expect(nb.language).toBe("r");
    expect(parseNotebook(JSON.stringify({ nbformat: 4, nbformat_minor: 4, metadata: {}, cells: [] }), "x.ipynb").language).toBeNull();
  });
});

describe("helpers", () => {
  it("stripAnsi removes colour, cursor and OSC sequences", () => {
    expect(stripAnsi("\u001b[1;31mred\u001b[0m \u001b[2K\u001b[1Aok \u001b]8;;http://x\u0007link\u001b]8;;\u0007")).toBe("red ok link");
    expect(stripAnsi("plain <b>text</b>")).toBe("plain <b>text</b>");
  });

  it("stripAnsi also removes charset escapes, 8-bit CSI and a lone ESC", () => {
    expect(stripAnsi("a\u001b(Bb \u001b c \u009b31md")).toBe("ab  c d");
  });

  it("replaces NUL characters and lone surrogates in every text by U+FFFD, keeping surrogate pairs", () => {
    const nb = parseNotebook(hostile.controlCharacters(), "x.ipynb");
    const [md, code] = nb.cells;
    expect(md).toEqual({ type: "markdown", source: "Before\ufffdafter \ufffd *lone*" });
    if (code.type !== "code") throw new Error("expected a code cell");
    expect(code.source).toBe("x = '\ufffd'  # \ufffd");
    expect(code.outputs[0]).toEqual({ type: "stream", name: "stdout", text: "out\ufffdput \ufffd" });
    expect(code.outputs[1]).toEqual({ type: "error", ename: "Err\ufffd", evalue: "bad \ufffd", traceback: ["tb\ufffd"] });
    expect(code.outputs[3]).toMatchObject({ content: { kind: "markdown", text: "**md**\ufffd \ufffd" } });
    const pair = parseNotebook(JSON.stringify({ nbformat: 4, nbformat_minor: 5, metadata: {}, cells: [{ cell_type: "markdown", metadata: {}, source: "\ud83d\ude00" }] }), "x.ipynb");
    expect(pair.cells[0]).toEqual({ type: "markdown", source: "\u{1f600}" });
  });

  it("applyCarriageReturns overwrites like a terminal", () => {
    expect(applyCarriageReturns("10%\r20%\r100%\nnext")).toBe("100%\nnext");
    expect(applyCarriageReturns("abcdef\rXY")).toBe("XYcdef");
    expect(applyCarriageReturns("a\r\nb")).toBe("a\nb");
  });

  it("countLines ignores one trailing newline", () => {
    expect(countLines("")).toBe(0);
    expect(countLines("a")).toBe(1);
    expect(countLines("a\n")).toBe(1);
    expect(countLines("a\nb\n")).toBe(2);
  });

  it("lineColumn and locateJsonError", () => {
    expect(lineColumn("ab\ncd", 4)).toEqual({ line: 2, column: 2 });
    expect(lineColumn("ab\ncd", 0)).toEqual({ line: 1, column: 1 });
    expect(locateJsonError('{"a": [1, 2, {"b": null}], "c": "\\u00e9"}')).toBeNull();
    expect(locateJsonError("[1, 2")).toEqual({ offset: 5, reason: "unexpected end of input" });
    expect(locateJsonError('{"a" 1}')).toEqual({ offset: 5, reason: "expected ':' after property name, found '1'" });
    expect(locateJsonError("[01]")?.offset).toBe(2);
    expect(locateJsonError("[tru]")).toEqual({ offset: 4, reason: "unexpected ']'" });
    expect(locateJsonError("[1] x")).toEqual({ offset: 4, reason: "unexpected 'x' after the end of the JSON document" });
    // Deep nesting is scanned without recursion.
    expect(locateJsonError("[".repeat(100_000))?.reason).toBe("unexpected end of input");
  });

  it("formatPath writes paths as code would", () => {
    expect(formatPath(["cells", 3, "outputs", 0, "output_type"])).toBe("cells[3].outputs[0].output_type");
    expect(formatPath(["cells", 0, "outputs", 1, "data", "text/plain"])).toBe('cells[0].outputs[1].data["text/plain"]');
  });

  it("decodeNotebookImage checks magic bytes and reads sizes", () => {
    expect(decodeNotebookImage("image/png", PNG_1x1)).toMatchObject({ width: 1, height: 1 });
    expect(decodeNotebookImage("image/jpeg", PNG_1x1)).toBeNull();
    expect(decodeNotebookImage("image/png", "")).toBeNull();
    expect(decodeNotebookImage("image/png", "iVBORw0KGgo=!")).toBeNull();
    // A minimal JPEG header: SOI, then an SOF0 frame of 640x480.
    const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xc0, 0x00, 0x11, 0x08, 0x01, 0xe0, 0x02, 0x80, 0x03, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(decodeNotebookImage("image/jpeg", jpeg.toString("base64"))).toMatchObject({ mime: "image/jpeg", width: 640, height: 480 });
  });
});
