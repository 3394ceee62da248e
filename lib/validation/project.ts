import { z } from "zod";
import { LIMITS } from "./limits";
import { idSchema, text } from "./text";
import { ROLES } from "@/lib/auth/permissions";

export const projectKeySchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z][A-Z0-9]{1,9}$/, "must be 2 to 10 letters or digits, starting with a letter (like FLOOR)");

export const createProjectSchema = z.object({
  key: projectKeySchema,
  name: text("Name", { min: 2, max: LIMITS.project.name, trim: true, singleLine: true }),
  description: text("Description", { max: LIMITS.project.description, trim: true }).default(""),
});
export type CreateProjectInput = z.input<typeof createProjectSchema>;

export const updateProjectSchema = createProjectSchema.omit({ key: true });
export type UpdateProjectInput = z.input<typeof updateProjectSchema>;

export const roleSchema = z.enum(ROLES, { message: `must be one of ${ROLES.join(", ")}` });

export const addMemberSchema = z.object({
  email: z.string().trim().toLowerCase().email("must be an email address"),
  role: roleSchema,
});
export type AddMemberInput = z.input<typeof addMemberSchema>;

export const changeRoleSchema = z.object({ userId: idSchema("Member"), role: roleSchema });
export type ChangeRoleInput = z.input<typeof changeRoleSchema>;
