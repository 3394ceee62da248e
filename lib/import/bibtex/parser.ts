// Recursive-descent parser for BibTeX: entries, @string macros, @preamble, @comment.
import { BibtexError, locate } from "./errors";
import { describe, Lexer, type Token } from "./lexer";

export type BibEntry = {
  /** Entry type, lower-cased: "article", "inproceedings", "misc". */
  type: string;
  /** Citation key as written: "DBLP:conf/cvpr/HeZRS16". */
  key: string;
  /**
   * Field values by lower-cased name, macros expanded and "#" parts joined, outer delimiters
   * removed. LaTeX and inner braces are kept (author splitting needs them); see decodeLatex.
   * The first of duplicated fields wins, as in BibTeX.
   */
  fields: Record<string, string>;
  /** The entry's source text exactly as written, from "@" to its closing delimiter. */
  raw: string;
  /** Offsets of `raw` in the input, and where the "@" stands (1-based). */
  start: number;
  end: number;
  line: number;
  column: number;
};

/** A parsed input: its entries, and the span of any @string / @preamble blocks. */
export type BibDocument = { entries: BibEntry[]; definitions: { start: number; end: number }[] };

/** A line starting "name =" inside a value: a missing "}" let the value swallow the fields after it. */
const LOOKS_LIKE_FIELDS = /[\r\n][ \t]*[a-z_][\w-]*[ \t]*=/i;

export const MAX_INPUT_BYTES = 100 * 1024;

/** BibTeX's predefined month macros. */
const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

export function parseBibtexDocument(text: string): BibDocument {
  checkSize(text);
  return new Parser(text).document();
}

function checkSize(text: string): void {
  // A UTF-16 unit is at least one UTF-8 byte, so a long string is too large without encoding it.
  const bytes = text.length > MAX_INPUT_BYTES ? text.length : new TextEncoder().encode(text).length;
  if (bytes > MAX_INPUT_BYTES) {
    throw BibtexError.whole(`the BibTeX is too large (${Math.ceil(bytes / 1024)} KB; the limit is 100 KB). Paste one entry at a time.`);
  }
}

class Parser {
  private readonly lexer: Lexer;
  private readonly macros = new Map<string, string>(MONTHS.map((m) => [m.slice(0, 3).toLowerCase(), m]));
  private readonly entries: BibEntry[] = [];
  private readonly definitions: { start: number; end: number }[] = [];

  constructor(private readonly text: string) {
    this.lexer = new Lexer(text);
  }

  document(): BibDocument {
    for (let at = this.lexer.skipToEntry(); at >= 0; at = this.lexer.skipToEntry()) this.block(at);
    return { entries: this.entries, definitions: this.definitions };
  }

  /** One "@type{...}" block; `at` is the offset of its "@". */
  private block(at: number): void {
    const typeToken = this.lexer.next();
    const open = this.lexer.peek();
    const isDelimiter = open.kind === "{" || open.kind === "(";
    // Plain text: an "@" with no entry type, or a spaced "@ word" with no "{" after it.
    if (typeToken.kind !== "ident" || (typeToken.start > at + 1 && !isDelimiter)) {
      this.lexer.pos = at + 1;
      return;
    }
    const type = typeToken.text.toLowerCase();
    if (type === "comment" && !isDelimiter) return; // "@comment" ends at the line: plain text
    if (!isDelimiter) throw this.error(open, `expected "{" or "(" after "@${typeToken.text}", found ${describe(open)}`);
    this.lexer.next();
    const close = open.kind === "{" ? "}" : ")";

    if (type === "comment") return this.lexer.skipBalanced(open);
    if (type === "preamble") {
      this.value("@preamble");
      this.expectClose(open, close, "the @preamble value");
      this.definitions.push({ start: at, end: this.lexer.pos });
      return;
    }
    if (type === "string") {
      const name = this.lexer.next();
      if (name.kind !== "ident") throw this.error(name, `expected a macro name in @string, found ${describe(name)}`);
      this.expectEquals(name);
      this.macros.set(name.text.toLowerCase(), this.value(name.text));
      this.expectClose(open, close, `the value of "${name.text}"`);
      this.definitions.push({ start: at, end: this.lexer.pos });
      return;
    }
    this.entry(at, type, open, close);
  }

