"use server";
// Saving and deleting from the Edit page. A save that lost the race answers with the version that
// won (its fields as text, under `result`), so the form shows it beside what this person typed and
// nothing is lost; saving again from there is a deliberate choice to overwrite.
import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { authAction, field, formValues, type ActionState } from "@/lib/actions";
import { getActor } from "@/lib/auth/session";
import { safeRedirectPath } from "@/lib/auth/redirect";
import { deleteMilestone, updateMilestone } from "@/lib/data/milestones";
import { AppError, ConflictError, ValidationError, toProblem } from "@/lib/errors";

const VIEWS = ["/projects/[key]/milestones/[id]", "/projects/[key]/milestones", "/projects/[key]", "/projects/[key]/map"];

/** The milestone a lost save raced against, as updateMilestone's 409 carries it. */
const savedSchema = z.object({
  version: z.number(),
  key: z.string(),
  title: z.string(),
  description: z.string(),
  acceptanceCriteria: z.string(),
  ownerId: z.string().nullable(),
  startDate: z.date().nullable(),
  dueDate: z.date().nullable(),
  estimateDays: z.number().nullable(),
});

/** The winning version's fields as strings, for the conflict view, and which of them differ from what was sent. */
function theirs(current: unknown, sent: Record<string, string>): Record<string, string> | undefined {
  const saved = savedSchema.safeParse(current);
  if (!saved.success) return undefined;
  const m = saved.data;
  const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : "");
  const fields: Record<string, string> = {
    key: m.key,
    title: m.title,
    description: m.description,
    acceptanceCriteria: m.acceptanceCriteria,
    ownerId: m.ownerId ?? "",
    startDate: day(m.startDate),
    dueDate: day(m.dueDate),
    estimateDays: m.estimateDays == null ? "" : String(m.estimateDays),
  };
  // Line endings and surrounding spaces are not differences a person made.
  const same = (a: string, b: string) => a.replace(/\r\n?/g, "\n").trim() === b.replace(/\r\n?/g, "\n").trim();
  const differing = Object.keys(fields).filter((name) => !same(fields[name], sent[name] ?? ""));
  return { ...fields, conflictVersion: String(m.version), differing: differing.join(",") };
}

export async function editMilestoneAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  if (!(form instanceof FormData)) return { ok: false, message: "This form was sent in a shape the server does not accept. Reload the page and try again.", at: Date.now() };
  const { id = "", project = "", ...values } = formValues(form);
  let saved;
  try {
    saved = await updateMilestone(await getActor(), id, { ...values, ownerId: values.ownerId || null, estimateDays: values.estimateDays?.trim() ? values.estimateDays : null });
  } catch (error) {
    if (error instanceof ConflictError) return { ok: false, message: error.message, result: theirs(error.current, values), fieldErrors: error.fieldErrors, at: Date.now() };
    if (error instanceof AppError) return { ok: false, message: error.message, fieldErrors: error instanceof ValidationError ? error.fieldErrors : undefined, at: Date.now() };
    return { ok: false, message: toProblem(error).detail, at: Date.now() };
  }
  for (const path of VIEWS) revalidatePath(path, "page");
  redirect(safeRedirectPath(`/projects/${encodeURIComponent(project)}/milestones/${encodeURIComponent(saved.id)}?saved=1`));
}

export const deleteMilestoneAction = authAction((caller, form) => deleteMilestone(caller, field(form, "id")), {
  revalidate: VIEWS.slice(1),
  redirectTo: (r) => `/projects/${encodeURIComponent(r.project)}/milestones?deleted=${encodeURIComponent(r.key)}`,
});
