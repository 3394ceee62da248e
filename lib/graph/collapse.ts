// Collapse and roll-up: groups of a map's nodes drawn as one node each, with counts per kind and a
// rolled-up status, and the edges to their members merged into one edge per (source, target, kind)
// with a count. Pure: no React, no database. Linear in nodes + edges.
//
// Group ids (also what the URL's `collapsed` parameter lists, comma-separated):
// - `paper:<handoff node id>`, e.g. `paper:handoff:abc`: a paper's subtree, the paper, the
//   milestones decomposed from it, and the services implemented only by those milestones (every
//   "implements" edge into the service comes from one of them; a service another milestone also
//   implements stays out, as it is not this paper's alone). Calls among services do not pull more
//   services in: a subtree follows the plan (paper → milestone → service), not the runtime.
// - `milestones:<handoff node id>`: the milestones decomposed from that paper, without it (the
//   paper stays drawn, with one "decomposed" edge to the group, counted).
// - `lane:<lane id>`: a whole lane, named as lib/graph/map-layout names lanes (a service's layer,
//   else the node's kind): `lane:handoff`, `lane:milestone`, `lane:model`, `lane:gateway`… (a
//   service without a layer: `lane:service`). See mapLaneId.
// A node belongs to at most one drawn group: lanes claim first, then papers, then milestone groups,
// each kind in the order of the map's nodes; a group whose members were all claimed is not drawn.
// Unknown group ids (say, a paper since deleted) are ignored.
//
// Roll-up rule (over the group's milestones; papers and services carry no plan status):
//   no milestone              → no status (the card shows counts only);
//   every milestone done or cancelled → "done";
//   else any open one blocked → "blocked";
//   else any open one slipping (past its due date, projected by the plan to finish after it, or
//        at risk / off track: lib/graph/map-plan `slipping`) → "slipping";
//   else any in progress      → "in_progress";
//   else                      → "planned" (nothing started yet).
import { NODE_SIZE, laneOf } from "@/lib/graph/map-layout";
import type { MapEdge, MapEdgeKind, MapNode, MapNodeKind, Point } from "@/lib/graph/types";

export type GroupKind = "paper" | "milestones" | "lane";

export type RollupStatus = "done" | "blocked" | "slipping" | "in_progress" | "planned";

export type GroupRollup = {
  /** Null when the group holds no milestone. */
  status: RollupStatus | null;
  milestones: number;
  /** Done or cancelled. */
  finished: number;
  blocked: number;
  slipping: number;
};

export type MapGroup = {
  id: string;
  kind: "group";
  groupKind: GroupKind;
  /** "Paper title", "Milestones of Paper title", "Milestones" (a lane). */
  title: string;
  /** "7 milestones · 2 services". */
  summary: string;
  /** Member node ids, in the map's order. */
  members: string[];
  counts: Record<MapNodeKind, number>;
  rollup: GroupRollup;
};

/** An edge to draw: one of the map's (origin = its index) or a merge of several (origin -1). */
export type DrawnEdge = MapEdge & {
  /** How many of the map's edges it stands for. */
  count: number;
  /** Index in the input edges of the one edge it is, unchanged; -1 when an end is a group. */
  origin: number;
  /** Indices in the input edges of every edge it stands for. */
  members: number[];
};

export type CollapsedMap = {
  /** The map's nodes in no drawn group, in input order. */
  nodes: MapNode[];
  groups: MapGroup[];
  edges: DrawnEdge[];
  /** Top-left corner of every drawn node and group. */
  positions: Map<string, Point>;
  /** Member node id → the id of the group drawn in its place. */
  groupOf: Map<string, string>;
};

/** A group card's size: a paper card's width, a milestone card's height. */
export const GROUP_SIZE = { width: NODE_SIZE.handoff.width, height: NODE_SIZE.milestone.height };

/** The lane a node belongs to, as map-layout's lanes name it: a service's layer, else the node's kind. */
export const mapLaneId = laneOf;

export function parseGroupId(id: string): { kind: GroupKind; key: string } | null {
  const colon = id.indexOf(":");
  if (colon <= 0 || colon === id.length - 1) return null;
  const kind = id.slice(0, colon);
  if (kind !== "paper" && kind !== "milestones" && kind !== "lane") return null;
  return { kind, key: id.slice(colon + 1) };
}

