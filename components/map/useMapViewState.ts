"use client";
// The map's view state (focus, hops, filters, search, collapsed groups, highlight, viewport), read once from
// the URL and written back to it with history.replaceState, debounced: a pan or a keystroke never
// pushes a history entry, and the address bar always holds a link that reproduces the view.
import { useSearchParams } from "next/navigation";
import { useCallback, useEffect, useRef, useState } from "react";
import type { HighlightMode } from "@/lib/graph/map-plan";
import type { MapFilters } from "./map-find";
import { parseViewState, serializeViewState, type MapViewState, type Viewport } from "./map-view-state";

/** How long the URL waits for the view to settle before it is rewritten. */
const WRITE_DELAY_MS = 300;

export type MapViewStateApi = {
  focus: string | null;
  hops: number | null;
  filters: MapFilters;
  q: string;
  collapsed: string[];
  highlight: HighlightMode | null;
  /** The viewport the URL opened with (wins over the first-view logic), or null. */
  initialViewport: Viewport | null;
  setFocus: (id: string | null) => void;
  setHops: (hops: number | null) => void;
  setFilters: (update: (current: MapFilters) => MapFilters) => void;
  setQuery: (q: string) => void;
  setCollapsed: (ids: string[]) => void;
  setHighlight: (mode: HighlightMode | null) => void;
  /** Records the viewport after a pan or zoom (no re-render). */
  setViewport: (viewport: Viewport) => void;
  /** The absolute URL of the current view, viewport included. */
  link: () => string;
};

type Held = Omit<MapViewState, "viewport">;

export function useMapViewState(): MapViewStateApi {
  const searchParams = useSearchParams();
  const [initial] = useState(() => parseViewState(new URLSearchParams(searchParams?.toString() ?? "")));
  const [state, setState] = useState<Held>(() => ({ focus: initial.focus, hops: initial.hops, filters: initial.filters, q: initial.q, collapsed: initial.collapsed, highlight: initial.highlight }));
  const viewport = useRef<Viewport | null>(initial.viewport);
  const stateRef = useRef(state);
  const timer = useRef<number | undefined>(undefined);

  const url = useCallback(() => {
    const params = serializeViewState({ ...stateRef.current, viewport: viewport.current }, new URLSearchParams(window.location.search));
    const query = params.toString();
    return `${window.location.pathname}${query ? `?${query}` : ""}${window.location.hash}`;
  }, []);

  const schedule = useCallback(() => {
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => {
      const next = url();
      if (next !== `${window.location.pathname}${window.location.search}${window.location.hash}`) window.history.replaceState(window.history.state, "", next);
    }, WRITE_DELAY_MS);
  }, [url]);

  useEffect(() => {
    stateRef.current = state;
    schedule();
  }, [state, schedule]);
  useEffect(() => () => window.clearTimeout(timer.current), []);

  const setFocus = useCallback((focus: string | null) => setState((s) => (s.focus === focus ? s : { ...s, focus })), []);
  const setHops = useCallback((hops: number | null) => setState((s) => ({ ...s, hops })), []);
  const setFilters = useCallback((update: (current: MapFilters) => MapFilters) => setState((s) => ({ ...s, filters: update(s.filters) })), []);
  const setQuery = useCallback((q: string) => setState((s) => (s.q === q ? s : { ...s, q })), []);
  const setCollapsed = useCallback((collapsed: string[]) => setState((s) => ({ ...s, collapsed })), []);
  const setHighlight = useCallback((highlight: HighlightMode | null) => setState((s) => (s.highlight === highlight ? s : { ...s, highlight })), []);
  const setViewport = useCallback(
    (next: Viewport) => {
      viewport.current = next;
      schedule();
    },
    [schedule],
  );
  const link = useCallback(() => new URL(url(), window.location.origin).toString(), [url]);

  return { ...state, initialViewport: initial.viewport, setFocus, setHops, setFilters, setQuery, setCollapsed, setHighlight, setViewport, link };
}
