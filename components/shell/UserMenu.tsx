"use client";
// The signed-in user's menu: who you are, API tokens, sign out. A menu button (useMenuButton:
// the WAI-ARIA pattern's keys, roving focus, closing on Escape, Tab or a click outside).
import Link from "next/link";
import { signOut } from "next-auth/react";
import { Avatar } from "@/components/ui/Avatar";
import { IconChevronDown, IconKey, IconLogOut } from "@/components/ui/icons";
import menu from "@/components/ui/Menu.module.css";
import { useMenuButton } from "@/components/ui/useMenuButton";
import styles from "./UserMenu.module.css";

export type UserMenuProps = { name: string; email: string };

export function UserMenu({ name, email }: UserMenuProps) {
  const { open, close, rootProps, buttonProps, menuProps } = useMenuButton();
  const item = `${menu.item} ${styles.item}`;

  return (
    <div className={menu.root} {...rootProps}>
      <button {...buttonProps} className={styles.trigger}>
        <Avatar name={name} size="sm" decorative />
        <span className={styles.triggerName}>{name}</span>
        <IconChevronDown size={14} className={styles.chevron} />
      </button>
      {open && (
        <div {...menuProps} aria-label={name} className={`${menu.menu} ${styles.menu}`}>
          <div className={styles.identity}>
            <Avatar name={name} size="md" decorative />
            <div className={styles.identityText}>
              <span className={styles.name}>{name}</span>
              <span className={styles.email}>{email}</span>
            </div>
          </div>
          <div className={menu.separator} role="separator" />
          <Link href="/settings/tokens" role="menuitem" tabIndex={-1} className={item} onClick={() => close()}>
            <IconKey size={14} />
            API tokens
          </Link>
          <div className={menu.separator} role="separator" />
          <button
            type="button"
            role="menuitem"
            tabIndex={-1}
            className={item}
            onClick={() => {
              close();
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
