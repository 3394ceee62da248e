import { ValidationError } from "@/lib/errors";

/**
 * A BibTeX input the importer cannot read. `line` and `column` are 1-based; columns count
 * characters (a tab is one column) and CRLF counts as one line break. Errors about the input
 * as a whole (empty, too large) point at line 1, column 1 and carry no position prefix.
 * Extends ValidationError so the API layer answers 422 with the message under `bibtex`.
 */
export class BibtexError extends ValidationError {
  override name = "BibtexError";

  constructor(
    readonly detail: string,
    readonly line = 1,
    readonly column = 1,
    positioned = true,
  ) {
    const message = positioned ? `line ${line}, column ${column}: ${detail}` : detail;
    super(message, { bibtex: [message] });
  }

  /** An error at a character offset of `text`. */
  static at(text: string, offset: number, detail: string): BibtexError {
    const { line, column } = locate(text, offset);
    return new BibtexError(detail, line, column);
  }

  /** An error about the whole input, with no position in the message. */
  static whole(detail: string): BibtexError {
    return new BibtexError(detail, 1, 1, false);
  }
}

/** 1-based line and column of a UTF-16 offset; \r\n, \n and a lone \r each end a line. */
export function locate(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(offset, text.length);
  for (let i = 0; i < end; i++) {
    const c = text[i];
    if (c === "\n" || (c === "\r" && text[i + 1] !== "\n")) {
      line++;
      lineStart = i + 1;
    }
  }
  // Count code points, so an astral character before the error is one column.
  const column = Array.from(text.slice(lineStart, end)).length + 1;
  return { line, column };
}
