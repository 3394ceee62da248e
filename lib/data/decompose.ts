// Decompose: turn a typed list (lib/plan/decompose.ts) into a handoff's milestones, their
// dependencies and the links to the handoff, all in one transaction with one audit event; or,
// as a dry run, say exactly what would be created and write nothing.
import { z } from "zod";
import { db } from "@/lib/db/client";
import type { Caller } from "@/lib/auth/actor";
import { ConflictError, ValidationError, parseInput } from "@/lib/errors";
import { authorizeHandoff } from "@/lib/data/access";
import { auditWrite } from "@/lib/data/audit";
import { findCycle } from "@/lib/graph/cycles";
import { DECOMPOSE_LIMITS, formatDecomposeError, parseDecomposeList, type DecomposeError } from "@/lib/plan/decompose";
import { labelled } from "@/lib/validation/field-label";
import { text } from "@/lib/validation/text";
import { LIMITS } from "@/lib/validation/limits";
import { assertRoomForMilestones, tooManyMilestonesMessage } from "@/lib/data/plan-caps";

/** The visible label of the list, as the Decompose page shows it. */
export const DECOMPOSE_LABEL = "Milestones";

export const decomposeSchema = z.object({
  list: labelled(text(DECOMPOSE_LABEL, { max: DECOMPOSE_LIMITS.chars }), DECOMPOSE_LABEL),
});

/** The values `?dryRun=` takes: 1 or true preview, 0 or false create (as without it). */
export const DRY_RUN_VALUES = ["1", "true", "0", "false"] as const;
const DRY_RUN = "dryRun";
const dryRunSchema = z.enum(DRY_RUN_VALUES);

/**
 * `?dryRun=` of the REST route. Anything but the documented values is refused (422) naming the
 * parameter, and so is a differently-cased `dryrun`: a caller who meant a preview must never get
 * milestones made for real. Other parameters are ignored, as everywhere in the API.
 */
export function parseDryRun(params: URLSearchParams): boolean {
  const refuse = (message: string): never => {
    throw new ValidationError(`${message} Nothing was created.`, { [DRY_RUN]: [message] });
  };
  const misspelt = [...params.keys()].find((name) => name !== DRY_RUN && name.toLowerCase() === DRY_RUN.toLowerCase());
  if (misspelt) refuse(`Unknown parameter ${misspelt}: the preview parameter is spelt ${DRY_RUN} (?${DRY_RUN}=1).`);
  const values = params.getAll(DRY_RUN);
  if (values.length === 0) return false;
  if (values.length > 1) refuse(`${DRY_RUN} must be given once.`);
  const parsed = dryRunSchema.safeParse(values[0]);
  if (!parsed.success) refuse(`${DRY_RUN} must be 1 or true (a preview) or 0 or false; "${values[0].slice(0, 20)}" is neither.`);
  return parsed.data === "1" || parsed.data === "true";
}

/** A dependency of a milestone to be made: on another new one or on one the project has. */
export type DecomposeDependency = { key: string; title: string; existing: boolean };

export type DecomposePlanned = {
  line: number;
  key: string;
  title: string;
  estimateDays: number | null;
  after: DecomposeDependency[];
};

export type DecomposeResult = {
  dryRun: boolean;
  handoffId: string;
  project: { key: string; name: string };
  milestones: (DecomposePlanned & { id?: string })[];
};

/**
 * The new milestones would depend on each other in a circle; `cycle` lists the keys in order,
 * starting and ending with the same key, as the message reads.
 */
export class DecomposeCycleError extends ConflictError {
  constructor(
    readonly cycle: string[],
    /** The list's line of each key in the cycle, in order, so the message points at the text. */
    lines: number[],
    nothing: string,
  ) {
    super(`These milestones would depend on each other in a cycle: ${cycle.join(" → ")} (${lines.length === 1 ? "line" : "lines"} ${lines.join(", ")} of the list).${nothing}`);
  }
}

function lineErrors(errors: DecomposeError[]): never {
  const messages = errors.map(formatDecomposeError);
  throw new ValidationError(`${DECOMPOSE_LABEL}: ${messages[0]}${messages.length > 1 ? ` (and ${messages.length - 1} more)` : ""}`, { list: messages });
}

/** The keys the project's milestones use end in a number; new ones continue after the largest. */
function nextNumber(keys: string[]): number {
  return Math.max(0, ...keys.map((k) => Number(/-(\d+)$/.exec(k)?.[1] ?? 0))) + 1;
}

/**
 * Previews (`dryRun`) or creates the milestones a handoff decomposes into. Needs milestone
 * "create" in the handoff's project. Only the project's own milestones may be named after
 * "after"; a cycle among the new ones is refused with the cycle named in order. The whole list is
 * refused (409) when it would take the project past LIMITS.milestone.perProject milestones (the
 * message says how many are left) or its keys past LIMITS.milestone.keyNumber.
 */
