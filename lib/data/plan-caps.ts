// The size caps of a project's plan (LIMITS.milestone.perProject milestones, each with at most
// LIMITS.milestone.prerequisites prerequisites), checked inside the writing transaction with the
// row they count under locked first (a no-op write), so two requests at once cannot both take the
// last place, on either database. Every path that creates milestones or dependencies calls these.
import type { Tx } from "@/lib/db/client";
import { ConflictError } from "@/lib/errors";
import { LIMITS, formatCount } from "@/lib/validation/limits";

const { perProject, prerequisites } = LIMITS.milestone;

/** How many more milestones fit in a project that has `count`. */
export function milestonesLeft(count: number): number {
  return Math.max(0, perProject - count);
}

/** The refusal when `adding` new milestones do not fit beside the `count` a project has. */
export function tooManyMilestonesMessage(projectName: string, count: number, adding: number): string {
  const left = milestonesLeft(count);
  const has = `${projectName} has ${formatCount(count)} milestone${count === 1 ? "" : "s"}, and a project holds at most ${formatCount(perProject)}`;
  if (adding === 1 || left === 0) return `${has}, so no more can be added. Delete one before adding another.`;
  return `${has}, so ${formatCount(left)} more can be added; this would add ${formatCount(adding)}.`;
}

/** Refuses (409) when `adding` milestones would take the project past the cap; locks the project's row first. */
export async function assertRoomForMilestones(tx: Tx, project: { id: string; name: string }, adding: number, suffix = "", label = ""): Promise<void> {
  await tx.$executeRaw`UPDATE "Project" SET "key" = "key" WHERE "id" = ${project.id}`;
  const count = await tx.milestone.count({ where: { projectId: project.id } });
  if (count + adding > perProject) throw new ConflictError(`${label ? `${label}: ` : ""}${tooManyMilestonesMessage(project.name, count, adding)}${suffix}`);
}

/** The refusal when a milestone already has the most prerequisites one can. */
export function tooManyPrerequisitesMessage(key: string): string {
  return `${key} already depends on ${formatCount(prerequisites)} milestones, the most one milestone can. Remove one of them before adding another.`;
}

/** Refuses (409) a new prerequisite of milestone `id` when it has the most already; locks the milestone's row first. */
export async function assertRoomForPrerequisite(tx: Tx, milestone: { id: string; key: string }): Promise<void> {
  await tx.$executeRaw`UPDATE "Milestone" SET "version" = "version" WHERE "id" = ${milestone.id}`;
  const count = await tx.milestoneDependency.count({ where: { milestoneId: milestone.id } });
  if (count >= prerequisites) throw new ConflictError(tooManyPrerequisitesMessage(milestone.key));
}
