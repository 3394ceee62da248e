// The side panel for the focused node: what it is, its status, and what lies upstream and
// downstream of it, each one a button that moves the focus there.
import Link from "next/link";
import type { ReactNode, Ref } from "react";
import { StatusBadge } from "@/components/ui/Badge";
import { Button } from "@/components/ui/Button";
import { formatDate } from "@/components/ui/format";
import { IconExternal } from "@/components/ui/icons";
import type { MapNode, MapUsage } from "@/lib/graph/types";
import { KIND_LABEL, KIND_ORDER, STATUS_KIND, statusColor } from "./map-model";
import { MAX_HOPS } from "./map-view-state";
import styles from "./ProjectMap.module.css";

type Props = {
  node: MapNode;
  upstream: MapNode[];
  downstream: MapNode[];
  onFocus: (id: string) => void;
  onClose: () => void;
  headingRef: Ref<HTMLHeadingElement>;
  /** Planning controls for roles that may change dependencies (MapAddPrerequisite). */
  plan?: ReactNode;
  /** How many hops upstream and downstream the focus follows; null for all. */
  hops?: number | null;
  onHops?: (hops: number | null) => void;
};

/** The hop counts offered; "All" follows every path to its end. */
const HOP_CHOICES = Array.from({ length: MAX_HOPS }, (_, i) => i + 1);

export function MapDetails({ node, upstream, downstream, onFocus, onClose, headingRef, plan, hops = null, onHops }: Props) {
  return (
    <aside className={styles.details} aria-labelledby="map-details-title" data-testid="map-details">
      <div className={styles.detailsTop}>
        <span className={styles.detailsKind}>
          {KIND_LABEL[node.kind].one}
          {node.sublabel && <span className={node.kind === "milestone" ? styles.mono : undefined}> · {node.sublabel}</span>}
        </span>
        <Button variant="ghost" size="sm" onClick={onClose} aria-label="Clear focus" title="Clear focus (Esc)">
          Esc
        </Button>
      </div>
      <h2 id="map-details-title" className={styles.detailsTitle} tabIndex={-1} ref={headingRef}>
        {node.label}
      </h2>
      {node.detail && <p className={styles.detailsDetail}>{node.detail}</p>}
      <dl className={styles.facts}>
        <dt>Status</dt>
        <dd>
          <StatusBadge kind={STATUS_KIND[node.kind]} value={node.status} size="sm" />
        </dd>
        {node.health && (
          <>
            <dt>Health</dt>
            <dd>
              <StatusBadge kind="health" value={node.health} size="sm" />
            </dd>
          </>
        )}
        {node.owner && (
          <>
            <dt>{node.kind === "handoff" ? "Author" : "Owner"}</dt>
            <dd>{node.owner}</dd>
          </>
        )}
        {node.reason && (
          <>
            <dt>On this map</dt>
            <dd data-testid="map-reason">{node.reason}</dd>
          </>
        )}
        {node.dueDate && (
          <>
            <dt>Due</dt>
            <dd>{formatDate(node.dueDate)}</dd>
          </>
        )}
      </dl>
      <Link href={node.href} className={styles.open}>
        Open {KIND_LABEL[node.kind].one.toLowerCase()} <IconExternal size={13} />
      </Link>
      {plan}
      {node.usedBy && <Usage usage={node.usedBy} />}
      {onHops && (
        <label className={styles.hops}>
          <span>Trace</span>
          <select value={hops ?? "all"} onChange={(e) => onHops(e.target.value === "all" ? null : Number(e.target.value))} aria-label="Hops to trace upstream and downstream">
            {HOP_CHOICES.map((n) => (
              <option key={n} value={n}>
                {n} {n === 1 ? "hop" : "hops"}
              </option>
            ))}
            <option value="all">All hops</option>
          </select>
          <span>each way</span>
        </label>
      )}
      <Related title="Upstream" empty="Nothing leads here." nodes={upstream} onFocus={onFocus} />
      <Related title="Downstream" empty="Nothing depends on this." nodes={downstream} onFocus={onFocus} />
    </aside>
  );
}

/** The services map: who uses this service, among the projects the viewer can see. */
function Usage({ usage }: { usage: MapUsage }) {
  const lists = [
    { title: "Projects using it", empty: "No project you can see uses it.", items: usage.projects.map((p) => ({ id: p.key, label: p.name, href: p.href })) },
    { title: "Handoffs behind it", empty: "No handoff you can see leads to it.", items: usage.papers },
  ];
  return lists.map(({ title, empty, items }) => (
    <section key={title} className={styles.related} aria-label={`${title}: ${items.length}`}>
      <h3>
        {title} <span className={styles.count}>{items.length}</span>
      </h3>
      {items.length === 0 ? (
        <p className={styles.muted}>{empty}</p>
      ) : (
        <ul>
          {items.map((item) => (
            <li key={item.id}>
              <Link href={item.href} className={styles.relatedButton}>
                <span className={styles.relatedLabel}>{item.label}</span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  ));
}

function Related({ title, empty, nodes, onFocus }: { title: string; empty: string; nodes: MapNode[]; onFocus: (id: string) => void }) {
  return (
    <section className={styles.related} aria-label={`${title}: ${nodes.length}`}>
      <h3>
        {title} <span className={styles.count}>{nodes.length}</span>
      </h3>
      {nodes.length === 0 ? (
        <p className={styles.muted}>{empty}</p>
      ) : (
        <ul>
          {KIND_ORDER.flatMap((kind) =>
            nodes
              .filter((n) => n.kind === kind)
              .map((n) => (
                <li key={n.id} data-kind={n.kind}>
                  <button type="button" onClick={() => onFocus(n.id)} className={styles.relatedButton}>
                    <span className={styles.relatedDot} style={{ background: statusColor(n) }} aria-hidden />
                    <span className={styles.relatedLabel}>
                      {n.kind === "milestone" && <span className={styles.mono}>{n.sublabel} </span>}
                      {n.label}
                    </span>
                  </button>
                </li>
              )),
          )}
        </ul>
      )}
    </section>
  );
}
