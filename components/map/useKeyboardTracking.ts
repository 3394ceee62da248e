"use client";
// Whether the last interaction with the page was the keyboard (then focusing a node moves keyboard
// focus to the details panel, and clearing it moves keyboard focus back to the node); Escape
// outside a form field calls `onEscape`. And the keys on a focused node (useNodeKeys).
import { useCallback, useEffect, useRef, type KeyboardEvent as ReactKeyboardEvent, type RefObject } from "react";
import { arrowDirection, stepFrom, type Box } from "@/lib/graph/spatial";

export function useKeyboardTracking(onEscape: RefObject<() => void>): RefObject<boolean> {
  const keyboard = useRef(false);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      keyboard.current = true;
      const target = event.target as HTMLElement | null;
      if (event.key === "Escape" && !target?.closest("input, textarea, select, [contenteditable]")) onEscape.current();
    };
    const onPointer = () => (keyboard.current = false);
    window.addEventListener("keydown", onKey, true);
    window.addEventListener("pointerdown", onPointer, true);
    return () => {
      window.removeEventListener("keydown", onKey, true);
      window.removeEventListener("pointerdown", onPointer, true);
    };
  }, [onEscape]);
  return keyboard;
}

/**
 * Keys on a focused map node: arrows move keyboard focus to the nearest node that way
 * (lib/graph/spatial), panning first when it is not drawn yet (large maps draw only what is in
 * view); Enter opens the node's page. Space still focuses it (React Flow's selection); Escape is
 * left to useKeyboardTracking.
 */
export function useNodeKeys({ boxes, hrefOf, centreOn, open }: { boxes: () => Box[]; hrefOf: (id: string) => string | undefined; centreOn: (id: string) => unknown; open: (href: string) => void }) {
  return useCallback(
    (event: ReactKeyboardEvent<HTMLElement>) => {
      const element = event.target as HTMLElement;
      if (!element.classList?.contains("react-flow__node") || event.altKey || event.ctrlKey || event.metaKey) return;
      const id = element.dataset.id;
      if (!id) return;
      // Escape was handled by useKeyboardTracking's window listener (clearing focus, then search);
      // React Flow would otherwise select the node again, having seen it already cleared.
      if (event.key === "Escape") return void event.stopPropagation();
      if (event.key === "Enter") {
        const href = hrefOf(id);
        if (!href) return;
        event.preventDefault();
        event.stopPropagation();
        open(href);
        return;
      }
      const direction = arrowDirection(event.key);
      if (!direction) return;
      event.preventDefault();
      event.stopPropagation();
      const next = stepFrom(boxes(), id, direction);
      if (next) focusNode(next, centreOn);
    },
    [boxes, hrefOf, centreOn, open],
  );
}

/** Moves keyboard focus to a node's card, panning to it first when it is not drawn yet. */
export function focusNode(id: string, centreOn: (id: string) => unknown) {
  const find = () => document.querySelector<HTMLElement>(`.react-flow__node[data-id="${CSS.escape(id)}"]`);
  const element = find();
  if (element) return element.focus();
  centreOn(id);
  let frames = 0;
  const retry = () => {
    const drawn = find();
    if (drawn) drawn.focus();
    else if (++frames < 30) requestAnimationFrame(retry);
  };
  requestAnimationFrame(retry);
}

/** What a screen reader announces on a node, and the keys it offers. */
export const NODE_KEYS_HELP = {
  "node.a11yDescription.default": "Press space to trace what it depends on and what depends on it, enter to open it, arrow keys to move to the nearest node that way, escape to clear.",
};
