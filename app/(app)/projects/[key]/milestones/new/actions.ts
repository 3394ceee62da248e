"use server";
import { authAction, field, optionalField } from "@/lib/actions";
import { createMilestone } from "@/lib/data/milestones";

/** Creates the milestone from the form and opens it. */
export const createMilestoneAction = authAction(
  async (caller, form) => {
    const project = field(form, "project");
    const milestone = await createMilestone(caller, project, {
      key: field(form, "key"),
      title: field(form, "title"),
      description: field(form, "description"),
      acceptanceCriteria: field(form, "acceptanceCriteria"),
      ownerId: optionalField(form, "ownerId") ?? null,
      startDate: optionalField(form, "startDate") ?? null,
      dueDate: optionalField(form, "dueDate") ?? null,
      // The schema coerces and checks the number; empty is "no estimate".
      estimateDays: optionalField(form, "estimateDays") ?? null,
    });
    return { project, id: milestone.id };
  },
  {
    revalidate: ["/projects/[key]/milestones", "/projects/[key]", "/projects/[key]/map"],
    redirectTo: ({ project, id }) => `/projects/${encodeURIComponent(project)}/milestones/${encodeURIComponent(id)}?created=1`,
  },
);
