// What MapOverview's canvas draws, in flow coordinates, built once per graph (not per frame): a
// tile per node shown and per collapsed group (lib/graph/collapse; a group's tile takes its
// rolled-up status colour), the edges batched by colour, and the lanes with what they hold as
// drawn (lane-counts.ts: a group counts as its members). Also the fitting of a tile's key into
// its width, cached, so that a frame measures no text it measured before. Pure but for the
// canvas context handed to `labelFitter`.
import type { MapGroup } from "@/lib/graph/collapse";
import { GROUP_SIZE } from "@/lib/graph/collapse";
import type { LaneBox } from "@/lib/graph/lanes";
import type { MapEdge, MapNode, MapNodeKind, Point } from "@/lib/graph/types";
import { laneCounts, laneGroupNote } from "./lane-counts";
import { rollupColor } from "./MapGroupNode";
import { EDGE_TONE, KIND_LABEL, NODE_SIZE, isBlockingDependency, statusColor } from "./map-model";

export type Tile = { id: string; x: number; y: number; w: number; h: number; colour: string; key: string; short: string; group: boolean };
export type Lane = { label: string; x: number; y: number; width: number; height: number; count: number; detail: string };
export type Stroke = { points: Point[]; lit: boolean; box: { x: number; y: number; w: number; h: number } };
/** `top`: the flow y of the highest tile, under which the lane labels' row must not go. */
export type Scene = { tiles: Tile[]; strokes: Map<string, Stroke[]>; lanes: Lane[]; drawLaneBands: boolean; top: number };

/** How far a group's stacked edge rises, in flow units, at the furthest tile zoom (5 px / 0.15). */
const GROUP_STACK = 34;

/** A tile's key: the milestone key, the paper's title, the service's name. */
function tileKey(node: MapNode): string {
  if (node.kind === "milestone") return node.sublabel || node.label;
  return node.label;
}

/**
 * Where the key does not fit: a milestone's number without the project ("FLOOR-12" → "#12"); a
 * handoff's title before its colon, else its first three words ("HouseDiffusion: vector floor
 * plans…" → "HouseDiffusion"); a service's name.
 */
export function shortKey(node: Pick<MapNode, "kind" | "label" | "sublabel">): string {
  const key = node.kind === "milestone" ? node.sublabel || node.label : node.label;
  if (node.kind === "milestone") {
    const dash = key.lastIndexOf("-");
    return dash > 0 && /^\d+$/.test(key.slice(dash + 1)) ? `#${key.slice(dash + 1)}` : key;
  }
  if (node.kind === "handoff") {
    const colon = key.indexOf(":");
    if (colon >= 3) return key.slice(0, colon).trim();
    return key.split(/\s+/).slice(0, 3).join(" ");
  }
  return key;
}

const OPEN = new Set(["planned", "in_progress"]);

function laneDetail(members: readonly MapNode[]): string {
  let open = 0;
  let blocked = 0;
  let done = 0;
  for (const n of members) {
    if (n.kind !== "milestone") continue;
    if (n.status === "blocked") blocked++;
    else if (OPEN.has(n.status)) open++;
    else if (n.status === "done") done++;
  }
  if (open + blocked + done === 0) return "";
  return [open && `${open.toLocaleString("en")} open`, blocked && `${blocked.toLocaleString("en")} blocked`, done && `${done.toLocaleString("en")} done`].filter(Boolean).join(" · ");
}

export type SceneInput = {
  /** The nodes drawn as themselves (filters applied). */
  nodes: readonly MapNode[];
  /** The edges drawn (merged into groups where collapsed); `routes` by their index. */
  edges: readonly MapEdge[];
  positions: ReadonlyMap<string, Point>;
  routes: ReadonlyMap<number, Point[]>;
  hidden: ReadonlySet<MapNodeKind>;
  /** Collapsed groups, drawn as tiles at their position in `positions`. */
  groups?: readonly MapGroup[];
  /** Every node of the map, to count a group's members per lane; default `nodes`. */
  allById?: ReadonlyMap<string, MapNode>;
  lanes?: readonly LaneBox[];
  laneLabels?: Readonly<Record<string, string>>;
  /** Ids lit by the focus (the rest dims); null when nothing is focused. */
  lit: ReadonlySet<string> | null;
};

