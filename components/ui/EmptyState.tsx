// What a list shows when it has nothing yet: what belongs here and how to add the first one.
import type { ReactNode } from "react";
import { cx } from "./cx";
import { IconInbox } from "./icons";
import styles from "./EmptyState.module.css";

export type EmptyStateProps = {
  title: ReactNode;
  description?: ReactNode;
  action?: ReactNode;
  icon?: ReactNode;
  /** "plain" drops the dashed frame, for use inside a Card. */
  variant?: "framed" | "plain";
  className?: string;
};

export function EmptyState({ title, description, action, icon, variant = "framed", className }: EmptyStateProps) {
  return (
    <div className={cx(styles.empty, variant === "framed" && styles.framed, className)}>
      <div className={styles.icon} aria-hidden>
        {icon ?? <IconInbox size={20} />}
      </div>
      <h2 className={styles.title}>{title}</h2>
      {description && <p className={styles.description}>{description}</p>}
      {action && <div className={styles.action}>{action}</div>}
    </div>
  );
}
