// Every size cap in Legible, defined once. The zod schemas, the forms (maxLength, counters), the
// data layer (attachments, revisions) and docs/limits.md (rendered from this file by
// `npm run docs:limits`, checked by limits.test.ts) all read them from here. Pure, so client
// components may import it.
//
// Text is counted in characters as JavaScript counts them (UTF-16 code units), which is what a
// textarea's maxLength counts too.

const MB = 1024 * 1024;

export const LIMITS = {
  handoff: {
    title: 200,
    paperTitle: 500,
    /** Each author's name, and how many authors. */
    authorName: 200,
    authors: 200,
    venue: 200,
    arxivId: 40,
    doi: 200,
    url: 1_000,
    bibtex: 20_000,
    /** One section's Markdown. */
    section: 100_000,
    /** The free Markdown notes below the sections. */
    body: 500_000,
    /** Sections in one handoff: a template has at most 40, plus text kept from an earlier template. */
    sections: 60,
    /** Everything a handoff holds as text: title, paper details, BibTeX, sections and notes together. */
    total: 1_000_000,
    /** The message saved with a version. */
    message: 500,
    /** The note with a review decision: requesting changes, approving, accepting, archiving. */
    reviewNote: 2_000,
  },
  comment: 10_000,
  milestone: {
    title: 200,
    description: 20_000,
    acceptanceCriteria: 20_000,
    statusNote: 2_000,
    /** The largest estimate, in days (the form, the API and Decompose alike). */
    estimateDays: 1_000,
    /** Milestones in one project, however made (the form, the API, Decompose): it bounds every plan, timeline and map. */
    perProject: 1_000,
    /** Milestones one milestone depends on directly (its prerequisites). */
    prerequisites: 20,
    /** The largest number a milestone key ends in: keys look like FLOOR-12, with at most 5 digits. */
    keyNumber: 99_999,
    /** Rows one page of a milestones list shows (/milestones, a project's Milestones); `?page=N` shows the rest. */
    pageRows: 200,
  },
  service: {
    displayName: 120,
    description: 20_000,
    repositoryPath: 500,
    image: 500,
    /** One entry of a service's runtime (a port, a profile, a network, an environment variable name). */
    runtimeEntry: 200,
    /** Entries in each runtime list (ports, profiles, networks, environment). */
    runtimeEntries: 5_000,
  },
  interface: {
    name: 200,
    method: 10,
    path: 1_000,
    summary: 2_000,
    /** One request or response JSON Schema, as pasted JSON text. */
    schemaChars: 200_000,
    /** How deeply objects and arrays may nest in one JSON Schema. */
    schemaDepth: 64,
    /** Interfaces on one service. */
    perService: 500,
  },
  dependency: { description: 1_000, perService: 200 },
  /** Importing interfaces from an OpenAPI document or a JSON Schema (lib/import/openapi.ts): over a cap, the file is refused and nothing written. */
  openapi: {
    /** Operations in one file. */
    operations: 500,
    /** Values (objects, arrays, scalars) the document would have with every $ref written out: the validator walks that many. */
    expandedValues: 300_000,
    /** Characters of one stored schema (request or response), its $defs included, as JSON. */
    schemaChars: 200_000,
    /** Characters of all the schemas one import stores, together. */
    totalSchemaChars: 5_000_000,
    /** Named schemas one stored schema carries in its $defs. */
    defs: 500,
    /** An interface's name (the operationId, or "METHOD path"). */
    name: 200,
    /** An operation's path. */
    path: 1_000,
    /** An operation's summary. */
    summary: 2_000,
  },
  project: { name: 80, description: 2_000 },
  template: { name: 80, description: 500, sections: 40, sectionKey: 40, sectionTitle: 80, guidance: 600 },
  attachment: {
    /** One file (notebooks included). */
    bytes: 10 * MB,
    /** Files on one handoff. */
    perHandoff: 20,
    /** All files on one handoff together. */
    totalBytes: 50 * MB,
    filename: 200,
  },
  revisions: {
    /** The newest revisions of a handoff always keep their full text. */
    keptInFull: 50,
    /** Of the versions submitted for review or accepted, the newest this many keep their text too. */
    pinned: 20,
  },
  /** Formatting Markdown (lib/markdown/precheck.ts, pipeline.ts, pool.ts): over a cap, the text is shown as plain text. */
  markdown: {
    /** Characters the renderer accepts at all, above every field's own cap. */
    chars: 200_000,
    /** Quote and list containers open at once on one line. */
    containerDepth: 32,
    /** Brackets, parentheses and braces open at once within one paragraph. */
    bracketDepth: 64,
    /** The longest run of one of *, _, ~ or `. */
    delimiterRun: 128,
    /** Headings underlined with "=" or "-". */
    setextHeadings: 200,
    /** GFM table cells in one text. */
    tableCells: 20_000,
    /** Estimated look-back work of brackets and emphasis markers, summed over paragraphs. */
    delimiterWork: 4_000_000,
    /** Formulas in one text ($…$ and $$…$$): 25,000 small ones ran past the 8 s deadline. */
    formulas: 2_000,
    /** Characters of one formula given to KaTeX; a longer one is shown as its TeX. */
    formulaChars: 20_000,
    /** HTML one render may return: this many times its source, within the two bounds below. */
    htmlPerSourceChar: 100,
    htmlMinChars: 256_000,
    htmlMaxChars: 4_000_000,
  },
  /** Uploaded notebooks (lib/import/notebook-limits.ts): over a cap, the upload is refused and nothing stored. */
  notebook: {
    cells: 2_000,
    /** Characters of one cell's source. */
    cellChars: 100_000,
    /** Characters of one output (its text, or an image's base64 data). */
    outputChars: 2_000_000,
    /** Characters of all outputs together. */
    outputsChars: 8_000_000,
    /** Outputs of one code cell. */
    outputsPerCell: 1_000,
    /** Outputs of all cells together. */
    outputs: 5_000,
    /** PNG and JPEG images in all outputs. */
    images: 200,
    /** Arrays and objects open at once anywhere in the file. */
    depth: 64,
    /** How long rendering a notebook at upload may take. */
    renderMs: 30_000,
    /** Characters its rendered form may hold: this many times the file's bytes, within the two bounds below. */
    renderedPerByte: 8,
    renderedMinChars: 2_000_000,
    renderedMaxChars: 20_000_000,
  },
  /** Comparing two versions in History (lib/handoff/diff.ts). */
  history: {
    /** Changed lines (deleted + inserted) one part may have and still be compared line by line. */
    diffEdits: 1_000,
    /** Time one whole comparison may take, in milliseconds. */
    diffMs: 1_000,
    /** Diff lines, and characters of text in them, one comparison page shows. */
    shownLines: 2_000,
    shownChars: 150_000,
  },
  /** Arranging a project map (lib/data/map-pins.ts). */
  map: {
    /** Nodes pinned on one project map: every node of the largest map it draws. */
    pinsPerProject: 3_000,
    /** Pins one request sets. */
    pinsPerRequest: 500,
    /** How far from the layout's origin a pinned node may be placed, either way, in map pixels. */
    coordinate: 1_000_000,
    /** How far beyond the map's laid-out extent, on every side, a node may be pinned, in map pixels (about four cards). */
    pinMargin: 1_000,
    /** Laid-out versions of one map kept in the database; older ones are pruned. */
    layoutVersions: 4,
  },
  request: {
    /** A JSON body sent to the REST API. */
    jsonBytes: 8 * MB,
    /** A multipart upload (one file and its form fields), through the API or a form. */
    uploadBytes: 11 * MB,
  },
} as const;

