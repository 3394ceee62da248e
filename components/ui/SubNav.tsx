"use client";
// Tabs-like navigation between a page's sub-pages. Each tab is a link; the current one
// gets aria-current="page", decided from the pathname unless `current` says otherwise.
import Link from "next/link";
import { usePathname } from "next/navigation";
import styles from "./SubNav.module.css";

export type SubNavItem = {
  href: string;
  label: string;
  count?: number;
  /** Match only this exact path (use for an overview tab whose href prefixes the others). */
  exact?: boolean;
};

export type SubNavProps = {
  items: SubNavItem[];
  /** Accessible name of the navigation, e.g. "Project sections". */
  label: string;
  /** href of the current item, when the pathname alone cannot tell (e.g. query tabs). */
  current?: string;
};

export function SubNav({ items, label, current }: SubNavProps) {
  const pathname = usePathname() ?? "";
  const active =
    current ??
    items
      .filter((item) => (item.exact ? pathname === item.href : pathname === item.href || pathname.startsWith(`${item.href}/`)))
      .sort((a, b) => b.href.length - a.href.length)[0]?.href;

  return (
    <nav aria-label={label} className={styles.nav} data-chrome="subnav">
      <ul className={styles.list}>
        {items.map((item) => (
          <li key={item.href}>
            <Link href={item.href} className={styles.link} aria-current={item.href === active ? "page" : undefined}>
              {item.label}
              {item.count !== undefined && <span className={styles.count}>{item.count}</span>}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
