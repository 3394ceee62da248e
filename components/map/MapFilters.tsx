"use client";
// The map's filters beyond the kind chips: a "Filters" menu with checkboxes and counts for
// status (per kind), owner and layer, and the active filters as removable chips with "Clear
// filters". Choosing a status narrows only its own kind (blocked milestones keep their papers and
// services in view); a layer narrows services.
import { useEffect, useId, useRef, useState } from "react";
import { Button } from "@/components/ui/Button";
import { filterChipLabel, filtersActive, type Facets, type FacetOption, type MapFilters } from "./map-find";
import { IconClose, IconFilter } from "./map-icons";
import { KIND_LABEL } from "./map-model";
import styles from "./ProjectMap.module.css";

type Facet = "statuses" | "owners" | "layers";

/** The menu's width in CSS pixels (ProjectMap.module.css .filterPanel). */
const PANEL_WIDTH = 520;

const toggle = (list: string[], value: string) => (list.includes(value) ? list.filter((v) => v !== value) : [...list, value]);

export function MapFiltersMenu({ facets, filters, onChange }: { facets: Facets; filters: MapFilters; onChange: (update: (f: MapFilters) => MapFilters) => void }) {
  const [open, setOpen] = useState(false);
  // The menu opens to the right of its button, or to the left when the window is too narrow there.
  const [alignEnd, setAlignEnd] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const panelId = useId();
  const active = filtersActive(filters);

  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== "Escape") return;
      event.stopPropagation();
      setOpen(false);
      button.current?.focus();
    };
    document.addEventListener("pointerdown", onPointer);
    document.addEventListener("keydown", onKey, true);
    return () => {
      document.removeEventListener("pointerdown", onPointer);
      document.removeEventListener("keydown", onKey, true);
    };
  }, [open]);

  const group = (facet: Facet, title: string, options: FacetOption[]) =>
    options.length > 0 && (
      <fieldset key={title} className={styles.filterGroup}>
        <legend>{title}</legend>
        {options.map((option) => (
          <label key={option.value} className={styles.filterOption}>
            <input type="checkbox" checked={filters[facet].includes(option.value)} onChange={() => onChange((f) => ({ ...f, [facet]: toggle(f[facet], option.value) }))} />
            <span className={styles.filterLabel}>{option.label}</span>
            <span className={styles.count}>{option.count}</span>
          </label>
        ))}
      </fieldset>
    );

  return (
    <div className={styles.filters} ref={root}>
      <button ref={button} type="button" className={styles.toolButton} aria-expanded={open} aria-controls={panelId} aria-haspopup="dialog" onClick={(e) => {
          const box = e.currentTarget.getBoundingClientRect();
          setAlignEnd(box.left + PANEL_WIDTH > window.innerWidth - 16);
          setOpen((v) => !v);
        }} data-active={active > 0 || undefined}>
        <IconFilter size={14} />
        Filters
        {active > 0 && <span className={styles.badge} aria-label={`${active} active`}>{active}</span>}
      </button>
      {open && (
        <div id={panelId} className={styles.filterPanel} role="dialog" aria-label="Filters" data-align={alignEnd ? "end" : undefined}>
          <div className={styles.filterColumns}>
            <div>{facets.statuses.map((s) => group("statuses", `${KIND_LABEL[s.kind].one} status`, s.options))}</div>
            <div>
              {group("owners", "Owner", facets.owners)}
              {group("layers", "Layer", facets.layers)}
            </div>
          </div>
          <div className={styles.filterFooter}>
            <span className={styles.muted}>A status narrows its own kind; a layer narrows services.</span>
            <button type="button" className={styles.linkButton} disabled={active === 0} onClick={() => onChange((f) => ({ ...f, statuses: [], owners: [], layers: [] }))}>
              Clear filters
            </button>
          </div>
        </div>
      )}
    </div>
  );
}

/** The chosen filters as chips, each removable, and "Clear filters"; nothing when none is chosen. */
export function MapActiveFilters({ facets, filters, onChange }: { facets: Facets; filters: MapFilters; onChange: (update: (f: MapFilters) => MapFilters) => void }) {
  if (filtersActive(filters) === 0) return null;
  const chips = (["statuses", "owners", "layers"] as const).flatMap((facet) => filters[facet].map((value) => ({ facet, value, label: filterChipLabel(facet, value, facets) })));
  return (
    <ul className={styles.activeFilters} aria-label="Active filters">
      {chips.map(({ facet, value, label }) => (
        <li key={`${facet}:${value}`} className={styles.activeChip}>
          {label}
          <button type="button" className={styles.chipRemove} aria-label={`Remove filter ${label}`} onClick={() => onChange((f) => ({ ...f, [facet]: f[facet].filter((v) => v !== value) }))}>
            <IconClose size={12} />
          </button>
        </li>
      ))}
      <li>
        <button type="button" className={styles.linkButton} onClick={() => onChange((f) => ({ ...f, statuses: [], owners: [], layers: [] }))}>
          Clear filters
        </button>
      </li>
    </ul>
  );
}

/** Over the canvas when the filters (kind chips included) leave nothing to draw. */
export function MapNoMatches({ onClear }: { onClear: () => void }) {
  return (
    <div className={styles.noMatches} role="status" data-testid="map-no-matches">
      <p>Nothing on the map matches these filters</p>
      <Button type="button" size="sm" className={styles.noMatchesButton} onClick={onClear}>
        Clear filters
      </Button>
    </div>
  );
}