export const paperGroupId = (handoffId: string) => `paper:${handoffId}`;
export const milestonesGroupId = (handoffId: string) => `milestones:${handoffId}`;
export const laneGroupId = (laneId: string) => `lane:${laneId}`;

/** What the groups are made of, indexed once per graph. */
export type GroupIndex = {
  nodes: readonly MapNode[];
  order: Map<string, number>;
  /** Handoff id → milestones decomposed from it (map order). */
  decomposed: Map<string, string[]>;
  /** Service id → milestones implementing it. */
  implementers: Map<string, string[]>;
  /** Milestone id → services it implements. */
  implemented: Map<string, string[]>;
  /** Lane id → its nodes (map order). */
  lanes: Map<string, string[]>;
};

function push<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export function indexGroups(nodes: readonly MapNode[], edges: readonly MapEdge[]): GroupIndex {
  const order = new Map<string, number>();
  const lanes = new Map<string, string[]>();
  nodes.forEach((n, i) => {
    order.set(n.id, i);
    push(lanes, mapLaneId(n), n.id);
  });
  const decomposed = new Map<string, string[]>();
  const implementers = new Map<string, string[]>();
  const implemented = new Map<string, string[]>();
  for (const e of edges) {
    if (!order.has(e.source) || !order.has(e.target)) continue;
    if (e.kind === "decomposed") push(decomposed, e.source, e.target);
    else if (e.kind === "implements") {
      push(implementers, e.target, e.source);
      push(implemented, e.source, e.target);
    }
  }
  const byOrder = (a: string, b: string) => order.get(a)! - order.get(b)!;
  for (const list of decomposed.values()) list.sort(byOrder);
  return { nodes, order, decomposed, implementers, implemented, lanes };
}

/** The would-be members of a group (map order), or null when the id names no group of this map. */
export function groupMembers(index: GroupIndex, groupId: string): string[] | null {
  const parsed = parseGroupId(groupId);
  if (!parsed) return null;
  const { kind, key } = parsed;
  if (kind === "lane") return index.lanes.get(key) ?? null;
  const paper = index.order.get(key);
  if (paper === undefined || index.nodes[paper].kind !== "handoff") return null;
  const milestones = index.decomposed.get(key) ?? [];
  if (kind === "milestones") return milestones.length ? milestones : null;
  const mine = new Set(milestones);
  const services = new Set<string>();
  const checked = new Set<string>();
  for (const m of milestones) {
    for (const s of index.implemented.get(m) ?? []) {
      if (checked.has(s)) continue;
      checked.add(s);
      if (index.implementers.get(s)!.every((other) => mine.has(other))) services.add(s);
    }
  }
  return [key, ...milestones, ...[...services].sort((a, b) => index.order.get(a)! - index.order.get(b)!)];
}

const KIND_RANK: Record<GroupKind, number> = { lane: 0, paper: 1, milestones: 2 };
const FINISHED = new Set(["done", "cancelled"]);

/** The roll-up rule above, over the members' milestones. */
export function rollup(members: readonly MapNode[], slipping: ReadonlySet<string>): GroupRollup {
  const result: GroupRollup = { status: null, milestones: 0, finished: 0, blocked: 0, slipping: 0 };
  let started = false;
  for (const m of members) {
    if (m.kind !== "milestone") continue;
    result.milestones++;
    if (FINISHED.has(m.status)) {
      result.finished++;
      continue;
    }
    if (m.status === "blocked") result.blocked++;
    if (slipping.has(m.id)) result.slipping++;
    if (m.status === "in_progress") started = true;
  }
  if (result.milestones === 0) return result;
  result.status =
    result.finished === result.milestones ? "done" : result.blocked > 0 ? "blocked" : result.slipping > 0 ? "slipping" : started ? "in_progress" : "planned";
  return result;
}

