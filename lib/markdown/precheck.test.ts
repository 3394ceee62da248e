// The pre-check's limits, at and just past each one, and that real documents pass it.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { LEGIT_MARKDOWN } from "../../e2e/fixtures/xss-payloads";
import { codeFence } from "./fence";
import {
  MARKDOWN_MAX_BRACKET_DEPTH,
  MARKDOWN_MAX_CHARS,
  MARKDOWN_MAX_CONTAINER_DEPTH,
  MARKDOWN_MAX_DELIMITER_RUN,
  MARKDOWN_MAX_FORMULAS,
  MARKDOWN_MAX_SETEXT_HEADINGS,
  MARKDOWN_MAX_TABLE_CELLS,
  checkMarkdown,
} from "@/lib/markdown/precheck";

const reason = (text: string) => {
  const result = checkMarkdown(text);
  return result.ok ? "ok" : result.reason;
};

describe("checkMarkdown", () => {
  it("passes real documents: the demo's Markdown cells, the legitimate corpus, the README", () => {
    const notebook = JSON.parse(readFileSync(path.join(process.cwd(), "tests/fixtures/real/notebook-mingpt-sort-demo.ipynb"), "utf8")) as { cells: { source: string[] }[] };
    for (const cell of notebook.cells) expect(reason(cell.source.join(""))).toBe("ok");
    expect(reason(LEGIT_MARKDOWN)).toBe("ok");
    expect(reason(readFileSync(path.join(process.cwd(), "README.md"), "utf8"))).toBe("ok");
  });

  it("refuses text over the size ceiling", () => {
    expect(reason("a".repeat(MARKDOWN_MAX_CHARS))).toBe("ok");
    expect(reason("a".repeat(MARKDOWN_MAX_CHARS + 1))).toBe("size");
  });

  it("counts quote and list containers on one line and through list indentation", () => {
    expect(reason(`${"> ".repeat(MARKDOWN_MAX_CONTAINER_DEPTH)}a`)).toBe("ok");
    expect(reason(`${"> ".repeat(MARKDOWN_MAX_CONTAINER_DEPTH + 1)}a`)).toBe("nesting");
    expect(reason(`${"- ".repeat(MARKDOWN_MAX_CONTAINER_DEPTH + 1)}a`)).toBe("nesting");
    expect(reason(`${"1. ".repeat(MARKDOWN_MAX_CONTAINER_DEPTH + 1)}a`)).toBe("nesting");
    expect(reason(`${"  ".repeat(MARKDOWN_MAX_CONTAINER_DEPTH)}- deep`)).toBe("nesting");
    expect(reason(`${"  ".repeat(MARKDOWN_MAX_CONTAINER_DEPTH - 1)}- deep enough`)).toBe("ok");
    // Not list markers: emphasis, a thematic break written with stars, a number without a dot.
    expect(reason(`${"*a* ".repeat(100)}`)).toBe("ok");
    expect(reason("2024 was a year\n\n---\n")).toBe("ok");
  });

  it("checks fenced code like any other text, so a line that only looks like a fence hides nothing", () => {
    const payload = "a]".repeat(45_000);
    // Each of these parses the payload as Markdown: not a fence (indented after a paragraph, a
    // backtick in a backtick fence's info string, inside a list item, inside an HTML block).
    expect(reason(`intro\n    \`\`\`\n${payload}`)).toBe("complexity");
    expect(reason(`\`\`\`x\`\n${payload}`)).toBe("complexity");
    expect(reason(`- a\n\n       \`\`\`\n${payload}`)).toBe("complexity");
    expect(reason(`<!--\n\n\`\`\`\n-->\n${payload}`)).toBe("complexity");
    // Real code of ordinary size passes; a run longer than the limit is a run, fenced or not.
    const yaml = Array.from({ length: 12 }, (_, i) => `${"  ".repeat(i)}- key: ${i}`).join("\n");
    expect(reason(`\`\`\`yaml\n${yaml}\n\`\`\`\n`)).toBe("ok");
    expect(reason(`\`\`\`ts\n${"const xs = [a[0], b[1]].map((x) => ({ x }));\n".repeat(300)}\`\`\`\n`)).toBe("ok");
    expect(reason(`${"`".repeat(MARKDOWN_MAX_DELIMITER_RUN + 1)}\ncode\n`)).toBe("complexity");
  });

  it("skips the content of a text that is one fenced code block nothing can close early (a notebook code cell)", () => {
    expect(reason(codeFence("` ".repeat(49_000), "python"))).toBe("ok");
    expect(reason(codeFence("a]".repeat(45_000), null))).toBe("ok");
    // Anything after the block, or a run inside as long as the fence, and it is checked as text.
    expect(reason(`${codeFence("x", null)}\n${"a]".repeat(45_000)}`)).toBe("complexity");
    expect(reason(`\`\`\`\n${"a]".repeat(45_000)}\n\`\`\`\`\n\`\`\``)).toBe("complexity");
    expect(reason(`\`\`\`x\`\n${"a]".repeat(45_000)}\n\`\`\``)).toBe("complexity");
  });

  it("limits bracket, parenthesis and brace nesting within a paragraph", () => {
    expect(reason(`${"[".repeat(MARKDOWN_MAX_BRACKET_DEPTH)}a`)).toBe("ok");
    expect(reason(`${"[".repeat(MARKDOWN_MAX_BRACKET_DEPTH + 1)}a`)).toBe("nesting");
    expect(reason(`$${"{".repeat(MARKDOWN_MAX_BRACKET_DEPTH + 1)}x$`)).toBe("nesting");
    expect(reason(`${"\\[".repeat(1_000)}a`)).toBe("ok");
    // A blank line closes everything: many unclosed brackets across paragraphs are fine.
    expect(reason("[a\n\n".repeat(1_000))).toBe("ok");
  });

  it("limits delimiter runs and setext headings", () => {
    expect(reason(`${"*".repeat(MARKDOWN_MAX_DELIMITER_RUN)}a`)).toBe("ok");
    expect(reason(`${"_".repeat(MARKDOWN_MAX_DELIMITER_RUN + 1)}a`)).toBe("complexity");
    expect(reason("Title\n---\n\n".repeat(MARKDOWN_MAX_SETEXT_HEADINGS))).toBe("ok");
    expect(reason("Title\n===\n".repeat(MARKDOWN_MAX_SETEXT_HEADINGS + 1))).toBe("complexity");
    expect(reason("> Title\n> ---\n".repeat(MARKDOWN_MAX_SETEXT_HEADINGS + 1))).toBe("complexity");
    // Thematic breaks after blank lines are not headings.
    expect(reason("a\n\n---\n\n".repeat(MARKDOWN_MAX_SETEXT_HEADINGS * 2))).toBe("ok");
  });

  it("counts the cells of GFM tables in the whole document", () => {
    const table = (columns: number, rows: number) => `${"|a".repeat(columns)}|\n${"|-".repeat(columns)}|\n${"|1".repeat(columns).concat("|\n").repeat(rows)}`;
    // 100 columns: the header, the delimiter row and 198 rows are 20,000 cells.
    expect(reason(table(100, 198))).toBe("ok");
    expect(reason(table(100, 199))).toBe("complexity");
    // Short rows count as many cells as the delimiter row has columns (a "table bomb").
    expect(reason(`${"|a".repeat(2_000)}|\n${"|-".repeat(2_000)}|\n${"|1\n".repeat(10)}`)).toBe("complexity");
    // Without leading pipes, in a quote, and across several tables.
    expect(reason(`> a | b\n> --|--\n${"> 1 | 2\n".repeat(MARKDOWN_MAX_TABLE_CELLS / 2)}`)).toBe("complexity");
    expect(reason(`${table(100, 98)}\n`.repeat(2))).toBe("ok");
    expect(reason(`${table(100, 98)}\n`.repeat(3))).toBe("complexity");
    // Not tables: a thematic break after a blank line, a setext heading without any pipe.
    expect(reason(`a\n\n---\n${"1\n".repeat(30_000)}`)).toBe("ok");
    expect(reason(`Title\n---\n${"1\n".repeat(30_000)}`)).toBe("ok");
  });

  it("estimates the look-back work of brackets and emphasis in one paragraph", () => {
    // Measured in the worker: "a]" x40,000 took 18 s, "*a_" x16,000 33 s, "a_b*" x16,000 4 s.
    for (const unit of ["a]", "*a_", "*a**_", "a_b*", "a](b ", "a]b[", "[a]: ", "~a", "`a"]) {
      expect(reason(unit.repeat(Math.floor(50_000 / unit.length))), unit).toBe("complexity");
      expect(reason(`${unit}\n\n`.repeat(Math.floor(50_000 / unit.length))), `${unit}, one per paragraph`).toBe("ok");
    }
    expect(reason("a]".repeat(1_000))).toBe("ok");
    // A long list of links and emphasis: each item is its own paragraph.
    expect(reason("- *a* [b](https://example.com) `c`\n".repeat(2_500))).toBe("ok");
    // Ordered items other than "1." continue a paragraph, so they do not reset the estimate.
    expect(reason(`${"a]".repeat(2_000)}\n${"2. a]".repeat(1_000)}\n`.repeat(2))).toBe("complexity");
  });

  it("limits the number of formulas, counting runs of $", () => {
    expect(MARKDOWN_MAX_FORMULAS).toBe(2_000);
    expect(reason("$x$ ".repeat(MARKDOWN_MAX_FORMULAS))).toBe("ok");
    expect(reason("$x$ ".repeat(MARKDOWN_MAX_FORMULAS + 1))).toBe("complexity");
    expect(reason("$$\nx\n$$\n\n".repeat(MARKDOWN_MAX_FORMULAS + 1))).toBe("complexity");
    // Escaped dollars do not count; a shell script of ordinary length passes.
    expect(reason("\\$5 ".repeat(10_000))).toBe("ok");
    expect(reason(`\`\`\`sh\n${"echo $HOME\n".repeat(1_000)}\`\`\`\n`)).toBe("ok");
  });
});
