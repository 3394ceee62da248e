import { readFileSync } from "node:fs";
import path from "node:path";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { NotebookView } from "@/components/notebook/NotebookView";
import { parseNotebook, type Notebook } from "@/lib/import/notebook";
import { renderNotebook } from "@/lib/notebook/render";
import { codeFence, longestBacktickRun } from "@/lib/markdown/fence";

const fixture = (name: string) =>
  parseNotebook(new Uint8Array(readFileSync(path.join(import.meta.dirname, "../../tests/fixtures/real", name))), name);

// As a handoff page shows it: rendered once (as at upload, through the worker pool), then laid out.
const render = async (notebook: Notebook, filename = "test.ipynb") =>
  renderToStaticMarkup(<NotebookView notebook={await renderNotebook(notebook, { idPrefix: "nb" })} filename={filename} />);

const notebook = (cells: unknown[]) =>
  parseNotebook(JSON.stringify({ nbformat: 4, nbformat_minor: 5, metadata: { language_info: { name: "python", version: "3.11" } }, cells }), "t.ipynb");

const display = (data: Record<string, unknown>) => ({ output_type: "display_data", data, metadata: {} });

describe("NotebookView", () => {
  it("renders the micrograd notebook: header, prompts, highlighted code, outputs and images", async () => {
    const html = await render(fixture("notebook-micrograd-demo.ipynb"), "notebook-micrograd-demo.ipynb");
    expect(html).toContain("notebook-micrograd-demo.ipynb");
    expect(html).toContain("Python 3.6.5");
    expect(html).toContain("10 cells (9 code)");
    expect(html).toContain("In [1]:");
    expect(html).toContain("Out [4]:");
    expect(html).toContain("In [ ]:");
    expect(html).toContain('class="hljs language-python"');
    expect(html).toContain('<span class="hljs-keyword">import</span>');
    expect(html).toContain('alt="Output image 1 of cell 5"');
    expect(html).toContain('alt="Output image 1 of cell 9"');
    expect(html.match(/<img [^>]*src="data:image\/png;base64,iVBORw0KGgo/g)).toHaveLength(2);
    expect(html).toContain('width="334" height="306"');
    // The markdown cell's heading sits below the card's h3.
    expect(html).not.toMatch(/<h1/);
  });

  it("renders the minGPT notebook without images", async () => {
    const html = await render(fixture("notebook-mingpt-sort-demo.ipynb"));
    expect(html).not.toContain("<img");
    expect(html).toContain("In [9]:");
  });

  it("never renders raw HTML or SVG from outputs", async () => {
    const html = await render(
      notebook([
        {
          cell_type: "code",
          execution_count: 1,
          source: "df",
          outputs: [
            display({ "text/html": "<img src=x onerror=alert(1)>" }),
            display({ "text/html": ["<div>", "<script>alert(2)</script>", "</div>"], "text/plain": "<b>plain</b>" }),
            display({ "image/svg+xml": '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(3)"><circle r="5"/></svg>' }),
            display({ "text/markdown": "**md** <iframe src=javascript:alert(4)></iframe>" }),
          ],
        },
      ]),
    );
    expect(html).not.toContain("onerror");
    expect(html).not.toContain('src="x"');
    expect(html).not.toContain("<script");
    expect(html).not.toContain("<circle");
    expect(html).not.toContain("onload");
    expect(html).not.toContain("<iframe");
    expect(html).not.toContain("<b>plain</b>");
    expect(html).toContain("&lt;b&gt;plain&lt;/b&gt;");
    expect(html).toContain("<strong>md</strong>");
    expect(html).toContain("HTML output not shown for safety.");
    expect(html).toContain("SVG output not shown for safety.");
    expect(html).not.toContain("<img");
  });

  it("keeps markdown cells inert", async () => {
    const html = await render(
      notebook([
        { cell_type: "markdown", source: ["# Title\n", "<script>alert(1)</script>\n\n", "[x](javascript:alert(1)) <img src=x onerror=alert(1)>"] },
      ]),
    );
    expect(html).not.toContain("<script");
    expect(html).not.toContain("javascript:");
    expect(html).not.toContain("onerror");
    expect(html).toContain("<h4>Title</h4>");
  });

  it("escapes code, even code that tries to close the fence", async () => {
    const html = await render(notebook([{ cell_type: "code", execution_count: 3, source: 'x = "</code><script>alert(1)</script>"\n```\n# after', outputs: [] }]));
    expect(html).not.toContain("<script");
    // The code is text: every "<" in it is escaped (hast-util-to-html writes "&#x3C;").
    expect(html).toContain("&#x3C;/code>&#x3C;script>");
    expect(html).toContain("# after");
    expect(codeFence("a ```` b", "python")).toBe("`````python\na ```` b\n`````");
    expect(codeFence("x", "bad lang\n")).toBe("```text\nx\n```");
  });

  it("fences code with any number and length of backtick runs (issue 7: 200,000 runs threw)", () => {
    const runs = "` ".repeat(200_000);
    expect(longestBacktickRun(runs)).toBe(1);
    expect(codeFence(runs, "python").startsWith("```python\n")).toBe(true);
    expect(longestBacktickRun(`a${"`".repeat(300_000)}b\`\``)).toBe(300_000);
    expect(codeFence("`".repeat(300_000), null).slice(0, 300_002)).toBe(`${"`".repeat(300_001)}t`);
  });

  it("shows streams, stderr, errors and collapses long outputs", async () => {
    const long = Array.from({ length: 250 }, (_, i) => `step ${i}\n`);
    const html = await render(
      notebook([
        {
          cell_type: "code",
          execution_count: 2,
          source: "run()",
          outputs: [
            { output_type: "stream", name: "stdout", text: long },
            { output_type: "stream", name: "stderr", text: "\u001b[33mwarn\u001b[0m\n" },
            { output_type: "error", ename: "ValueError", evalue: "bad <input>", traceback: ["\u001b[0;31mValueError\u001b[0m: bad <input>"] },
          ],
        },
        { cell_type: "raw", source: "raw <b>text</b>" },
      ]),
    );
    expect(html).toContain("<details");
    expect(html).toContain("250 lines");
    expect(html).toContain("step 249");
    expect(html).toContain(">warn\n</pre>");
    expect(html).not.toContain("\u001b");
    expect(html).toContain("<strong>ValueError</strong>: bad &lt;input&gt;");
    expect(html).toContain('aria-label="Error: ValueError"');
    expect(html).toContain("raw &lt;b&gt;text&lt;/b&gt;");
  });
});