  private entry(at: number, type: string, open: Token, close: "}" | ")"): void {
    const key = this.lexer.readKey();
    const afterKey = this.lexer.peek();
    if (key.text === "" || afterKey.kind === "=") {
      const where = afterKey.kind === "=" ? ` before field "${key.text}"` : "";
      throw this.error(key.text === "" ? afterKey : key, `missing citation key${where}: write @${type}{key, ...}`);
    }
    const fields: Record<string, string> = Object.create(null);
    let swallower: { name: string; open: Token } | undefined; // a value that seems to hold later fields
    let last: string | undefined;
    let token = this.lexer.next();
    for (;;) {
      if (token.kind === close) break;
      if (token.kind === "eof" || token.kind === "at") {
        if (swallower) throw this.error(swallower.open, `the value of "${swallower.name}" runs on to the end of the entry: is a "}" missing?`);
        if (token.kind === "eof") throw this.error(open, `entry "${key.text}" is never closed: "${close}" missing before the end of the input`);
      }
      if (token.kind !== ",") {
        const after = last ? `the value of "${last}"` : `the key "${key.text}"`;
        const hint = token.kind === "ident" ? " (missing comma?)" : "";
        throw this.error(token, `expected "," or "${close}" after ${after}, found ${describe(token)}${hint}`);
      }
      token = this.lexer.next();
      if (token.kind === close) break; // trailing comma
      if (token.kind === "eof") continue; // reported above
      if (token.kind !== "ident") throw this.error(token, `expected a field name or "${close}", found ${describe(token)}`);
      this.expectEquals(token);
      const valueStart = this.lexer.peek();
      const value = this.value(token.text);
      if (!swallower && LOOKS_LIKE_FIELDS.test(value)) swallower = { name: token.text, open: valueStart };
      const name = token.text.toLowerCase();
      if (!(name in fields)) fields[name] = value;
      last = token.text;
      token = this.lexer.next();
    }
    const { line, column } = locate(this.text, at);
    this.entries.push({ type, key: key.text, fields, raw: this.text.slice(at, token.end), start: at, end: token.end, line, column });
  }

  /** A value: parts joined by "#"; each a {braced} or "quoted" string, a number or a macro. */
  private value(field: string): string {
    let result = "";
    for (;;) {
      const token = this.lexer.next();
      if (token.kind === "{") result += this.lexer.readBraced(token);
      else if (token.kind === '"') result += this.lexer.readQuoted(token);
      else if (token.kind === "number") result += token.text;
      else if (token.kind === "ident") {
        const macro = this.macros.get(token.text.toLowerCase());
        if (macro === undefined) throw this.error(token, `unknown macro "${token.text}": define it with @string or put the value in braces`);
        result += macro;
      } else throw this.error(token, `expected a value for "${field}", found ${describe(token)}`);
      if (this.lexer.peek().kind !== "#") return result;
      this.lexer.next();
    }
  }

  private expectEquals(name: Token): void {
    const token = this.lexer.next();
    if (token.kind !== "=") throw this.error(token, `expected "=" after field name "${name.text}"`);
  }

  private expectClose(open: Token, close: string, after: string): void {
    const token = this.lexer.next();
    if (token.kind === "eof") throw this.error(open, `"${open.text}" is never closed: "${close}" missing before the end of the input`);
    if (token.kind !== close) throw this.error(token, `expected "${close}" after ${after}, found ${describe(token)}`);
  }

  private error(token: Token, detail: string): BibtexError {
    return this.lexer.error(token.start, detail);
  }
}
