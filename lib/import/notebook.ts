// Jupyter notebooks (nbformat 4): parse an uploaded .ipynb into a small, normalized, render-safe
// shape. Everything here is pure (no I/O); callers pass the uploaded bytes.
//
// Safety: the normalized Notebook only carries what the read-only view may show. Text is plain
// text (ANSI escapes removed), Markdown is rendered later by the sanitizing <Markdown>, and images
// are only PNG or JPEG whose base64 decodes and starts with the right magic bytes. HTML, SVG,
// JavaScript and widget outputs are never carried; a note says that they were left out.
import { z } from "zod";
import { ValidationError } from "@/lib/errors";
import { lineColumn, locateJsonError } from "./json-location";
import { checkCellCount, checkCellSizes, checkNotebookDepth } from "./notebook-limits";

export { lineColumn, locateJsonError };

export const NOTEBOOK_MAX_BYTES = 10 * 1024 * 1024;

// ---------------------------------------------------------------------------------------------
// Schema: nbformat 4, tolerant of unknown extra fields (loose objects) and of the optional
// fields that hand-edited notebooks often leave out.
// ---------------------------------------------------------------------------------------------

/** nbformat's "multiline string": a string, or a list of lines to concatenate. */
const multiline = z.union([z.string(), z.array(z.string())], { error: "expected a string or a list of strings" });

const mimeBundle = z.looseObject({
  "text/plain": multiline.optional(),
  "text/markdown": multiline.optional(),
  "text/latex": multiline.optional(),
  "text/html": multiline.optional(),
  "image/png": multiline.optional(),
  "image/jpeg": multiline.optional(),
  "image/svg+xml": multiline.optional(),
  "application/json": z.unknown().optional(),
});

const streamOutput = z.looseObject({
  output_type: z.literal("stream"),
  name: z.enum(["stdout", "stderr"]),
  text: multiline,
});

const executeResultOutput = z.looseObject({
  output_type: z.literal("execute_result"),
  execution_count: z.number().int().nullable().optional(),
  data: mimeBundle.optional(),
  metadata: z.record(z.string(), z.unknown()).optional(),
});

const displayDataOutput = z.looseObject({
  output_type: z.literal("display_data"),
  data: mimeBundle.optional(),
  metadata: z.record(z.string(), z.unknown()).optional(),
});

const errorOutput = z.looseObject({
  output_type: z.literal("error"),
  ename: z.string(),
  evalue: z.string(),
  traceback: z.array(z.string()),
});

const outputSchema = z.discriminatedUnion("output_type", [streamOutput, executeResultOutput, displayDataOutput, errorOutput]);

const cellMetadata = z.record(z.string(), z.unknown()).optional();

const markdownCell = z.looseObject({ cell_type: z.literal("markdown"), source: multiline, metadata: cellMetadata });
const rawCell = z.looseObject({ cell_type: z.literal("raw"), source: multiline, metadata: cellMetadata });
const codeCell = z.looseObject({
  cell_type: z.literal("code"),
  source: multiline,
  metadata: cellMetadata,
  execution_count: z.number().int().nullable().optional(),
  outputs: z.array(outputSchema).optional(),
});

const cellSchema = z.discriminatedUnion("cell_type", [markdownCell, codeCell, rawCell]);

export const notebookSchema = z.looseObject({
  nbformat: z.literal(4),
  nbformat_minor: z.number().int().nonnegative().optional(),
  metadata: z
    .looseObject({
      kernelspec: z.looseObject({ name: z.string().optional(), display_name: z.string().optional(), language: z.string().optional() }).optional(),
      language_info: z.looseObject({ name: z.string().optional(), version: z.string().optional() }).optional(),
    })
    .optional(),
  cells: z.array(cellSchema),
});

export type RawNotebook = z.infer<typeof notebookSchema>;

// ---------------------------------------------------------------------------------------------
// Normalized shape
// ---------------------------------------------------------------------------------------------

export type NotebookImage = {
  kind: "image";
  mime: "image/png" | "image/jpeg";
  /** Base64 without whitespace, checked to decode to an image of `mime`. */
  base64: string;
  /** Pixel size read from the image header, or null if it could not be read. */
  width: number | null;
  height: number | null;
};

/** What a display output shows: the safest rich form available, chosen at parse time. */
export type NotebookDisplay =
  | NotebookImage
  /** text/markdown (or text/latex), to be rendered through the sanitizing <Markdown>. */
  | { kind: "markdown"; text: string }
  /** text/plain (or pretty-printed application/json), ANSI escapes removed. */
  | { kind: "text"; text: string };

