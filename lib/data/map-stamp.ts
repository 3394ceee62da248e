// What a map's answer depends on, read cheaply: a hash of the identity and last change of every
// row the map endpoints read (lib/data/map.ts, lib/data/services-map.ts, lib/data/map-pins.ts),
// without building the map. The endpoints key their ETag and their cached bodies by it, so a
// reopen with nothing changed costs these reads and a hash, not a rebuild.
//
// Why it cannot go stale: it is computed from the rows themselves on every request, not from a
// counter that each write path must remember to bump. Rows are named by id, so any insert or
// delete changes it. Rows whose shown fields can change carry their own change marks: Handoff,
// Milestone and Service by updatedAt (which Prisma sets on every update, updateMany included; no
// code in lib updates their content with raw SQL) and version; users and projects by the very
// fields the maps show (name; key and name); pins by every stored field. Links (dependencies,
// decompositions, service links, calls) change only by insert and delete: their ends and kinds
// are never updated. What it reads is a superset of what a map shows (all services, all users),
// so a change elsewhere at worst costs one rebuild.
//
// The reads are plain Prisma queries (ids and change marks only), not raw SQL: checked at
// compile time, and on a 2,000-node project they take a few milliseconds.
//
// Callers read the stamp BEFORE building the body it keys: a change landing in between makes a
// body newer than its key, which the next request (with a new stamp) replaces; never a key newer
// than its body.
import { createHash, type Hash } from "node:crypto";
import { db } from "@/lib/db/client";

type Row = Record<string, unknown>;

const cell = (v: unknown) => (v instanceof Date ? String(v.getTime()) : v === null || v === undefined ? "" : String(v));

function feed(hash: Hash, name: string, rows: readonly Row[]) {
  hash.update(`\u0001${name}:${rows.length}`);
  for (const row of rows) hash.update(`\u0002${Object.values(row).map(cell).join("\u0003")}`);
}

async function digest(parts: Record<string, Promise<Row[]>>): Promise<string> {
  const names = Object.keys(parts);
  const results = await Promise.all(names.map((n) => parts[n]));
  const hash = createHash("sha256");
  names.forEach((n, i) => feed(hash, n, results[i]));
  return hash.digest("base64url").slice(0, 32);
}

const byId = { id: "asc" } as const;
const changed = { id: true, updatedAt: true, version: true } as const;
const idOnly = { id: true } as const;

/** The catalog as both maps draw it: services (name, layer, lifecycle, owner), their calls, user names. */
const catalog = () => ({
  services: db().service.findMany({ select: changed, orderBy: byId }),
  calls: db().serviceDependency.findMany({ select: idOnly, orderBy: byId }),
  users: db().user.findMany({ select: { id: true, name: true }, orderBy: byId }),
});

/** Everything GET /projects/{key}/map reads for project `projectId`. */
export function projectMapStamp(projectId: string): Promise<string> {
  return digest({
    project: db().project.findMany({ where: { id: projectId }, select: { id: true, key: true, name: true } }),
    handoffs: db().handoff.findMany({ where: { projectId }, select: changed, orderBy: byId }),
    milestones: db().milestone.findMany({ where: { projectId }, select: changed, orderBy: byId }),
    dependencies: db().milestoneDependency.findMany({ where: { projectId }, select: idOnly, orderBy: byId }),
    decompositions: db().handoffMilestone.findMany({ where: { handoff: { projectId } }, select: idOnly, orderBy: byId }),
    implementations: db().milestoneService.findMany({ where: { milestone: { projectId } }, select: idOnly, orderBy: byId }),
    runs: db().projectService.findMany({ where: { projectId }, select: idOnly, orderBy: byId }),
    pins: db().mapPin.findMany({ where: { projectId }, select: { nodeId: true, x: true, y: true, pinnedById: true, pinnedAt: true }, orderBy: { nodeId: "asc" } }),
    ...catalog(),
  });
}

/**
 * Everything GET /maps/services reads for a viewer: the catalog, and the uses of services in the
 * projects the viewer may see (`viewerId` a member's user id; null for an instance admin, who
 * sees every project). Only those projects' rows are read, so a change in a project the viewer
 * cannot see never changes their ETag: it would tell them when a hidden project changed.
 */
export function servicesMapStamp(viewerId: string | null): Promise<string> {
  const visible = viewerId === null ? {} : { memberships: { some: { userId: viewerId } } };
  return digest({
    ...catalog(),
    projects: db().project.findMany({ where: visible, select: { id: true, key: true, name: true }, orderBy: byId }),
    handoffs: db().handoff.findMany({ where: { project: visible }, select: changed, orderBy: byId }),
    decompositions: db().handoffMilestone.findMany({ where: { handoff: { project: visible } }, select: idOnly, orderBy: byId }),
    implementations: db().milestoneService.findMany({ where: { milestone: { project: visible } }, select: { id: true, milestoneId: true }, orderBy: byId }),
    runs: db().projectService.findMany({ where: { project: visible }, select: idOnly, orderBy: byId }),
  });
}
