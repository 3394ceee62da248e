// The audit log: every write and every denied request of a signed-in caller, and every sign-in
// attempt, with who, what, which object, when and from where. Signed-out requests refused with
// 401 are only counted (anonymous-denials.ts). Old events go after AUDIT_RETENTION_DAYS.
import type { Prisma } from "@/lib/db/generated/sqlite/client";
import { db, type Tx } from "@/lib/db/client";
import type { Actor, Caller, RequestContext } from "@/lib/auth/actor";
import { ForbiddenError, UnauthenticatedError, parseInput } from "@/lib/errors";
import { z } from "zod";
import { countAnonymousDenial, summariseAnonymousDenials, summariseThrottledSignIns } from "@/lib/data/anonymous-denials";
import { scheduleAuditRetention } from "@/lib/data/audit-retention";
import { idSchema, storableCopy, text } from "@/lib/validation/text";

export type AuditEntry = {
  action: string;
  targetType: string;
  targetId?: string;
  projectId?: string | null;
  details?: Prisma.InputJsonValue;
  outcome?: "success" | "denied" | "failure";
};

/** Who did it: a signed-in actor, or for sign-in attempts just the address they gave. */
export type AuditWho = Actor | ({ email: string } & RequestContext & { id?: string }) | null;

/**
 * The log records what was attempted, including ids and addresses nobody validated yet (a denied
 * request for /handoffs/a%00b): characters no database stores are replaced, so the row lands.
 */
function storableJson(value: Prisma.InputJsonValue | undefined): Prisma.InputJsonValue | undefined {
  if (typeof value === "string") return storableCopy(value);
  if (Array.isArray(value)) return value.map((v) => storableJson(v as Prisma.InputJsonValue) ?? null);
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [storableCopy(k), storableJson(v as Prisma.InputJsonValue) ?? null]));
  }
  return value;
}

/**
 * The most any one audit row keeps of what a request supplied, so no request can write a huge row.
 * A longer value is cut and ends with a marker saying how long it was.
 */
export const AUDIT_CAPS = { actorEmail: 320, targetId: 200, ip: 100, userAgent: 300, detailsJson: 800 } as const;

/** `value` cut to `max` characters at most, the cut marked with the original length. */
export function capText(value: string, max: number): string {
  if (value.length <= max) return value;
  const marker = `…[cut from ${value.length} characters]`;
  let end = Math.max(0, max - marker.length);
  // Never split a surrogate pair.
  if (end > 0 && /[\uD800-\uDBFF]/.test(value[end - 1])) end--;
  return value.slice(0, end) + marker;
}

/** The details as stored: at most AUDIT_CAPS.detailsJson characters of JSON, or a marked preview. */
function cappedDetails(value: Prisma.InputJsonValue | undefined): Prisma.InputJsonValue | undefined {
  const details = storableJson(value);
  if (details === undefined) return undefined;
  const json = JSON.stringify(details);
  if (json.length <= AUDIT_CAPS.detailsJson) return details;
  for (let keep = AUDIT_CAPS.detailsJson - 100; keep > 0; keep = Math.floor(keep / 2)) {
    const preview = { truncated: true, originalLength: json.length, preview: capText(json, keep) };
    if (JSON.stringify(preview).length <= AUDIT_CAPS.detailsJson) return preview;
  }
  return { truncated: true, originalLength: json.length };
}

/** One AuditEvent row's data, every field taken from the request capped (AUDIT_CAPS). */
export function auditRow(who: AuditWho, entry: AuditEntry) {
  const actor = who?.id ? who : null;
  return {
    actorId: actor?.id ?? null,
    actorEmail: capText(storableCopy(who?.email ?? ""), AUDIT_CAPS.actorEmail),
    action: entry.action,
    outcome: entry.outcome ?? "success",
    targetType: entry.targetType,
    targetId: capText(storableCopy(entry.targetId ?? ""), AUDIT_CAPS.targetId),
    projectId: entry.projectId ?? null,
    ip: capText(storableCopy(who?.ip ?? ""), AUDIT_CAPS.ip),
    userAgent: capText(storableCopy(who?.userAgent ?? ""), AUDIT_CAPS.userAgent),
    details: cappedDetails(entry.details),
  } as const;
}

/** Records a write inside the transaction that made it, so both land or neither does. */
export async function auditWrite(tx: Tx, actor: Actor, entry: AuditEntry) {
  await tx.auditEvent.create({ data: auditRow(actor, entry) });
}

/** Records an event outside any transaction (denials, sign-ins). Never throws. */
export async function auditEvent(who: AuditWho, entry: AuditEntry) {
  try {
    await db().auditEvent.create({ data: auditRow(who, entry) });
  } catch (error) {
    console.error("[legible] could not record audit event", entry.action, error);
  }
  void scheduleAuditRetention();
}