export type NotebookOutput =
  | { type: "stream"; name: "stdout" | "stderr"; text: string }
  | {
      type: "display";
      outputType: "execute_result" | "display_data";
      /** The Out [n] number of an execute_result; null for display_data. */
      executionCount: number | null;
      /** Null when the output has nothing that may be shown. */
      content: NotebookDisplay | null;
      /** Why parts of the output were left out ("HTML output not shown for safety", invalid images). */
      notes: string[];
    }
  | { type: "error"; ename: string; evalue: string; traceback: string[] };

export type NotebookCell =
  | { type: "markdown"; source: string }
  | { type: "raw"; source: string }
  | { type: "code"; source: string; executionCount: number | null; outputs: NotebookOutput[] };

export type Notebook = {
  /** Lower-case kernel language ("python", "r", "julia"), or null if the notebook does not say. */
  language: string | null;
  /** language_info.version, e.g. "3.6.5". */
  languageVersion: string | null;
  /** kernelspec.display_name, e.g. "Python 3". */
  kernel: string | null;
  nbformat: 4;
  nbformatMinor: number;
  cells: NotebookCell[];
};

// ---------------------------------------------------------------------------------------------
// Text helpers
// ---------------------------------------------------------------------------------------------

// Terminal escape sequences: CSI (colours, cursor moves), OSC (titles, hyperlinks) and the
// two-byte escapes. Built from strings so that no control character sits in a regex literal.
const ESC = "\\u001b";
const ANSI = new RegExp(
  [
    `(?:${ESC}\\[|\\u009b)[0-?]*[ -/]*[@-~]`, // CSI ... final byte
    `${ESC}\\][^\\u0007\\u001b]*(?:\\u0007|${ESC}\\\\)?`, // OSC ... BEL or ST
    `${ESC}[PX^_][^\\u001b]*(?:${ESC}\\\\)?`, // DCS, SOS, PM, APC ... ST
    `${ESC}[@-Z\\\\-_]`, // other two-byte escapes
    `${ESC}`, // a lone ESC
  ].join("|"),
  "g",
);

/** Removes ANSI/VT100 escape sequences (colours in tracebacks, progress-bar cursor moves). */
export function stripAnsi(text: string): string {
  return text.replace(ANSI, "");
}

/**
 * Applies carriage returns the way a terminal would (text after "\r" overwrites the start of the
 * line), so progress bars written with "\r" show their final state instead of every update.
 */
export function applyCarriageReturns(text: string): string {
  if (!text.includes("\r")) return text;
  return text
    .replace(/\r\n/g, "\n")
    .split("\n")
    .map((line) => {
      if (!line.includes("\r")) return line;
      let out = "";
      for (const segment of line.split("\r")) out = segment + out.slice(segment.length);
      return out;
    })
    .join("\n");
}

/** Output text ready to show as plain text: ANSI removed, carriage returns applied. */
export function cleanOutputText(text: string): string {
  return applyCarriageReturns(stripAnsi(text));
}

const joinMultiline = (value: string | string[]): string => (typeof value === "string" ? value : value.join(""));

/** Number of lines a block of text shows (a trailing newline does not start a new line). */
export function countLines(text: string): number {
  if (!text) return 0;
  const body = text.endsWith("\n") ? text.slice(0, -1) : text;
  let lines = 1;
  for (let i = body.indexOf("\n"); i !== -1; i = body.indexOf("\n", i + 1)) lines++;
  return lines;
}

// ---------------------------------------------------------------------------------------------
// Images
// ---------------------------------------------------------------------------------------------

const PNG_MAGIC = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);
const u16 = (b: Uint8Array, i: number) => (b[i] << 8) | b[i + 1];
const u32 = (b: Uint8Array, i: number) => ((b[i] << 24) >>> 0) + ((b[i + 1] << 16) | (b[i + 2] << 8) | b[i + 3]);

/** Width and height from a PNG's IHDR chunk (bytes 16-23), or null if there is none. */
export function pngSize(bytes: Uint8Array): { width: number; height: number } | null {
  if (bytes.length < 24 || !startsWith(bytes, PNG_MAGIC)) return null;
  // Bytes 12-15 hold the first chunk's type, which must be IHDR.
  if (String.fromCharCode(bytes[12], bytes[13], bytes[14], bytes[15]) !== "IHDR") return null;
  return { width: u32(bytes, 16), height: u32(bytes, 20) };
}

