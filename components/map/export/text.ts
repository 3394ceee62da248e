// Text for files that leave the app: XML escaping, and fitting a label into a card's width with
// an ellipsis without a browser to measure it (widths are estimated per character class, on the
// generous side, so that text never spills out of its card).

/** Characters XML 1.0 does not allow at all (C0 controls but tab/newline/return, lone surrogates, U+FFFE/F). */
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** One line of text: newlines and runs of whitespace become one space; characters XML forbids are dropped. */
export function oneLine(text: string): string {
  return text.replace(INVALID_XML, "").replace(/\s+/g, " ").trim();
}

/** Escapes text for an XML text node or a double- or single-quoted attribute. */
export function xmlEscape(text: string): string {
  return text.replace(INVALID_XML, "").replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" })[c]!);
}

const NARROW = new Set("iljtfrI!|.,:;'`()[]{} ");
const WIDE = new Set("mwMW@%");

/** Estimated advance of one character, in ems. */
function charWidth(ch: string, mono: boolean): number {
  const code = ch.codePointAt(0)!;
  // CJK, emoji and other wide scripts take a full em (or more) in any font.
  if (code >= 0x1100 && (code <= 0x115f || (code >= 0x2e80 && code <= 0xa4cf) || (code >= 0xac00 && code <= 0xd7a3) || (code >= 0xf900 && code <= 0xfaff) || (code >= 0xfe30 && code <= 0xfe4f) || (code >= 0xff00 && code <= 0xff60) || code >= 0x1f000)) return 1.05;
  if (mono) return 0.62;
  if (NARROW.has(ch)) return 0.34;
  if (WIDE.has(ch)) return 0.92;
  if (ch >= "A" && ch <= "Z") return 0.72;
  return 0.61;
}

/** Estimated width of `text` at `size` px. */
export function textWidth(text: string, size: number, mono = false): number {
  let ems = 0;
  for (const ch of text) ems += charWidth(ch, mono);
  return ems * size;
}

/** `text` cut at a character (never inside a surrogate pair) so it fits `max` px, ending in "…" when cut. */
export function fitText(text: string, max: number, size: number, mono = false): string {
  if (textWidth(text, size, mono) <= max) return text;
  const room = max - textWidth("…", size, mono);
  let out = "";
  let used = 0;
  for (const ch of text) {
    const w = charWidth(ch, mono) * size;
    if (used + w > room) break;
    out += ch;
    used += w;
  }
  return `${out.trimEnd()}…`;
}

/** The longest head of `text` that fits `max` px (at least one character). */
function head(text: string, max: number, size: number): string {
  let out = "";
  for (const ch of text) {
    if (out && textWidth(out + ch, size) > max) break;
    out += ch;
  }
  return out;
}

/**
 * Wraps `text` onto at most `lines` lines of `max` px, breaking between words (a word longer than
 * a line is cut); the last line ends in "…" when the text does not fit. CSS line-clamp, estimated.
 */
export function wrapText(text: string, max: number, size: number, lines: number): string[] {
  const words = text.split(" ").filter(Boolean);
  const out: string[] = [];
  let line = "";
  let i = 0;
  while (i < words.length) {
    const candidate = line ? `${line} ${words[i]}` : words[i];
    if (textWidth(candidate, size) <= max) {
      line = candidate;
      i++;
      continue;
    }
    if (out.length === lines - 1) break;
    if (!line) {
      const cut = head(words[i], max, size);
      out.push(cut);
      words[i] = words[i].slice(cut.length);
      continue;
    }
    out.push(line);
    line = "";
  }
  if (i >= words.length) return line ? [...out, line] : out;
  // What is left does not fit: the last line shows what it can of it, ending in an ellipsis.
  out.push(fitText([line, ...words.slice(i)].filter(Boolean).join(" "), max, size));
  return out;
}