/**
 * Records the denial, then throws the error the caller should see. A signed-out caller's denial is
 * counted, not recorded: anyone can send those, as fast as they like.
 */
export async function deny(caller: Caller, entry: Omit<AuditEntry, "outcome">, error: Error): Promise<never> {
  if (!caller) {
    await countAnonymousDenial();
    throw error;
  }
  await auditEvent(caller, { ...entry, outcome: "denied", details: { ...(entry.details as object | undefined), reason: error.message } });
  throw error;
}

export async function requireSignedIn(caller: Caller, entry: Omit<AuditEntry, "outcome">): Promise<Actor> {
  if (!caller) return deny(null, entry, new UnauthenticatedError());
  return caller;
}

export async function requireAdmin(caller: Caller, entry: Omit<AuditEntry, "outcome">): Promise<Actor> {
  const actor = await requireSignedIn(caller, entry);
  if (!actor.isAdmin) return deny(actor, entry, new ForbiddenError("Only instance admins can do that."));
  return actor;
}

export const auditQuerySchema = z.object({
  action: text("Action", { max: 100, trim: true }).optional(),
  outcome: z.preprocess((v) => (v === "" ? undefined : v), z.enum(["success", "denied", "failure"], { message: "must be success, denied or failure" }).optional()),
  actor: text("Actor", { max: 200, trim: true }).optional(),
  before: idSchema("The page to start after").optional(),
  take: z.coerce.number().int().min(1).max(200).default(50),
});

/** The audit log, newest first, for instance admins. */
export async function listAuditEvents(caller: Caller, query: unknown = {}) {
  await requireAdmin(caller, { action: "audit.read", targetType: "auditLog" });
  const q = parseInput(auditQuerySchema, query);
  const events = await db().auditEvent.findMany({
    where: {
      ...(q.action ? { action: { startsWith: q.action } } : {}),
      ...(q.outcome ? { outcome: q.outcome } : {}),
      ...(q.actor ? { actorEmail: { contains: q.actor } } : {}),
    },
    ...(q.before ? { cursor: { id: q.before }, skip: 1 } : {}),
    orderBy: [{ at: "desc" }, { id: "desc" }],
    take: q.take + 1,
    include: { project: { select: { key: true, name: true } } },
  });
  const hasMore = events.length > q.take;
  return { events: events.slice(0, q.take), hasMore };
}

/** How many signed-out requests were refused lately (they have no rows of their own), for admins. */
export async function signedOutRefusals(caller: Caller, now = new Date()) {
  await requireAdmin(caller, { action: "audit.read", targetType: "auditLog" });
  return summariseAnonymousDenials(now);
}

/** Sign-in attempts refused as throttled lately, by account and address (no rows of their own), for admins. */
export async function throttledSignIns(caller: Caller, now = new Date()) {
  await requireAdmin(caller, { action: "audit.read", targetType: "auditLog" });
  return summariseThrottledSignIns(now);
}

/**
 * What the listed events' targets are called now, for admins: the log keeps only ids (a project
 * or service refused before it was found may be logged by key or name). One query per target
 * type, never one per row; a target deleted since is simply absent.
 */
export async function auditTargetNames(caller: Caller, events: readonly { targetType: string; targetId: string }[]) {
  await requireAdmin(caller, { action: "audit.read", targetType: "auditLog" });
  const ids = (type: string) => [...new Set(events.filter((e) => e.targetType === type && e.targetId).map((e) => e.targetId))];
  const when = <T>(list: string[], query: (list: string[]) => Promise<T[]>) => (list.length ? query(list) : Promise.resolve([] as T[]));
  const project = { select: { key: true } } as const;
  const [handoffs, projects, milestones, services, users, memberships] = await Promise.all([
    when(ids("handoff"), (id) => db().handoff.findMany({ where: { id: { in: id } }, select: { id: true, title: true, project } })),
    when(ids("project"), (id) => db().project.findMany({ where: { OR: [{ id: { in: id } }, { key: { in: id } }] }, select: { id: true, key: true, name: true } })),
    when(ids("milestone"), (id) => db().milestone.findMany({ where: { id: { in: id } }, select: { id: true, key: true, title: true, project } })),
    when(ids("service"), (id) => db().service.findMany({ where: { OR: [{ id: { in: id } }, { name: { in: id } }] }, select: { id: true, name: true } })),
    when(ids("user"), (id) => db().user.findMany({ where: { id: { in: id } }, select: { id: true, name: true, email: true } })),
    when(ids("membership"), (id) =>
      db().membership.findMany({ where: { id: { in: id } }, select: { id: true, project, user: { select: { name: true } } } }),
    ),
  ]);
  return { handoffs, projects, milestones, services, users, memberships };
}
