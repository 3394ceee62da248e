import { z } from "zod";
import { LIMITS } from "./limits";
import { optionalDate } from "./date";
import { idSchema, text } from "./text";

const M = LIMITS.milestone;

export const MILESTONE_STATUSES = ["planned", "in_progress", "blocked", "done", "cancelled"] as const;
export const MILESTONE_HEALTHS = ["on_track", "at_risk", "off_track"] as const;

export const milestoneStatusSchema = z.enum(MILESTONE_STATUSES, { message: `must be one of ${MILESTONE_STATUSES.join(", ")}` });
export const milestoneHealthSchema = z.enum(MILESTONE_HEALTHS, { message: `must be one of ${MILESTONE_HEALTHS.join(", ")}` });

export const updateMilestoneStatusSchema = z
  .object({
    status: milestoneStatusSchema,
    health: milestoneHealthSchema,
    note: text("Note", { max: M.statusNote, trim: true }).default(""),
    // The version the user saw; a stale one is a conflict (409), never a silent overwrite.
    version: z.coerce.number().int().min(1),
  })
  .refine((v) => v.status !== "blocked" || v.note.length > 0, { path: ["note"], message: "say what blocks this milestone" });
export type UpdateMilestoneStatusInput = z.input<typeof updateMilestoneStatusSchema>;

export const milestoneFieldsSchema = z.object({
  key: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z][A-Z0-9]{1,9}-\d{1,5}$/, "must look like FLOOR-12"),
  title: text("Title", { min: 3, max: M.title, trim: true, singleLine: true }),
  description: text("Description", { max: M.description }).default(""),
  acceptanceCriteria: text("Acceptance criteria", { max: M.acceptanceCriteria }).default(""),
  // Must also be a member of the project: checked by the data layer.
  ownerId: idSchema("Owner").nullable().optional(),
  startDate: optionalDate("Start date"),
  dueDate: optionalDate("Due date"),
  estimateDays: z.coerce.number().min(0, "must be 0 or more").max(1000, "must be at most 1,000").nullable().optional(),
});

export const createMilestoneSchema = milestoneFieldsSchema.refine(
  (v) => !v.startDate || !v.dueDate || v.startDate <= v.dueDate,
  { path: ["dueDate"], message: "must be on or after the start date" },
);
export type CreateMilestoneInput = z.input<typeof createMilestoneSchema>;

export const updateMilestoneSchema = milestoneFieldsSchema
  .omit({ key: true })
  .extend({ version: z.coerce.number().int().min(1) })
  .refine((v) => !v.startDate || !v.dueDate || v.startDate <= v.dueDate, { path: ["dueDate"], message: "must be on or after the start date" });
export type UpdateMilestoneInput = z.input<typeof updateMilestoneSchema>;
