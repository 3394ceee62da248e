// One template, read-only: name, description, its sections in order (required ones marked) and,
// folded, each section's guidance. Actions (edit, duplicate, delete) come from the page.
import type { ReactNode } from "react";
import { Badge } from "@/components/ui/Badge";
import { Card } from "@/components/ui/Card";
import { RelativeTime } from "@/components/ui/RelativeTime";
import type { TemplateSection } from "@/lib/validation/template";
import styles from "./templates.module.css";

export type TemplateSummary = {
  id: string;
  name: string;
  description: string;
  sections: TemplateSection[];
  builtIn: boolean;
  updatedAt: Date;
  handoffs: number;
};

export function TemplateCard({ template: t, actions, now, highlight }: { template: TemplateSummary; actions?: ReactNode; now: Date; highlight?: boolean }) {
  const required = t.sections.filter((s) => s.required).length;
  return (
    <Card
      id={`template-${t.id}`}
      headingLevel={3}
      className={highlight ? styles.highlight : undefined}
      title={
        <span className={styles.cardTitle}>
          {t.name}
          {t.builtIn && (
            <Badge size="sm" tone="gray">
              Built-in
            </Badge>
          )}
        </span>
      }
      description={t.description || undefined}
      actions={actions}
    >
      <div className={styles.cardBody} data-testid={`template-${t.name}`}>
        <p className={styles.facts}>
          {t.sections.length} {t.sections.length === 1 ? "section" : "sections"} · {required} required
          {required > 0 && <span aria-hidden> (*)</span>} ·{" "}
          {t.handoffs === 0 ? "no handoffs made from it yet" : `${t.handoffs} ${t.handoffs === 1 ? "handoff" : "handoffs"} made from it`}
          {t.builtIn && t.handoffs > 0 ? " across all projects" : ""}
          {!t.builtIn && (
            <>
              {" "}
              · updated <RelativeTime date={t.updatedAt} now={now} />
            </>
          )}
        </p>
        <ol className={styles.outline} aria-label={`Sections of ${t.name}`}>
          {t.sections.map((s) => (
            <li key={s.key} className={styles.outlineItem} data-required={s.required || undefined}>
              {s.title}
              {s.required && <span className="sr-only"> (required)</span>}
            </li>
          ))}
        </ol>
        <details className={styles.details}>
          <summary>Guidance for each section</summary>
          <ol className={styles.guidanceList}>
            {t.sections.map((s) => (
              <li key={s.key}>
                <div className={styles.guidanceHead}>
                  <span className={styles.guidanceTitle}>{s.title}</span>
                  <code className={styles.key}>{s.key}</code>
                  {s.required ? (
                    <Badge size="sm" tone="blue">
                      Required
                    </Badge>
                  ) : (
                    <Badge size="sm" tone="gray">
                      Optional
                    </Badge>
                  )}
                </div>
                {s.guidance ? <p className={styles.guidanceText}>{s.guidance}</p> : <p className={styles.guidanceNone}>No guidance.</p>}
              </li>
            ))}
          </ol>
        </details>
      </div>
    </Card>
  );
}
