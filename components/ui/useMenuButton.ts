"use client";
// A button that opens a menu, after the WAI-ARIA menu button pattern: Enter, Space or ArrowDown
// open it on the first item and ArrowUp on the last; in the menu the arrows move (wrapping), Home
// and End jump, Escape closes and gives focus back to the button, Tab closes and moves on; a
// pointer down outside closes it. Items keep tabIndex={-1}: focus roves between them by script.
// Used by the user menu and the map's Export menu; their look is in ./Menu.module.css.
import { useEffect, useId, useRef, useState, type KeyboardEvent } from "react";

/** What an item of the menu can be; separators, headings and groups are skipped. */
const ITEMS = '[role="menuitem"], [role="menuitemradio"], [role="menuitemcheckbox"]';

export type MenuKeyResult = { focus: number } | { close: "returnFocus" | "moveOn" } | null;

/**
 * What a key pressed in an open menu does, given the focused item's index (-1 when none) and the
 * number of items: the item to focus, or closing. Null: not the menu's key, the browser keeps it.
 */
export function menuKey(key: string, index: number, count: number): MenuKeyResult {
  if (count === 0 && key !== "Escape" && key !== "Tab") return null;
  const wrap = (i: number) => ({ focus: (i + count) % count });
  switch (key) {
    case "ArrowDown":
      return wrap(index + 1);
    case "ArrowUp":
      return wrap(index < 0 ? count - 1 : index - 1);
    case "Home":
      return { focus: 0 };
    case "End":
      return { focus: count - 1 };
    case "Escape":
      return { close: "returnFocus" };
    case "Tab":
      return { close: "moveOn" };
    default:
      return null;
  }
}

/** Which item a key on the closed menu's button opens on, if any (Enter and Space click it). */
export function buttonKey(key: string): "first" | "last" | null {
  return key === "ArrowDown" ? "first" : key === "ArrowUp" ? "last" : null;
}

type Options = {
  /** While true (say, an export is running) the menu does not open. */
  disabled?: boolean;
};

export function useMenuButton({ disabled = false }: Options = {}) {
  const [open, setOpen] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLDivElement>(null);
  const menuId = useId();

  const items = () => Array.from(menuRef.current?.querySelectorAll<HTMLElement>(ITEMS) ?? []);

  function openMenu(focus: "first" | "last" = "first") {
    if (disabled) return;
    setOpen(true);
    // The menu renders on the next commit; focus its item once it is there.
    requestAnimationFrame(() => {
      const list = items();
      (focus === "first" ? list[0] : list[list.length - 1])?.focus();
    });
  }

  /** Closes the menu; `returnFocus` puts focus back on the button (Escape, or after choosing an item). */
  function close(returnFocus = false) {
    setOpen(false);
    if (returnFocus) buttonRef.current?.focus();
  }

  useEffect(() => {
    if (!open) return;
    function onPointerDown(event: PointerEvent) {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false);
    }
    document.addEventListener("pointerdown", onPointerDown);
    return () => document.removeEventListener("pointerdown", onPointerDown);
  }, [open]);

  function onButtonKeyDown(event: KeyboardEvent<HTMLButtonElement>) {
    const focus = buttonKey(event.key);
    if (!focus || disabled) return;
    event.preventDefault();
    openMenu(focus);
  }

  function onMenuKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const list = items();
    const result = menuKey(event.key, list.indexOf(document.activeElement as HTMLElement), list.length);
    if (!result) return;
    if ("focus" in result) {
      event.preventDefault();
      list[result.focus]?.focus();
    } else if (result.close === "returnFocus") {
      event.preventDefault();
      close(true);
    } else {
      // Tab leaves the menu to the browser, which moves focus on from the button.
      setOpen(false);
    }
  }

  return {
    open,
    openMenu,
    close,
    /** Spread on the element wrapping the button and the menu: a pointer down outside it closes. */
    rootProps: { ref: rootRef },
    buttonProps: {
      ref: buttonRef,
      type: "button" as const,
      "aria-haspopup": "menu" as const,
      "aria-expanded": open,
      "aria-controls": open ? menuId : undefined,
      onClick: () => (open ? close() : openMenu()),
      onKeyDown: onButtonKeyDown,
    },
    /** Spread on the menu, rendered only while `open`; give it an aria-label too. */
    menuProps: { id: menuId, ref: menuRef, role: "menu" as const, onKeyDown: onMenuKeyDown },
  };
}
