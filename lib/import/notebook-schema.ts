// The nbformat 4 schema an uploaded notebook is checked against (zod), and the normalized shape
// lib/import/notebook.ts turns it into: only what the read-only view may show.
import { z } from "zod";

// Schema: nbformat 4, tolerant of unknown extra fields (loose objects) and of the optional
// fields that hand-edited notebooks often leave out.

/** nbformat's "multiline string": a string, or a list of lines to concatenate. */
const multiline = z.union([z.string(), z.array(z.string())], { error: "expected a string or a list of strings" });

export const mimeBundle = z.looseObject({
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

export const outputSchema = z.discriminatedUnion("output_type", [streamOutput, executeResultOutput, displayDataOutput, errorOutput]);

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

export const cellSchema = z.discriminatedUnion("cell_type", [markdownCell, codeCell, rawCell]);

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

export type MimeBundle = z.infer<typeof mimeBundle>;

// Normalized shape

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
