import { z } from "./zod-browser";
import { LIMITS, formatCount } from "./limits";
import { optionalDate } from "./date";
import { labelled } from "./field-label";
import { MILESTONE_LABELS as L, MILESTONE_PLAN_LABELS as P } from "./labels";
import { serviceNameSchema } from "./service";
import { idSchema, text } from "./text";

const M = LIMITS.milestone;

export const MILESTONE_STATUSES = ["planned", "in_progress", "blocked", "done", "cancelled"] as const;
export const MILESTONE_HEALTHS = ["on_track", "at_risk", "off_track"] as const;

export const milestoneStatusSchema = labelled(z.enum(MILESTONE_STATUSES, { message: `must be one of ${MILESTONE_STATUSES.join(", ")}` }), L.status);
export const milestoneHealthSchema = labelled(z.enum(MILESTONE_HEALTHS, { message: `must be one of ${MILESTONE_HEALTHS.join(", ")}` }), L.health);

/** A milestone key: its project's key, a dash and a number of at most LIMITS.milestone.keyNumber (FLOOR-12). */
export const MILESTONE_KEY_PATTERN = new RegExp(`^[A-Z][A-Z0-9]{1,9}-\\d{1,${String(M.keyNumber).length}}$`);

/** The version the user saw; a stale one is a conflict (409), never a silent overwrite. */
const version = labelled(z.coerce.number().int().min(1), L.version);

export const updateMilestoneStatusSchema = z
  .object({
    status: milestoneStatusSchema,
    health: milestoneHealthSchema,
    note: text(L.note, { max: M.statusNote, trim: true }).default(""),
    version,
  })
  .refine((v) => v.status !== "blocked" || v.note.length > 0, { path: ["note"], message: "must say what blocks this milestone" });
export type UpdateMilestoneStatusInput = z.input<typeof updateMilestoneStatusSchema>;

/** The fields a person writes, without defaults: a PATCH leaves what it does not name alone. */
const fields = {
  key: labelled(
    z
      .string()
      .trim()
      .toUpperCase()
      .regex(MILESTONE_KEY_PATTERN, "must look like FLOOR-12"),
    L.key,
  ),
  title: text(L.title, { min: 3, max: M.title, trim: true, singleLine: true }),
  description: text(L.description, { max: M.description }),
  acceptanceCriteria: text(L.acceptanceCriteria, { max: M.acceptanceCriteria }),
  // Must also be a member of the project: checked by the data layer.
  ownerId: idSchema(L.ownerId).nullable().optional(),
  startDate: optionalDate(L.startDate),
  dueDate: optionalDate(L.dueDate),
  estimateDays: labelled(z.coerce.number().min(0, "must be 0 or more").max(M.estimateDays, `must be at most ${formatCount(M.estimateDays)}`), L.estimateDays).nullable().optional(),
};

export const milestoneFieldsSchema = z.object({
  ...fields,
  description: fields.description.default(""),
  acceptanceCriteria: fields.acceptanceCriteria.default(""),
});

const datesInOrder = (v: { startDate?: Date | null; dueDate?: Date | null }) => !v.startDate || !v.dueDate || v.startDate <= v.dueDate;

export const createMilestoneSchema = milestoneFieldsSchema.refine(datesInOrder, { path: ["dueDate"], message: "must be on or after the start date" });
export type CreateMilestoneInput = z.input<typeof createMilestoneSchema>;

/**
 * An edit (the form sends every field, PATCH any of them) with the version it started from. The
 * data layer keeps only the fields the input names, so a PATCH of the title leaves the rest.
 */
export const updateMilestoneSchema = z
  .object(fields)
  .partial()
  .extend({ version })
  .refine(datesInOrder, { path: ["dueDate"], message: "must be on or after the start date" });
export type UpdateMilestoneInput = z.input<typeof updateMilestoneSchema>;

/** "This milestone depends on …": the other milestone by key (FLOOR-3) or id. */
export const addDependencySchema = z.object({
  dependsOn: labelled(z.string().trim().min(1, "must name a milestone").max(64, "must be a milestone key or id"), P.dependsOn),
});

/** The whole set of services that implement a milestone, by name. */
export const milestoneServicesSchema = z.object({
  services: labelled(z.array(serviceNameSchema).max(100, "can list at most 100 services"), P.services),
});

/** One milestone linked to (or unlinked from) a service, from the service's page: by id. */
export const serviceMilestoneSchema = z.object({ milestone: idSchema(P.milestone) });

/** Ticks or unticks the index-th "- [ ] …" item of the acceptance criteria. */
export const tickCriterionSchema = z.object({
  index: labelled(z.coerce.number().int().min(0, "must be 0 or more").max(9_999, "must be at most 9,999"), P.criterion),
  checked: labelled(z.union([z.boolean(), z.enum(["true", "false"]).transform((v) => v === "true")]), P.checked),
  version,
});
