// Renders a parsed notebook once, at upload (or once for a notebook stored before that), through
// the server's bounded Markdown renderer (lib/markdown/server.ts): each Markdown cell, each code
// cell (as a fenced block, highlighted) and each Markdown output, one after another so an upload
// never holds more than one place in the pool's queue. The whole notebook has a time budget and a
// cap on the size of what it renders to (lib/import/notebook-limits.ts): past either, the notebook
// is refused with a ValidationError naming the cap, and the upload stores nothing.
import "server-only";
import { AppError, ValidationError } from "@/lib/errors";
import type { Notebook, NotebookOutput } from "@/lib/import/notebook";
import { NOTEBOOK_LIMITS, stringChars } from "@/lib/import/notebook-limits";
import { renderMarkdown } from "@/lib/markdown/server";
import { codeFence } from "@/lib/markdown/fence";
import { RENDERED_NOTEBOOK_VERSION, type RenderedCell, type RenderedNotebook, type RenderedOutput } from "./rendered";

/** How long rendering one notebook may take in all. */
export const NOTEBOOK_RENDER_BUDGET_MS = NOTEBOOK_LIMITS.renderMs;

export type NotebookRenderOptions = {
  /** Prefix for the ids its Markdown creates, unique per notebook on a page. */
  idPrefix: string;
  /** Headings in cells shift down under the card's own (an h3 filename): 3 by default. */
  headingOffset?: number;
  budgetMs?: number;
  /** Characters the rendered notebook may hold (renderedMaxChars of the file's size); no cap if left out. */
  maxChars?: number;
  /** The file's name, for the messages. */
  name?: string;
};

const seconds = (ms: number) => `${(ms / 1000).toLocaleString("en-US")} s`;

export async function renderNotebook(
  notebook: Notebook,
  { idPrefix, headingOffset = 3, budgetMs = NOTEBOOK_RENDER_BUDGET_MS, maxChars = Infinity, name = "The notebook" }: NotebookRenderOptions,
): Promise<RenderedNotebook> {
  const deadline = Date.now() + budgetMs;
  let chars = 0;
  const refuse = (detail: string): never => {
    throw new ValidationError(`${name} ${detail}; it was not stored.`, { file: [detail] });
  };
  const count = (n: number) => {
    chars += n;
    if (chars > maxChars) refuse(`would take more than ${maxChars.toLocaleString("en-US")} characters to show (at most 8 times its size, and at most ${NOTEBOOK_LIMITS.renderedMaxChars.toLocaleString("en-US")})`);
  };
  const html = async (source: string, prefix: string, offset: number): Promise<string> => {
    if (Date.now() >= deadline) refuse(`took more than ${seconds(budgetMs)} to prepare for display`);
    const result = await renderMarkdown(source, { idPrefix: prefix, headingOffset: offset });
    // A full queue says nothing about the notebook, and what is stored stays: ask to try again.
    if (result.fallback === "busy") throw new AppError("The server is busy formatting other text; try the upload again in a minute.", 503, "busy");
    count(result.html.length);
    return result.html;
  };

  const output = async (out: NotebookOutput, prefix: string): Promise<RenderedOutput> => {
    if (out.type !== "display" || out.content?.kind !== "markdown") {
      count(stringChars(out));
      return out as RenderedOutput;
    }
    return { ...out, content: { kind: "html", html: await html(out.content.text, prefix, headingOffset) } };
  };

  const cells: RenderedCell[] = [];
  for (const [i, cell] of notebook.cells.entries()) {
    const prefix = `${idPrefix}-c${i + 1}`;
    if (cell.type === "raw") {
      count(cell.source.length);
      cells.push(cell);
    } else if (cell.type === "markdown") {
      cells.push({ type: "markdown", html: cell.source.trim() ? await html(cell.source, prefix, headingOffset) : null });
    } else {
      const outputs: RenderedOutput[] = [];
      for (const [j, out] of cell.outputs.entries()) outputs.push(await output(out, `${prefix}-o${j + 1}`));
      const code = cell.source.trim() ? await html(codeFence(cell.source, notebook.language), prefix, 0) : null;
      cells.push({ type: "code", html: code, executionCount: cell.executionCount, outputs });
    }
  }
  return { ...notebook, version: RENDERED_NOTEBOOK_VERSION, cells };
}
