// Pure rules behind finding things on the map: the search index (lower-cased text per node, built
// once per graph) and its matches, and the filters by kind, status, owner and layer with the
// choices and counts the Filters menu offers. No React here.
import { statusLabel } from "@/components/ui/status";
import type { MapNode, MapNodeKind } from "@/lib/graph/types";
import { KIND_LABEL, KIND_ORDER, STATUS_KIND } from "./map-model";

// ---------- Search ----------

/** Per node, in input order: its id and the lower-cased text a search looks in. */
export type SearchIndex = { ids: string[]; text: string[] };

/** A collapsed group as the search sees it: its card's title and the nodes drawn inside it. */
export type SearchGroup = { id: string; title: string; members: readonly string[] };

/** Lower case without accents, so that "tomas" finds "Tomás" and "Tomás" finds "Tomas". */
export const foldText = (text: string) => text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();

const nodeText = (node: MapNode) => [node.label, node.sublabel, node.owner, node.layer, node.detail].filter(Boolean).join("\n");

/**
 * Label, sublabel (milestone key, venue, layer), owner, layer and detail, folded (foldText) once; after
 * the nodes, each collapsed group with its title and its members' text (from `byId`), so that a
 * search for a node folded into a group lands on the group.
 */
export function buildSearchIndex(nodes: readonly MapNode[], groups: readonly SearchGroup[] = [], byId?: ReadonlyMap<string, MapNode>): SearchIndex {
  const ids: string[] = [];
  const text: string[] = [];
  for (const node of nodes) {
    ids.push(node.id);
    text.push(foldText(nodeText(node)));
  }
  for (const group of groups) {
    ids.push(group.id);
    const members = group.members.flatMap((id) => {
      const member = byId?.get(id);
      return member ? [nodeText(member)] : [];
    });
    text.push(foldText([group.title, ...members].join("\n")));
  }
  return { ids, text };
}

/** The words of a query, lower-cased without accents; none for a blank one. */
export function queryTerms(query: string): string[] {
  return foldText(query).split(/\s+/).filter(Boolean);
}

/**
 * Ids of the nodes whose text contains every word of `query` (in any order), among those
 * `include` accepts, in index order. A blank query matches nothing.
 */
export function searchIndex(index: SearchIndex, query: string, include: (id: string) => boolean = () => true): string[] {
  const terms = queryTerms(query);
  if (terms.length === 0) return [];
  const found: string[] = [];
  for (let i = 0; i < index.ids.length; i++) {
    const text = index.text[i];
    if (terms.every((t) => text.includes(t)) && include(index.ids[i])) found.push(index.ids[i]);
  }
  return found;
}

/** Matches in reading order on the map: column by column, top to bottom. */
export function readingOrder(ids: readonly string[], at: (id: string) => { x: number; y: number } | undefined): string[] {
  return [...ids].sort((a, b) => {
    const pa = at(a);
    const pb = at(b);
    if (!pa || !pb) return 0;
    return pa.x - pb.x || pa.y - pb.y;
  });
}

// ---------- Filters ----------

export type MapFilters = {
  /** Kinds switched off by the chips. */
  hiddenKinds: MapNodeKind[];
  /** "kind.status" values, e.g. "milestone.blocked": each narrows only its own kind. */
  statuses: string[];
  /** Owners (authors for papers); the empty string stands for "no owner". */
  owners: string[];
  /** Service layers (raw values); they narrow services only. */
  layers: string[];
};

export const NO_FILTERS: MapFilters = { hiddenKinds: [], statuses: [], owners: [], layers: [] };

export const statusKey = (node: Pick<MapNode, "kind" | "status">) => `${node.kind}.${node.status}`;

export function filtersActive(filters: MapFilters): number {
  return filters.statuses.length + filters.owners.length + filters.layers.length;
}

/**
 * Whether a node passes the filters: its kind is shown; when a status of its kind is chosen, its
 * status is one of those; when owners are chosen, its owner is one of them; when layers are chosen
 * and it is a service, its layer is one of them.
 */
export function makeNodeFilter(filters: MapFilters): (node: MapNode) => boolean {
  const hidden = new Set(filters.hiddenKinds);
  const statuses = new Set(filters.statuses);
  const narrowedKinds = new Set(filters.statuses.map((s) => s.split(".")[0]));
  const owners = new Set(filters.owners);
  const layers = new Set(filters.layers);
  return (node) => {
    if (hidden.has(node.kind)) return false;
    if (narrowedKinds.has(node.kind) && !statuses.has(statusKey(node))) return false;
    if (owners.size > 0 && !owners.has(node.owner ?? "")) return false;
    if (layers.size > 0 && node.kind === "service" && !layers.has(node.layer ?? "")) return false;
    return true;
  };
}

export type FacetOption = { value: string; label: string; count: number };
export type Facets = {
  /** Per kind present on the map, its statuses in order of first appearance. */
  statuses: { kind: MapNodeKind; label: string; options: FacetOption[] }[];
  owners: FacetOption[];
  layers: FacetOption[];
};

/** The choices the Filters menu offers, each with how many nodes of the whole map have it. */
export function facetsOf(nodes: readonly MapNode[]): Facets {
  const count = (map: Map<string, FacetOption>, value: string, label: string) => {
    const option = map.get(value);
    if (option) option.count++;
    else map.set(value, { value, label, count: 1 });
  };
  const statuses = new Map<MapNodeKind, Map<string, FacetOption>>();
  const owners = new Map<string, FacetOption>();
  const layers = new Map<string, FacetOption>();
  for (const node of nodes) {
    if (!statuses.has(node.kind)) statuses.set(node.kind, new Map());
    count(statuses.get(node.kind)!, statusKey(node), statusLabel(STATUS_KIND[node.kind], node.status));
    count(owners, node.owner ?? "", node.owner ?? "No owner");
    if (node.kind === "service" && node.layer) count(layers, node.layer, node.sublabel || statusLabel("layer", node.layer));
  }
  const byLabel = (a: FacetOption, b: FacetOption) => (a.value === "" ? 1 : b.value === "" ? -1 : a.label.localeCompare(b.label));
  return {
    statuses: KIND_ORDER.filter((k) => statuses.has(k)).map((kind) => ({ kind, label: KIND_LABEL[kind].many, options: [...statuses.get(kind)!.values()] })),
    owners: [...owners.values()].sort(byLabel),
    layers: [...layers.values()].sort(byLabel),
  };
}

/** A chosen filter as a removable chip reads it: "Milestone: Blocked", "Owner: Ada", "Layer: API". */
export function filterChipLabel(facet: "statuses" | "owners" | "layers", value: string, facets: Facets): string {
  if (facet === "statuses") {
    const kind = value.split(".")[0] as MapNodeKind;
    const option = facets.statuses.find((s) => s.kind === kind)?.options.find((o) => o.value === value);
    return `${KIND_LABEL[kind]?.one ?? "Status"}: ${option?.label ?? value.slice(kind.length + 1)}`;
  }
  if (facet === "owners") return value === "" ? "No owner" : `Owner: ${facets.owners.find((o) => o.value === value)?.label ?? value}`;
  return `Layer: ${facets.layers.find((o) => o.value === value)?.label ?? value}`;
}
