// BibTeX import: parse pasted BibTeX and map one entry to a handoff's paper fields.
// Pure TypeScript with no dependencies, so it runs on the server and in the browser.
//
//   parseBibtex(text)    every entry, fields raw (LaTeX kept); throws BibtexError with line/column
//   decodeLatex(s)       LaTeX accents, escapes and braces to Unicode text
//   toPaperFields(entry) paperTitle, authors, venue, year, arxivId, doi, url, bibtex
//   importBibtex(text)   the above for a paste that holds exactly one entry
import { BibtexError } from "./bibtex/errors";
import { decodeLatex, decodeVerbatim } from "./bibtex/latex";
import { parseNames } from "./bibtex/names";
import { type BibEntry, parseBibtexDocument } from "./bibtex/parser";

export { BibtexError } from "./bibtex/errors";
export { decodeLatex } from "./bibtex/latex";
export { parseNames } from "./bibtex/names";
export { MAX_INPUT_BYTES, type BibEntry } from "./bibtex/parser";

/** A handoff's paper metadata; absent identifiers are undefined (the handoff schema's "not given"). */
export type PaperFields = {
  paperTitle: string;
  authors: string[];
  venue: string;
  year: number | null;
  arxivId?: string;
  doi?: string;
  url?: string;
  bibtex: string;
};

/** The handoff schema's limits, so every result passes it. */
const LIMITS = { title: 500, author: 200, authors: 200, venue: 200, doi: 200, url: 1000, bibtex: 20_000 };
const ARXIV_ID = /^(\d{4}\.\d{4,5}(v\d+)?|[a-z-]+(\.[A-Z]{2})?\/\d{7})$/i;
/** "arXiv:1810.04805" or "arXiv: cs/0112017" inside a sentence. */
const ARXIV_MENTION = /\barxiv:\s*(\d{4}\.\d{4,5}(?:v\d+)?|[a-z-]+(?:\.[A-Z]{2})?\/\d{7})/i;
const DOI = /^10\.\d{4,9}\/\S+$/;

/** Every entry in `text` (@string, @preamble and @comment blocks are not entries). Input is capped at 100 KB. */
export function parseBibtex(text: string): BibEntry[] {
  return parseBibtexDocument(text).entries;
}

/**
 * The paper fields of a paste that holds exactly one entry. More than one is an error that
 * points at the second (the UI imports one paper at a time), as is none ("no BibTeX entry found").
 * `bibtex` is the entry as pasted, together with any @string or @preamble blocks before it
 * so that it still parses on its own; text around the entry is left out.
 */
export function importBibtex(text: string): PaperFields {
  const { entries, definitions } = parseBibtexDocument(text);
  if (entries.length === 0) throw BibtexError.whole("no BibTeX entry found: paste an entry such as @article{key, title = {...}, ...}");
  if (entries.length > 1) {
    const second = entries[1];
    throw new BibtexError(`found ${entries.length} entries; paste one entry at a time`, second.line, second.column);
  }
  const [entry] = entries;
  const start = Math.min(entry.start, ...definitions.map((d) => d.start));
  return toPaperFields({ ...entry, raw: text.slice(start, entry.end) });
}

/**
 * Maps an entry to paper fields. Venue: booktitle, else journal (an "arXiv preprint ..." journal
 * is "arXiv"), else "arXiv" for an arXiv eprint, else publisher, howpublished, institution or school.
 * arxivId comes from an arXiv eprint, an arxiv.org URL, an arXiv DOI (10.48550/arXiv.*) or
 * "arXiv:1810.04805" in journal, note or howpublished. Identifiers that do not look valid are left
 * out and over-long text is cut, so the result always passes the handoff schema.
 */
export function toPaperFields(entry: BibEntry): PaperFields {
  const f = entry.fields;
  if (entry.raw.length > LIMITS.bibtex) {
    throw new BibtexError(`the entry is longer than ${LIMITS.bibtex.toLocaleString("en")} characters`, entry.line, entry.column);
  }
  const text = (name: string) => (f[name] === undefined ? "" : decodeLatex(f[name]));
  const verbatim = (name: string) => (f[name] === undefined ? "" : decodeVerbatim(f[name]));

  const doi = normalizeDoi(verbatim("doi")) ?? normalizeDoi(verbatim("url"));
  const url = verbatim("url");
  const arxivId = arxivIdOf(entry, url, doi);
  return {
    paperTitle: text("title").slice(0, LIMITS.title),
    authors: f.author === undefined ? [] : parseNames(f.author).map((a) => a.slice(0, LIMITS.author)).slice(0, LIMITS.authors),
    venue: venueOf(entry, arxivId).slice(0, LIMITS.venue),
    year: yearOf(text("year") || text("date")),
    arxivId,
    doi: doi && doi.length <= LIMITS.doi ? doi : undefined,
    url: /^https?:\/\/\S+$/.test(url) && url.length <= LIMITS.url ? url : undefined,
    bibtex: entry.raw,
  };
}

function venueOf(entry: BibEntry, arxivId: string | undefined): string {
  const f = entry.fields;
  const decoded = (name: string) => (f[name] === undefined ? "" : decodeLatex(f[name]));
  const journal = decoded("journal");
  if (decoded("booktitle")) return decoded("booktitle");
  if (journal) return /^arxiv\b/i.test(journal) ? "arXiv" : journal;
  if (arxivId && isArxivEprint(entry)) return "arXiv";
  const howpublished = decoded("howpublished");
  return decoded("publisher") || (/^https?:/i.test(howpublished) ? "" : howpublished) || decoded("institution") || decoded("school");
}

function yearOf(s: string): number | null {
  const year = Number(/\b(1[89]|20|21)\d{2}\b/.exec(s)?.[0]);
  return year >= 1900 && year <= 2100 ? year : null;
}

function isArxivEprint(entry: BibEntry): boolean {
  const archive = decodeVerbatim(entry.fields.archiveprefix ?? entry.fields.eprinttype ?? "").toLowerCase();
  return entry.fields.eprint !== undefined && (archive === "arxiv" || (archive === "" && ARXIV_ID.test(arxivIdText(entry.fields.eprint))));
}

function arxivIdOf(entry: BibEntry, url: string, doi: string | undefined): string | undefined {
  const f = entry.fields;
  const candidates = [
    isArxivEprint(entry) ? arxivIdText(f.eprint) : "",
    /arxiv\.org\/(?:abs|pdf|html)\/(.+?)(?:\.pdf)?\/?(?:[?#]|$)/i.exec(url)?.[1] ?? "",
    /^10\.48550\/arxiv\.(.+)$/i.exec(doi ?? "")?.[1] ?? "",
    ...["journal", "note", "howpublished"].map((name) => ARXIV_MENTION.exec(decodeLatex(f[name] ?? ""))?.[1] ?? ""),
  ];
  return candidates.find((id) => ARXIV_ID.test(id));
}

/** An eprint value without an "arXiv:" prefix. */
function arxivIdText(raw: string): string {
  return decodeVerbatim(raw).replace(/^arxiv:/i, "");
}

/** A DOI without its resolver or "doi:" prefix, if it looks like one. */
function normalizeDoi(s: string): string | undefined {
  const doi = s.replace(/^(https?:\/\/(dx\.)?doi\.org\/|doi:)/i, "");
  return DOI.test(doi) ? doi : undefined;
}
