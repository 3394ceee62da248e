// Spatial navigation among laid-out boxes, for moving between map nodes with the arrow keys:
// left and right step to the nearest column (or lane) in that direction, landing on the node
// closest in height; up and down step to the nearest node above or below within the same column,
// and only when the column has none there, to the nearest node in that direction anywhere.
// Pure: boxes in, an id out.

export type Box = { id: string; x: number; y: number; width: number; height: number };
export type Direction = "left" | "right" | "up" | "down";

/** Centres closer than this (px) along the stepping axis count as one column (or row). */
const SAME_LINE = 24;

const centre = (b: Box) => ({ x: b.x + b.width / 2, y: b.y + b.height / 2 });

/** The box to move to from `fromId` in `direction`, or null when there is none that way. */
export function stepFrom(boxes: readonly Box[], fromId: string, direction: Direction): string | null {
  const from = boxes.find((b) => b.id === fromId);
  if (!from) return null;
  const c = centre(from);
  const horizontal = direction === "left" || direction === "right";
  const sign = direction === "right" || direction === "down" ? 1 : -1;
  // Along: how far the candidate lies in the direction of travel; across: how far off that line.
  const measured = boxes
    .filter((b) => b.id !== fromId)
    .map((b) => {
      const o = centre(b);
      return { box: b, along: sign * (horizontal ? o.x - c.x : o.y - c.y), across: Math.abs(horizontal ? o.y - c.y : o.x - c.x) };
    });

  if (horizontal) {
    const ahead = measured.filter((m) => m.along > SAME_LINE);
    if (ahead.length === 0) return null;
    const nearest = Math.min(...ahead.map((m) => m.along));
    const column = ahead.filter((m) => m.along <= nearest + SAME_LINE);
    return pick(column, (m) => m.across, (m) => m.box.y);
  }

  const ahead = measured.filter((m) => m.along > 0);
  const overlaps = (b: Box) => b.x < from.x + from.width && from.x < b.x + b.width;
  const sameColumn = ahead.filter((m) => overlaps(m.box));
  if (sameColumn.length > 0) return pick(sameColumn, (m) => m.along, (m) => m.across);
  if (ahead.length === 0) return null;
  return pick(ahead, (m) => m.along + 2 * m.across, (m) => m.box.x);
}

function pick<T extends { box: Box }>(items: T[], score: (item: T) => number, tie: (item: T) => number): string {
  let best = items[0];
  for (const item of items) {
    const d = score(item) - score(best);
    if (d < 0 || (d === 0 && tie(item) < tie(best))) best = item;
  }
  return best.box.id;
}

/** The arrow key's direction, or null for any other key. */
export function arrowDirection(key: string): Direction | null {
  switch (key) {
    case "ArrowLeft":
      return "left";
    case "ArrowRight":
      return "right";
    case "ArrowUp":
      return "up";
    case "ArrowDown":
      return "down";
    default:
      return null;
  }
}
