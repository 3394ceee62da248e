// What the project board (app/(app)/projects/[key]/board) reads: every milestone of the project
// with only the fields a card shows. listMilestones also reads each milestone's dependencies and
// dates, which a card never shows and which cost most of a 500-milestone board's read
// (bench/plan-pages.bench.mjs).
import { db } from "@/lib/db/client";
import type { Caller } from "@/lib/auth/actor";
import { authorizeProject } from "@/lib/data/access";
import { compareKeys } from "@/lib/sort";

export async function listBoardMilestones(caller: Caller, key: string) {
  const access = await authorizeProject(caller, { key }, "milestone", "read", { targetType: "project" });
  const milestones = await db().milestone.findMany({
    where: { projectId: access.project.id },
    select: { id: true, key: true, title: true, status: true, health: true, dueDate: true, version: true, owner: { select: { name: true } } },
  });
  // Natural key order: FLOOR-2 before FLOOR-10.
  milestones.sort((a, b) => compareKeys(a.key, b.key));
  return { ...access, milestones };
}
