import { describe, expect, it } from "vitest";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { markdownExcerpt } from "@/lib/markdown/excerpt";
import { safeUrl } from "@/lib/markdown/pipeline";
import { Markdown, type MarkdownProps } from "@/lib/markdown/render";

// Plain .ts (no JSX) so the suite runs under vitest's lib/**/*.test.ts pattern. <Markdown> is an
// async server component: awaited here as React awaits it, through the real worker pool.
const render = async (props: MarkdownProps) => renderToStaticMarkup(await Markdown(props));
const html = (source: string, props: Omit<MarkdownProps, "source"> = {}) => render({ source, ...props });

describe("Markdown", () => {
  it("renders GFM tables with alignment", async () => {
    const out = await html("| Model | FID |\n| --- | ---: |\n| ours | 12.1 |\n");
    expect(out).toContain("<table>");
    expect(out).toContain("<th>Model</th>");
    expect(out).toMatch(/<td style="text-align:right">12\.1<\/td>/);
  });

  it("typesets inline and display math with KaTeX, labelled with the TeX source", async () => {
    const out = await html("Energy $E=mc^2$.\n\n$$\n\\frac{a}{b}\n$$\n");
    expect(out).toContain('class="katex"');
    expect(out).toContain('class="katex-display"');
    expect(out).toContain('class="mfrac"');
    expect(out).toContain('aria-label="E=mc^2"');
    // KaTeX's layout styles survive the sanitizer; MathML is not emitted.
    expect(out).toMatch(/style="height:[\d.]+em/);
    expect(out).not.toContain("<math");
  });

  it("keeps KaTeX's SVG glyphs (square roots) but nothing executable", async () => {
    const out = await html("$\\sqrt{x}$");
    expect(out).toContain("<svg");
    expect(out).toContain("<path d=");
  });

  it("shows a KaTeX error inline instead of throwing", async () => {
    const out = await html("$\\frac{1}{$");
    expect(out).toContain("katex");
  });

  it("highlights fenced Python", async () => {
    const out = await html("```python\ndef f(x):\n    return 1\n```\n");
    expect(out).toContain('class="hljs language-python"');
    expect(out).toContain('<span class="hljs-keyword">def</span>');
    expect(out).toContain('<span class="hljs-number">1</span>');
  });

  it("leaves unknown languages as plain code", async () => {
    const out = await html("```nosuchlang\nx = 1\n```\n");
    expect(out).toContain("<pre><code");
    expect(out).toContain("x = 1");
  });

  it("renders raw HTML inert", async () => {
    const out = await html('<script>alert(1)</script>\n\nText <img src=x onerror=alert(1)> and <a href="javascript:alert(1)">a</a>\n\n<iframe src="https://evil.example"></iframe>');
    expect(out).not.toMatch(/<script/i);
    expect(out).not.toMatch(/onerror/i);
    expect(out).not.toMatch(/<img/i);
    expect(out).not.toMatch(/<iframe/i);
    expect(out).not.toMatch(/javascript:/i);
  });

  it("drops javascript:, data: and other schemes from links and images", async () => {
    const out = await html(
      "[x](javascript:alert(1)) [y](JAVASCRIPT:alert(1)) [z](vbscript:msgbox) [d](data:text/html,<script>) ![i](javascript:alert(1)) ![j](data:image/png;base64,AAAA) [<x>](<java\tscript:alert(1)>)",
    );
    expect(out).not.toMatch(/javascript:|vbscript:|data:/i);
    expect(out).not.toMatch(/<img/);
    expect(out).not.toMatch(/href=/);
  });

  it("keeps http(s), mailto and relative links, with rel and a new tab for external ones", async () => {
    const out = await html("[a](https://arxiv.org/abs/2211.13287) [b](mailto:ada@example.com) [c](/services/ai-gateway) [d](#method)");
    expect(out).toContain('<a href="https://arxiv.org/abs/2211.13287" rel="noopener noreferrer nofollow" target="_blank">a</a>');
    expect(out).toContain('<a href="mailto:ada@example.com" rel="noopener noreferrer nofollow">b</a>');
    expect(out).toContain('<a href="/services/ai-gateway" rel="noopener noreferrer nofollow">c</a>');
    expect(out).toContain('<a href="#method">d</a>');
  });

  it("keeps only http(s) images, lazily loaded without a referrer", async () => {
    const out = await html("![plan](https://example.com/plan.png) ![local](/x.png)");
    expect(out).toContain('src="https://example.com/plan.png"');
    expect(out).toContain('loading="lazy"');
    expect(out).not.toContain('src="/x.png"');
  });

  it("prefixes footnote ids per block so links resolve and blocks do not collide", async () => {
    const out = await html("Claim[^1]\n\n[^1]: Source.", { idPrefix: "method" });
    expect(out).toContain('href="#method-fn-1"');
    expect(out).toContain('id="method-fn-1"');
    expect(out).toContain('id="method-footnote-label"');
  });

  it("shifts headings under the page's own", async () => {
    const out = await html("# Title\n\n## Sub", { headingOffset: 2 });
    expect(out).toContain("<h3>Title</h3>");
    expect(out).toContain("<h4>Sub</h4>");
  });

  it("renders task lists and strikethrough", async () => {
    const out = await html("- [x] done\n- [ ] todo\n\n~~old~~");
    expect(out).toContain('type="checkbox"');
    expect(out).toContain("<del>old</del>");
  });

  it("renders the empty fallback for blank input", async () => {
    expect(await render({ source: "  \n", empty: createElement("em", null, "Nothing") })).toBe("<em>Nothing</em>");
    expect(await render({ source: null })).toBe("");
  });
});

describe("safeUrl", () => {
  it.each([
    ["https://a.example/x", "href", "https://a.example/x"],
    ["HTTP://a.example", "href", "HTTP://a.example"],
    ["mailto:a@b.c", "href", "mailto:a@b.c"],
    ["/relative/path?x=1#y", "href", "/relative/path?x=1#y"],
    ["relative:colon-after/slash", "href", ""],
    ["docs/page", "href", "docs/page"],
    ["#anchor", "href", "#anchor"],
    ["javascript:alert(1)", "href", ""],
    [" java\nscript:alert(1)", "href", ""],
    ["//evil.example", "href", ""],
    ["data:text/html,x", "href", ""],
    ["https://a.example/i.png", "src", "https://a.example/i.png"],
    ["/i.png", "src", ""],
    ["data:image/png;base64,AAAA", "src", ""],
  ])("%s (%s) → %s", (url, key, expected) => {
    expect(safeUrl(url, key)).toBe(expected);
  });
});

describe("markdownExcerpt", () => {
  it("strips markup and cuts at a word boundary", () => {
    expect(markdownExcerpt("**Bold** and [a link](https://x) with `code`.")).toBe("Bold and a link with code.");
    const long = "word ".repeat(80);
    const cut = markdownExcerpt(long, 50);
    expect(cut.length).toBeLessThanOrEqual(51);
    expect(cut.endsWith("…")).toBe(true);
  });
});
