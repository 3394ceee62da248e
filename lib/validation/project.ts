import { z } from "./zod-browser";
import { LIMITS } from "./limits";
import { idSchema, text } from "./text";
import { labelled } from "./field-label";
import { MEMBER_LABELS, PROJECT_LABELS } from "./labels";
import { ROLES } from "@/lib/auth/permissions";

export const projectKeySchema = labelled(
  z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z][A-Z0-9]{1,9}$/, "must be 2 to 10 letters or digits, starting with a letter (like FLOOR)"),
  PROJECT_LABELS.key,
);

export const createProjectSchema = z.object({
  key: projectKeySchema,
  name: text(PROJECT_LABELS.name, { min: 2, max: LIMITS.project.name, trim: true, singleLine: true }),
  description: text(PROJECT_LABELS.description, { max: LIMITS.project.description, trim: true }).default(""),
});
export type CreateProjectInput = z.input<typeof createProjectSchema>;

export const updateProjectSchema = createProjectSchema.omit({ key: true });
export type UpdateProjectInput = z.input<typeof updateProjectSchema>;

export const roleSchema = labelled(z.enum(ROLES, { message: `must be one of ${ROLES.join(", ")}` }), MEMBER_LABELS.role);

export const addMemberSchema = z.object({
  email: labelled(z.string().trim().toLowerCase().email("must be an email address"), MEMBER_LABELS.email),
  role: roleSchema,
});
export type AddMemberInput = z.input<typeof addMemberSchema>;

export const changeRoleSchema = z.object({ userId: idSchema(MEMBER_LABELS.userId), role: roleSchema });
export type ChangeRoleInput = z.input<typeof changeRoleSchema>;
