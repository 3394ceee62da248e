// What a handoff's content may hold, with its template in view: section keys are the template's
// (plus keys whose text the handoff already keeps from an earlier template), and every message
// names a section by the title the editor shows. Used by saves, drafts, restores and comments.
import { db } from "@/lib/db/client";
import { parseInput } from "@/lib/errors";
import { readSections, resolveTemplateSections } from "@/lib/handoff/completeness";
import { handoffContentSchemaFor, type HandoffContent, type SectionRules } from "@/lib/validation/handoff";
import type { TemplateSection } from "@/lib/validation/template";

/** Comments on the free Markdown notes use this section key. */
export const BODY_SECTION_KEY = "body";

export function sectionRules(template: readonly TemplateSection[], keptKeys: Iterable<string> = []): SectionRules {
  const titles = new Map(template.map((s) => [s.key, s.title]));
  const allowed = new Set([...titles.keys(), ...keptKeys]);
  return { title: (key) => titles.get(key) ?? `Section “${key}”`, allowed };
}

/** The rules for a new handoff made from a template (null: the built-in sections). */
export async function templateSectionRules(templateId: string | null): Promise<SectionRules> {
  const template = templateId ? await db().handoffTemplate.findUnique({ where: { id: templateId }, select: { sections: true } }) : null;
  return sectionRules(resolveTemplateSections(template?.sections));
}

/** The rules for an existing handoff; `extraKeys` are allowed too (a restored revision's own keys). */
export async function handoffSectionRules(handoffId: string, extraKeys: readonly string[] = []): Promise<SectionRules> {
  const row = await db().handoff.findUnique({ where: { id: handoffId }, select: { sections: true, template: { select: { sections: true } } } });
  return sectionRules(resolveTemplateSections(row?.template?.sections), [...Object.keys(readSections(row?.sections)), ...extraKeys]);
}

export function parseContent(rules: SectionRules, input: unknown): HandoffContent {
  return parseInput(handoffContentSchemaFor(rules), input);
}
