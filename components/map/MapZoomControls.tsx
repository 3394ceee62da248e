"use client";
// The map's zoom controls, in the toolbar above the canvas (so they never cover a card): zoom out,
// the zoom level, zoom in, "Readable view" (back to the opening view) and "Show all" (the whole
// map, which past a few hundred nodes means the semantic-zoom tiles or dots).
import { useStore, useReactFlow, type ReactFlowState } from "@xyflow/react";
import { mapOpeningView, showAllView, MAP_INSETS, type ViewNode } from "./first-view";
import styles from "./MapZoomControls.module.css";

const zoomOf = (s: ReactFlowState) => Math.round(s.transform[2] * 100);
const sizeOf = (s: ReactFlowState) => `${s.width}x${s.height}`;

export function MapZoomControls({ boxes, minZoom, maxZoom }: { boxes: readonly ViewNode[]; minZoom: number; maxZoom: number }) {
  const flow = useReactFlow();
  const percent = useStore(zoomOf);
  const size = useStore(sizeOf);
  const [width, height] = size.split("x").map(Number);
  const ready = width > 0 && height > 0 && boxes.length > 0;
  const step = (factor: number) => {
    const { x, y, zoom } = flow.getViewport();
    const next = Math.min(maxZoom, Math.max(minZoom, zoom * factor));
    // Keep the canvas's centre where it is.
    const cx = (width / 2 - x) / zoom;
    const cy = (height / 2 - y) / zoom;
    void flow.setViewport({ x: width / 2 - cx * next, y: height / 2 - cy * next, zoom: next }, { duration: 200 });
  };
  return (
    <div className={styles.controls} role="group" aria-label="Zoom">
      <button type="button" className={styles.icon} onClick={() => step(1 / 1.25)} disabled={!ready || percent <= Math.round(minZoom * 100)} aria-label="Zoom out" title="Zoom out">
        <svg viewBox="0 0 24 24" width="14" height="14" aria-hidden><path d="M5 12h14" stroke="currentColor" strokeWidth="2" strokeLinecap="round" /></svg>
      </button>
      <output className={styles.level} aria-live="off" title="Zoom level">{percent}%</output>
      <button type="button" className={styles.icon} onClick={() => step(1.25)} disabled={!ready || percent >= Math.round(maxZoom * 100)} aria-label="Zoom in" title="Zoom in">
        <svg viewBox="0 0 24 24" width="14" height="14" aria-hidden><path d="M5 12h14M12 5v14" stroke="currentColor" strokeWidth="2" strokeLinecap="round" /></svg>
      </button>
      <button type="button" className={styles.text} disabled={!ready} onClick={() => void flow.setViewport(mapOpeningView(boxes, { width, height }), { duration: 300 })} title="Cards at a readable size, centred on open and blocked work">
        Readable view
      </button>
      <button type="button" className={styles.text} disabled={!ready} onClick={() => void flow.setViewport(showAllView(boxes, { width, height, minZoom, insets: MAP_INSETS }), { duration: 300 })} title="Fit the whole map">
        Show all
      </button>
    </div>
  );
}
