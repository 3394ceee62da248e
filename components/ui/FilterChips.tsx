// A row of links that filter a list (by status, by layer), each with its count; the current
// one is marked with aria-current. Server-rendered: filters live in the URL.
import Link from "next/link";
import type { ReactNode } from "react";
import styles from "./FilterChips.module.css";

export type FilterChip = { href: string; label: ReactNode; count?: number; current: boolean };

export function FilterChips({ label, chips }: { label: string; chips: FilterChip[] }) {
  return (
    <nav aria-label={label} className={styles.chips}>
      {chips.map((chip) => (
        <Link key={chip.href} href={chip.href} aria-current={chip.current ? "page" : undefined}>
          {chip.label}
          {chip.count !== undefined && <span className={styles.count}>{chip.count}</span>}
        </Link>
      ))}
    </nav>
  );
}
