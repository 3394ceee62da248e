import { z } from "./zod-browser";
import { HANDOFF_TRANSITIONS } from "@/lib/auth/permissions";
import { LIMITS, formatCount } from "./limits";
import { DEFAULT_TEMPLATE_SECTIONS } from "./template";
import { LABELLED, checkText, idSchema, optionalText, text } from "./text";
import { labelled } from "./field-label";
import { HANDOFF_ACTION_LABELS, HANDOFF_FIELD_LABELS } from "./labels";

export const HANDOFF_STATUSES = ["draft", "in_review", "changes_requested", "accepted", "archived"] as const;
export type HandoffStatusValue = (typeof HANDOFF_STATUSES)[number];

export { HANDOFF_FIELD_LABELS } from "./labels";

const H = LIMITS.handoff;
const L = HANDOFF_FIELD_LABELS;
const A = HANDOFF_ACTION_LABELS;
/** A version number the client read (the handoff's, a revision's). */
const versionField = (label: string) => labelled(z.coerce.number({ message: `${label} must be a number.` }).int().min(1), label);

export const SECTION_KEY_PATTERN = /^[a-z][a-z0-9_]*$/;

/** The paper fields and text of a handoff, each with its own caps; the whole is checked by handoffContentSchemaFor. */
export const handoffFieldsSchema = z.object({
  title: text(L.title, { min: 3, max: H.title, trim: true, singleLine: true }),
  paperTitle: text(L.paperTitle, { max: H.paperTitle, trim: true, singleLine: true }).default(""),
  authors: labelled(
    z.array(text(L.author, { min: 1, max: H.authorName, trim: true, singleLine: true })).superRefine((a, ctx) => {
      if (a.length > H.authors) ctx.addIssue({ code: "custom", message: `${L.authors} can list at most ${formatCount(H.authors)} people (this has ${formatCount(a.length)}).`, params: LABELLED });
    }),
    L.authors,
  ).default([]),
  venue: text(L.venue, { max: H.venue, trim: true, singleLine: true }).default(""),
  year: labelled(z.coerce.number().int().min(1900, "must be 1900 or later").max(2100, "must be 2100 or earlier"), L.year).nullable().optional(),
  arxivId: optionalText(L.arxivId, H.arxivId).refine((v) => v === null || /^(\d{4}\.\d{4,5}(v\d+)?|[a-z-]+(\.[A-Z]{2})?\/\d{7})$/i.test(v), "must look like 2103.02574 or cs/0112017"),
  doi: optionalText(L.doi, H.doi).refine((v) => v === null || /^10\.\d{4,9}\/\S+$/.test(v), "must look like 10.1109/CVPR.2016.90"),
  url: optionalText(L.url, H.url).refine((v) => v === null || /^https?:\/\//.test(v), "must start with http:// or https://"),
  bibtex: text(L.bibtex, { max: H.bibtex }).default(""),
  // Keys and each text are checked with the handoff's template in view (handoffContentSchemaFor).
  sections: labelled(z.record(z.string(), labelled(z.string({ error: "must be text." }), L.section)), L.sections).default({}),
  body: text(L.body, { max: H.body }).default(""),
});

/**
 * What a handoff's sections may be: keyed by its template's sections (plus text kept under keys
 * of an earlier template), each labelled with its title in messages.
 */
export type SectionRules = {
  /** The section's title, as the editor shows it. */
  title: (key: string) => string;
  /** Keys a section may have; undefined accepts any well-formed key (reading old data, tests). */
  allowed?: ReadonlySet<string>;
};

const defaultTitles = new Map(DEFAULT_TEMPLATE_SECTIONS.map((s) => [s.key, s.title]));
export const DEFAULT_SECTION_RULES: SectionRules = { title: (key) => defaultTitles.get(key) ?? `Section “${key}”` };

/** Every character a handoff stores as text, for the whole-handoff cap. */
export function handoffLength(c: { title: string; paperTitle: string; authors: string[]; venue: string; arxivId: string | null; doi: string | null; url: string | null; bibtex: string; sections: Record<string, string>; body: string }): number {
  let n = c.title.length + c.paperTitle.length + c.venue.length + c.bibtex.length + c.body.length;
  n += (c.arxivId?.length ?? 0) + (c.doi?.length ?? 0) + (c.url?.length ?? 0);
  for (const a of c.authors) n += a.length;
  for (const t of Object.values(c.sections)) n += t.length;
  return n;
}

type Fields = z.output<typeof handoffFieldsSchema>;

function checkContent(c: Fields, rules: SectionRules, ctx: z.RefinementCtx) {
  const total = handoffLength(c);
  if (total > H.total) {
    ctx.addIssue({
      code: "custom",
      message: `This handoff is ${formatCount(total)} characters long; a handoff can hold at most ${formatCount(H.total)} characters in all (title, paper details, BibTeX, sections and notes together).`,
      params: LABELLED,
    });
  }
  const keys = Object.keys(c.sections);
  if (keys.length > H.sections) {
    ctx.addIssue({ code: "custom", path: ["sections"], message: `This handoff has ${formatCount(keys.length)} sections; a handoff can have at most ${H.sections}.`, params: LABELLED });
    return;
  }
  for (const key of keys) {
    if (!SECTION_KEY_PATTERN.test(key) || key.length > LIMITS.template.sectionKey) {
      ctx.addIssue({ code: "custom", path: ["sections", key], message: `${JSON.stringify(key)} is not a section key: keys start with a lowercase letter and use only a-z, 0-9 and _.`, params: LABELLED });
      continue;
    }
    if (rules.allowed && !rules.allowed.has(key)) {
      ctx.addIssue({ code: "custom", path: ["sections", key], message: `“${key}” is not a section of this handoff's template.`, params: LABELLED });
      continue;
    }
    checkText(c.sections[key], rules.title(key), { max: H.section }, ctx, ["sections", key]);
  }
}

/** A handoff's content, checked against its template's sections. */
export function handoffContentSchemaFor(rules: SectionRules = DEFAULT_SECTION_RULES) {
  return handoffFieldsSchema.superRefine((c, ctx) => checkContent(c, rules, ctx));
}
export const handoffContentSchema = handoffContentSchemaFor();
export type HandoffContentInput = z.input<typeof handoffFieldsSchema>;
export type HandoffContent = z.output<typeof handoffFieldsSchema>;

/** The template a new handoff starts from (none or "": the built-in one); its content is then checked against that template's sections. */
export const templateChoiceSchema = z.object({ templateId: z.preprocess((v) => (v === "" ? null : v), idSchema("Template").nullish()) });

/**
 * Content as stored in a revision or draft, read back without caps: text saved before a cap
 * existed stays readable. Only writes are capped.
 */
export const storedContentSchema = z.object({
  title: z.string().catch("(untitled)"),
  paperTitle: z.string().catch(""),
  authors: z.array(z.string()).catch([]),
  venue: z.string().catch(""),
  year: z.number().int().nullable().optional().catch(null),
  arxivId: z.string().nullable().optional().transform((v) => v ?? null).catch(null),
  doi: z.string().nullable().optional().transform((v) => v ?? null).catch(null),
  url: z.string().nullable().optional().transform((v) => v ?? null).catch(null),
  bibtex: z.string().catch(""),
  sections: z.record(z.string(), z.string()).catch({}),
  body: z.string().catch(""),
});

export function updateHandoffSchemaFor(rules: SectionRules = DEFAULT_SECTION_RULES) {
  return handoffFieldsSchema
    .extend({
      version: versionField(A.version),
      message: text(L.message, { max: H.message, trim: true }).default(""),
    })
    .superRefine((c, ctx) => checkContent(c, rules, ctx));
}
export type UpdateHandoffInput = HandoffContentInput & { version: number | string; message?: string };

export const commentBodySchema = text(A.comment, { min: 1, max: LIMITS.comment, trim: true });

export const commentSchema = z.object({
  sectionKey: labelled(z.string().regex(SECTION_KEY_PATTERN, "must name a section"), A.sectionKey),
  body: commentBodySchema,
  parentId: idSchema(A.parentId).optional(),
});
export type CommentInput = z.input<typeof commentSchema>;

export const editCommentSchema = z.object({ body: commentBodySchema });
export type EditCommentInput = z.input<typeof editCommentSchema>;

export { HANDOFF_TRANSITIONS };
export type HandoffTransition = keyof typeof HANDOFF_TRANSITIONS;
export const handoffTransitionSchema = labelled(
  z.enum(Object.keys(HANDOFF_TRANSITIONS) as [HandoffTransition, ...HandoffTransition[]], {
    message: `must be one of ${Object.keys(HANDOFF_TRANSITIONS).join(", ")}.`,
  }),
  A.transition,
);

/** Transitions that must say why: the author needs to know what to change. */
export const NOTE_REQUIRED: ReadonlySet<HandoffTransition> = new Set(["requestChanges"]);

const reviewNote = (label: string) => text(label, { max: H.reviewNote, trim: true }).default("");

/** A status change with its note ("What should change?" when requesting changes). */
export const transitionInputSchema = z
  .object({ transition: handoffTransitionSchema, note: reviewNote(A.note) })
  .superRefine((v, ctx) => {
    if (NOTE_REQUIRED.has(v.transition) && v.note === "") {
      ctx.addIssue({ code: "custom", path: ["note"], message: "Say what should change: the author reads this note.", params: LABELLED });
    }
  });
export type TransitionInput = z.input<typeof transitionInputSchema>;

/** A reviewer's approval of the version they read; a newer version means they read something else. */
export const approveSchema = z.object({
  note: reviewNote(A.note),
  version: versionField(A.version),
});
export type ApproveInput = z.input<typeof approveSchema>;

export function draftSchemaFor(rules: SectionRules = DEFAULT_SECTION_RULES) {
  return z.object({
    baseVersion: versionField(A.baseVersion),
    content: handoffContentSchemaFor(rules),
  });
}
export type DraftInput = { baseVersion: number | string; content: HandoffContentInput };

export const restoreSchema = z.object({
  revision: versionField(A.revision),
  version: versionField(A.version),
});

/** The milestones a handoff's paper was decomposed into: the whole set, replacing the last. */
export const handoffMilestonesSchema = z.object({
  milestoneIds: labelled(z.array(idSchema(A.milestone)).max(200, "can list at most 200 milestones"), A.milestoneIds),
});

export const reviewersSchema = z.object({
  userIds: labelled(z.array(idSchema(A.reviewer)).max(20, "can list at most 20 reviewers"), A.userIds),
});
