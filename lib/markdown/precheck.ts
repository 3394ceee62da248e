// A linear-time look at Markdown before it is parsed: the shapes that make CommonMark parsers,
// KaTeX and the highlighter take seconds to minutes or overflow the stack are deep nesting (of
// blockquotes and lists, of brackets, parentheses and braces), very long runs of one delimiter,
// thousands of underlined (setext) headings, tables of tens of thousands of cells, and paragraphs
// of thousands of brackets and emphasis markers. Real documents stay far below every limit here;
// text over one is not parsed at all and is shown as plain text instead (lib/markdown/fallback.ts).
// Pure; runs on the server's request thread and in the browser before anything is handed to a
// worker. The limits are defined in lib/validation/limits.ts (docs/limits.md lists them).
import { LIMITS } from "@/lib/validation/limits";

/** The hard ceiling on what the renderer accepts, above every field's own cap. */
export const MARKDOWN_MAX_CHARS = LIMITS.markdown.chars;
/** Blockquote and list containers open at once on one line (markers, or list indentation). */
export const MARKDOWN_MAX_CONTAINER_DEPTH = LIMITS.markdown.containerDepth;
/** Brackets, parentheses and braces open at once within one paragraph. */
export const MARKDOWN_MAX_BRACKET_DEPTH = LIMITS.markdown.bracketDepth;
/** The longest run of one emphasis, strikethrough or code delimiter (*, _, ~, `). */
export const MARKDOWN_MAX_DELIMITER_RUN = LIMITS.markdown.delimiterRun;
/**
 * Headings underlined with "===" or "---" (setext headings). The parser's time grows with the
 * square of their number: 1,000 take half a second, 16,000 a minute.
 */
export const MARKDOWN_MAX_SETEXT_HEADINGS = LIMITS.markdown.setextHeadings;
/**
 * GFM table cells in one document: every row of a table has as many cells as its delimiter row
 * has columns. A 5,000-column table of 7 rows took 2.3 s; a wide header over thousands of short
 * rows ("|\n") made a 41 MB page.
 */
export const MARKDOWN_MAX_TABLE_CELLS = LIMITS.markdown.tableCells;
/**
 * Estimated delimiter work in one document. micromark resolves each "]" by looking back for its
 * "[" over the paragraph's tokens, and emphasis and strikethrough delimiters ("*", "_", "~") by
 * looking back over the delimiters before them: the time grows with the product of the two
 * counts within one paragraph ("a]" x40,000 took 18 s, "*a_" x16,000 33 s). The estimate is,
 * per paragraph, (closers: ] * _ ~ ` <) x (tokens: every character that starts a token, and line
 * endings), summed over the document; a new list item or a blank line starts a new paragraph. At this
 * budget the slowest measured shapes take 0.2 s to 1 s on a shared 2-core machine under a load
 * average of 11; real documents stay far below it (the project's docs and README: at most 13,500).
 */
export const MARKDOWN_MAX_DELIMITER_WORK = LIMITS.markdown.delimiterWork;
/**
 * Formulas in one text, counted as runs of "$" (two runs a formula). Each is typeset, cloned,
 * sanitized and written out on its own: 25,000 "$x$" ran past the 8 s deadline.
 */
export const MARKDOWN_MAX_FORMULAS = LIMITS.markdown.formulas;

export type PrecheckFailure = "size" | "nesting" | "complexity";
export type Precheck = { ok: true } | { ok: false; reason: PrecheckFailure; detail: string };

const SPACE = 0x20;
const TAB = 0x09;
const CR = 0x0d;

const isBlank = (c: number) => c === SPACE || c === TAB;
const isDigit = (c: number) => c >= 0x30 && c <= 0x39;

/**
 * Container depth at the start of the line [start, end): each ">" and each list marker ("-", "*",
 * "+", "1." or "1)" followed by a space or the end of the line) opens one container, and leading
 * indentation before a list marker counts one level per two columns, as nested lists are written.
 * Returns the depth and where the line's text starts.
 */
function containerDepth(text: string, start: number, end: number): number {
  let i = start;
  let depth = 0;
  let indent = 0;
  while (i < end && isBlank(text.charCodeAt(i))) indent += text.charCodeAt(i++) === TAB ? 4 : 1;
  for (;;) {
    const c = text.charCodeAt(i);
    if (i >= end) return depth;
    if (c === 0x3e /* > */) {
      depth++;
      i++;
    } else if ((c === 0x2d /* - */ || c === 0x2a /* * */ || c === 0x2b) /* + */ && (i + 1 >= end || isBlank(text.charCodeAt(i + 1)))) {
      depth += 1 + (indent >> 1);
      indent = 0;
      i++;
    } else if (isDigit(c)) {
      let j = i;
      while (j < end && j - i < 9 && isDigit(text.charCodeAt(j))) j++;
      const d = text.charCodeAt(j);
      if (!((d === 0x2e || d === 0x29) /* . ) */ && (j + 1 >= end || isBlank(text.charCodeAt(j + 1))))) return depth;
      depth += 1 + (indent >> 1);
      indent = 0;
      i = j + 1;
    } else {
      return depth;
    }
    while (i < end && isBlank(text.charCodeAt(i))) i++;
  }
}

