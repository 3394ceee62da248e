// The map's collapse and highlight controls: the toolbar's "Collapse all handoffs" / "Expand all"
// and "Highlight" choice, the paper panel's collapse buttons, and the side panel of a collapsed
// group, which lists its members (each expands the group and moves the focus there).
import type { CSSProperties, Ref } from "react";
import { Button } from "@/components/ui/Button";
import { milestonesGroupId, paperGroupId, type MapGroup } from "@/lib/graph/collapse";
import type { HighlightMode } from "@/lib/graph/map-plan";
import type { MapNode } from "@/lib/graph/types";
import { GROUP_KIND_LABEL, ROLLUP_LABEL, rollupColor, rollupSummary } from "./MapGroupNode";
import { KIND_LABEL, KIND_ORDER, statusColor } from "./map-model";
import type { CollapseView } from "./useCollapse";
import mapStyles from "./ProjectMap.module.css";
import styles from "./MapCollapse.module.css";

const HIGHLIGHTS: { mode: HighlightMode | null; label: string }[] = [
  { mode: null, label: "None" },
  { mode: "critical", label: "Critical path" },
  { mode: "risk", label: "Blocked & slipping" },
];

export function MapCollapseToolbar({ view, highlight, onHighlight, planned }: { view: CollapseView; highlight: HighlightMode | null; onHighlight: (mode: HighlightMode | null) => void; planned: boolean }) {
  const anyCollapsed = view.groups.length > 0;
  const allPapers = view.paperGroups.length > 0 && view.paperGroups.every(view.isCollapsed);
  return (
    <div className={styles.toolbar}>
      {view.paperGroups.length > 0 && !allPapers && (
        <Button variant="secondary" size="sm" onClick={view.collapseAllPapers}>
          Collapse all handoffs
        </Button>
      )}
      {anyCollapsed && (
        <Button variant="secondary" size="sm" onClick={view.expandAll}>
          Expand all
        </Button>
      )}
      {planned && (
        <div className={styles.segmented} role="group" aria-label="Highlight">
          <span className={styles.segmentedLabel} aria-hidden>
            Highlight
          </span>
          {HIGHLIGHTS.map(({ mode, label }) => (
            <button key={label} type="button" className={styles.segment} aria-pressed={highlight === mode} data-mode={mode ?? "none"} onClick={() => onHighlight(mode)}>
              {label}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}

/**
 * In a paper's panel: fold its milestones, or the paper with its milestones and the services only
 * they implement, into one node; `onCollapsed` then selects that node, so the panel lists it.
 */
export function MapPaperCollapse({ node, view, onCollapsed }: { node: MapNode; view: CollapseView; onCollapsed?: (groupId: string) => void }) {
  const subtree = paperGroupId(node.id);
  if (!view.paperGroups.includes(subtree)) return null;
  const milestones = milestonesGroupId(node.id);
  return (
    <div className={styles.paperActions}>
      <Button variant="secondary" size="sm" onClick={() => view.toggle(milestones)}>
        {view.isCollapsed(milestones) ? "Expand this handoff's milestones" : "Collapse this handoff's milestones"}
      </Button>
      <Button
        variant="ghost"
        size="sm"
        onClick={() => {
          view.toggle(subtree);
          onCollapsed?.(subtree);
        }}
      >
        Collapse the handoff with its work
      </Button>
    </div>
  );
}

type GroupDetailsProps = {
  group: MapGroup;
  byId: ReadonlyMap<string, MapNode>;
  onExpand: (groupId: string, focusOn?: string) => void;
  onClose: () => void;
  headingRef: Ref<HTMLHeadingElement>;
};

export function MapGroupDetails({ group, byId, onExpand, onClose, headingRef }: GroupDetailsProps) {
  const members = group.members.map((id) => byId.get(id)).filter((n): n is MapNode => n !== undefined);
  const { rollup } = group;
  return (
    <aside className={mapStyles.details} aria-labelledby="map-group-title" data-testid="map-group-details">
      <div className={mapStyles.detailsTop}>
        <span className={mapStyles.detailsKind}>Collapsed · {GROUP_KIND_LABEL[group.groupKind]}</span>
        <Button variant="ghost" size="sm" onClick={onClose} aria-label="Close" title="Close (Esc)">
          Esc
        </Button>
      </div>
      <h2 id="map-group-title" className={mapStyles.detailsTitle} tabIndex={-1} ref={headingRef}>
        {group.title}
      </h2>
      <dl className={mapStyles.facts}>
        <dt>Holds</dt>
        <dd>{group.summary}</dd>
        {rollup.status && (
          <>
            <dt>Rolled up</dt>
            <dd>
              <span className={styles.rollup} style={{ "--status": rollupColor(rollup.status) } as CSSProperties}>
                <span className={styles.rollupDot} aria-hidden />
                {ROLLUP_LABEL[rollup.status]}
              </span>
            </dd>
            <dt>Milestones</dt>
            <dd>{rollupSummary(rollup)}</dd>
          </>
        )}
      </dl>
      <Button variant="secondary" size="sm" onClick={() => onExpand(group.id)} className={styles.expandButton}>
        Expand
      </Button>
      {KIND_ORDER.map((kind) => {
        const ofKind = members.filter((n) => n.kind === kind);
        if (ofKind.length === 0) return null;
        return (
          <section key={kind} className={mapStyles.related} aria-label={`${KIND_LABEL[kind].many}: ${ofKind.length}`}>
            <h3>
              {KIND_LABEL[kind].many} <span className={mapStyles.count}>{ofKind.length}</span>
            </h3>
            <ul>
              {ofKind.map((n) => (
                <li key={n.id}>
                  <button type="button" className={mapStyles.relatedButton} onClick={() => onExpand(group.id, n.id)} title="Expand the group and focus this one">
                    <span className={mapStyles.relatedDot} style={{ background: statusColor(n) }} aria-hidden />
                    <span className={mapStyles.relatedLabel}>
                      {n.kind === "milestone" && <span className={mapStyles.mono}>{n.sublabel} </span>}
                      {n.label}
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </aside>
  );
}
