// Width discipline for page content: "narrow" for reading and forms, "default" for lists,
// "full" for the map and other canvases.
import type { ReactNode } from "react";
import { cx } from "./cx";
import styles from "./PageContainer.module.css";

export function PageContainer({
  width = "default",
  className,
  children,
}: {
  width?: "narrow" | "default" | "wide" | "full";
  className?: string;
  children: ReactNode;
}) {
  return <div className={cx(styles.container, styles[width], className)}>{children}</div>;
}

/** Vertical rhythm between the sections of a page. */
export function Stack({ gap = 6, className, children }: { gap?: 2 | 3 | 4 | 6 | 8; className?: string; children: ReactNode }) {
  return (
    <div className={cx(styles.stack, className)} style={{ gap: `var(--space-${gap})` }}>
      {children}
    </div>
  );
}
