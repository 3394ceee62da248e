"use client";
// The map's Export menu: the current view or the whole map (either as filtered), as an SVG or PNG
// image, a Mermaid flowchart or JSON. Files are generated from the map's data (components/map/
// export), never captured from the screen, and download as "FLOOR-map-2026-11-29.svg" (the current
// view as "FLOOR-map-view-2026-11-29.svg"). Follows the WAI-ARIA menu button pattern through
// useMenuButton, as the user menu does; the scope is a pair of menuitemradio.
import { useEffect, useState } from "react";
import { useReactFlow, useStore } from "@xyflow/react";
import { IconChevronDown } from "@/components/ui/icons";
import menu from "@/components/ui/Menu.module.css";
import { useMenuButton } from "@/components/ui/useMenuButton";
import type { MapLayout } from "@/lib/graph/map-layout";
import type { MapEdge, MapNode } from "@/lib/graph/types";
import { renderMapJson } from "./export/json";
import { sceneToMermaid } from "./export/mermaid";
import { MAX_PNG_PIXELS, svgToPng } from "./export/png";
import { buildScene, exportFileName, type ExportScope, type Rect } from "./export/scene";
import { sceneToSvg } from "./export/svg";
import styles from "./MapExportMenu.module.css";

export type MapExportTarget = {
  /** The file names' start: a project's key ("FLOOR"), or "services". */
  slug: string;
  /** The map's name inside the files. */
  title: string;
  project?: { key: string; name: string } | null;
};

type Props = {
  nodes: readonly MapNode[];
  edges: readonly MapEdge[];
  layout: MapLayout | null;
  target: MapExportTarget;
  laneLabels?: Readonly<Record<string, string>>;
  /** False for nodes the view hides. Default: whatever React Flow has hidden. */
  isVisible?: (node: MapNode) => boolean;
};

type Format = "svg" | "png" | "mermaid" | "json";

const FORMATS: { format: Format; label: string; hint: string; extension: string; type: string }[] = [
  { format: "svg", label: "SVG image", hint: "Vector, for docs and slides", extension: "svg", type: "image/svg+xml" },
  { format: "png", label: "PNG image", hint: "2× resolution", extension: "png", type: "image/png" },
  { format: "mermaid", label: "Mermaid flowchart", hint: "For Markdown, GitHub, wikis", extension: "mmd", type: "text/plain" },
  { format: "json", label: "JSON", hint: "Nodes, edges and positions", extension: "json", type: "application/json" },
];