const NOUN: Record<MapNodeKind, [string, string]> = { handoff: ["handoff", "handoffs"], milestone: ["milestone", "milestones"], service: ["service", "services"] };
const plural = (count: number, kind: MapNodeKind) => `${count} ${NOUN[kind][count === 1 ? 0 : 1]}`;
const LANE_TITLE: Record<MapNodeKind, string> = { handoff: "Handoffs", milestone: "Milestones", service: "Services" };

function describe(kind: GroupKind, members: readonly MapNode[], anchor: MapNode | undefined, counts: Record<MapNodeKind, number>): { title: string; summary: string } {
  const parts = (["handoff", "milestone", "service"] as const).filter((k) => counts[k] > 0 && !(kind === "paper" && k === "handoff")).map((k) => plural(counts[k], k));
  const summary = parts.join(" · ") || "nothing else";
  if (kind === "lane") {
    const first = members[0];
    const title = first.kind === "service" && first.layer ? `${LANE_TITLE.service} · ${first.sublabel || first.layer}` : LANE_TITLE[first.kind];
    return { title, summary };
  }
  const paper = anchor?.label ?? "a paper";
  return kind === "paper" ? { title: paper, summary } : { title: `Milestones of ${paper}`, summary };
}

export type CollapseOptions = {
  /** Slipping milestones (lib/graph/map-plan), for the roll-up; none when absent. */
  slipping?: ReadonlySet<string>;
  /** A GroupIndex of these nodes and edges, reused across calls; built when absent. */
  index?: GroupIndex;
};

/**
 * The map to draw with the `collapsed` groups folded. Each group is placed in a slot its members
 * left empty: a paper's subtree where the paper was; any other group where its leftmost member
 * was (the topmost one of that column), so it never lands on a node still drawn.
 */
