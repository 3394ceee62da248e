// Jupyter notebooks (nbformat 4): parse an uploaded .ipynb into a small, normalized, render-safe
// shape. Everything here is pure (no I/O); callers pass the uploaded bytes.
//
// Safety: the normalized Notebook only carries what the read-only view may show. Text is plain
// text (ANSI escapes removed, NUL and lone surrogates replaced by U+FFFD), Markdown is rendered
// later by the sanitizing <Markdown>, and images are only PNG or JPEG whose base64 decodes and
// starts with the right magic bytes. HTML, SVG, JavaScript and widget outputs are never carried; a note says that they were left out.
import type { z } from "zod";
import { ValidationError } from "@/lib/errors";
import { lineColumn, locateJsonError } from "./json-location";
import { jsonSyntaxError, schemaError } from "./notebook-errors";
import { decodeNotebookImage } from "./notebook-images";
import { checkCellCount, checkCellSizes, checkNotebookDepth, checkOutputCount } from "./notebook-limits";
import { notebookSchema, type MimeBundle, type Notebook, type NotebookCell, type NotebookDisplay, type NotebookOutput, type RawNotebook, type cellSchema, type outputSchema } from "./notebook-schema";
import { cleanOutputText, joinMultiline, storableText, stripAnsi } from "./notebook-text";

export { lineColumn, locateJsonError };
export { formatPath } from "./notebook-errors";
export { decodeNotebookImage, jpegSize, pngSize } from "./notebook-images";
export { notebookSchema } from "./notebook-schema";
export type { Notebook, NotebookCell, NotebookDisplay, NotebookImage, NotebookOutput, RawNotebook } from "./notebook-schema";
export { applyCarriageReturns, cleanOutputText, countLines, storableText, stripAnsi } from "./notebook-text";

export const NOTEBOOK_MAX_BYTES = 10 * 1024 * 1024;

/** A JSON escape of NUL or of a surrogate (paired or not: storableText keeps the pairs). */
const ESCAPED_UNSTORABLE = /\\u(?:0000|d[89a-f])/i;

const WITHHELD: Record<string, string> = {
  "text/html": "HTML output not shown for safety",
  "image/svg+xml": "SVG output not shown for safety",
  "application/javascript": "JavaScript output not shown for safety",
  "text/javascript": "JavaScript output not shown for safety",
  "application/vnd.jupyter.widget-view+json": "Interactive widget not shown",
};

function normalizeDisplay(data: MimeBundle): { content: NotebookDisplay | null; notes: string[] } {
  const notes: string[] = [];
  const text = (key: "text/plain" | "text/markdown" | "text/latex") => {
    const value = data[key];
    return value === undefined ? null : joinMultiline(value);
  };

  let content: NotebookDisplay | null = null;
  for (const mime of ["image/png", "image/jpeg"] as const) {
    const value = data[mime];
    if (value === undefined) continue;
    const image = decodeNotebookImage(mime, joinMultiline(value));
    if (image) {
      content ??= image;
    } else {
      notes.push(`An ${mime} output was not valid ${mime === "image/png" ? "PNG" : "JPEG"} data and was dropped.`);
    }
  }
  const markdown = text("text/markdown");
  const latex = text("text/latex");
  const plain = text("text/plain");
  if (!content && markdown !== null) content = { kind: "markdown", text: markdown };
  // LaTeX outputs are already $-delimited ("$$x^2$$"); KaTeX typesets them inside <Markdown>.
  if (!content && latex !== null) content = { kind: "markdown", text: latex };
  if (!content && plain !== null) content = { kind: "text", text: cleanOutputText(plain) };
  if (!content && data["application/json"] !== undefined) {
    content = { kind: "text", text: JSON.stringify(data["application/json"], null, 2) ?? "" };
  }

  // Say what was left out, unless something richer was shown anyway (a matplotlib figure's
  // text/html twin, say): only the formats that would have been preferred over what is shown.
  if (content?.kind !== "image" && content?.kind !== "markdown") {
    const known = new Set(["text/plain", "text/markdown", "text/latex", "image/png", "image/jpeg", "application/json"]);
    const withheld = new Set<string>();
    for (const mime of Object.keys(data)) {
      if (known.has(mime)) continue;
      withheld.add(WITHHELD[mime] ?? `Output of type ${storableText(mime)} not shown`);
    }
    for (const note of withheld) notes.push(content ? `${note}; showing its plain-text form.` : `${note}.`);
  }
  return { content, notes };
}

function normalizeOutput(output: z.infer<typeof outputSchema>): NotebookOutput {
  switch (output.output_type) {
    case "stream":
      return { type: "stream", name: output.name, text: cleanOutputText(joinMultiline(output.text)) };
    case "error":
      return {
        type: "error",
        ename: stripAnsi(output.ename),
        evalue: stripAnsi(output.evalue),
        traceback: output.traceback.map(cleanOutputText),
      };
    case "execute_result":
    case "display_data": {
      const { content, notes } = normalizeDisplay(output.data ?? {});
      const executionCount = output.output_type === "execute_result" ? (output.execution_count ?? null) : null;
      return { type: "display", outputType: output.output_type, executionCount, content, notes };
    }
  }
}

