// The pre-check's limits, at and just past each one, and that real documents pass it.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { LEGIT_MARKDOWN } from "../../e2e/fixtures/xss-payloads";
import {
  MARKDOWN_MAX_BRACKET_DEPTH,
  MARKDOWN_MAX_CHARS,
  MARKDOWN_MAX_CONTAINER_DEPTH,
  MARKDOWN_MAX_DELIMITER_RUN,
  MARKDOWN_MAX_SETEXT_HEADINGS,
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

  it("skips the content of fenced code, but not its fences", () => {
    const yaml = Array.from({ length: 60 }, (_, i) => `${"  ".repeat(i)}- key: ${i}`).join("\n");
    expect(reason(`\`\`\`yaml\n${yaml}\n\`\`\`\n`)).toBe("ok");
    expect(reason(`${yaml}\n`)).toBe("nesting");
    expect(reason(`${"`".repeat(MARKDOWN_MAX_DELIMITER_RUN + 1)}\ncode\n`)).toBe("complexity");
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
});
