// What an import would do, in one shape for every import (compose, OpenAPI, map as code): the
// preview in the browser, the API's answer and the command line's `--json` all read it.
//   create:    in the file, not in the catalog or project: would be added
//   update:    in both, different: would be changed (each changed field named)
//   unchanged: in both, the same
//   missing:   in the catalog or project, not in the file (drift the other way): left alone, listed
// Pure.

/** One field an update changes, by the label its form shows. */
export type FieldChange = { field: string; label: string; from: unknown; to: unknown };

export type PlanEntry = {
  /** What the entry is about: "service", "dependency", "interface", "milestone", … */
  kind: string;
  /** Its name as people say it: a service name, "api → db (calls)", an operationId, a milestone key. */
  name: string;
  /** For updates: what changes. */
  changes?: FieldChange[];
  /** Anything a reader should know before applying ("layer suggested from the image postgres:15"). */
  note?: string;
};

export type ImportPlan = { create: PlanEntry[]; update: PlanEntry[]; unchanged: PlanEntry[]; missing: PlanEntry[] };

export const emptyPlan = (): ImportPlan => ({ create: [], update: [], unchanged: [], missing: [] });

/** Whether applying would write anything. */
export const planChangesSomething = (plan: ImportPlan) => plan.create.length > 0 || plan.update.length > 0;

/** The `--json` form: each list as the entries' names, in order. */
export function planNames(plan: ImportPlan): Record<keyof ImportPlan, string[]> {
  return {
    create: plan.create.map((e) => e.name),
    update: plan.update.map((e) => e.name),
    unchanged: plan.unchanged.map((e) => e.name),
    missing: plan.missing.map((e) => e.name),
  };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * The fields of `next` that differ from `current`, by label. Only fields `labels` names are
 * compared, so a file that says nothing about a field (undefined in `next`) leaves it alone.
 */
export function diffFields<T extends Record<string, unknown>>(current: T, next: Partial<T>, labels: Partial<Record<keyof T & string, string>>): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const [field, label] of Object.entries(labels) as [keyof T & string, string][]) {
    if (next[field] === undefined) continue;
    if (!same(current[field], next[field])) changes.push({ field, label, from: current[field] ?? null, to: next[field] });
  }
  return changes;
}
