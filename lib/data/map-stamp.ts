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
// Callers read the stamp BEFORE building the body it keys: a change landing in between makes a
// body newer than its key, which the next request (with a new stamp) replaces; never a key newer
// than its body.
import { createHash, type Hash } from "node:crypto";
import { read } from "@/lib/db/client";

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

/** The catalog as both maps draw it: services (name, layer, lifecycle, owner), their calls, user names. */
const catalog = () => ({
  services: read<Row>`SELECT "id", "updatedAt", "version" FROM "Service" ORDER BY "id"`,
  calls: read<Row>`SELECT "id" FROM "ServiceDependency" ORDER BY "id"`,
  users: read<Row>`SELECT "id", "name" FROM "User" ORDER BY "id"`,
});

/** Everything GET /projects/{key}/map reads for project `projectId`. */
export function projectMapStamp(projectId: string): Promise<string> {
  return digest({
    project: read<Row>`SELECT "id", "key", "name" FROM "Project" WHERE "id" = ${projectId}`,
    handoffs: read<Row>`SELECT "id", "updatedAt", "version" FROM "Handoff" WHERE "projectId" = ${projectId} ORDER BY "id"`,
    milestones: read<Row>`SELECT "id", "updatedAt", "version" FROM "Milestone" WHERE "projectId" = ${projectId} ORDER BY "id"`,
    dependencies: read<Row>`SELECT "id" FROM "MilestoneDependency" WHERE "projectId" = ${projectId} ORDER BY "id"`,
    decompositions: read<Row>`SELECT hm."id" FROM "HandoffMilestone" hm JOIN "Handoff" h ON h."id" = hm."handoffId" WHERE h."projectId" = ${projectId} ORDER BY hm."id"`,
    implementations: read<Row>`SELECT ms."id" FROM "MilestoneService" ms JOIN "Milestone" m ON m."id" = ms."milestoneId" WHERE m."projectId" = ${projectId} ORDER BY ms."id"`,
    runs: read<Row>`SELECT "id" FROM "ProjectService" WHERE "projectId" = ${projectId} ORDER BY "id"`,
    pins: read<Row>`SELECT "nodeId", "x", "y", "pinnedById", "pinnedAt" FROM "MapPin" WHERE "projectId" = ${projectId} ORDER BY "nodeId"`,
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
  if (viewerId === null) {
    return digest({
      ...catalog(),
      projects: read<Row>`SELECT "id", "key", "name" FROM "Project" ORDER BY "id"`,
      handoffs: read<Row>`SELECT "id", "updatedAt", "version" FROM "Handoff" ORDER BY "id"`,
      decompositions: read<Row>`SELECT "id" FROM "HandoffMilestone" ORDER BY "id"`,
      implementations: read<Row>`SELECT "id", "milestoneId" FROM "MilestoneService" ORDER BY "id"`,
      runs: read<Row>`SELECT "id" FROM "ProjectService" ORDER BY "id"`,
    });
  }
  return digest({
    ...catalog(),
    projects: read<Row>`SELECT p."id", p."key", p."name" FROM "Project" p JOIN "Membership" v ON v."projectId" = p."id" AND v."userId" = ${viewerId} ORDER BY p."id"`,
    handoffs: read<Row>`SELECT h."id", h."updatedAt", h."version" FROM "Handoff" h JOIN "Membership" v ON v."projectId" = h."projectId" AND v."userId" = ${viewerId} ORDER BY h."id"`,
    decompositions: read<Row>`SELECT hm."id" FROM "HandoffMilestone" hm JOIN "Handoff" h ON h."id" = hm."handoffId" JOIN "Membership" v ON v."projectId" = h."projectId" AND v."userId" = ${viewerId} ORDER BY hm."id"`,
    implementations: read<Row>`SELECT ms."id", ms."milestoneId" FROM "MilestoneService" ms JOIN "Milestone" m ON m."id" = ms."milestoneId" JOIN "Membership" v ON v."projectId" = m."projectId" AND v."userId" = ${viewerId} ORDER BY ms."id"`,
    runs: read<Row>`SELECT ps."id" FROM "ProjectService" ps JOIN "Membership" v ON v."projectId" = ps."projectId" AND v."userId" = ${viewerId} ORDER BY ps."id"`,
  });
}
