"use client";
// The map's toolbar: search, kind chips and filters, then re-layout, export, copy link and the list
// toggle; below it the active filters, collapse and highlight, and the zoom controls (above the
// canvas, so that they never cover a card); then the hint. ProjectMap decides what each does.
import { useEffect, useState, type ReactNode } from "react";
import type { MapNodeKind } from "@/lib/graph/types";
import { IconLink } from "./map-icons";
import { KIND_LABEL } from "./map-model";
import styles from "./ProjectMap.module.css";

type Props = {
  search: ReactNode;
  /** Kinds offered as chips (none on the services map). */
  kinds: readonly MapNodeKind[];
  hidden: ReadonlySet<MapNodeKind>;
  counts: Readonly<Record<MapNodeKind, number>>;
  onToggleKind: (kind: MapNodeKind) => void;
  filters: ReactNode;
  activeFilters: ReactNode;
  collapse: ReactNode;
  relayout: ReactNode;
  exportMenu: ReactNode;
  /** The link to this exact view. */
  link: () => string;
  showList: boolean;
  onShowList: (show: boolean) => void;
  /** Blocked dependencies among those shown. */
  blocked: number;
  zoom: ReactNode;
};

export function MapToolbar({ search, kinds, hidden, counts, onToggleKind, filters, activeFilters, collapse, relayout, exportMenu, link, showList, onShowList, blocked, zoom }: Props) {
  return (
    <>
      <div className={styles.toolbar}>
        {search}
        <div className={styles.chips} role="group" aria-label="Show on the map" hidden={kinds.length === 0}>
          {kinds.map((kind) => (
            <button key={kind} type="button" className={styles.chip} data-kind={kind} aria-pressed={!hidden.has(kind)} onClick={() => onToggleKind(kind)} disabled={counts[kind] === 0}>
              <span className={styles.swatch} data-kind={kind} aria-hidden />
              {KIND_LABEL[kind].many}
              <span className={styles.count}>{counts[kind]}</span>
            </button>
          ))}
        </div>
        {filters}
        <div className={styles.toolbarEnd}>
          {relayout}
          {exportMenu}
          <CopyLink link={link} />
          <button type="button" className={styles.listToggle} aria-expanded={showList} aria-controls="map-list" onClick={() => onShowList(!showList)}>
            {showList ? "Hide list" : "Show as list"}
          </button>
        </div>
      </div>
      <div className={styles.subbar}>
        {activeFilters}
        {collapse}
        <div className={styles.toolbarEnd}>{zoom}</div>
      </div>
      <p className={styles.hint}>
        {blocked > 0 && (
          <span className={styles.blockedNote}>
            {blocked} blocked {blocked === 1 ? "dependency" : "dependencies"} ·{" "}
          </span>
        )}
        Click a node to trace what it depends on and what depends on it.
        <span className={styles.keys}> Arrow keys move between nodes, Enter opens one, / finds.</span>
      </p>
    </>
  );
}

/** Copies the link to this exact view (focus, hops, filters, search, viewport). */
function CopyLink({ link }: { link: () => string }) {
  const [copied, setCopied] = useState<"yes" | "failed" | null>(null);
  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => setCopied(null), 2000);
    return () => clearTimeout(timer);
  }, [copied]);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(link());
      setCopied("yes");
    } catch {
      // Clipboard access needs a secure context; the address bar holds the same link.
      setCopied("failed");
    }
  };
  return (
    <button type="button" className={styles.toolButton} onClick={copy} title="Copy a link to this view: focus, filters, search and position">
      <IconLink size={14} />
      <span aria-live="polite">{copied === "yes" ? "Copied" : copied === "failed" ? "Copy from the address bar" : "Copy link"}</span>
    </button>
  );
}