/**
 * Whether the line [start, end) could underline the line before it as a setext heading: after
 * indentation and any ">" markers, only "=" or only "-" characters, then blanks.
 */
function underline(text: string, start: number, end: number): boolean {
  let i = start;
  while (i < end && (isBlank(text.charCodeAt(i)) || text.charCodeAt(i) === 0x3e)) i++;
  const c = text.charCodeAt(i);
  if (i >= end || (c !== 0x3d && c !== 0x2d)) return false;
  while (i < end && text.charCodeAt(i) === c) i++;
  while (i < end && isBlank(text.charCodeAt(i))) i++;
  return i === end;
}

/** A character that starts an inline token in micromark's text tokenizer (and a line ending). */
const isToken = (c: number) =>
  c === 0x5b || c === 0x5d || c === 0x21 || c === 0x2a || c === 0x5f || c === 0x7e || c === 0x60 || c === 0x3c || c === 0x26 || c === 0x5c || c === 0x24 || c === 0x28 || c === 0x29;
/** A character whose resolution looks back over the tokens before it: "]" and the attention and code delimiters. */
const isCloser = (c: number) => c === 0x5d || c === 0x2a || c === 0x5f || c === 0x7e || c === 0x60 || c === 0x3c;

/**
 * Whether the line [start, end) starts a list item with text, which always begins a new
 * paragraph: up to three spaces, then "-", "+", "*", "1." or "1)", a blank and a non-blank
 * character. Other ordered markers do not (after a paragraph line they continue it).
 */
function startsListItem(text: string, start: number, end: number): boolean {
  let i = start;
  while (i < end && i - start < 3 && text.charCodeAt(i) === SPACE) i++;
  const c = text.charCodeAt(i);
  if (c === 0x2d || c === 0x2b || c === 0x2a) i++;
  else if (c === 0x31 /* 1 */ && (text.charCodeAt(i + 1) === 0x2e || text.charCodeAt(i + 1) === 0x29)) i += 2;
  else return false;
  if (i >= end || !isBlank(text.charCodeAt(i))) return false;
  while (i < end && isBlank(text.charCodeAt(i))) i++;
  return i < end;
}

/**
 * The columns of a GFM table delimiter row ("| --- | :-: |"), after any quote markers and
 * indentation; 0 if the line is not one. Counts runs of "-" (over-counting a malformed row is
 * safe: it only makes the estimate larger). A row needs a "|" unless the header line has one.
 */
function delimiterRowColumns(text: string, start: number, end: number, headerHasPipe: boolean): number {
  let i = start;
  while (i < end && (isBlank(text.charCodeAt(i)) || text.charCodeAt(i) === 0x3e)) i++;
  let columns = 0;
  let pipe = false;
  let inRun = false;
  for (; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x2d /* - */) {
      if (!inRun) columns++;
      inRun = true;
      continue;
    }
    inRun = false;
    if (c === 0x7c /* | */) pipe = true;
    else if (c !== 0x3a /* : */ && !isBlank(c)) return 0;
  }
  return pipe || headerHasPipe ? columns : 0;
}

/**
 * Whether the whole text is one fenced code block that nothing inside can close early, as
 * codeFence (lib/markdown/fence.ts) builds for notebook code cells: a backtick fence on the first
 * line at column 0 (nothing before it, so it certainly opens a block), an info string without
 * backticks, no backtick run inside as long as the fence, and the same fence as the last line.
 * Its content is not parsed as Markdown, so none of the checks below apply to it.
 */
function isOneFencedBlock(text: string): boolean {
  let fence = 0;
  while (text.charCodeAt(fence) === 0x60) fence++;
  if (fence < 3) return false;
  const firstEnd = text.indexOf("\n");
  if (firstEnd === -1 || text.slice(fence, firstEnd).includes("`")) return false;
  const closing = "`".repeat(fence);
  if (!text.endsWith(`\n${closing}`)) return false;
  let run = 0;
  for (let i = firstEnd + 1; i < text.length - fence - 1; i++) {
    if (text.charCodeAt(i) === 0x60) {
      if (++run >= fence) return false;
    } else {
      run = 0;
    }
  }
  return true;
}

/**
 * Checks Markdown before it is parsed, in one pass over the text. Every line is checked, fenced
 * code included: whether a line of backticks really opens a fence depends on indentation,
 * containers, HTML blocks and its info string, and a line that only looks like a fence ("    ```"
 * after a paragraph, "```x`", one inside an HTML block or a list item) would otherwise hide a
 * payload that is then parsed as Markdown. Code blocks are rarely near a limit; one that is shows
 * as plain text with the notice, like any other text.
 */
