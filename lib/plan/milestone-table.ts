// The rows of the milestones table across projects, filtered and sorted as the URL says
// (milestone-table-query.ts parses it). A row is one milestone with what its project's computed plan
// says of it (lib/data/plan.ts: progress, slip, the chain that puts it at risk). Pure: no React, no Prisma.
import { compareKeys } from "@/lib/sort";
import { MILESTONE_HEALTHS, MILESTONE_STATUSES } from "@/lib/validation/milestone";
import { OWNER_ME, OWNER_NONE, type MilestoneHealth, type MilestoneStatus, type SortDir, type SortKey, type TableQuery } from "./milestone-table-query";

export type TableRow = {
  id: string;
  key: string;
  title: string;
  project: { key: string; name: string };
  status: MilestoneStatus;
  health: MilestoneHealth;
  owner: { id: string; name: string } | null;
  /** Calendar date (YYYY-MM-DD), as the plan gives it. */
  dueDate: string | null;
  progress: number;
  slipDays: number;
  /** The cause first, its own prerequisite last; shortened past a limit (atRiskDistance says how far the cause is). */
  atRiskBecause: string[];
  atRiskDistance: number;
  /** Keys of its direct prerequisites. */
  dependsOn: string[];
};

export const isOpen = (row: Pick<TableRow, "status">) => row.status !== "done" && row.status !== "cancelled";
/** Open and due before today (YYYY-MM-DD, so strings compare as dates). */
export const isOverdue = (row: Pick<TableRow, "status" | "dueDate">, today: string) => isOpen(row) && row.dueDate !== null && row.dueDate < today;
export const isSlipping = (row: Pick<TableRow, "status" | "slipDays">) => isOpen(row) && row.slipDays > 0;

/**
 * The open milestones waiting on `key`: those that depend on it, directly or through others. Its
 * risk chain (the nearest cause only) would miss some: behind a late milestone that is itself
 * waiting on a blocked one, the chain names the late one, yet the work still waits on both.
 */
export function waitingOn(rows: readonly TableRow[], key: string): Set<string> {
  const dependents = new Map<string, string[]>();
  for (const row of rows) {
    for (const on of row.dependsOn) {
      const list = dependents.get(on);
      if (list) list.push(row.key);
      else dependents.set(on, [row.key]);
    }
  }
  const seen = new Set<string>([key]);
  const stack = [key];
  while (stack.length > 0) {
    for (const next of dependents.get(stack.pop()!) ?? []) {
      if (seen.has(next)) continue;
      seen.add(next);
      stack.push(next);
    }
  }
  seen.delete(key);
  const open = new Set(rows.filter(isOpen).map((r) => r.key));
  return new Set([...seen].filter((k) => open.has(k)));
}

export type FilterContext = { me: string; today: string };

export function filterRows(rows: readonly TableRow[], query: TableQuery, { me, today }: FilterContext): TableRow[] {
  const waiting = query.blockedBy ? waitingOn(rows, query.blockedBy) : null;
  const needle = query.q.toLowerCase();
  const owner = query.owner === OWNER_ME ? me : query.owner;
  return rows.filter(
    (r) =>
      (query.project.length === 0 || query.project.includes(r.project.key)) &&
      (query.status.length === 0 || query.status.includes(r.status)) &&
      (query.health.length === 0 || query.health.includes(r.health)) &&
      (owner === null || (owner === OWNER_NONE ? r.owner === null : r.owner?.id === owner)) &&
      (!query.overdue || isOverdue(r, today)) &&
      (!query.slipping || isSlipping(r)) &&
      (waiting === null || waiting.has(r.key)) &&
      (needle === "" || r.key.toLowerCase().includes(needle) || r.title.toLowerCase().includes(needle)),
  );
}

const STATUS_ORDER = new Map<string, number>(MILESTONE_STATUSES.map((s, i) => [s, i]));
const HEALTH_ORDER = new Map<string, number>(MILESTONE_HEALTHS.map((h, i) => [h, i]));

/** Each column's order on the values it shows. */
const COLUMN: Record<SortKey, (a: TableRow, b: TableRow) => number> = {
  project: (a, b) => compareKeys(a.project.name, b.project.name) || compareKeys(a.project.key, b.project.key),
  milestone: (a, b) => compareKeys(a.key, b.key),
  status: (a, b) => (STATUS_ORDER.get(a.status) ?? 0) - (STATUS_ORDER.get(b.status) ?? 0),
  health: (a, b) => (HEALTH_ORDER.get(a.health) ?? 0) - (HEALTH_ORDER.get(b.health) ?? 0),
  owner: (a, b) => compareKeys(a.owner?.name ?? "", b.owner?.name ?? ""),
  due: (a, b) => ((a.dueDate ?? "") < (b.dueDate ?? "") ? -1 : (a.dueDate ?? "") > (b.dueDate ?? "") ? 1 : 0),
  progress: (a, b) => a.progress - b.progress,
  slip: (a, b) => a.slipDays - b.slipDays,
  risk: (a, b) => compareKeys(a.atRiskBecause[0] ?? "", b.atRiskBecause[0] ?? "") || a.atRiskDistance - b.atRiskDistance,
};

/** An empty cell (no owner, no due date, no slip, not at risk) sorts last in either direction. */
const EMPTY: Record<SortKey, (r: TableRow) => boolean> = {
  project: () => false,
  milestone: () => false,
  status: () => false,
  health: () => false,
  owner: (r) => r.owner === null,
  due: (r) => r.dueDate === null,
  progress: () => false,
  slip: (r) => !isSlipping(r),
  risk: (r) => r.atRiskBecause.length === 0,
};

/** Sorted by one column; ties (and the empty cells, last either way) in project, then key order. */
export function sortRows(rows: readonly TableRow[], sort: SortKey, dir: SortDir): TableRow[] {
  const sign = dir === "asc" ? 1 : -1;
  const tie = (a: TableRow, b: TableRow) => COLUMN.project(a, b) || compareKeys(a.key, b.key);
  const empty = EMPTY[sort];
  return [...rows].sort((a, b) => {
    const ea = empty(a);
    const eb = empty(b);
    if (ea !== eb) return ea ? 1 : -1;
    if (ea) return tie(a, b);
    return sign * COLUMN[sort](a, b) || tie(a, b);
  });
}

/** How many of all the rows fall under each project and status: the filter's choices show them. */
export function facetCounts(rows: readonly TableRow[]) {
  const project = new Map<string, number>();
  const status = new Map<string, number>();
  for (const r of rows) {
    project.set(r.project.key, (project.get(r.project.key) ?? 0) + 1);
    status.set(r.status, (status.get(r.status) ?? 0) + 1);
  }
  return { project, status };
}

/** Owners of the rows, by name: the owner filter's choices. */
export function ownersOf(rows: readonly TableRow[]): { id: string; name: string }[] {
  const byId = new Map<string, string>();
  for (const r of rows) if (r.owner) byId.set(r.owner.id, r.owner.name);
  return [...byId].map(([id, name]) => ({ id, name })).sort((a, b) => compareKeys(a.name, b.name) || compareKeys(a.id, b.id));
}

/** Keys a "blocked by" filter can name usefully: those some other milestone depends on or is at risk from. */
export function upstreamKeys(rows: readonly TableRow[]): string[] {
  const keys = new Set<string>();
  for (const r of rows) {
    for (const k of r.dependsOn) keys.add(k);
    for (const k of r.atRiskBecause) keys.add(k);
  }
  return [...keys].sort(compareKeys);
}
