import { z } from "zod";

export const HANDOFF_STATUSES = ["draft", "in_review", "changes_requested", "accepted", "archived"] as const;
export type HandoffStatusValue = (typeof HANDOFF_STATUSES)[number];

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `must be at most ${max} characters`)
    .nullish()
    .transform((v) => (v ? v : null));

export const handoffContentSchema = z.object({
  title: z.string().trim().min(3, "must be at least 3 characters").max(200, "must be at most 200 characters"),
  paperTitle: z.string().trim().max(500).default(""),
  authors: z.array(z.string().trim().min(1).max(200)).max(200).default([]),
  venue: z.string().trim().max(200).default(""),
  year: z.coerce.number().int().min(1900, "must be 1900 or later").max(2100, "must be 2100 or earlier").nullable().optional(),
  arxivId: optionalText(40).refine((v) => v === null || /^(\d{4}\.\d{4,5}(v\d+)?|[a-z-]+(\.[A-Z]{2})?\/\d{7})$/i.test(v), "must look like 2103.02574 or cs/0112017"),
  doi: optionalText(200).refine((v) => v === null || /^10\.\d{4,9}\/\S+$/.test(v), "must look like 10.1109/CVPR.2016.90"),
  url: optionalText(1000).refine((v) => v === null || /^https?:\/\//.test(v), "must start with http:// or https://"),
  bibtex: z.string().max(20_000).default(""),
  sections: z.record(z.string().regex(/^[a-z][a-z0-9_]*$/), z.string().max(100_000, "must be at most 100,000 characters")).default({}),
  body: z.string().max(500_000, "must be at most 500,000 characters").default(""),
});
export type HandoffContentInput = z.input<typeof handoffContentSchema>;
export type HandoffContent = z.output<typeof handoffContentSchema>;

export const updateHandoffSchema = handoffContentSchema.extend({
  version: z.coerce.number().int().min(1),
  message: z.string().trim().max(500).default(""),
});
export type UpdateHandoffInput = z.input<typeof updateHandoffSchema>;

export const commentSchema = z.object({
  sectionKey: z.string().regex(/^[a-z][a-z0-9_]*$/, "must name a section"),
  body: z.string().trim().min(1, "is required").max(10_000, "must be at most 10,000 characters"),
  parentId: z.string().min(1).optional(),
});
export type CommentInput = z.input<typeof commentSchema>;

/** Who moves a handoff where: the action name is the permission it needs. */
export const HANDOFF_TRANSITIONS = {
  submit: { from: ["draft", "changes_requested"], to: "in_review", permission: "update" },
  requestChanges: { from: ["in_review"], to: "changes_requested", permission: "review" },
  accept: { from: ["in_review"], to: "accepted", permission: "accept" },
  archive: { from: ["draft", "changes_requested", "accepted", "in_review"], to: "archived", permission: "accept" },
  reopen: { from: ["archived", "accepted"], to: "draft", permission: "update" },
} as const satisfies Record<string, { from: readonly HandoffStatusValue[]; to: HandoffStatusValue; permission: "update" | "review" | "accept" }>;
export type HandoffTransition = keyof typeof HANDOFF_TRANSITIONS;
export const handoffTransitionSchema = z.enum(Object.keys(HANDOFF_TRANSITIONS) as [HandoffTransition, ...HandoffTransition[]]);

export const draftSchema = z.object({
  baseVersion: z.coerce.number().int().min(1),
  content: handoffContentSchema,
});
export type DraftInput = z.input<typeof draftSchema>;

export const restoreSchema = z.object({
  revision: z.coerce.number().int().min(1),
  version: z.coerce.number().int().min(1),
});

/** The milestones a handoff's paper was decomposed into: the whole set, replacing the last. */
export const handoffMilestonesSchema = z.object({
  milestoneIds: z.array(z.string().min(1)).max(200, "at most 200 milestones"),
});

export const reviewersSchema = z.object({
  userIds: z.array(z.string().min(1)).max(20, "at most 20 reviewers"),
});
