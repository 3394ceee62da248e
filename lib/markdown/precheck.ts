// A linear-time look at Markdown before it is parsed: the shapes that make CommonMark parsers,
// KaTeX and the highlighter take seconds to minutes or overflow the stack are deep nesting (of
// blockquotes and lists, of brackets, parentheses and braces), very long runs of one delimiter
// and thousands of underlined (setext) headings. Real documents stay far below every limit here; text over one is not parsed at all
// and is shown as plain text instead (lib/markdown/fallback.ts). Pure; runs on the server's
// request thread and in the browser before anything is handed to a worker.

/** The hard ceiling on what the renderer accepts, above every field's own cap. */
export const MARKDOWN_MAX_CHARS = 200_000;
/** Blockquote and list containers open at once on one line (markers, or list indentation). */
export const MARKDOWN_MAX_CONTAINER_DEPTH = 32;
/** Brackets, parentheses and braces open at once within one paragraph. */
export const MARKDOWN_MAX_BRACKET_DEPTH = 64;
/** The longest run of one emphasis, strikethrough or code delimiter (*, _, ~, `). */
export const MARKDOWN_MAX_DELIMITER_RUN = 128;
/**
 * Headings underlined with "===" or "---" (setext headings). The parser's time grows with the
 * square of their number: 1,000 take half a second, 16,000 a minute.
 */
export const MARKDOWN_MAX_SETEXT_HEADINGS = 200;

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

/** A fence line (``` or ~~~, three or more, after any indentation): its character and length, or null. */
function fence(text: string, start: number, end: number): { char: number; length: number } | null {
  let i = start;
  while (i < end && isBlank(text.charCodeAt(i))) i++;
  const c = text.charCodeAt(i);
  if (c !== 0x60 && c !== 0x7e) return null;
  let j = i;
  while (j < end && text.charCodeAt(j) === c) j++;
  return j - i >= 3 ? { char: c, length: j - i } : null;
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

/**
 * Checks Markdown before it is parsed, in one pass over the text. The content of fenced code is
 * skipped (it is not parsed as Markdown), but not the fence lines (a fence longer than the limit
 * is itself a run).
 */
export function checkMarkdown(text: string): Precheck {
  if (text.length > MARKDOWN_MAX_CHARS) {
    return { ok: false, reason: "size", detail: `${text.length.toLocaleString("en-US")} characters, over the ${MARKDOWN_MAX_CHARS.toLocaleString("en-US")} that can be formatted` };
  }
  let openFence: { char: number; length: number } | null = null;
  let brackets = 0;
  let setext = 0;
  let previousBlank = true;
  let runChar = -1;
  let run = 0;
  for (let start = 0; start <= text.length; ) {
    let end = text.indexOf("\n", start);
    if (end === -1) end = text.length;
    const lineEnd = end > start && text.charCodeAt(end - 1) === CR ? end - 1 : end;

    const f = fence(text, start, lineEnd);
    // A line of fenced code: not parsed as Markdown, so none of the checks below apply to it.
    let code = false;
    if (openFence) {
      if (f && f.char === openFence.char && f.length >= openFence.length) openFence = null;
      else code = true;
    } else if (f) {
      openFence = f;
    } else {
      const depth = containerDepth(text, start, lineEnd);
      if (depth > MARKDOWN_MAX_CONTAINER_DEPTH) {
        return { ok: false, reason: "nesting", detail: `quotes or lists nested ${depth} deep, over the ${MARKDOWN_MAX_CONTAINER_DEPTH} that can be formatted` };
      }
      if (!previousBlank && underline(text, start, lineEnd) && ++setext > MARKDOWN_MAX_SETEXT_HEADINGS) {
        return { ok: false, reason: "complexity", detail: `more than ${MARKDOWN_MAX_SETEXT_HEADINGS} headings underlined with "=" or "-"` };
      }
    }

    let blank = true;
    for (let i = code ? lineEnd : start; i < lineEnd; i++) {
      const c = text.charCodeAt(i);
      if (!isBlank(c)) blank = false;
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
    // Links, emphasis and inline code never span a blank line, so nothing stays open across one.
    if (blank || code) brackets = 0;
    previousBlank = blank || code;
    runChar = -1;
    start = end + 1;
  }
  return { ok: true };
}
