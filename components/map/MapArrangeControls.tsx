"use client";
// The project map's arrange controls: in the toolbar, how many nodes are pinned and "Re-layout"
// (behind a confirmation: it moves the map for the whole team); in a node's side panel, "Unpin".
import { useEffect, useRef, useState } from "react";
import { Button, buttonClassName } from "@/components/ui/Button";
import type { MapArrange } from "./useMapArrange";
import styles from "./MapArrange.module.css";

export function MapRelayout({ arrange }: { arrange: MapArrange }) {
  const [confirming, setConfirming] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);
  const count = arrange.pinned.size;
  // Nothing pinned, nothing to re-lay out: the toolbar stays short (the map's help says how to pin).
  if (count === 0 && !confirming) return null;
  const pinned = `${count} pinned ${count === 1 ? "node" : "nodes"}`;
  if (!arrange.canArrange) return <span className={styles.pinnedCount}>{pinned}</span>;
  if (confirming) {
    return (
      <div className={styles.relayoutConfirm} role="group" aria-label="Confirm re-layout">
        <span>Unpin {count === 1 ? "the pinned node" : `all ${count} pinned nodes`} for everyone and lay the map out again?</span>
        <button
          ref={confirmRef}
          type="button"
          className={buttonClassName({ variant: "danger", size: "sm" })}
          onClick={() => {
            setConfirming(false);
            arrange.onRelayout();
          }}
        >
          Re-layout
        </button>
        <Button variant="ghost" size="sm" onClick={() => setConfirming(false)}>
          Cancel
        </Button>
      </div>
    );
  }
  return (
    <span className={styles.arrange}>
      <span className={styles.pinnedCount}>{pinned}</span>
      <Button variant="secondary" size="sm" onClick={() => setConfirming(true)} disabled={arrange.pending} title="Drop every pin and lay the map out again">
        Re-layout
      </Button>
    </span>
  );
}

/** For the focused node's panel: says it is pinned and, for those who may, unpins it. */
export function MapUnpin({ arrange, id }: { arrange: MapArrange; id: string }) {
  if (!arrange.pinned.has(id)) return null;
  return (
    <div className={styles.pinnedPanel}>
      <span>Pinned on this map for the team.</span>
      {arrange.canArrange && (
        <Button variant="secondary" size="sm" onClick={() => arrange.onUnpin(id)} disabled={arrange.pending}>
          Unpin
        </Button>
      )}
    </div>
  );
}
