// The map's view as URL search parameters, so that a link reproduces it: focus (node id), hops,
// filters, search text, collapsed groups, highlight and viewport. Hops belong to a focus: they are
// written, and read, only with one (a hop count kept after Escape is a preference of the session). Parsed with zod, one parameter at a time:
// a bad value is dropped (the view falls back to its default for it), never an error page.
// Pure: URLSearchParams in, state out, and back.
import { z } from "@/lib/validation/zod-browser";
import type { HighlightMode } from "@/lib/graph/map-plan";
import type { MapNodeKind } from "@/lib/graph/types";
import { NO_FILTERS, type MapFilters } from "./map-find";

export type Viewport = { x: number; y: number; zoom: number };

export type MapViewState = {
  /** The focused node's id, or null. */
  focus: string | null;
  /** How many hops the focus follows each way; null for all. */
  hops: number | null;
  filters: MapFilters;
  /** The search text. */
  q: string;
  /** Collapsed group ids (collapse/roll-up owns their meaning). */
  collapsed: string[];
  /** The highlight: the critical path, or blocked & slipping work; null for none. */
  highlight: HighlightMode | null;
  /** The viewport when the URL named one; it wins over the first-view logic. */
  viewport: Viewport | null;
};

export const DEFAULT_VIEW: MapViewState = { focus: null, hops: null, filters: NO_FILTERS, q: "", collapsed: [], highlight: null, viewport: null };

/** The largest hop count offered (the side panel offers 1 to 5, then all). */
export const MAX_HOPS = 5;

const KINDS: readonly MapNodeKind[] = ["handoff", "milestone", "service"];
const id = z.string().min(1).max(300);
const text = z.string().max(200);
const number = z.coerce.number().refine(Number.isFinite);

// Parameter names, short and stable: they appear in shared links.
const P = { focus: "focus", hops: "hops", hide: "hide", status: "status", owner: "owner", layer: "layer", q: "q", collapsed: "collapsed", highlight: "hl", x: "x", y: "y", zoom: "zoom" } as const;

const list = (params: URLSearchParams, name: string) =>
  (params.get(name) ?? "")
    .split(",")
    .map((v) => v.trim())
    .filter(Boolean);

const valid = <T>(schema: z.ZodType<T>, values: string[]): T[] => [...new Set(values.flatMap((v) => (schema.safeParse(v).success ? [schema.parse(v)] : [])))];

export function parseViewState(params: URLSearchParams): MapViewState {
  const focus = id.safeParse(params.get(P.focus));
  const hops = z.coerce.number().int().min(1).max(MAX_HOPS).safeParse(params.get(P.hops) ?? undefined);
  const q = text.safeParse(params.get(P.q) ?? "");
  const x = number.safeParse(params.get(P.x) ?? undefined);
  const y = number.safeParse(params.get(P.y) ?? undefined);
  const highlight = z.enum(["critical", "risk"]).safeParse(params.get(P.highlight) ?? undefined);
  const zoom = z.coerce.number().min(0.02).max(4).safeParse(params.get(P.zoom) ?? undefined);
  return {
    focus: focus.success ? focus.data : null,
    hops: hops.success && focus.success ? hops.data : null,
    filters: {
      hiddenKinds: valid(z.enum(KINDS as [MapNodeKind, ...MapNodeKind[]]), list(params, P.hide)),
      statuses: valid(z.string().regex(/^(handoff|milestone|service)\.[a-z_]{1,40}$/), list(params, P.status)),
      // Owners are names: commas are theirs, so each is its own parameter; "" is "no owner".
      owners: valid(z.string().max(200), params.getAll(P.owner)),
      layers: valid(z.string().regex(/^[a-z_]{1,40}$/), list(params, P.layer)),
    },
    q: q.success ? q.data : "",
    collapsed: valid(id, list(params, P.collapsed)),
    highlight: highlight.success ? highlight.data : null,
    viewport: x.success && y.success && zoom.success ? { x: x.data, y: y.data, zoom: zoom.data } : null,
  };
}

const round = (n: number, places: number) => String(Math.round(n * 10 ** places) / 10 ** places);

/**
 * The state as search parameters, defaults left out; `base` keeps parameters the map does not own
 * (its own are replaced).
 */
export function serializeViewState(state: MapViewState, base?: URLSearchParams): URLSearchParams {
  const params = new URLSearchParams(base);
  for (const name of Object.values(P)) params.delete(name);
  if (state.q.trim()) params.set(P.q, state.q);
  if (state.focus) params.set(P.focus, state.focus);
  if (state.focus && state.hops !== null) params.set(P.hops, String(state.hops));
  const { hiddenKinds, statuses, owners, layers } = state.filters;
  if (hiddenKinds.length) params.set(P.hide, hiddenKinds.join(","));
  if (statuses.length) params.set(P.status, statuses.join(","));
  for (const owner of owners) params.append(P.owner, owner);
  if (layers.length) params.set(P.layer, layers.join(","));
  if (state.collapsed.length) params.set(P.collapsed, state.collapsed.join(","));
  if (state.highlight) params.set(P.highlight, state.highlight);
  if (state.viewport) {
    params.set(P.x, round(state.viewport.x, 0));
    params.set(P.y, round(state.viewport.y, 0));
    params.set(P.zoom, round(state.viewport.zoom, 3));
  }
  return params;
}
