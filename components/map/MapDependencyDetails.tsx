"use client";
// The side panel for a selected dependency edge: which milestone waits for which, each a button
// that moves the focus there, and, for roles that may plan, "Remove dependency" behind a
// confirmation (a stray click or Enter removes nothing).
import { useEffect, useRef, useState, type Ref } from "react";
import { Button, buttonClassName } from "@/components/ui/Button";
import type { MapNode } from "@/lib/graph/types";
import { statusColor } from "./map-model";
import styles from "./ProjectMap.module.css";

type Props = {
  prerequisite: MapNode;
  dependent: MapNode;
  /** Null when the caller's role may not change dependencies. */
  onRemove: (() => void) | null;
  pending: boolean;
  onFocus: (id: string) => void;
  onClose: () => void;
  headingRef: Ref<HTMLHeadingElement>;
};

export function MapDependencyDetails({ prerequisite, dependent, onRemove, pending, onFocus, onClose, headingRef }: Props) {
  const [confirming, setConfirming] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const askRef = useRef<HTMLButtonElement>(null);
  const asked = useRef(false);
  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
    else if (asked.current) askRef.current?.focus();
  }, [confirming]);
  const ask = (next: boolean) => {
    asked.current = true;
    setConfirming(next);
  };
  return (
    <aside className={styles.details} aria-labelledby="map-details-title" data-testid="map-details">
      <div className={styles.detailsTop}>
        <span className={styles.detailsKind}>Dependency</span>
        <Button variant="ghost" size="sm" onClick={onClose} aria-label="Clear selection" title="Clear selection (Esc)">
          Esc
        </Button>
      </div>
      <h2 id="map-details-title" className={styles.detailsTitle} tabIndex={-1} ref={headingRef}>
        <span className={styles.mono}>{prerequisite.sublabel}</span> must finish before <span className={styles.mono}>{dependent.sublabel}</span>
      </h2>
      <ul className={styles.depEnds}>
        {[
          { node: prerequisite, role: "Finishes first" },
          { node: dependent, role: "Waits for it" },
        ].map(({ node, role }) => (
          <li key={node.id}>
            <span className={styles.depRole}>{role}</span>
            <button type="button" onClick={() => onFocus(node.id)} className={styles.relatedButton}>
              <span className={styles.relatedDot} style={{ background: statusColor(node) }} aria-hidden />
              <span className={styles.relatedLabel}>
                <span className={styles.mono}>{node.sublabel} </span>
                {node.label}
              </span>
            </button>
          </li>
        ))}
      </ul>
      {onRemove &&
        (confirming ? (
          <div className={styles.confirm} role="group" aria-label="Confirm removal">
            <p>
              Remove it? {dependent.sublabel} will no longer wait for {prerequisite.sublabel}.
            </p>
            <div className={styles.confirmButtons}>
              <button ref={confirmRef} type="button" className={buttonClassName({ variant: "danger", size: "sm" })} disabled={pending} aria-busy={pending || undefined} onClick={onRemove}>
                Remove dependency
              </button>
              <Button variant="ghost" size="sm" onClick={() => ask(false)}>
                Cancel
              </Button>
            </div>
          </div>
        ) : (
          <button ref={askRef} type="button" className={buttonClassName({ variant: "secondary", size: "sm", className: styles.removeDep })} onClick={() => ask(true)}>
            Remove dependency…
          </button>
        ))}
    </aside>
  );
}
