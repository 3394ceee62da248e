// What a status or health change does besides setting the two fields, wherever it happens (the
// status form and API, and a map import): completedAt is kept from the first time the milestone
// was done and cleared when it is reopened, and the change is one entry of its status history.
import type { Tx } from "@/lib/db/client";
import type { MilestoneHealth, MilestoneStatus } from "@/lib/db/generated/sqlite/enums";

/** completedAt after a change to `status`, given what it was. */
export function completedAtAfter(status: MilestoneStatus, before: Date | null, now = new Date()): Date | null {
  return status === "done" ? (before ?? now) : null;
}

type State = { status: MilestoneStatus; health: MilestoneHealth };

/** One entry of a milestone's status history: from `from` (null for a new milestone) to `to`, by `authorId`, with a note. */
export async function recordStatusChange(tx: Tx, milestoneId: string, authorId: string, from: State | null, to: State, note: string): Promise<void> {
  await tx.statusUpdate.create({
    data: { milestoneId, authorId, fromStatus: from?.status ?? null, toStatus: to.status, fromHealth: from?.health ?? null, toHealth: to.health, note },
  });
}
