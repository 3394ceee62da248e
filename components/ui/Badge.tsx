// Small coloured label. StatusBadge turns an enum value into its label and semantic colour.
import type { HTMLAttributes, ReactNode } from "react";
import { cx } from "./cx";
import { statusLabel, statusTone, type StatusKind, type Tone } from "./status";
import styles from "./Badge.module.css";

export type BadgeProps = HTMLAttributes<HTMLSpanElement> & {
  tone?: Tone;
  /** A leading dot in the tone's solid colour. */
  dot?: boolean;
  size?: "sm" | "md";
  children: ReactNode;
};

export function Badge({ tone = "gray", dot, size = "md", className, children, ...rest }: BadgeProps) {
  return (
    <span className={cx(styles.badge, size === "sm" && styles.sm, className)} data-tone={tone} {...rest}>
      {dot && <span className={styles.dot} aria-hidden />}
      {children}
    </span>
  );
}

// Kinds that describe a state (and get a dot) rather than a category.
const STATEFUL: ReadonlySet<StatusKind> = new Set(["milestone", "health", "handoff", "lifecycle"]);

export type StatusBadgeProps = Omit<BadgeProps, "tone" | "children"> & {
  kind: StatusKind;
  value: string;
};

export function StatusBadge({ kind, value, dot, ...rest }: StatusBadgeProps) {
  return (
    <Badge tone={statusTone(kind, value)} dot={dot ?? STATEFUL.has(kind)} data-status={value} {...rest}>
      {statusLabel(kind, value)}
    </Badge>
  );
}

/** Just the coloured dot, e.g. beside a milestone title in a dense list. Labelled for screen readers. */
export function StatusDot({ kind, value, className }: { kind: StatusKind; value: string; className?: string }) {
  return (
    <span
      className={cx(styles.dot, styles.standaloneDot, className)}
      data-tone={statusTone(kind, value)}
      role="img"
      aria-label={statusLabel(kind, value)}
      title={statusLabel(kind, value)}
    />
  );
}
