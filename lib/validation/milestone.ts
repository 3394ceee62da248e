import { z } from "zod";
import { LIMITS } from "./limits";
import { optionalDate } from "./date";
import { labelled } from "./field-label";
import { MILESTONE_LABELS as L } from "./labels";
import { idSchema, text } from "./text";

const M = LIMITS.milestone;

export const MILESTONE_STATUSES = ["planned", "in_progress", "blocked", "done", "cancelled"] as const;
export const MILESTONE_HEALTHS = ["on_track", "at_risk", "off_track"] as const;

export const milestoneStatusSchema = labelled(z.enum(MILESTONE_STATUSES, { message: `must be one of ${MILESTONE_STATUSES.join(", ")}` }), L.status);
export const milestoneHealthSchema = labelled(z.enum(MILESTONE_HEALTHS, { message: `must be one of ${MILESTONE_HEALTHS.join(", ")}` }), L.health);

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

export const milestoneFieldsSchema = z.object({
  key: labelled(
    z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z][A-Z0-9]{1,9}-\d{1,5}$/, "must look like FLOOR-12"),
    L.key,
  ),
  title: text(L.title, { min: 3, max: M.title, trim: true, singleLine: true }),
  description: text(L.description, { max: M.description }).default(""),
  acceptanceCriteria: text(L.acceptanceCriteria, { max: M.acceptanceCriteria }).default(""),
  // Must also be a member of the project: checked by the data layer.
  ownerId: idSchema(L.ownerId).nullable().optional(),
  startDate: optionalDate(L.startDate),
  dueDate: optionalDate(L.dueDate),
  estimateDays: labelled(z.coerce.number().min(0, "must be 0 or more").max(1000, "must be at most 1,000"), L.estimateDays).nullable().optional(),
});

export const createMilestoneSchema = milestoneFieldsSchema.refine(
  (v) => !v.startDate || !v.dueDate || v.startDate <= v.dueDate,
  { path: ["dueDate"], message: "must be on or after the start date" },
);
export type CreateMilestoneInput = z.input<typeof createMilestoneSchema>;

export const updateMilestoneSchema = milestoneFieldsSchema
  .omit({ key: true })
  .extend({ version })
  .refine((v) => !v.startDate || !v.dueDate || v.startDate <= v.dueDate, { path: ["dueDate"], message: "must be on or after the start date" });
export type UpdateMilestoneInput = z.input<typeof updateMilestoneSchema>;