export function checkMarkdown(text: string): Precheck {
  if (text.length > MARKDOWN_MAX_CHARS) {
    return { ok: false, reason: "size", detail: `${text.length.toLocaleString("en-US")} characters, over the ${MARKDOWN_MAX_CHARS.toLocaleString("en-US")} that can be formatted` };
  }
  if (isOneFencedBlock(text)) return { ok: true };
  let brackets = 0;
  let setext = 0;
  let previousBlank = true;
  let runChar = -1;
  let run = 0;
  // Table cells so far, and the columns of the table being read (0 outside one).
  let cells = 0;
  let columns = 0;
  let previousHasPipe = false;
  // Delimiter work: the document's total, and this paragraph's closers and tokens.
  let work = 0;
  let closers = 0;
  let tokens = 0;
  // Runs of "$": a formula opens with one and closes with another.
  let dollarRuns = 0;
  for (let start = 0; start <= text.length; ) {
    let end = text.indexOf("\n", start);
    if (end === -1) end = text.length;
    const lineEnd = end > start && text.charCodeAt(end - 1) === CR ? end - 1 : end;

    const depth = containerDepth(text, start, lineEnd);
    if (depth > MARKDOWN_MAX_CONTAINER_DEPTH) {
      return { ok: false, reason: "nesting", detail: `quotes or lists nested ${depth} deep, over the ${MARKDOWN_MAX_CONTAINER_DEPTH} that can be formatted` };
    }
    if (!previousBlank && underline(text, start, lineEnd) && ++setext > MARKDOWN_MAX_SETEXT_HEADINGS) {
      return { ok: false, reason: "complexity", detail: `more than ${MARKDOWN_MAX_SETEXT_HEADINGS} headings underlined with "=" or "-"` };
    }
    // A table: the header line, then a delimiter row; every later line up to a blank one is a
    // row of as many cells as the delimiter row has columns (GFM pads or cuts each row to it).
    const tableStart = !previousBlank && columns === 0 ? delimiterRowColumns(text, start, lineEnd, previousHasPipe) : 0;
    if (tableStart > 0) {
      columns = tableStart;
      cells += 2 * columns; // the header and the delimiter row
    } else if (columns > 0 && lineEnd > start) {
      cells += columns;
    }
    if (cells > MARKDOWN_MAX_TABLE_CELLS) {
      return { ok: false, reason: "complexity", detail: `tables with more than ${MARKDOWN_MAX_TABLE_CELLS.toLocaleString("en-US")} cells` };
    }
    // A new list item is a new paragraph: its markers look back no further than its start.
    if (startsListItem(text, start, lineEnd)) {
      closers = 0;
      tokens = 0;
    }

    let blank = true;
    let pipe = false;
    for (let i = start; i < lineEnd; i++) {
      const c = text.charCodeAt(i);
      if (!isBlank(c)) blank = false;
      if (c === 0x7c /* | */) pipe = true;
      if (c === 0x24 /* $ */ && text.charCodeAt(i - 1) !== 0x24 && ++dollarRuns > 2 * MARKDOWN_MAX_FORMULAS) {
        return { ok: false, reason: "complexity", detail: `more than ${MARKDOWN_MAX_FORMULAS.toLocaleString("en-US")} formulas` };
      }
      if (isToken(c)) {
        tokens++;
        if (isCloser(c)) {
          closers++;
          // Each closer may look back over every token of its paragraph so far.
          work += tokens;
        }
      }
      if (c === 0x2a || c === 0x5f || c === 0x7e || c === 0x60 /* * _ ~ ` */) {
        run = c === runChar ? run + 1 : 1;
        runChar = c;
        if (run > MARKDOWN_MAX_DELIMITER_RUN) {
          return { ok: false, reason: "complexity", detail: `a run of more than ${MARKDOWN_MAX_DELIMITER_RUN} "${String.fromCharCode(c)}" characters` };
        }
        continue;
      }
      runChar = -1;
      if (c === 0x5c /* \ */) {
        i++; // an escaped character opens nothing
      } else if (c === 0x5b || c === 0x28 || c === 0x7b /* [ ( { */) {
        if (++brackets > MARKDOWN_MAX_BRACKET_DEPTH) {
          return { ok: false, reason: "nesting", detail: `brackets nested more than ${MARKDOWN_MAX_BRACKET_DEPTH} deep` };
        }
      } else if ((c === 0x5d || c === 0x29 || c === 0x7d) /* ] ) } */ && brackets > 0) {
        brackets--;
      }
    }
    if (work > MARKDOWN_MAX_DELIMITER_WORK) {
      return { ok: false, reason: "complexity", detail: `too many brackets and emphasis markers in one paragraph (${closers.toLocaleString("en-US")} closing markers)` };
    }
    tokens++; // the line ending
    // Links, emphasis and inline code never span a blank line, so nothing stays open across one.
    if (blank) {
      brackets = 0;
      closers = 0;
      tokens = 0;
      columns = 0;
    }
    previousBlank = blank;
    previousHasPipe = pipe;
    runChar = -1;
    start = end + 1;
  }
  return { ok: true };
}