function normalizeCell(cell: z.infer<typeof cellSchema>): NotebookCell {
  const source = joinMultiline(cell.source);
  if (cell.cell_type === "code") {
    return { type: "code", source, executionCount: cell.execution_count ?? null, outputs: (cell.outputs ?? []).map(normalizeOutput) };
  }
  return { type: cell.cell_type, source };
}

const LANGUAGE_ALIASES: Record<string, string> = { ipython: "python", ipython3: "python", python3: "python", python2: "python" };

function normalizeLanguage(metadata: RawNotebook["metadata"]): string | null {
  const name = (metadata?.language_info?.name ?? metadata?.kernelspec?.language ?? "").trim().toLowerCase();
  if (!name) return null;
  return LANGUAGE_ALIASES[name] ?? name;
}

function byteLength(input: Uint8Array | string): number {
  if (typeof input !== "string") return input.byteLength;
  // A UTF-16 code unit is at least one UTF-8 byte, so a long string is refused without encoding it.
  return input.length > NOTEBOOK_MAX_BYTES ? input.length : Buffer.byteLength(input, "utf8");
}

/**
 * Parses an uploaded .ipynb file (nbformat 4). Throws ValidationError with a message fit to show
 * the uploader: too large, not UTF-8, nested too deep, not JSON (with line and column), an old
 * nbformat, a schema problem (with the path, e.g. `cells[3].outputs[0].output_type`), or over a
 * cap on cells, a cell's source, outputs or images (lib/import/notebook-limits.ts).
 */
export function parseNotebook(input: Uint8Array | string, filename: string): Notebook {
  const name = filename.trim() || "The notebook";
  if (byteLength(input) > NOTEBOOK_MAX_BYTES) {
    throw new ValidationError(`${name}: notebook is larger than 10 MB.`, { file: ["notebook is larger than 10 MB"] });
  }

  let text: string;
  if (typeof input === "string") {
    text = input;
  } else {
    try {
      text = new TextDecoder("utf-8", { fatal: true }).decode(input);
    } catch {
      throw new ValidationError(`${name} is not valid UTF-8 text.`, { file: ["not valid UTF-8 text"] });
    }
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  // JSON.parse and the schema recurse: thousands of levels would overflow the stack.
  checkNotebookDepth(text, name, (offset) => lineColumn(text, offset));

  let json: unknown;
  try {
    // NUL and lone surrogates come in as JSON escapes (or in a string handed in): only such a file pays for the reviver.
    json = ESCAPED_UNSTORABLE.test(text) || !text.isWellFormed() ? JSON.parse(text, (_key, value: unknown) => (typeof value === "string" ? storableText(value) : value)) : JSON.parse(text);
  } catch (error) {
    throw jsonSyntaxError(text, error, name);
  }

  if (json === null || typeof json !== "object" || Array.isArray(json)) {
    throw new ValidationError(`${name} is not a Jupyter notebook: expected a JSON object at the top level.`, {
      file: ["expected a JSON object"],
    });
  }
  const version = (json as Record<string, unknown>).nbformat;
  if (typeof version !== "number") {
    throw new ValidationError(`${name} is not a Jupyter notebook: it has no nbformat version.`, { nbformat: ["missing"] });
  }
  if (version < 4) {
    const detail = `${name} uses nbformat ${version}, which is not supported. Open it in Jupyter and save it again (or run "jupyter nbconvert --to notebook --nbformat 4") to upgrade it to nbformat 4.`;
    throw new ValidationError(detail, { nbformat: [`nbformat ${version} is not supported; use nbformat 4`] });
  }
  if (version > 4) {
    throw new ValidationError(`${name} uses nbformat ${version}; only nbformat 4 is supported.`, {
      nbformat: [`nbformat ${version} is not supported; use nbformat 4`],
    });
  }

  checkCellCount((json as Record<string, unknown>).cells, name);
  checkOutputCount((json as Record<string, unknown>).cells, name);
  const parsed = notebookSchema.safeParse(json);
  if (!parsed.success) throw schemaError(parsed.error, json, name);
  const notebook = parsed.data;
  checkCellSizes(notebook.cells, name);

  return {
    language: normalizeLanguage(notebook.metadata),
    languageVersion: notebook.metadata?.language_info?.version ?? null,
    kernel: notebook.metadata?.kernelspec?.display_name ?? null,
    nbformat: 4,
    nbformatMinor: notebook.nbformat_minor ?? 0,
    cells: notebook.cells.map(normalizeCell),
  };
}