function download(blob: Blob, name: string) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function MapExportMenu({ nodes, edges, layout, target, laneLabels, isVisible }: Props) {
  const flow = useReactFlow();
  const canvasWidth = useStore((s) => s.width);
  const canvasHeight = useStore((s) => s.height);
  const [scope, setScope] = useState<ExportScope>("view");
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<{ text: string; error?: boolean } | null>(null);
  // While an export runs the menu stays shut; the button stays enabled, so that keyboard focus stays on it.
  const { open, close, rootProps, buttonProps, menuProps } = useMenuButton({ disabled: busy });

  // The last export's note stays until the next click anywhere.
  useEffect(() => {
    if (!notice) return;
    const dismiss = () => setNotice(null);
    const timer = window.setTimeout(() => document.addEventListener("pointerdown", dismiss), 0);
    return () => {
      window.clearTimeout(timer);
      document.removeEventListener("pointerdown", dismiss);
    };
  }, [notice]);

  /** The visible part of the canvas, in map coordinates. */
  function viewport(): Rect {
    const { x, y, zoom } = flow.getViewport();
    return { x: -x / zoom, y: -y / zoom, width: canvasWidth / zoom, height: canvasHeight / zoom };
  }

  async function exportAs(format: Format) {
    if (!layout) return;
    const spec = FORMATS.find((f) => f.format === format)!;
    close(true);
    setBusy(true);
    setNotice(null);
    // Let "Exporting…" paint first: a map of thousands of nodes takes a moment to write.
    await new Promise((resolve) => requestAnimationFrame(() => window.setTimeout(resolve, 0)));
    try {
      const shown = isVisible ?? ((node: MapNode) => !flow.getNode(node.id)?.hidden);
      const scene = buildScene({ nodes, edges, layout, title: target.title, project: target.project ?? null, laneLabels, isVisible: shown, viewport: viewport() }, scope);
      if (scene.nodes.length === 0) {
        setNotice({ text: scope === "view" ? "Nothing is in view to export: pan to some nodes, or export the whole map." : "Every node is hidden by the filters: nothing to export.", error: true });
        return;
      }
      const now = new Date();
      const name = exportFileName(target.slug, now, spec.extension, scope);
      const what = `${scene.nodes.length.toLocaleString("en")} ${scene.nodes.length === 1 ? "node" : "nodes"}`;
      if (format === "png") {
        const svg = sceneToSvg(scene);
        const png = await svgToPng(svg, scene.frame.width, scene.frame.height);
        download(png.blob, name);
        const size = `${png.width.toLocaleString("en")} × ${png.height.toLocaleString("en")} px`;
        setNotice({
          text: png.reduced
            ? `Downloaded ${name} (${what}, ${size}): drawn at ${png.scale.toFixed(2)}× instead of 2× to stay within ${MAX_PNG_PIXELS / 1_000_000} megapixels; the SVG keeps every detail.`
            : `Downloaded ${name} (${what}, ${size}).`,
        });
        return;
      }
      const text = format === "svg" ? sceneToSvg(scene) : format === "mermaid" ? sceneToMermaid(scene) : renderMapJson(scene, now);
      download(new Blob([text], { type: `${spec.type};charset=utf-8` }), name);
      setNotice({ text: `Downloaded ${name} (${what}).` });
    } catch (error) {
      setNotice({ text: `The export failed: ${error instanceof Error ? error.message : String(error)}`, error: true });
    } finally {
      setBusy(false);
    }
  }

  const scopes: { value: ExportScope; label: string; hint: string }[] = [
    { value: "view", label: "Current view", hint: "What is on screen" },
    { value: "map", label: "Whole map", hint: "Every node shown by the filters" },
  ];

  const item = `${menu.item} ${styles.item}`;

  return (
    <div className={menu.root} {...rootProps}>
      <button {...buttonProps} className={styles.trigger} disabled={!layout} aria-busy={busy || undefined}>
        {busy ? "Exporting…" : "Export"}
        <IconChevronDown size={14} className={styles.chevron} />
      </button>
      {open && (
        <div {...menuProps} aria-label="Export the map" className={`${menu.menu} ${styles.menu}`}>
          <div role="group" aria-label="What to export">
            <div className={styles.heading} aria-hidden>
              What to export
            </div>
            {scopes.map((s) => (
              <button key={s.value} type="button" role="menuitemradio" aria-checked={scope === s.value} tabIndex={-1} className={item} onClick={() => setScope(s.value)}>
                <span className={styles.radio} aria-hidden />
                <span className={styles.text}>
                  <span>{s.label}</span>
                  <span className={styles.hint}>{s.hint}</span>
                </span>
              </button>
            ))}
          </div>
          <div className={menu.separator} role="separator" />
          <div role="group" aria-label="Format">
            <div className={styles.heading} aria-hidden>
              Download as
            </div>
            {FORMATS.map((f) => (
              <button key={f.format} type="button" role="menuitem" tabIndex={-1} className={item} onClick={() => void exportAs(f.format)}>
                <span className={styles.ext} aria-hidden>
                  .{f.extension}
                </span>
                <span className={styles.text}>
                  <span>{f.label}</span>
                  <span className={styles.hint}>{f.hint}</span>
                </span>
              </button>
            ))}
          </div>
        </div>
      )}
      <p className={styles.notice} role="status" data-error={notice?.error || undefined} data-testid="map-export-status">
        {notice?.text}
      </p>
    </div>
  );
}
