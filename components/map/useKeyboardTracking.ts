"use client";
// Whether the last interaction with the page was the keyboard (then focusing a node moves keyboard
// focus to the details panel, and clearing it moves keyboard focus back to the node); Escape
// outside a form field calls `onEscape`.
import { useEffect, useRef, type RefObject } from "react";

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
