// The top of every page: breadcrumbs, title, description, actions, and optional tabs beneath.
import Link from "next/link";
import type { ReactNode } from "react";
import { IconChevronRight } from "./icons";
import styles from "./PageHeader.module.css";

export type Breadcrumb = { label: string; href?: string };

export type PageHeaderProps = {
  title: ReactNode;
  description?: ReactNode;
  actions?: ReactNode;
  breadcrumbs?: Breadcrumb[];
  /** Badges or facts shown beside the title (status, owner, dates). */
  meta?: ReactNode;
  /** A SubNav rendered under the header, sharing its bottom border. */
  tabs?: ReactNode;
};

export function PageHeader({ title, description, actions, breadcrumbs, meta, tabs }: PageHeaderProps) {
  return (
    <header className={styles.header} data-has-tabs={tabs ? "" : undefined}>
      {breadcrumbs && breadcrumbs.length > 0 && (
        <nav aria-label="Breadcrumb" className={styles.breadcrumbs} data-chrome="breadcrumbs">
          <ol>
            {breadcrumbs.map((crumb, i) => (
              <li key={`${crumb.label}-${i}`}>
                {crumb.href ? <Link href={crumb.href}>{crumb.label}</Link> : <span aria-current="page">{crumb.label}</span>}
                {i < breadcrumbs.length - 1 && <IconChevronRight size={12} className={styles.separator} />}
              </li>
            ))}
          </ol>
        </nav>
      )}
      <div className={styles.row}>
        <div className={styles.text}>
          <div className={styles.titleRow}>
            <h1 className={styles.title}>{title}</h1>
            {meta && <div className={styles.meta}>{meta}</div>}
          </div>
          {description && <p className={styles.description}>{description}</p>}
        </div>
        {actions && (
          <div className={styles.actions} data-chrome="actions">
            {actions}
          </div>
        )}
      </div>
      {tabs && <div className={styles.tabs}>{tabs}</div>}
    </header>
  );
}