export function buildScene({ nodes, edges, positions, routes, hidden, groups = [], allById, lanes, laneLabels, lit }: SceneInput): Scene {
  const tiles: Tile[] = [];
  const byId = new Map<string, Tile>();
  const shown: MapNode[] = [];
  let top = Infinity;
  for (const node of nodes) {
    if (hidden.has(node.kind)) continue;
    const at = positions.get(node.id);
    if (!at) continue;
    const size = NODE_SIZE[node.kind];
    const tile = { id: node.id, x: at.x, y: at.y, w: size.width, h: size.height, colour: statusColor(node), key: tileKey(node), short: shortKey(node), group: false };
    top = Math.min(top, at.y);
    tiles.push(tile);
    byId.set(node.id, tile);
    shown.push(node);
  }
  for (const group of groups) {
    const at = positions.get(group.id);
    if (!at) continue;
    const tile = { id: group.id, x: at.x, y: at.y, w: GROUP_SIZE.width, h: GROUP_SIZE.height, colour: rollupColor(group.rollup.status), key: group.title, short: group.title, group: true };
    top = Math.min(top, at.y - GROUP_STACK);
    tiles.push(tile);
    byId.set(group.id, tile);
  }
  // Edges grouped by colour, so each colour is one path and one stroke.
  const strokes = new Map<string, Stroke[]>();
  const nodeById = allById ?? new Map(nodes.map((n) => [n.id, n]));
  edges.forEach((edge, i) => {
    const a = byId.get(edge.source);
    const b = byId.get(edge.target);
    if (!a || !b) return;
    const colour = isBlockingDependency(edge, nodeById.get(edge.source), nodeById.get(edge.target)) ? "var(--tone-red-solid)" : EDGE_TONE[edge.kind];
    const points = [{ x: a.x + a.w, y: a.y + a.h / 2 }, ...(routes.get(i) ?? []), { x: b.x, y: b.y + b.h / 2 }];
    let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
    for (const p of points) {
      minX = Math.min(minX, p.x);
      minY = Math.min(minY, p.y);
      maxX = Math.max(maxX, p.x);
      maxY = Math.max(maxY, p.y);
    }
    const list = strokes.get(colour) ?? [];
    list.push({ points, lit: !lit || (lit.has(edge.source) && lit.has(edge.target)), box: { x: minX, y: minY, w: maxX - minX, h: maxY - minY } });
    strokes.set(colour, list);
  });
  // Lanes: the map's (papers, milestones, services by layer), or one per kind of node. Each
  // counts what it shows: its nodes drawn, and those folded into a group drawn in it.
  const counts = laneCounts(shown, groups, nodeById);
  const laneList: Lane[] = [];
  if (lanes?.length) {
    for (const lane of lanes) {
      const entry = counts.get(lane.lane);
      const detail = [lane.lane === "milestone" ? laneDetail(shown.filter((n) => n.kind === "milestone")) : "", laneGroupNote(entry)].filter(Boolean).join(" · ");
      laneList.push({ label: laneLabels?.[lane.lane] ?? lane.lane, x: lane.x, y: lane.y, width: lane.width, height: lane.height, count: entry?.count ?? 0, detail });
    }
  } else {
    for (const kind of ["handoff", "milestone", "service"] as const) {
      const members = tiles.filter((t) => !t.group && nodeById.get(t.id)?.kind === kind);
      const folded = groups.reduce((sum, g) => sum + g.counts[kind], 0);
      if (members.length + folded === 0) continue;
      let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
      for (const t of members.length ? members : tiles) {
        minX = Math.min(minX, t.x);
        minY = Math.min(minY, t.y);
        maxX = Math.max(maxX, t.x + t.w);
        maxY = Math.max(maxY, t.y + t.h);
      }
      const detail = [laneDetail(members.map((t) => nodeById.get(t.id)!)), folded ? `${folded.toLocaleString("en")} in collapsed groups` : ""].filter(Boolean).join(" · ");
      laneList.push({ label: KIND_LABEL[kind].many, x: minX - 20, y: minY - 20, width: maxX - minX + 40, height: maxY - minY + 40, count: members.length + folded, detail });
    }
  }
  return { tiles, strokes, lanes: laneList, drawLaneBands: !lanes?.length, top: Number.isFinite(top) ? top : 0 };
}

/** A label cut shorter than this many characters (before its ellipsis) is not drawn at all. */
export const MIN_CUT = 5;

/**
 * Fits a tile's key into `room` screen pixels at the 11 px key font: the key, else its short form,
 * else the short form's leading whole words, else the short form cut with an ellipsis if at least
 * MIN_CUT characters stay, else nothing ("" rather than "Ho…"). Widths and fits are cached (room
 * in 4 px steps), so panning measures nothing twice.
 */
export function labelFitter(measure: (text: string) => number) {
  const widths = new Map<string, number>();
  const fits = new Map<string, string>();
  const width = (text: string) => {
    let w = widths.get(text);
    if (w === undefined) widths.set(text, (w = measure(text)));
    return w;
  };
  return (key: string, short: string, room: number): string => {
    const step = Math.floor(room / 4) * 4;
    const cacheKey = `${step}\u0000${key}`;
    const hit = fits.get(cacheKey);
    if (hit !== undefined) return hit;
    let text = key;
    if (width(text) > step) text = short;
    if (width(text) > step) {
      // Whole leading words of the short form, when more than one word.
      const words = text.split(/\s+/);
      let kept = "";
      for (let i = words.length - 1; i >= 1 && !kept; i--) {
        const head = words.slice(0, i).join(" ");
        if (head.length >= MIN_CUT && width(head) <= step) kept = head;
      }
      if (kept) text = kept;
    }
    if (width(text) > step) {
      // The longest prefix that fits with its ellipsis (binary search).
      let lo = 0;
      let hi = text.length;
      while (lo < hi) {
        const mid = Math.ceil((lo + hi) / 2);
        if (width(`${text.slice(0, mid).trimEnd()}…`) <= step) lo = mid;
        else hi = mid - 1;
      }
      const head = text.slice(0, lo).trimEnd();
      text = head.length >= MIN_CUT ? `${head}…` : "";
    }
    fits.set(cacheKey, text);
    return text;
  };
}