export function collapseMap(
  nodes: readonly MapNode[],
  edges: readonly MapEdge[],
  positions: ReadonlyMap<string, Point>,
  collapsed: Iterable<string>,
  opts: CollapseOptions = {},
): CollapsedMap {
  const index = opts.index ?? indexGroups(nodes, edges);
  const slipping = opts.slipping ?? new Set<string>();
  const wanted = [...new Set(collapsed)]
    .map((id) => ({ id, parsed: parseGroupId(id) }))
    .filter((g): g is { id: string; parsed: { kind: GroupKind; key: string } } => g.parsed !== null)
    .sort((a, b) => KIND_RANK[a.parsed.kind] - KIND_RANK[b.parsed.kind] || (index.order.get(a.parsed.key) ?? -1) - (index.order.get(b.parsed.key) ?? -1) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

  const groupOf = new Map<string, string>();
  const groups: MapGroup[] = [];
  const drawnAt = new Map<string, Point>();
  for (const { id, parsed } of wanted) {
    const candidates = groupMembers(index, id);
    if (!candidates) continue;
    const members = candidates.filter((m) => !groupOf.has(m) && positions.has(m));
    if (members.length === 0) continue;
    for (const m of members) groupOf.set(m, id);
    const memberNodes = members.map((m) => nodes[index.order.get(m)!]);
    const counts: Record<MapNodeKind, number> = { handoff: 0, milestone: 0, service: 0 };
    for (const n of memberNodes) counts[n.kind]++;
    const paperIndex = parsed.kind === "lane" ? undefined : index.order.get(parsed.key);
    const anchor = paperIndex === undefined ? undefined : nodes[paperIndex];
    groups.push({ id, kind: "group", groupKind: parsed.kind, ...describe(parsed.kind, memberNodes, anchor, counts), members, counts, rollup: rollup(memberNodes, slipping) });
    drawnAt.set(id, slot(parsed.kind === "paper" && groupOf.get(parsed.key) === id ? parsed.key : null, members, positions));
  }

  const drawnNodes = groupOf.size === 0 ? [...nodes] : nodes.filter((n) => !groupOf.has(n.id));
  const out = new Map<string, Point>();
  for (const n of drawnNodes) {
    const at = positions.get(n.id);
    if (at) out.set(n.id, { x: at.x, y: at.y });
  }
  for (const [id, at] of drawnAt) out.set(id, at);

  const drawnEdges: DrawnEdge[] = [];
  const merged = new Map<string, DrawnEdge>();
  edges.forEach((edge, i) => {
    const source = groupOf.get(edge.source);
    const target = groupOf.get(edge.target);
    if (source === undefined && target === undefined) {
      drawnEdges.push({ id: edge.id, source: edge.source, target: edge.target, kind: edge.kind, count: 1, origin: i, members: [i] });
      return;
    }
    const from = source ?? edge.source;
    const to = target ?? edge.target;
    if (from === to) return; // inside one group
    const key = `${from}\0${to}\0${edge.kind}`;
    const existing = merged.get(key);
    if (existing) {
      existing.count++;
      existing.members.push(i);
      return;
    }
    const drawn: DrawnEdge = { id: mergedEdgeId(edge.kind, from, to), source: from, target: to, kind: edge.kind, count: 1, origin: -1, members: [i] };
    merged.set(key, drawn);
    drawnEdges.push(drawn);
  });
  return { nodes: drawnNodes, groups, edges: drawnEdges, positions: out, groupOf };
}

type Box = Point & { width: number; height: number };

/** How far a back edge runs right of its source column (layers are 80 px apart). */
export const BACK_BULGE = 32;
/** How far above the target card a back edge crosses its column (cards are 24 px apart). */
export const BACK_CLEARANCE = 10;

/**
 * Waypoints for an edge whose target does not lie right of its source (a group reaching back),
 * so that the map's curve through them (MapEdge routedPath) runs between the cards instead of
 * looping back over them; null when the target lies to the right (a plain curve does). Every leg
 * is horizontal or vertical:
 * - ends in one column (two collapsed groups): out into the gap right of the column, along it to
 *   just above the target, across the column there, and into the target's left side;
 * - a target in a column further left: out into the gap right of the source's column, up above
 *   every card (`top`, the map's top edge), left to the gap before the target's column, and down
 *   into the target, so the edge crosses no column in between.
 */
export function backRoute(source: Box, target: Box, top = Math.min(source.y, target.y)): Point[] | null {
  if (target.x >= source.x + source.width) return null;
  const sy = source.y + source.height / 2;
  const ty = target.y + target.height / 2;
  const left = Math.min(source.x, target.x) - BACK_BULGE;
  if (target.x + target.width > source.x) {
    const right = Math.max(source.x + source.width, target.x + target.width) + BACK_BULGE;
    const above = target.y - BACK_CLEARANCE;
    return [
      { x: right, y: sy },
      { x: right, y: above },
      { x: left, y: above },
      { x: left, y: ty },
    ];
  }
  const right = source.x + source.width + BACK_BULGE;
  const over = top - 2 * BACK_CLEARANCE;
  return [
    { x: right, y: sy },
    { x: right, y: over },
    { x: left, y: over },
    { x: left, y: ty },
  ];
}

/** A drawn node's or group's box in a collapsed map, or undefined when it is not drawn. */
export function drawnBox(view: Pick<CollapsedMap, "positions" | "groups">, byId: ReadonlyMap<string, MapNode>, id: string): Box | undefined {
  const at = view.positions.get(id);
  if (!at) return undefined;
  const node = byId.get(id);
  return { x: at.x, y: at.y, ...(node ? NODE_SIZE[node.kind] : GROUP_SIZE) };
}

export const mergedEdgeId = (kind: MapEdgeKind, source: string, target: string) => `merged:${kind}:${source}>${target}`;

/** Where a group goes: its anchor's slot, else its leftmost member's (topmost in that column). */
function slot(anchor: string | null, members: readonly string[], positions: ReadonlyMap<string, Point>): Point {
  if (anchor) {
    const at = positions.get(anchor)!;
    return { x: at.x, y: at.y };
  }
  let best = positions.get(members[0])!;
  for (const m of members) {
    const at = positions.get(m)!;
    if (at.x < best.x || (at.x === best.x && at.y < best.y)) best = at;
  }
  return { x: best.x, y: best.y };
}

/** Every paper's subtree that has something to fold (a paper with at least one milestone). */
export function allPaperGroups(index: GroupIndex): string[] {
  return index.nodes.filter((n) => n.kind === "handoff" && (index.decomposed.get(n.id)?.length ?? 0) > 0).map((n) => paperGroupId(n.id));
}
