// LaTeX as found in BibTeX values, decoded to plain Unicode text.

/** Accent commands and the Unicode combining mark each adds to the next letter. */
const ACCENTS: Record<string, string> = {
  "'": "\u0301", "`": "\u0300", "^": "\u0302", '"': "\u0308", "~": "\u0303", "=": "\u0304", ".": "\u0307",
  u: "\u0306", v: "\u030C", H: "\u030B", r: "\u030A", c: "\u0327", k: "\u0328", d: "\u0323", b: "\u0331", t: "\u0361",
};

/** Control words that stand for a character or a word. */
const SYMBOLS: Record<string, string> = {
  aa: "å", AA: "Å", o: "ø", O: "Ø", ss: "ß", ae: "æ", AE: "Æ", oe: "œ", OE: "Œ", l: "ł", L: "Ł", i: "ı", j: "ȷ",
  dh: "ð", DH: "Ð", th: "þ", TH: "Þ", dj: "đ", DJ: "Đ", ng: "ŋ", NG: "Ŋ",
  textendash: "–", textemdash: "—", textquoteleft: "‘", textquoteright: "’", textquotedblleft: "“", textquotedblright: "”",
  guillemotleft: "«", guillemotright: "»", ldots: "…", dots: "…", textellipsis: "…", textbullet: "•",
  copyright: "©", textcopyright: "©", textregistered: "®", texttrademark: "™", S: "§", P: "¶", pounds: "£", euro: "€",
  textdegree: "°", textbackslash: "\\", textasciitilde: "~", textasciicircum: "^", textunderscore: "_",
  TeX: "TeX", LaTeX: "LaTeX", BibTeX: "BibTeX",
  alpha: "α", beta: "β", gamma: "γ", delta: "δ", epsilon: "ε", varepsilon: "ε", zeta: "ζ", eta: "η", theta: "θ",
  iota: "ι", kappa: "κ", lambda: "λ", mu: "μ", nu: "ν", xi: "ξ", pi: "π", rho: "ρ", sigma: "σ", tau: "τ",
  upsilon: "υ", phi: "φ", varphi: "φ", chi: "χ", psi: "ψ", omega: "ω", Gamma: "Γ", Delta: "Δ", Theta: "Θ",
  Lambda: "Λ", Xi: "Ξ", Pi: "Π", Sigma: "Σ", Phi: "Φ", Psi: "Ψ", Omega: "Ω",
  times: "×", cdot: "·", pm: "±", leq: "≤", le: "≤", geq: "≥", ge: "≥", neq: "≠", approx: "≈", infty: "∞",
  to: "→", rightarrow: "→", leftarrow: "←", ell: "ℓ", sim: "∼", in: "∈", sum: "∑", partial: "∂", nabla: "∇",
};

/** Control symbols: a backslash and one non-letter. Any other (\&, \%, \$, \_, \#, \{, \}) is that character. */
const CONTROL_SYMBOLS: Record<string, string> = { " ": " ", "\\": " ", ",": " ", ";": " ", ":": " ", "!": "", "-": "", "/": "", "@": "" };

/** TeX ligatures of plain characters, longest first. */
const LIGATURES: [string, string][] = [["---", "—"], ["--", "–"], ["``", "“"], ["''", "”"], ["`", "‘"], ["~", " "]];

/**
 * Decodes LaTeX in a BibTeX value to Unicode: accents (\'e, \"{o}, {\'e}, \c{c}, \v{s}, \aa, \o, \ss,
 * ...), escapes (\&, \%, \$, \_, \#), dashes (-- –, --- —), quotes (``…'' “…”), ~ to a plain space.
 * Protective braces ({CVPR}, Lo{RA}), math "$" and unknown commands (\emph, \textbf) are dropped, keeping
 * their text. Whitespace is collapsed and the result NFC-normalized. A lone "'" stays an apostrophe.
 */
export function decodeLatex(s: string): string {
  return decode(s).replace(/\s+/g, " ").trim().normalize("NFC");
}

/**
 * Decodes a verbatim value (url, doi, eprint): braces dropped, \_ \% \& \# \$ \~ unescaped,
 * all whitespace removed (a long URL may be wrapped). No dashes, quotes or accents.
 */
export function decodeVerbatim(s: string): string {
  return s.replace(/\\([_%&#$~{}])|[{}\s]/g, (_, escaped: string | undefined) => escaped ?? "");
}

function decode(s: string): string {
  let out = "";
  let i = 0;
  while (i < s.length) {
    const c = s[i];
    if (c === "\\") {
      const [text, next] = command(s, i);
      out += text;
      i = next;
    } else if (c === "{") {
      const close = matchingBrace(s, i);
      out += decode(s.slice(i + 1, close));
      i = close + 1;
    } else if (c === "}" || c === "$") {
      i++;
    } else {
      const ligature = LIGATURES.find(([from]) => s.startsWith(from, i));
      out += ligature ? ligature[1] : c;
      i += ligature ? ligature[0].length : 1;
    }
  }
  return out;
}

/** Decodes the command whose backslash is at `i`; returns its text and the offset after it. */
function command(s: string, i: number): [string, number] {
  const { name, end } = commandName(s, i);
  if (name === "") return ["\\", end]; // a trailing backslash
  if (name in ACCENTS) {
    const { base, end: after } = accentBase(s, end);
    if (base === "") return [/[a-z]/i.test(name) ? "" : name, after]; // \^{} is a caret
    const [first, ...rest] = Array.from(base);
    return [first + ACCENTS[name] + rest.join(""), after];
  }
  if (name in SYMBOLS) return [SYMBOLS[name], end];
  if (!/[a-z]/i.test(name)) return [CONTROL_SYMBOLS[name] ?? name, end];
  return ["", end]; // unknown control word (\emph, \textbf, \bf): dropped, its {argument} stays text
}

/** A control word (letters, then spaces skipped, as TeX does) or a control symbol (one character). */
function commandName(s: string, i: number): { name: string; end: number } {
  let end = i + 1;
  if (end >= s.length) return { name: "", end };
  if (!/[a-z]/i.test(s[end])) return { name: s[end], end: end + 1 };
  while (end < s.length && /[a-z]/i.test(s[end])) end++;
  const name = s.slice(i + 1, end);
  while (end < s.length && /\s/.test(s[end])) end++;
  return { name, end };
}

/** What an accent applies to: a {group}, a command (\i is a dotless i, so \'\i is í) or one character. */
function accentBase(s: string, i: number): { base: string; end: number } {
  while (i < s.length && /\s/.test(s[i])) i++;
  if (i >= s.length) return { base: "", end: i };
  if (s[i] === "{") {
    const close = matchingBrace(s, i);
    const inner = s.slice(i + 1, close).trim();
    const base = inner === "\\i" || inner === "\\j" ? inner[1] : decode(inner);
    return { base, end: close + 1 };
  }
  if (s[i] === "\\") {
    const { name, end } = commandName(s, i);
    if (name === "i" || name === "j") return { base: name, end };
    const [base, after] = command(s, i);
    return { base, end: after };
  }
  const char = String.fromCodePoint(s.codePointAt(i)!);
  return { base: char, end: i + char.length };
}

/** Offset of the "}" closing the "{" at `open` (escaped braces skipped), or the end of `s`. */
function matchingBrace(s: string, open: number): number {
  let depth = 0;
  for (let i = open; i < s.length; i++) {
    if (s[i] === "\\") i++;
    else if (s[i] === "{") depth++;
    else if (s[i] === "}" && --depth === 0) return i;
  }
  return s.length;
}