export async function decomposeHandoff(caller: Caller, handoffId: string, input: unknown, opts: { dryRun?: boolean } = {}): Promise<DecomposeResult> {
  const { actor, project } = await authorizeHandoff(caller, handoffId, "create", "milestone");
  const { list } = parseInput(decomposeSchema, input);
  const parsed = parseDecomposeList(list);
  if (!parsed.ok) lineErrors(parsed.errors);

  const existing = await db().milestone.findMany({ where: { projectId: project.id }, select: { id: true, key: true, title: true } });
  const byKey = new Map(existing.map((m) => [m.key, m]));
  const nothing = opts.dryRun ? "" : " Nothing was created.";
  if (existing.length + parsed.items.length > LIMITS.milestone.perProject) {
    throw new ConflictError(`${DECOMPOSE_LABEL}: ${tooManyMilestonesMessage(project.name, existing.length, parsed.items.length)}${nothing}`);
  }
  const first = nextNumber(existing.map((m) => m.key));
  const last = first + parsed.items.length - 1;
  if (last > LIMITS.milestone.keyNumber) {
    throw new ConflictError(
      `${DECOMPOSE_LABEL}: the new milestones would need keys up to ${project.key}-${last}, past ${project.key}-${LIMITS.milestone.keyNumber}, the largest a key can be (keys continue after ${project.key}-${first - 1}).${nothing} Create them one at a time with free keys of your choosing.`,
    );
  }
  const keys = parsed.items.map((_, i) => `${project.key}-${first + i}`);

  const errors: DecomposeError[] = [];
  const planned: DecomposePlanned[] = parsed.items.map((item, i) => ({
    line: item.line,
    key: keys[i],
    title: item.title,
    estimateDays: item.estimateDays,
    after: item.after.flatMap((ref): DecomposeDependency[] => {
      if (ref.kind === "item") return [{ key: keys[ref.item - 1], title: parsed.items[ref.item - 1].title, existing: false }];
      const found = byKey.get(ref.key);
      if (found) return [{ key: found.key, title: found.title, existing: true }];
      errors.push({ line: item.line, column: ref.column, message: `"after ${ref.key}" — ${project.name} has no milestone ${ref.key}.` });
      return [];
    }),
  }));
  if (errors.length) lineErrors(errors);

  // Existing milestones never depend on new ones, so a cycle can only run through the new ones.
  const edges = planned.flatMap((m) => m.after.filter((d) => !d.existing).map((d) => ({ source: m.key, target: d.key })));
  const cycle = findCycle(planned.map((m) => ({ id: m.key })), edges);
  if (cycle) {
    const lineOf = new Map(planned.map((m) => [m.key, m.line]));
    throw new DecomposeCycleError([...cycle, cycle[0]], cycle.map((key) => lineOf.get(key) ?? 0), nothing);
  }

  const summary = { dryRun: true, handoffId, project: { key: project.key, name: project.name } };
  if (opts.dryRun) return { ...summary, milestones: planned };

  try {
    const created = await db().$transaction(async (tx) => {
      await assertRoomForMilestones(tx, project, planned.length, nothing, DECOMPOSE_LABEL);
      const ids = new Map<string, string>(existing.map((m) => [m.key, m.id]));
      for (const m of planned) {
        const row = await tx.milestone.create({ data: { projectId: project.id, key: m.key, title: m.title, estimateDays: m.estimateDays, status: "planned" }, select: { id: true } });
        ids.set(m.key, row.id);
      }
      const idOf = (key: string) => ids.get(key)!;
      await tx.statusUpdate.createMany({ data: planned.map((m) => ({ milestoneId: idOf(m.key), authorId: actor.id, toStatus: "planned" as const, toHealth: "on_track" as const, note: "Created" })) });
      const dependencies = planned.flatMap((m) => m.after.map((d) => ({ projectId: project.id, milestoneId: idOf(m.key), dependsOnId: idOf(d.key) })));
      if (dependencies.length) await tx.milestoneDependency.createMany({ data: dependencies });
      await tx.handoffMilestone.createMany({ data: planned.map((m) => ({ handoffId, milestoneId: idOf(m.key) })) });
      await auditWrite(tx, actor, {
        action: "handoff.decompose",
        targetType: "handoff",
        targetId: handoffId,
        projectId: project.id,
        details: { keys: planned.map((m) => m.key), dependencies: dependencies.length },
      });
      return planned.map((m) => ({ ...m, id: idOf(m.key) }));
    });
    return { ...summary, dryRun: false, milestones: created };
  } catch (error) {
    // Someone created milestones in this project between our read and our write: the keys we
    // chose are taken. Nothing was written (the transaction rolled back); previewing again helps.
    // Checked by code, not class: the SQLite and PostgreSQL clients are generated apart.
    if (typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002") {
      throw new ConflictError(`Someone added milestones to ${project.name} at the same time, so the keys shown are taken. Nothing was created; preview again.`);
    }
    throw error;
  }
}

/** What the Decompose page needs: the handoff's title and project, and the caller's role there. */
export async function decomposeForm(caller: Caller, handoffId: string) {
  const access = await authorizeHandoff(caller, handoffId, "read", "milestone");
  const handoff = await db().handoff.findUniqueOrThrow({ where: { id: handoffId }, select: { id: true, title: true } });
  return { ...access, handoff };
}
