"use server";
// Moving a card on the board: the same status change as the milestone page's form
// (updateMilestoneStatus, with the version the board showed), answering with the card's new
// status and version, or, when someone changed it first (409), the current ones to redraw it with.
import { revalidatePath } from "next/cache";
import { getActor } from "@/lib/auth/session";
import { updateMilestoneStatus } from "@/lib/data/milestones";
import { AppError, ConflictError, ValidationError, toProblem } from "@/lib/errors";
import type { BoardMove, BoardMoveResult } from "@/components/board/types";

const str = (value: unknown) => (typeof value === "string" ? value : "");

function cardOf(value: unknown): BoardMoveResult["card"] {
  if (!value || typeof value !== "object") return undefined;
  const m = value as Record<string, unknown>;
  if (typeof m.status !== "string" || typeof m.health !== "string" || typeof m.version !== "number") return undefined;
  return { status: m.status, health: m.health, version: m.version };
}

export async function moveCardAction(move: BoardMove): Promise<BoardMoveResult> {
  // A server action is a public endpoint: take only strings from whatever was sent.
  const input = move && typeof move === "object" ? (move as Record<string, unknown>) : {};
  try {
    const saved = await updateMilestoneStatus(await getActor(), str(input.id), {
      status: str(input.status),
      health: str(input.health),
      note: str(input.note),
      version: str(input.version) || String(input.version ?? ""),
    });
    for (const path of ["/projects/[key]/board", "/projects/[key]/milestones", "/projects/[key]/milestones/[id]"]) revalidatePath(path, "page");
    return { ok: true, message: `${saved.key} is now ${saved.status.replace("_", " ")}.`, card: cardOf(saved) };
  } catch (error) {
    if (error instanceof ConflictError) return { ok: false, conflict: true, message: error.message, card: cardOf(error.current) };
    if (error instanceof AppError) return { ok: false, message: error.message, fieldErrors: error instanceof ValidationError ? error.fieldErrors : undefined };
    return { ok: false, message: toProblem(error).detail };
  }
}
