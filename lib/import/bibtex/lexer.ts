// Tokenizer for the inside of BibTeX entries. BibTeX is context-sensitive (a "{" opens an
// entry or a braced value depending on where it stands), so the parser drives the lexer:
// it asks for the next token, or for a raw read (a citation key, a braced or quoted value)
// when it knows that is what comes next.
import { BibtexError } from "./errors";

export type TokenKind = "at" | "{" | "}" | "(" | ")" | "," | "=" | "#" | '"' | "ident" | "number" | "other" | "eof";

export type Token = { kind: TokenKind; text: string; start: number; end: number };

const WHITESPACE = /\s/;
/** BibTeX identifiers (entry types, field names, macros): no whitespace or "#%'(),={}@. */
const IDENT_CHAR = /[^\s"#%'(),={}@]/;
const DIGIT = /[0-9]/;
const PUNCTUATION = new Set(["@", "{", "}", "(", ")", ",", "=", "#", '"']);
/** Characters that end a citation key (DBLP keys contain ":" and "/", so those are allowed). */
const KEY_END = /[\s,{}()="#@]/;

export class Lexer {
  pos = 0;

  constructor(readonly text: string) {}

  error(offset: number, detail: string): BibtexError {
    return BibtexError.at(this.text, offset, detail);
  }

  skipWhitespace(): void {
    while (this.pos < this.text.length && WHITESPACE.test(this.text[this.pos])) this.pos++;
  }

  /**
   * Moves to the next "@" that can start an entry and returns its offset, or -1 at the end.
   * Text between entries is ignored; an "@" right after a letter or digit (an e-mail address
   * in pasted prose) does not start an entry.
   */
  skipToEntry(): number {
    for (;;) {
      const at = this.text.indexOf("@", this.pos);
      if (at < 0) {
        this.pos = this.text.length;
        return -1;
      }
      this.pos = at + 1;
      if (at === 0 || !/[\p{L}\p{N}]/u.test(this.text[at - 1])) return at;
    }
  }

  next(): Token {
    this.skipWhitespace();
    const start = this.pos;
    if (start >= this.text.length) return { kind: "eof", text: "", start, end: start };
    const c = this.text[start];
    if (PUNCTUATION.has(c)) {
      this.pos++;
      return { kind: c === "@" ? "at" : (c as TokenKind), text: c, start, end: this.pos };
    }
    if (DIGIT.test(c)) return this.run("number", DIGIT);
    if (IDENT_CHAR.test(c)) return this.run("ident", IDENT_CHAR);
    this.pos++;
    return { kind: "other", text: c, start, end: this.pos };
  }

  peek(): Token {
    const saved = this.pos;
    const token = this.next();
    this.pos = saved;
    return token;
  }

  /** A citation key: everything up to whitespace, a comma, a delimiter or "=". May be empty. */
  readKey(): Token {
    this.skipWhitespace();
    const start = this.pos;
    while (this.pos < this.text.length && !KEY_END.test(this.text[this.pos])) this.pos++;
    return { kind: "ident", text: this.text.slice(start, this.pos), start, end: this.pos };
  }

  /**
   * The body of a braced value whose "{" is `open`, nested braces kept; ends after the matching
   * "}". Like BibTeX, every brace counts, even an escaped one (\{), so braces must balance.
   */
  readBraced(open: Token): string {
    let depth = 1;
    for (let i = open.end; i < this.text.length; i++) {
      const c = this.text[i];
      if (c === "{") depth++;
      else if (c === "}" && --depth === 0) {
        this.pos = i + 1;
        return this.text.slice(open.end, i);
      }
    }
    throw this.error(open.start, `unclosed "{": no matching "}" before the end of the input`);
  }

  /**
   * The body of a quoted value whose '"' is `open`: a '"' inside braces does not end it. More
   * lenient than BibTeX, an umlaut written \"o without braces does not end it either.
   */
  readQuoted(open: Token): string {
    let depth = 0;
    for (let i = open.end; i < this.text.length; i++) {
      const c = this.text[i];
      if (c === "\\" && this.text[i + 1] === '"') i++;
      else if (c === "{") depth++;
      else if (c === "}") {
        if (depth === 0) throw this.error(i, `unbalanced "}" inside a quoted value`);
        depth--;
      } else if (c === '"' && depth === 0) {
        this.pos = i + 1;
        return this.text.slice(open.end, i);
      }
    }
    throw this.error(open.start, `unclosed '"': no closing quote before the end of the input`);
  }

  /** Skips a balanced block (an @comment body) opened by `open`. */
  skipBalanced(open: Token): void {
    const close = open.kind === "(" ? ")" : "}";
    let depth = 1;
    for (let i = open.end; i < this.text.length; i++) {
      const c = this.text[i];
      if (c === open.text) depth++;
      else if (c === close && --depth === 0) {
        this.pos = i + 1;
        return;
      }
    }
    throw this.error(open.start, `unclosed "${open.text}": no matching "${close}" before the end of the input`);
  }

  private run(kind: TokenKind, chars: RegExp): Token {
    const start = this.pos;
    while (this.pos < this.text.length && chars.test(this.text[this.pos])) this.pos++;
    return { kind, text: this.text.slice(start, this.pos), start, end: this.pos };
  }
}

/** How a token reads in an error message. */
export function describe(token: Token): string {
  if (token.kind === "eof") return "the end of the input";
  const text = token.text.length > 24 ? `${token.text.slice(0, 24)}…` : token.text;
  return JSON.stringify(text);
}
