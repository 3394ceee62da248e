"use client";
// The map's toolbar, two compact rows above the canvas (so that its controls never cover a card):
// search, kind chips and filters, then export, copy link, the list toggle and a "?" with the
// mouse and keyboard help; below, the active filters, collapse and highlight, re-layout, the
// blocked count and the zoom controls. ProjectMap decides what each does.
import { useEffect, useRef, useState, type ReactNode } from "react";
import type { MapNodeKind } from "@/lib/graph/types";
import { IconLink, IconList } from "./map-icons";
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
  /** Turns on the "Blocked & slipping" highlight; null where there is no plan to highlight. */
  onBlocked: (() => void) | null;
  zoom: ReactNode;
  /** Extra help for roles that may plan (how to draw and remove a dependency). */
  planHelp?: ReactNode;
};

export function MapToolbar({ search, kinds, hidden, counts, onToggleKind, filters, activeFilters, collapse, relayout, exportMenu, link, showList, onShowList, blocked, onBlocked, zoom, planHelp }: Props) {
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
          {exportMenu}
          <CopyLink link={link} />
          <button type="button" className={styles.toolButton} aria-expanded={showList} aria-controls="map-list" onClick={() => onShowList(!showList)} title={showList ? "Hide the list" : "The same map as tables"}>
            <IconList size={14} />
            {showList ? "Hide list" : "Show as list"}
          </button>
          <MapHelp planHelp={planHelp} />
        </div>
      </div>
      <div className={styles.subbar}>
        {activeFilters}
        {collapse}
        {relayout}
        <div className={styles.toolbarEnd}>
          {blocked > 0 && onBlocked && (
            <button type="button" className={styles.blockedNote} onClick={onBlocked} title={`${blocked} blocked ${blocked === 1 ? "dependency" : "dependencies"}: drawn dashed in red. Click to highlight blocked & slipping work`}>
              {blocked} blocked<span className="sr-only"> {blocked === 1 ? "dependency" : "dependencies"}: highlight blocked &amp; slipping work</span>
            </button>
          )}
          {blocked > 0 && !onBlocked && (
            <span className={styles.blockedNote} title={`${blocked} blocked ${blocked === 1 ? "dependency" : "dependencies"}: drawn dashed in red`}>
              {blocked} blocked<span className="sr-only"> {blocked === 1 ? "dependency" : "dependencies"}</span>
            </span>
          )}
          {zoom}
        </div>
      </div>
    </>
  );
}

/** A "?" that opens the map's mouse and keyboard help (and, for planners, how to draw a dependency). */
function MapHelp({ planHelp }: { planHelp?: ReactNode }) {
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    // A click anywhere else closes it, as a menu would.
    const onDown = (event: PointerEvent) => {
      if (!ref.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener("pointerdown", onDown);
    return () => document.removeEventListener("pointerdown", onDown);
  }, [open]);
  return (
    <div
      ref={ref}
      className={styles.help}
      onKeyDown={(event) => {
        if (event.key === "Escape" && open) {
          event.stopPropagation();
          setOpen(false);
          ref.current?.querySelector("button")?.focus();
        }
      }}
    >
      <button type="button" className={styles.toolButton} aria-label="Map help" aria-expanded={open} aria-controls="map-help" title="Mouse and keyboard help" onClick={() => setOpen(!open)}>
        ?
      </button>
      {open && (
        <div className={styles.helpPanel} id="map-help" role="note">
          <p>Click a node to trace what it depends on and what depends on it; click the background or press Escape to clear.</p>
          <p className={styles.keys}>Arrow keys move between nodes, Enter opens one, / finds on the map.</p>
          {planHelp}
        </div>
      )}
    </div>
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
    <button type="button" className={styles.toolButton} onClick={copy} title="Copy a link to this view: focus, filters, search and position" aria-label={copied === "yes" ? "Copied" : "Copy link"}>
      <IconLink size={14} />
      {copied === "failed" ? <span aria-live="polite">Copy from the address bar</span> : copied === "yes" ? <span aria-live="polite">Copied</span> : null}
    </button>
  );
}