export type LaneLabelStyle = { title: number; detail: number };
/** The lane labels' fonts: larger far out, where they are all there is to read. */
export const LANE_LABEL_STYLE: Record<"tiles" | "dots", LaneLabelStyle> = { tiles: { title: 13, detail: 11 }, dots: { title: 15, detail: 11 } };
/** `x`, `y`: the text's top-left; its box runs from `x - pad` for `w` (screen px). */
export type PlacedLaneLabel = { lane: number; x: number; y: number; w: number; h: number; pad: number; title: string; detail: string; size: LaneLabelStyle };
type View = { tx: number; ty: number; zoom: number; width: number; height: number };

/** The label's title in decreasing lengths: "Milestones  15", "Milestones 15", "Miles. 15", "15". */
export function laneTitles(label: string, count: number): string[] {
  const n = count.toLocaleString("en");
  const out = [`${label}  ${n}`, `${label} ${n}`];
  for (const keep of [5, 3]) if (label.length > keep + 1) out.push(`${label.slice(0, keep).trimEnd()}. ${n}`);
  out.push(n);
  return out;
}

/**
 * The lanes' labels in one row, in lane order, each inside its lane's part of the view (never
 * spilling into the next lane), in a band just above the highest tile (`sceneTop`, flow y) and
 * kept at the top of the view when that band scrolls out (sticky, like the card-zoom lane heads).
 * A title that does not fit its lane is abbreviated, down to the bare count, or left out; the
 * detail line is shown only where it fits whole. Measures with `measure(text, px, bold)`. Pure.
 */
export function placeLaneLabels(lanes: readonly Lane[], view: View, sceneTop: number, size: LaneLabelStyle, measure: (text: string, px: number, bold: boolean) => number): PlacedLaneLabel[] {
  const { tx, ty, zoom, width } = view;
  // Room for a second line always: the detail, or the lane's name under a bare count.
  const hasDetail = lanes.length > 0;
  const titleH = size.title + 8;
  const rowH = titleH + (hasDetail ? size.detail + 4 : 0);
  const y = Math.max(8, sceneTop * zoom + ty - 6 - rowH);
  const out: PlacedLaneLabel[] = [];
  lanes.forEach((lane, i) => {
    const left = Math.max(0, lane.x * zoom + tx);
    const right = Math.min(width, (lane.x + lane.width) * zoom + tx);
    // Less padding in a narrow lane, so that its name still fits.
    const pad = right - left < 60 ? 2 : 6;
    const room = right - left - 2 * pad - 4;
    if (room <= 0) return;
    // The title at its size, abbreviated as needed, then at the detail's size, before the bare count.
    const titles = laneTitles(lane.label, lane.count);
    let px = size.title;
    let title = titles.slice(0, -1).find((t) => measure(t, px, true) <= room);
    if (!title) {
      px = size.detail + 1;
      title = titles.find((t) => measure(t, px, true) <= room);
    }
    if (!title) return;
    let w = measure(title, px, true);
    let detail = "";
    if (title === titles[titles.length - 1]) {
      // Too narrow for the name beside the count: the name, abbreviated, under it.
      const n = lane.label;
      detail = [n, n.slice(0, 5).trimEnd() + ".", n.slice(0, 3).trimEnd() + "."].find((t) => t.length < n.length + 1 && measure(t, size.detail, false) <= room) ?? "";
      if (detail) w = Math.max(w, measure(detail, size.detail, false));
    } else if (lane.detail) {
      // Whole parts of the detail ("7 open · 2 blocked · 5 done"), as many as fit from the first.
      const parts = lane.detail.split(" · ");
      for (let k = parts.length; k >= 1 && !detail; k--) {
        const text = parts.slice(0, k).join(" · ");
        if (measure(text, size.detail, false) <= room) detail = text;
      }
      if (detail) w = Math.max(w, measure(detail, size.detail, false));
    }
    out.push({ lane: i, x: left + pad + 2, y, w: w + 2 * pad, h: detail ? rowH : titleH, pad, title, detail, size: { ...size, title: px } });
  });
  return out;
}

/**
 * Leaves out cut labels ("House…") that two tiles with different keys would both show: they would
 * read as the same thing. Labels drawn whole are kept.
 */
export function distinctLabels<T extends { t: { key: string }; text: string }>(list: readonly T[]): T[] {
  const keysOf = new Map<string, Set<string>>();
  for (const item of list) {
    if (!item.text.endsWith("…")) continue;
    const keys = keysOf.get(item.text) ?? new Set<string>();
    keys.add(item.t.key);
    keysOf.set(item.text, keys);
  }
  return list.filter((item) => (keysOf.get(item.text)?.size ?? 0) < 2);
}
