// What the board page hands its client component, and what a move answers.
export type BoardCard = {
  id: string;
  key: string;
  title: string;
  status: string;
  health: string;
  version: number;
  owner: string | null;
  /** ISO date, or null when the milestone has none. */
  due: string | null;
  dueLabel: string | null;
  /** The due date has passed (overdue while the milestone is still open). */
  pastDue: boolean;
};

export type BoardMove = { id: string; status: string; health: string; note: string; version: string };

export type BoardMoveResult = {
  ok: boolean;
  message: string;
  conflict?: boolean;
  fieldErrors?: Record<string, string[]>;
  /** The card's status and version after the move, or the current ones after a conflict. */
  card?: { status: string; health: string; version: number };
};