/** 23412 → "23,412", the way every message and page writes a count. */
export function formatCount(n: number): string {
  return n.toLocaleString("en-US");
}

/** 10485760 → "10 MB"; 11429478 → "10.9 MB". */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < MB) return `${Math.round(bytes / 1024)} KB`;
  return `${Number((bytes / MB).toFixed(1))} MB`;
}

/** The size of something over `max`, never rounded down to look like `max` itself ("just over 10 MB"). */
export function formatBytesOver(bytes: number, max: number): string {
  return formatBytes(bytes) === formatBytes(max) ? `just over ${formatBytes(max)}` : formatBytes(bytes);
}

/**
 * What a form shows when the server refused its request before reading it (proxy.ts answers a
 * server action whose body is over LIMITS.request.uploadBytes with this text, as text/plain).
 * Next.js hands such a text to the form as the error's message; the prefix marks it as ours.
 */
export const REFUSED_PREFIX = "Not sent: ";

export function tooLargeForFormMessage(bytes: number): string {
  return `${REFUSED_PREFIX}This upload is ${formatBytesOver(bytes, LIMITS.request.uploadBytes)}; a form can send at most ${formatBytes(LIMITS.request.uploadBytes)}, and a file can be at most ${formatBytes(LIMITS.attachment.bytes)}. Nothing was stored.`;
}
