// Caps inside the pipeline itself (the pre-check's are in precheck.test.ts): a formula over
// MARKDOWN_MAX_FORMULA_CHARS is shown as its TeX under a notice instead of being typeset, and the
// rest of the text is formatted as usual.
import { describe, expect, it } from "vitest";
import { FORMULA_TOO_LONG_CLASS, MARKDOWN_MAX_FORMULA_CHARS, renderMarkdownSync } from "@/lib/markdown/pipeline";

/** A formula of exactly `chars` characters that KaTeX typesets quickly (it skips spaces). */
const formula = (chars: number) => `x${" ".repeat(chars - 2)}y`;

describe("formulas over the length cap", () => {
  it("typesets a formula at the cap", () => {
    const html = renderMarkdownSync(`$$\n${formula(MARKDOWN_MAX_FORMULA_CHARS)}\n$$`);
    expect(html).toContain('class="katex');
    expect(html).not.toContain(FORMULA_TOO_LONG_CLASS);
  });

  it("shows a display formula over the cap as TeX under a notice, and formats the rest", () => {
    const tex = `\\frac{a}{b}${formula(MARKDOWN_MAX_FORMULA_CHARS)}`;
    const html = renderMarkdownSync(`*before*\n\n$$\n${tex}\n$$\n\nafter $x^2$`);
    expect(html).toContain(`<div class="${FORMULA_TOO_LONG_CLASS}">`);
    expect(html).toContain(`This formula is too long to typeset (${(tex.length).toLocaleString("en-US")} characters; at most 20,000); shown as TeX.`);
    expect(html).toContain(`<pre><code class="language-text">\\frac{a}{b}x `);
    // The rest: emphasis and the small formula are formatted.
    expect(html).toContain("<em>before</em>");
    expect(html.match(/class="katex"/g)).toHaveLength(1);
  });

  it("does the same for an inline formula, and escapes its TeX", () => {
    const tex = `<b>${formula(MARKDOWN_MAX_FORMULA_CHARS)}`;
    const html = renderMarkdownSync(`a $${tex}$ b`);
    expect(html).toContain(`<span class="${FORMULA_TOO_LONG_CLASS}"><span class="${FORMULA_TOO_LONG_CLASS}-notice">`);
    expect(html).toContain('<code class="language-text">&#x3C;b>x');
    expect(html).not.toContain("katex");
  });
});
