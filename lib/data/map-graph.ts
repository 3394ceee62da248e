// The maps as JSON for the map endpoints (GET /projects/{key}/map, GET /maps/services): nodes,
// edges in the order the layout used, the precomputed layout of this graph version
// (lib/data/map-layout-cache.ts), and for a project map its pins. The pages render a small shell
// and fetch this, so the graph never travels inside the HTML.
import { createHash } from "node:crypto";
import { roleAllows } from "@/lib/auth/permissions";
import type { Caller } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { authorizeProject } from "@/lib/data/access";
import { getProjectMap, MAP_SERVICE_CAP } from "@/lib/data/map";
import { cachedLayout, canonicalEdges, graphVersion } from "@/lib/data/map-layout-cache";
import { currentPins } from "@/lib/data/map-pins";
import { getServicesMap } from "@/lib/data/services-map";
import { SERVICE_LAYERS } from "@/lib/validation/service";

/** A map as the endpoint sends it: the JSON text and a strong validator of exactly that text. */
export type MapGraphResponse = { json: string; etag: string };

const respond = (fields: Record<string, unknown>, layout: string): MapGraphResponse => {
  // The stored layout is embedded as it is: no parse and re-serialise of a large map's positions.
  const head = JSON.stringify(fields);
  const json = `${head.slice(0, -1)},"layout":${layout}}`;
  return { json, etag: `"${createHash("sha256").update(json).digest("base64url").slice(0, 27)}"` };
};

/** A project map for any member (404 for anyone else), with its pins and whether the caller may arrange it. */
export async function getProjectMapGraph(caller: Caller, key: string): Promise<MapGraphResponse> {
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
    pins,
  };
  return respond(fields, layout);
}

/** The organisation-wide services map, in lanes by layer, for any member. */
export async function getServicesMapGraph(caller: Caller): Promise<MapGraphResponse> {
  const map = await getServicesMap(caller);
  const edges = canonicalEdges(map.edges);
  const version = graphVersion(map.nodes, edges, SERVICE_LAYERS);
  const layout = await cachedLayout("services", version, map.nodes, edges, SERVICE_LAYERS);
  return respond({ version, nodes: map.nodes, edges }, layout);
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
