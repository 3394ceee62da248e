"use server";
// Moving a card on the board: the same status change as the milestone page's form
// (updateMilestoneStatus, with the version the board showed), answering with the card's new
// status and version, or, when someone changed it first (409), the current ones to redraw it with.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getActor } from "@/lib/auth/session";
import { updateMilestoneStatus } from "@/lib/data/milestones";
import { AppError, ConflictError, ValidationError, toProblem } from "@/lib/errors";
import type { BoardMove, BoardMoveResult } from "@/components/board/types";
import { statusChangeMessage } from "@/components/milestone/status-message";

/** What a board sends: strings (a version may come as a number); anything else is refused. */
const moveSchema = z.object({
  id: z.string().max(200),
  status: z.string().max(40),
  health: z.string().max(40),
  // The data layer caps the note by its own rule; this only bounds what is carried there.
  note: z.string().max(100_000).optional().default(""),
  version: z.union([z.string().max(20), z.number()]).transform(String),
});

/** The card's new place, from the saved milestone or a 409's current one. */
const cardSchema = z.object({ status: z.string(), health: z.string(), version: z.number() });
const cardOf = (value: unknown): BoardMoveResult["card"] => cardSchema.safeParse(value).data;

export async function moveCardAction(move: BoardMove): Promise<BoardMoveResult> {
  // A server action is a public endpoint: whatever was sent is parsed, never trusted.
  const parsed = moveSchema.safeParse(move);
  if (!parsed.success) return { ok: false, message: "This move was sent in a shape the server does not accept. Reload the board and try again." };
  const { id, ...input } = parsed.data;
  try {
    const saved = await updateMilestoneStatus(await getActor(), id, input);
    for (const path of ["/projects/[key]/board", "/projects/[key]/milestones", "/projects/[key]/milestones/[id]"]) revalidatePath(path, "page");
    return { ok: true, message: statusChangeMessage(saved), card: cardOf(saved) };
  } catch (error) {
    if (error instanceof ConflictError) return { ok: false, conflict: true, message: error.message, card: cardOf(error.current) };
    if (error instanceof AppError) return { ok: false, message: error.message, fieldErrors: error instanceof ValidationError ? error.fieldErrors : undefined };
    return { ok: false, message: toProblem(error).detail };
  }
}
