"use client";
// The map's search as a hook: a lower-cased index built once per graph, the matches among the
// nodes shown (and the collapsed groups, by their title and their members' text) in reading order,
// which one is current, and the camera following: a new query jumps to its first match, stepping
// (Enter, Shift+Enter, the arrows) to the next or previous.
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { MapNode, Point } from "@/lib/graph/types";
import { buildSearchIndex, readingOrder, searchIndex, type SearchGroup } from "./map-find";

type Args = {
  nodes: MapNode[];
  /** Collapsed groups drawn in place of their members (none by default). */
  groups?: readonly SearchGroup[];
  /** Every node of the map, for the groups' members. */
  allById?: ReadonlyMap<string, MapNode>;
  query: string;
  setQuery: (q: string) => void;
  visibleIds: ReadonlySet<string>;
  positions: ReadonlyMap<string, Point>;
  /** False until the layout exists (nothing to jump to before). */
  ready: boolean;
  centreOn: (id: string) => unknown;
};

const NO_GROUPS: readonly SearchGroup[] = [];

export function useMapSearch({ nodes, groups = NO_GROUPS, allById, query, setQuery, visibleIds, positions, ready, centreOn }: Args) {
  const index = useMemo(() => buildSearchIndex(nodes, groups, allById), [nodes, groups, allById]);
  const groupIds = useMemo(() => new Set(groups.map((g) => g.id)), [groups]);
  const matches = useMemo(
    () => readingOrder(searchIndex(index, query, (id) => visibleIds.has(id) || groupIds.has(id)), (id) => positions.get(id)),
    [index, query, visibleIds, groupIds, positions],
  );
  const matchSet = useMemo<ReadonlySet<string>>(() => new Set(matches), [matches]);
  const [at, setAt] = useState(0);
  const current = matches.length > 0 ? Math.min(at, matches.length - 1) : -1;
  const jumpToFirst = useRef(false);

  const onQuery = useCallback(
    (q: string) => {
      setQuery(q);
      setAt(0);
      jumpToFirst.current = true;
    },
    [setQuery],
  );
  useEffect(() => {
    if (!jumpToFirst.current || !ready) return;
    jumpToFirst.current = false;
    if (matches.length > 0) centreOn(matches[0]);
  }, [matches, ready, centreOn]);

  const step = (by: 1 | -1) => {
    if (matches.length === 0) return;
    const next = (current + by + matches.length) % matches.length;
    setAt(next);
    centreOn(matches[next]);
  };

  return { searching: query.trim() !== "", matches, matchSet, current, currentMatch: current >= 0 ? matches[current] : null, onQuery, step };
}
