"use client";
// Loads a map from its endpoint (GET /api/v1/projects/{key}/map or /api/v1/maps/services) after
// the page's shell has painted, so the graph never travels inside the HTML: a skeleton with the
// counts the page already knows while it loads, an error with "Try again" if it fails, then the
// map with the layout the server precomputed. The browser revalidates with the response's ETag,
// so reopening an unchanged map transfers nothing but a 304.
// On a project map it also keeps the pins: a drag pins the node for the team at once (optimistic),
// and a refusal puts it back with the server's reason; Unpin and Re-layout likewise.
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { preload } from "react-dom";
import { Alert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import type { ServerAction } from "@/components/forms/useFormAction";
import type { MapLayout } from "@/lib/graph/map-layout";
import { applyPins, clampPin, type Pin } from "@/lib/graph/map-pins";
import type { MapEdge, MapNode } from "@/lib/graph/types";
import { ProjectMap, type ProjectMapProps } from "./ProjectMap";
import type { DependencyActions } from "./useDependencyEditing";
import type { MapArrange } from "./useMapArrange";
import styles from "./MapArrange.module.css";

type MapPayload = {
  version: string;
  nodes: MapNode[];
  edges: MapEdge[];
  layout: MapLayout;
  pins?: { node: string; x: number; y: number; by: string | null; at: string }[];
  canArrange?: boolean;
  servicesCapped?: boolean;
  serviceCap?: number;
};

type Props = Pick<ProjectMapProps, "lanes" | "label" | "emptyAction" | "exportAs"> & {
  /** The map endpoint. */
  src: string;
  /** The project map's pins endpoint; absent on the services map. */
  pinsSrc?: string;
  /** What the page knows without the graph, for the loading state ("3 papers, 12 milestones"). */
  loadingNote?: string;
  /** Shown instead of the map when it has no node (else ProjectMap's own empty state). */
  empty?: ReactNode;
  dependencies?: DependencyActions | null;
};

type Notice = { text: string; at: number };

async function problemText(response: Response, fallback: string): Promise<string> {
  try {
    const problem = (await response.json()) as { detail?: string };
    if (problem.detail) return problem.detail;
  } catch {
    // Not problem JSON (a proxy's error page): the fallback says what failed.
  }
  return fallback;
}

type Loaded = { ok: true; payload: MapPayload } | { ok: false; error: string };

async function fetchMap(src: string): Promise<Loaded> {
  try {
    // A plain GET, as the page's preload (below) asked for it, so the browser uses that answer.
    // The endpoint says "private, no-cache": the browser asks with If-None-Match and reuses its
    // copy on a 304.
    const response = await fetch(src);
    if (!response.ok) return { ok: false, error: await problemText(response, `The map could not be loaded (HTTP ${response.status}).`) };
    return { ok: true, payload: (await response.json()) as MapPayload };
  } catch (caught) {
    return { ok: false, error: caught instanceof TypeError ? "The map could not be loaded: the server did not answer. Check your connection and try again." : (caught as Error).message };
  }
}

export function MapLoader({ src, pinsSrc, loadingNote, empty, dependencies, ...mapProps }: Props) {
  // Rendered on the server, this puts <link rel="preload" as="fetch"> in the page's head: the map's
  // JSON is requested with the HTML instead of after hydration (about 400 ms later), and no longer
  // queues behind the prefetches of the page's links.
  preload(src, { as: "fetch", crossOrigin: "anonymous" });
  const [map, setMap] = useState<MapPayload | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pins, setPins] = useState<ReadonlyMap<string, Pin>>(new Map());
  const [pending, setPending] = useState(0);
  const [notice, setNotice] = useState<Notice | null>(null);
  const request = useRef(0);

  const apply = useCallback((id: number, result: Loaded) => {
    if (id !== request.current) return;
    if (!result.ok) return setError(result.error);
    setMap(result.payload);
    setError(null);
    setPins(new Map((result.payload.pins ?? []).map((p) => [p.node, { x: p.x, y: p.y }])));
  }, []);

  const load = useCallback(() => {
    const id = ++request.current;
    return fetchMap(src).then((result) => apply(id, result));
  }, [src, apply]);

  useEffect(() => {
    const id = ++request.current;
    void fetchMap(src).then((result) => apply(id, result));
  }, [src, apply]);

  // A dependency added or removed on the map changes the graph: fetch it again once the server answered.
  const reloadingDependencies = useMemo<DependencyActions | null>(() => {
    if (!dependencies) return null;
    const after = (action: ServerAction): ServerAction => async (state, form) => {
      const result = await action(state, form);
      void load();
      return result;
    };
    return { add: after(dependencies.add), remove: after(dependencies.remove) };
  }, [dependencies, load]);

  /** Applies a pin change at once, sends it, and puts the old pins back if the server refuses. */
  const save = useCallback(
    async (next: ReadonlyMap<string, Pin>, send: () => Promise<Response>, failure: string) => {
      const before = pins;
      setPins(next);
      setNotice(null);
      setPending((n) => n + 1);
      try {
        const response = await send();
        if (!response.ok) throw new Error(await problemText(response, failure));
      } catch (caught) {
        setPins(before);
        setNotice({ text: caught instanceof TypeError ? `${failure} The server did not answer.` : (caught as Error).message, at: Date.now() });
      } finally {
        setPending((n) => n - 1);
      }
    },
    [pins],
  );

  const json = (method: string, body?: unknown) => ({ method, headers: { "content-type": "application/json" }, ...(body ? { body: JSON.stringify(body) } : {}) });
  const arrange = useMemo<MapArrange | null>(() => {
    if (!map || !pinsSrc) return null;
    return {
      pinned: new Set(pins.keys()),
      canArrange: Boolean(map.canArrange),
      pending: pending > 0,
      onMove: (id, dropped) => {
        // A drop past the map's edge lands at the edge, where the server accepts a pin.
        const at = clampPin(dropped, map.layout);
        const next = new Map(pins).set(id, at);
        void save(next, () => fetch(pinsSrc, json("PUT", { pins: [{ node: id, ...at }] })), "The node could not be pinned; it is back where it was.");
      },
      onUnpin: (id) => {
        const next = new Map(pins);
        next.delete(id);
        void save(next, () => fetch(`${pinsSrc}/${encodeURIComponent(id)}`, json("DELETE")), "The node could not be unpinned.");
      },
      onRelayout: () => void save(new Map(), () => fetch(pinsSrc, json("DELETE")), "The map could not be laid out again; the pins are kept."),
    };
  }, [map, pins, pinsSrc, pending, save]);

  const layout = useMemo(() => (map ? applyPins(map.layout, map.edges, pins) : null), [map, pins]);

  if (error && !map) {
    return (
      <div className={styles.error} role="alert">
        <div className={styles.errorBody}>
          <Alert tone="error" title="The map did not load" action={<Button variant="secondary" size="sm" onClick={() => (setError(null), void load())}>Try again</Button>}>
            {error}
          </Alert>
        </div>
      </div>
    );
  }
  if (!map || !layout) return <MapSkeleton note={loadingNote} />;
  if (map.nodes.length === 0 && empty) return <>{empty}</>;
  return (
    <div className={styles.shell}>
      {map.servicesCapped && (
        <p className={styles.toolbarSkeleton}>Services are followed to {map.serviceCap} at most; the service pages show the rest.</p>
      )}
      {notice && (
        <Alert key={notice.at} tone="error" action={<Button variant="ghost" size="sm" onClick={() => setNotice(null)}>Dismiss</Button>}>
          {notice.text}
        </Alert>
      )}
      <ProjectMap {...mapProps} nodes={map.nodes} edges={map.edges} layout={layout} arrange={arrange} dependencies={reloadingDependencies} />
    </div>
  );
}

/** The map's frame with placeholder cards in three columns while the graph is on its way. */
function MapSkeleton({ note }: { note?: string }) {
  const columns = [3, 5, 4];
  return (
    <div className={styles.shell} aria-busy="true">
      <div className={styles.toolbarSkeleton} />
      <div className={styles.frame}>
        {columns.map((cards, c) => (
          <div key={c} className={styles.column} aria-hidden>
            {Array.from({ length: cards }, (_, i) => (
              <div key={i} className={styles.card} style={{ animationDelay: `${(c * 3 + i) * 80}ms` }} />
            ))}
          </div>
        ))}
        <p className={styles.status} role="status">
          Loading the map{note ? ` of ${note}` : ""}…
        </p>
      </div>
    </div>
  );
}
