// A styled <table>. Write ordinary <thead>/<tbody>/<tr>/<th>/<td> inside; mark numeric
// cells with data-align="right". Wraps in a horizontally scrolling, bordered frame.
import type { ReactNode, TableHTMLAttributes } from "react";
import { cx } from "./cx";
import styles from "./Table.module.css";

export type TableProps = TableHTMLAttributes<HTMLTableElement> & {
  /** Describes the table for screen readers; shown only if captionVisible. */
  caption?: ReactNode;
  captionVisible?: boolean;
  /** false inside a Card with padding="none", which already draws the frame. */
  framed?: boolean;
  density?: "compact" | "normal";
  children: ReactNode;
};

export function Table({
  caption,
  captionVisible,
  framed = true,
  density = "normal",
  className,
  children,
  ...rest
}: TableProps) {
  return (
    <div className={cx(styles.wrap, framed && styles.framed)}>
      <table className={cx(styles.table, density === "compact" && styles.compact, className)} {...rest}>
        {caption !== undefined && (
          <caption className={captionVisible ? styles.caption : "sr-only"}>{caption}</caption>
        )}
        {children}
      </table>
    </div>
  );
}