/** Width and height from a JPEG's first start-of-frame marker, or null if none is found. */
export function jpegSize(bytes: Uint8Array): { width: number; height: number } | null {
  if (bytes.length < 4 || bytes[0] !== 0xff || bytes[1] !== 0xd8) return null;
  let i = 2;
  while (i + 3 < bytes.length) {
    if (bytes[i] !== 0xff) return null;
    const marker = bytes[i + 1];
    if (marker === 0xff) {
      i++; // fill byte
      continue;
    }
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd8)) {
      i += 2; // markers without a length
      continue;
    }
    if (marker === 0xd9 || marker === 0xda) return null; // end of image / start of scan before any frame
    const length = u16(bytes, i + 2);
    const isFrame = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isFrame && i + 8 < bytes.length) return { height: u16(bytes, i + 5), width: u16(bytes, i + 7) };
    i += 2 + length;
  }
  return null;
}

/**
 * Checks base64 image data from a notebook: it must be well-formed base64 and decode to a file
 * that starts with the magic bytes of `mime`. Returns the image, or null.
 */
export function decodeNotebookImage(mime: "image/png" | "image/jpeg", data: string): NotebookImage | null {
  const base64 = data.replace(/\s+/g, "");
  if (!base64 || !BASE64.test(base64)) return null;
  const bytes = Buffer.from(base64, "base64");
  if (mime === "image/png") {
    if (!startsWith(bytes, PNG_MAGIC)) return null;
    const size = pngSize(bytes);
    return { kind: "image", mime, base64, width: size?.width ?? null, height: size?.height ?? null };
  }
  if (!startsWith(bytes, [0xff, 0xd8, 0xff])) return null;
  const size = jpegSize(bytes);
  return { kind: "image", mime, base64, width: size?.width ?? null, height: size?.height ?? null };
}

// ---------------------------------------------------------------------------------------------
// Output normalization
// ---------------------------------------------------------------------------------------------

const WITHHELD: Record<string, string> = {
  "text/html": "HTML output not shown for safety",
  "image/svg+xml": "SVG output not shown for safety",
  "application/javascript": "JavaScript output not shown for safety",
  "text/javascript": "JavaScript output not shown for safety",
  "application/vnd.jupyter.widget-view+json": "Interactive widget not shown",
};

type MimeBundle = z.infer<typeof mimeBundle>;

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
      withheld.add(WITHHELD[mime] ?? `Output of type ${mime} not shown`);
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

function jsonSyntaxError(text: string, error: unknown, filename: string): ValidationError {
  const located = locateJsonError(text);
  const message = error instanceof Error ? error.message : String(error);
  // V8's own position, when its message ends with one (not when the text merely quotes one).
  const position = /in JSON at position (\d+)(?: \(line \d+ column \d+\))?$/.exec(message);
  // Prefer V8's own position when it gives one; the scanner fills in the rest.
  const offset = position ? Number(position[1]) : (located?.offset ?? text.length);
  const reason = position
    ? message.slice(0, position.index).trimEnd().replace(/^./, (c) => c.toLowerCase())
    : (located?.reason ?? "invalid JSON");
  const { line, column } = lineColumn(text, offset);
  const detail = `${filename} is not valid JSON: ${reason} at line ${line}, column ${column}.`;
  return new ValidationError(detail, { file: [detail] });
}

// ---------------------------------------------------------------------------------------------
// Schema errors with paths
// ---------------------------------------------------------------------------------------------

/** `cells[3].outputs[0].output_type`, `metadata["language_info"]`: a path as code would write it. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else if (typeof key === "string" && /^[A-Za-z_$][\w$]*$/.test(key)) out += out ? `.${key}` : key;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out;
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let value = root;
  for (const key of path) {
    if (value === null || typeof value !== "object") return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

function schemaError(error: z.ZodError, json: unknown, filename: string): ValidationError {
  const fieldErrors: Record<string, string[]> = {};
  const messages: string[] = [];
  for (const issue of error.issues.slice(0, 20)) {
    const path = formatPath(issue.path);
    let message = issue.message;
    if (issue.code === "invalid_union" && "discriminator" in issue && typeof issue.discriminator === "string") {
      const found = valueAt(json, issue.path);
      const options = "options" in issue && Array.isArray(issue.options) ? issue.options.map(String) : [];
      const label = issue.discriminator.replace("_", " ");
      message =
        found === undefined
          ? `missing ${label} (expected one of ${options.join(", ")})`
          : `unknown ${label} ${JSON.stringify(found)} (expected one of ${options.join(", ")})`;
    }
    (fieldErrors[path || "_"] ??= []).push(message);
    messages.push(path ? `${path}: ${message}` : message);
  }
  const more = error.issues.length > 1 ? ` (and ${error.issues.length - 1} more problem${error.issues.length > 2 ? "s" : ""})` : "";
  return new ValidationError(`${filename} is not a valid Jupyter notebook: ${messages[0]}${more}`, fieldErrors);
}

// ---------------------------------------------------------------------------------------------
// Entry point
// ---------------------------------------------------------------------------------------------

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
    json = JSON.parse(text);
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
