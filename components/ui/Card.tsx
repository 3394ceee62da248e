// A bordered surface, optionally with a header (title, description, actions) and a footer.
import type { ReactNode } from "react";
import { cx } from "./cx";
import styles from "./Card.module.css";

export type CardProps = {
  title?: ReactNode;
  description?: ReactNode;
  actions?: ReactNode;
  footer?: ReactNode;
  /** "none" for edge-to-edge content such as a Table. */
  padding?: "none" | "sm" | "md" | "lg";
  as?: "section" | "div" | "article";
  /** Heading level of the title; 2 by default. */
  headingLevel?: 2 | 3;
  id?: string;
  className?: string;
  children?: ReactNode;
};

export function Card({
  title,
  description,
  actions,
  footer,
  padding = "md",
  as: Tag = "section",
  headingLevel = 2,
  id,
  className,
  children,
}: CardProps) {
  const Heading = headingLevel === 3 ? "h3" : "h2";
  const hasHeader = title !== undefined || actions !== undefined;
  return (
    <Tag className={cx(styles.card, className)} id={id}>
      {hasHeader && (
        <header className={styles.header}>
          <div className={styles.headerText}>
            {title !== undefined && <Heading className={styles.title}>{title}</Heading>}
            {description !== undefined && <p className={styles.description}>{description}</p>}
          </div>
          {actions !== undefined && <div className={styles.actions}>{actions}</div>}
        </header>
      )}
      {children !== undefined && <div className={cx(styles.body, styles[`pad-${padding}`])}>{children}</div>}
      {footer !== undefined && <footer className={styles.footer}>{footer}</footer>}
    </Tag>
  );
}
