// The XSS corpus of e2e/xss.spec.ts, rendered here on the server the way comments are
// (variant "compact", idPrefix "c-<id>", no heading offset) and the way sections are, then
// checked with the same rules. Comments cannot be created over the API, so this is where their
// rendering meets the corpus. Plain .ts (no JSX) so it runs under vitest's lib/**/*.test.ts.
import { describe, expect, it } from "vitest";
import { renderToStaticMarkup } from "react-dom/server";
import { Markdown, type MarkdownProps } from "@/lib/markdown/render";
import { LEGIT_MARKDOWN, XSS_PAYLOADS, findViolations, type ElementSnapshot } from "../../e2e/fixtures/xss-payloads";

const render = async (props: MarkdownProps) => renderToStaticMarkup(await Markdown(props));

function decode(value: string): string {
  return value
    .replace(/&#x([\da-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

// React's static markup escapes `"`, `<` and `>` inside attribute values and text, so every
// literal "<" starts a tag and every tag matches this pattern.
const TAG = /<([a-zA-Z][\w:-]*)((?:\s+[^\s"'>/=]+(?:="[^"]*")?)*)\s*\/?>|<\/[a-zA-Z][\w:-]*\s*>/g;
const ATTR = /\s+([^\s"'>/=]+)(?:="([^"]*)")?/g;

/** The elements in React's static markup, and whatever "<" did not belong to a tag (should be none). */
function parse(html: string): { elements: ElementSnapshot[]; stray: string[] } {
  const elements: ElementSnapshot[] = [];
  for (const match of html.matchAll(TAG)) {
    if (!match[1]) continue;
    const attrs = [...(match[2] ?? "").matchAll(ATTR)].map((a): [string, string] => [a[1], decode(a[2] ?? "")]);
    elements.push({ tag: match[1].toLowerCase(), attrs });
  }
  const stray = html.replace(TAG, "").match(/<.{0,40}/g) ?? [];
  return { elements, stray };
}

const variants: Array<{ label: string; props: Omit<MarkdownProps, "source">; prefix: string }> = [
  { label: "comment (compact)", props: { variant: "compact", idPrefix: "c-cmt123" }, prefix: "c-cmt123-" },
  { label: "section", props: { idPrefix: "method", headingOffset: 2 }, prefix: "method-" },
];

describe("the XSS corpus", () => {
  it("has at least 100 distinct payloads", () => {
    expect(XSS_PAYLOADS.length).toBeGreaterThanOrEqual(100);
    expect(new Set(XSS_PAYLOADS.map((p) => p.name)).size).toBe(XSS_PAYLOADS.length);
  });

  for (const { label, props, prefix } of variants) {
    it(`renders every payload inert as a ${label}`, async () => {
      const failures: string[] = [];
      for (const payload of XSS_PAYLOADS) {
        const html = await render({ source: payload.markdown, ...props });
        const { elements, stray } = parse(html);
        if (elements.length === 0) failures.push(`${payload.name}: rendered nothing`);
        for (const s of stray) failures.push(`${payload.name}: unparsed markup ${JSON.stringify(s)}`);
        for (const problem of findViolations(elements, { idPrefixes: [prefix] })) failures.push(`${payload.name}: ${problem}`);
      }
      expect(failures, failures.join("\n")).toEqual([]);
    });
  }

  it("still renders legitimate Markdown in a comment: table, KaTeX, highlighted code, link, footnote", async () => {
    const html = await render({ source: LEGIT_MARKDOWN, variant: "compact", idPrefix: "c-cmt123" });
    expect(html).toContain("<table>");
    expect(html).toContain('class="katex"');
    expect(html).toContain('class="hljs language-python"');
    expect(html).toContain('href="https://example.com/paper"');
    expect(html).toContain('id="c-cmt123-fn-1"');
    const { elements, stray } = parse(html);
    expect(stray).toEqual([]);
    expect(findViolations(elements, { idPrefixes: ["c-cmt123-"] })).toEqual([]);
  });

  it("the checker itself flags what it should", () => {
    const bad: ElementSnapshot[] = [
      { tag: "a", attrs: [["href", " JaVa\tScRiPt:alert(1)"]] },
      { tag: "img", attrs: [["src", "x"], ["onerror", "alert(1)"]] },
      { tag: "iframe", attrs: [] },
      { tag: "span", attrs: [["style", "background:URL( javascript:x)"]] },
      { tag: "img", attrs: [["name", "cookie"]] },
      { tag: "a", attrs: [["id", "defaultView"]] },
      { tag: "a", attrs: [["href", "data:text/html,x"]] },
    ];
    const problems = findViolations(bad, { idPrefixes: ["c-"] });
    for (const expected of ["dangerous URL in href", "event-handler attribute onerror", "forbidden element <iframe", 'style containing "url("', 'unprefixed name="cookie"', 'unprefixed id="defaultView"']) {
      expect(problems.some((p) => p.includes(expected)), expected).toBe(true);
    }
    expect(problems.filter((p) => p.startsWith("dangerous URL"))).toHaveLength(2);
    expect(findViolations([{ tag: "img", attrs: [["src", "data:image/png;base64,AAAA"]] }], { idPrefixes: [] })).toEqual([]);
  });
});
