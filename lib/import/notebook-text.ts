// Text from a notebook made fit to show and to store: terminal escapes removed (Node's own
// util.stripVTControlCharacters), carriage returns applied as a terminal would, and NUL
// characters and lone UTF-16 surrogates replaced by U+FFFD. PostgreSQL cannot store NUL in text,
// and a lone surrogate has no UTF-8 form; JSON escapes (\u0000, \ud800) let both into a file
// that is valid UTF-8.
import { stripVTControlCharacters } from "node:util";

/** Removes ANSI/VT100 escape sequences (colours in tracebacks, progress-bar cursor moves), and any lone ESC. */
export function stripAnsi(text: string): string {
  return stripVTControlCharacters(text).replaceAll("\u001b", "");
}

/** Every NUL character and every unpaired surrogate becomes U+FFFD. */
export function storableText(text: string): string {
  return text.replaceAll("\u0000", "\ufffd").toWellFormed();
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

export const joinMultiline = (value: string | string[]): string => (typeof value === "string" ? value : value.join(""));

/** Number of lines a block of text shows (a trailing newline does not start a new line). */
export function countLines(text: string): number {
  if (!text) return 0;
  const body = text.endsWith("\n") ? text.slice(0, -1) : text;
  let lines = 1;
  for (let i = body.indexOf("\n"); i !== -1; i = body.indexOf("\n", i + 1)) lines++;
  return lines;
}
