// How legible a handoff is: which of its template's required sections are written. Pure, so the
// list, the read view and the editor agree, and it is tested on its own.
import { DEFAULT_TEMPLATE_SECTIONS, templateSectionsSchema, type TemplateSection } from "@/lib/validation/template";

/** A handoff's `sections` JSON as a key → text map; anything that is not a string is ignored. */
export function readSections(json: unknown): Record<string, string> {
  if (!json || typeof json !== "object" || Array.isArray(json)) return {};
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(json as Record<string, unknown>)) {
    if (typeof value === "string") out[key] = value;
  }
  return out;
}

/** The template's sections when they parse, else the built-in default template. */
export function resolveTemplateSections(json: unknown): TemplateSection[] {
  if (json === null || json === undefined) return DEFAULT_TEMPLATE_SECTIONS;
  const parsed = templateSectionsSchema.safeParse(json);
  return parsed.success ? parsed.data : DEFAULT_TEMPLATE_SECTIONS;
}

/**
 * Whether a section counts as written: it has text other than whitespace, HTML comments (the
 * editor's placeholders) and lone "TODO"/"TBD" markers.
 */
export function isSectionFilled(text: string | null | undefined): boolean {
  if (!text) return false;
  const stripped = text
    .replace(/<!--[\s\S]*?-->/g, "")
    .replace(/^\s*(?:todo|tbd|tba|n\/a|-+|\.{3}|…)\s*[.:!]?\s*$/gim, "")
    .trim();
  return stripped.length > 0;
}

export type Completeness = {
  /** Required sections that are written. */
  filled: number;
  /** Required sections in the template. */
  required: number;
  /** filled / required as a whole percentage; 100 when the template requires nothing. */
  percent: number;
  /** Required sections still empty, in template order. */
  missing: TemplateSection[];
  /** Optional sections that are written, for "and 3 of 6 optional". */
  optionalFilled: number;
  optional: number;
};

export function handoffCompleteness(sectionsJson: unknown, template: readonly TemplateSection[] = DEFAULT_TEMPLATE_SECTIONS): Completeness {
  const sections = readSections(sectionsJson);
  const required = template.filter((s) => s.required);
  const optional = template.filter((s) => !s.required);
  const missing = required.filter((s) => !isSectionFilled(sections[s.key]));
  const filled = required.length - missing.length;
  return {
    filled,
    required: required.length,
    percent: required.length === 0 ? 100 : Math.round((filled / required.length) * 100),
    missing,
    optionalFilled: optional.filter((s) => isSectionFilled(sections[s.key])).length,
    optional: optional.length,
  };
}
