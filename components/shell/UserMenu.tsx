"use client";
// The signed-in user's menu: who you are, API tokens, sign out. Follows the WAI-ARIA menu
// button pattern (Enter/Space/ArrowDown open, arrows move, Escape closes and returns focus).
import Link from "next/link";
import { signOut } from "next-auth/react";
import { useEffect, useId, useRef, useState, type KeyboardEvent } from "react";
import { Avatar } from "@/components/ui/Avatar";
import { IconChevronDown, IconKey, IconLogOut } from "@/components/ui/icons";
import styles from "./UserMenu.module.css";

export type UserMenuProps = { name: string; email: string };

export function UserMenu({ name, email }: UserMenuProps) {
  const [open, setOpen] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLDivElement>(null);
  const menuId = useId();

  const items = () => Array.from(menuRef.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? []);

  function openMenu(focus: "first" | "last" = "first") {
    setOpen(true);
    requestAnimationFrame(() => {
      const list = items();
      (focus === "first" ? list[0] : list[list.length - 1])?.focus();
    });
  }

  function close(returnFocus: boolean) {
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
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      openMenu(event.key === "ArrowDown" ? "first" : "last");
    }
  }

  function onMenuKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const list = items();
    const index = list.indexOf(document.activeElement as HTMLElement);
    const move = (i: number) => list[(i + list.length) % list.length]?.focus();
    switch (event.key) {
      case "ArrowDown":
        event.preventDefault();
        move(index + 1);
        break;
      case "ArrowUp":
        event.preventDefault();
        move(index - 1);
        break;
      case "Home":
        event.preventDefault();
        move(0);
        break;
      case "End":
        event.preventDefault();
        move(list.length - 1);
        break;
      case "Escape":
        event.preventDefault();
        close(true);
        break;
      case "Tab":
        setOpen(false);
        break;
    }
  }

  return (
    <div className={styles.root} ref={rootRef}>
      <button
        ref={buttonRef}
        type="button"
        className={styles.trigger}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        onClick={() => (open ? close(false) : openMenu())}
        onKeyDown={onButtonKeyDown}
      >
        <Avatar name={name} size="sm" decorative />
        <span className={styles.triggerName}>{name}</span>
        <IconChevronDown size={14} className={styles.chevron} />
      </button>
      {open && (
        <div id={menuId} ref={menuRef} role="menu" aria-label={name} className={styles.menu} onKeyDown={onMenuKeyDown}>
          <div className={styles.identity}>
            <Avatar name={name} size="md" decorative />
            <div className={styles.identityText}>
              <span className={styles.name}>{name}</span>
              <span className={styles.email}>{email}</span>
            </div>
          </div>
          <div className={styles.separator} role="separator" />
          <Link href="/settings/tokens" role="menuitem" tabIndex={-1} className={styles.item} onClick={() => setOpen(false)}>
            <IconKey size={14} />
            API tokens
          </Link>
          <div className={styles.separator} role="separator" />
          <button
            type="button"
            role="menuitem"
            tabIndex={-1}
            className={styles.item}
            onClick={() => {
              setOpen(false);
              void signOut({ callbackUrl: "/signin" });
            }}
          >
            <IconLogOut size={14} />
            Sign out
          </button>
        </div>
      )}
    </div>
  );
}
