// The maps as JSON for the map endpoints (GET /projects/{key}/map, GET /maps/services): nodes,
// edges in the order the layout used, the precomputed layout of this graph version
// (lib/data/map-layout-cache.ts), and for a project map its pins. The pages render a small shell
// and fetch this, so the graph never travels inside the HTML.
import { createHash, randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { roleAllows } from "@/lib/auth/permissions";
import type { Caller } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { authorizeInstance, authorizeProject } from "@/lib/data/access";
import { getProjectMap, MAP_SERVICE_CAP } from "@/lib/data/map";
import { cachedLayout, canonicalEdges, graphVersion, layoutFingerprint } from "@/lib/data/map-layout-cache";
import { currentPins } from "@/lib/data/map-pins";
import { projectMapStamp, servicesMapStamp } from "@/lib/data/map-stamp";
import { clampPins } from "@/lib/graph/map-pins";
import type { MapLayout } from "@/lib/graph/map-layout";
import { getServicesMap } from "@/lib/data/services-map";
import { SERVICE_LAYERS } from "@/lib/validation/service";

/**
 * A map as the endpoint sends it: its ETag, and its JSON text unless the caller already holds
 * that ETag (`json` undefined: answer 304).
 */
export type MapGraphResponse = { json?: string; etag: string };

/**
 * The build serving this process (a body's format is the code's): Next's build id in production,
 * else one per process, so that a new deploy never answers 304 to a body an older one made.
 */
let buildTag: string | undefined;
function buildId(): string {
  if (buildTag) return buildTag;
  try {
    buildTag = readFileSync(path.join(/*turbopackIgnore: true*/ process.cwd(), ".next", "BUILD_ID"), "utf8").trim();
  } catch {
    buildTag = "";
  }
  return (buildTag ||= randomBytes(9).toString("base64url"));
}

/** True when an If-None-Match header lists this ETag (or *), weak or strong. */
export function etagMatches(header: string | null, etag: string): boolean {
  if (!header) return false;
  return header.split(",").some((tag) => {
    const t = tag.trim();
    return t === "*" || t === etag || t === `W/${etag}`;
  });
}

const tagOf = (...parts: string[]) => `"${createHash("sha256").update([buildId(), layoutFingerprint(), ...parts].join("\u0000")).digest("base64url").slice(0, 27)}"`;

/**
 * Bodies built recently, by ETag, in this process, least recently used first: a reopen by someone
 * whose browser has no copy (another member, a cleared cache) is served without a rebuild. Bounded
 * by size (characters); a miss only costs the rebuild. Nothing here is shared state: the ETag says
 * which data and which class of viewer a body is for, and every instance builds its own.
 */
const CACHE_CHARS = 64 * 1024 * 1024;
const bodies = new Map<string, string>();
let cachedChars = 0;
function remember(etag: string, json: string) {
  if (json.length > CACHE_CHARS / 4) return;
  const replaced = bodies.get(etag);
  if (replaced !== undefined) {
    bodies.delete(etag);
    cachedChars -= replaced.length;
  }
  bodies.set(etag, json);
  cachedChars += json.length;
  for (const [key, old] of bodies) {
    if (cachedChars <= CACHE_CHARS) break;
    bodies.delete(key);
    cachedChars -= old.length;
  }
}
function recall(etag: string): string | undefined {
  const json = bodies.get(etag);
  if (json !== undefined) {
    bodies.delete(etag); // most recently used last
    bodies.set(etag, json);
  }
  return json;
}

/** Builds counted by the tests (a 304 or a cached answer builds nothing). */
export const mapBuilds = { count: 0 };

/** Test hook: forget the cached bodies (the next answer is built). */
export function forgetMapBodies() {
  bodies.clear();
  cachedChars = 0;
}

const respond = (fields: Record<string, unknown>, layout: string): string => {
  // The stored layout is embedded as it is: no parse and re-serialise of a large map's positions.
  const head = JSON.stringify(fields);
  return `${head.slice(0, -1)},"layout":${layout}}`;
};

/**
 * Answers from the ETag when the caller holds it, else from the cached body, else builds. The
 * stamp is read before the body is built (lib/data/map-stamp.ts says why).
 */
async function answer(etag: string, ifNoneMatch: string | null | undefined, build: () => Promise<string>): Promise<MapGraphResponse> {
  if (etagMatches(ifNoneMatch ?? null, etag)) return { etag };
  const cached = recall(etag);
  if (cached !== undefined) return { etag, json: cached };
  mapBuilds.count++;
  const json = await build();
  remember(etag, json);
  return { etag, json };
}

/**
 * A project map for any member (404 for anyone else), with its pins and whether the caller may
 * arrange it. Access is checked on every call, before the ETag or a cached body is looked at.
 */
export async function getProjectMapGraph(caller: Caller, key: string, ifNoneMatch?: string | null): Promise<MapGraphResponse> {
  const access = await authorizeProject(caller, { key }, "project", "read", { targetType: "project" });
  const canArrange = roleAllows(access.role, "map", "arrange");
  const stamp = await projectMapStamp(access.project.id);
  const etag = tagOf("project", access.project.id, canArrange ? "arrange" : "read", stamp);
  return answer(etag, ifNoneMatch, async () => {
    const map = await getProjectMap(caller, key);
    const edges = canonicalEdges(map.edges);
    const version = graphVersion(map.nodes, edges);
    const [layout, pins] = await Promise.all([cachedLayout(`project:${map.project.id}`, version, map.nodes, edges), currentPins(map.project.id, map.nodes)]);
    const fields = {
      project: { key: map.project.key, name: map.project.name },
      version,
      canArrange: roleAllows(map.role, "map", "arrange"),
      servicesCapped: map.servicesCapped,
      serviceCap: MAP_SERVICE_CAP,
      nodes: map.nodes,
      edges,
      // Pins kept inside the layout's extent (it may have shrunk since they were set); only a map with pins parses its layout.
      pins: pins.length ? clampPins(pins, JSON.parse(layout) as MapLayout) : pins,
    };
    return respond(fields, layout);
  });
}

/**
 * The organisation-wide services map, in lanes by layer, for any member. Its usage lists come
 * from the projects the caller may see, so its ETag and cached body are keyed by that set.
 */
export async function getServicesMapGraph(caller: Caller, ifNoneMatch?: string | null): Promise<MapGraphResponse> {
  const actor = await authorizeInstance(caller, "service", "read", { targetType: "service" });
  const [stamp, sees] = await Promise.all([
    servicesMapStamp(actor.isAdmin ? null : actor.id),
    actor.isAdmin ? Promise.resolve("all") : db().membership.findMany({ where: { userId: actor.id }, select: { projectId: true }, orderBy: { projectId: "asc" } }).then((ms) => ms.map((m) => m.projectId).join(",")),
  ]);
  const etag = tagOf("services", sees, stamp);
  return answer(etag, ifNoneMatch, async () => {
    const map = await getServicesMap(caller);
    const edges = canonicalEdges(map.edges);
    const version = graphVersion(map.nodes, edges, SERVICE_LAYERS);
    const layout = await cachedLayout("services", version, map.nodes, edges, SERVICE_LAYERS);
    return respond({ version, nodes: map.nodes, edges }, layout);
  });
}

/**
 * What the project map page renders before the graph arrives: the project, the caller's role, and
 * counts of papers and milestones for the loading state (two counts, no graph).
 */
export async function getProjectMapShell(caller: Caller, key: string) {
  const access = await authorizeProject(caller, { key }, "project", "read", { targetType: "project" });
  const projectId = access.project.id;
  const [handoffs, milestones] = await Promise.all([db().handoff.count({ where: { projectId } }), db().milestone.count({ where: { projectId } })]);
  return { ...access, counts: { handoffs, milestones } };
}
