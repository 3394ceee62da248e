// The map as JSON: nodes with their laid-out boxes, edges with their routes, lanes. Its shape is
// the zod schema below; docs/map-json.schema.json is generated from it (`npm run docs:map-json`)
// and a unit test fails when the committed file is stale. Pure.
import { z } from "@/lib/validation/zod-browser";
import { statusLabel } from "@/components/ui/status";
import { STATUS_KIND } from "../map-model";
import type { Scene } from "./scene";

export const MAP_JSON_FORMAT = "legible-map";
export const MAP_JSON_VERSION = 1;

const point = z.object({ x: z.number(), y: z.number() }).strict();
const box = { x: z.number().describe("Left edge, in map pixels."), y: z.number().describe("Top edge, in map pixels."), width: z.number().positive(), height: z.number().positive() };

const node = z
  .object({
    id: z.string().min(1).describe('Prefixed by kind: "handoff:ID", "milestone:ID", "service:ID".'),
    kind: z.enum(["handoff", "milestone", "service"]).describe("handoff: a paper's handoff; milestone; service: a service of the catalog."),
    label: z.string().describe("Paper title, milestone title or service name."),
    sublabel: z.string().describe("Venue (handoff), milestone key (milestone), layer label (service)."),
    status: z.string().min(1).describe("Raw status: handoff review status, milestone status, or service lifecycle."),
    statusLabel: z.string().describe('The status as the app shows it ("In progress").'),
    health: z.enum(["on_track", "at_risk", "off_track"]).optional().describe("Milestones only."),
    owner: z.string().optional().describe("Milestone owner, handoff author or service owner."),
    dueDate: z.string().optional().describe("Milestones: due date, ISO 8601."),
    layer: z.string().optional().describe("Services: gateway, api, service, worker, model or data."),
    href: z.string().describe("Where the node opens in the app, relative to its address."),
    ...box,
  })
  .strict();

const edge = z
  .object({
    id: z.string().min(1),
    source: z.string().min(1).describe("Id of the node the edge leaves."),
    target: z.string().min(1).describe("Id of the node the edge enters."),
    kind: z.enum(["decomposed", "depends", "implements", "calls", "reads", "publishes"]).describe("decomposed: paper → milestone; depends: prerequisite → milestone waiting for it; implements: milestone → service; calls, reads, publishes: service → service."),
    blocking: z.boolean().describe("A dependency holding work up: its prerequisite is unfinished and either end is blocked."),
    cycle: z.boolean().describe("A call, read or publish on a cycle among services."),
    points: z.array(point).min(2).describe("The drawn route: from the source's right-hand side, through the layout's waypoints, to the target's left-hand side."),
  })
  .strict();

const lane = z.object({ id: z.string().min(1), label: z.string(), count: z.number().int().nonnegative(), ...box }).strict();

export const MAP_JSON_SCHEMA = z
  .object({
    format: z.literal(MAP_JSON_FORMAT),
    version: z.literal(MAP_JSON_VERSION),
    exportedAt: z.iso.datetime().describe("When the file was written (UTC)."),
    title: z.string().describe("The map's name: the project's, or \"Services map\"."),
    project: z.object({ key: z.string().min(1), name: z.string() }).strict().nullable().describe("The project of a project map; null for the services map."),
    scope: z.enum(["map", "view"]).describe("map: the whole map; view: the nodes in view when it was exported. Both leave out nodes hidden by the view's filters."),
    bounds: z.object(box).strict().describe("The area the nodes, edges and lanes cover, in map pixels (the SVG export's viewBox)."),
    nodes: z.array(node),
    edges: z.array(edge).describe("Edges whose two ends are both in the file."),
    lanes: z.array(lane).describe("Lanes (the services map's layers), left to right; empty when the map has none."),
  })
  .strict();

export type MapJson = z.infer<typeof MAP_JSON_SCHEMA>;

export function sceneToJson(scene: Scene, exportedAt: Date): MapJson {
  const r = (v: number) => Math.round(v * 100) / 100;
  return {
    format: MAP_JSON_FORMAT,
    version: MAP_JSON_VERSION,
    exportedAt: exportedAt.toISOString(),
    title: scene.title,
    project: scene.project,
    scope: scene.scope,
    bounds: { x: r(scene.frame.x), y: r(scene.frame.y), width: r(scene.frame.width), height: r(scene.frame.height) },
    nodes: scene.nodes.map((n) => ({
      id: n.id,
      kind: n.kind,
      label: n.label,
      sublabel: n.sublabel,
      status: n.status,
      statusLabel: statusLabel(STATUS_KIND[n.kind], n.status),
      ...(n.health ? { health: n.health as "on_track" | "at_risk" | "off_track" } : {}),
      ...(n.owner ? { owner: n.owner } : {}),
      ...(n.dueDate ? { dueDate: n.dueDate } : {}),
      ...(n.layer ? { layer: n.layer } : {}),
      href: n.href,
      x: r(n.x),
      y: r(n.y),
      width: n.width,
      height: n.height,
    })),
    edges: scene.edges.map((e) => ({ id: e.id, source: e.source, target: e.target, kind: e.kind, blocking: e.blocking, cycle: e.cycle, points: e.points.map((p) => ({ x: r(p.x), y: r(p.y) })) })),
    lanes: scene.lanes.map((l) => ({ id: l.id, label: l.label, count: l.count, x: r(l.x), y: r(l.y), width: r(l.width), height: r(l.height) })),
  };
}

/** The file's text: pretty-printed, ending in a newline. */
export const renderMapJson = (scene: Scene, exportedAt: Date) => `${JSON.stringify(sceneToJson(scene, exportedAt), null, 2)}\n`;

/** The JSON Schema of the export (docs/map-json.schema.json). */
export function mapJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(MAP_JSON_SCHEMA, { io: "output", target: "draft-2020-12" });
  return {
    $schema: schema.$schema,
    $id: "https://legible.dev/schemas/map-json.schema.json",
    title: "Legible map export (JSON)",
    description: "A project map or the services map as exported from its Export menu: nodes with positions, edges with routes, lanes. See docs/map-format.md#the-map-as-json.",
    ...Object.fromEntries(Object.entries(schema).filter(([k]) => k !== "$schema")),
  };
}

/** docs/map-json.schema.json's text (`npm run docs:map-json`; a unit test keeps the file current). */
export const renderMapJsonSchema = () => `${JSON.stringify(mapJsonSchema(), null, 2)}\n`;
