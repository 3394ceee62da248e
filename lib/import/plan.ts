// What an import would do, in one shape for every import (compose, OpenAPI, map as code): the
// preview in the browser, the API's answer and the command line's `--json` all read it.
//   create:    in the file, not in the catalog or project: would be added
//   update:    in both, different: would be changed (each changed field named)
//   unchanged: in both, the same
//   missing:   in the catalog or project, not in the file (drift the other way): left alone, listed
// Pure.
import { ValidationError } from "@/lib/errors";

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

const APPLY = "apply";

/**
 * `?apply=` of every import route: 1 or true writes; none, 0 or false is the preview. Any other
 * value, `apply` given twice, or a differently-cased `Apply` is refused (422): a caller who meant
 * to write must never get a silent preview, nor one who meant a preview a write.
 */
export function parseApply(params: URLSearchParams): boolean {
  const refuse = (message: string): never => {
    throw new ValidationError(`${message} Nothing was written.`, { [APPLY]: [message] });
  };
  const misspelt = [...params.keys()].find((name) => name !== APPLY && name.toLowerCase() === APPLY);
  if (misspelt) refuse(`Unknown parameter ${misspelt.slice(0, 20)}: the parameter that writes the import is spelt ${APPLY} (?${APPLY}=1).`);
  const values = params.getAll(APPLY);
  if (values.length === 0) return false;
  if (values.length > 1) refuse(`${APPLY} must be given once.`);
  const value = values[0].slice(0, 20);
  if (value === "1" || value === "true") return true;
  if (value === "0" || value === "false") return false;
  return refuse(`${APPLY} must be 1 or true (write the import) or 0 or false (a preview); "${value}" is neither.`);
}
