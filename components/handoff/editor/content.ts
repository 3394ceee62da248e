// The editor's view of a handoff: every field as the text the person types (authors one per line,
// the year as typed), and the conversions to and from what the data layer takes. Pure, so the
// pages, the server actions and the client components share it.
import { HANDOFF_FIELD_LABELS, type HandoffContentInput } from "@/lib/validation/handoff";
import { readSections } from "@/lib/handoff/completeness";
import { authorsOf } from "@/lib/handoff/paper";

export type EditorContent = {
  title: string;
  paperTitle: string;
  /** One author per line. */
  authors: string;
  venue: string;
  /** As typed; "" means no year. */
  year: string;
  arxivId: string;
  doi: string;
  url: string;
  bibtex: string;
  sections: Record<string, string>;
  body: string;
};

export const PAPER_FIELDS = ["title", "paperTitle", "authors", "venue", "year", "arxivId", "doi", "url", "bibtex"] as const;
export type PaperField = (typeof PAPER_FIELDS)[number];

/** The labels the editor shows, which the schema's messages use too. */
export const FIELD_LABELS: Record<PaperField | "body", string> = HANDOFF_FIELD_LABELS;

/** A stored handoff (a row, a revision snapshot or a draft) as editor text. */
export function toEditorContent(h: {
  title: string;
  paperTitle?: string | null;
  authors?: unknown;
  venue?: string | null;
  year?: number | null;
  arxivId?: string | null;
  doi?: string | null;
  url?: string | null;
  bibtex?: string | null;
  sections?: unknown;
  body?: string | null;
}): EditorContent {
  return {
    title: h.title,
    paperTitle: h.paperTitle ?? "",
    authors: authorsOf(h.authors).join("\n"),
    venue: h.venue ?? "",
    year: h.year ? String(h.year) : "",
    arxivId: h.arxivId ?? "",
    doi: h.doi ?? "",
    url: h.url ?? "",
    bibtex: h.bibtex ?? "",
    sections: readSections(h.sections),
    body: h.body ?? "",
  };
}

export function splitAuthors(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((a) => a.trim())
    .filter(Boolean);
}

/** What createHandoff, updateHandoff and saveDraft take. Empty sections are left out. */
export function toContentInput(c: EditorContent): HandoffContentInput {
  const sections: Record<string, string> = {};
  for (const [key, text] of Object.entries(c.sections)) if (text.trim()) sections[key] = text;
  const year = c.year.trim();
  return {
    title: c.title,
    paperTitle: c.paperTitle,
    authors: splitAuthors(c.authors),
    venue: c.venue,
    // "" is "no year"; anything else goes to the schema as typed, so "20x" gets its message.
    year: year === "" ? null : (year as unknown as number),
    arxivId: c.arxivId.trim() || null,
    doi: c.doi.trim() || null,
    url: c.url.trim() || null,
    bibtex: c.bibtex,
    sections,
    body: c.body,
  };
}

/** One field's value in a form that compares equal when the saved result would be equal. */
export function normalizedField(c: EditorContent, field: PaperField | "body" | `section:${string}`): string {
  if (field.startsWith("section:")) return (c.sections[field.slice(8)] ?? "").trimEnd();
  switch (field) {
    case "authors":
      return splitAuthors(c.authors).join("\n");
    case "body":
      return c.body.trimEnd();
    case "bibtex":
      return c.bibtex.trimEnd();
    default:
      return (c[field as PaperField] ?? "").trim();
  }
}

/** Every field key of two contents: paper fields, then sections in `order`, then other sections, then the body. */
export function fieldKeys(order: readonly string[], ...contents: EditorContent[]): (PaperField | "body" | `section:${string}`)[] {
  const sectionKeys = new Set(order);
  for (const c of contents) for (const k of Object.keys(c.sections)) sectionKeys.add(k);
  return [...PAPER_FIELDS, ...[...sectionKeys].map((k) => `section:${k}` as const), "body"];
}

export function sameContent(a: EditorContent, b: EditorContent): boolean {
  if (a === b) return true;
  return fieldKeys([], a, b).every((f) => normalizedField(a, f) === normalizedField(b, f));
}

// ---------- What the editor's server actions answer ----------

export type FieldErrorMap = Record<string, string[]>;
export type Failure = { ok: false; message: string; fieldErrors?: FieldErrorMap };

export type ConflictInfo = {
  /** The version now saved, to save the merge on top of. */
  version: number;
  theirs: EditorContent;
  /** The text both sides started from, when that revision is still there. */
  base: EditorContent | null;
  savedBy: string | null;
  /** The version that won was saved by the same person (in another tab or window). */
  savedByMe?: boolean;
  savedAt: string;
};

export type SaveInput = HandoffContentInput & { version: number; message?: string };
export type SaveResult = { ok: true; version: number; savedAt: string } | (Failure & { conflict?: ConflictInfo });
export type DraftResult = { ok: true; savedAt: string } | Failure;

export type EditorActions = {
  save: (id: string, input: SaveInput) => Promise<SaveResult>;
  saveDraft: (id: string, baseVersion: number, content: HandoffContentInput) => Promise<DraftResult>;
  discardDraft: (id: string) => Promise<{ ok: true } | Failure>;
};
