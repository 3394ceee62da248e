// The body of the read view: the production notes first, then the research summary (with text
// kept from an earlier template), the free notes, discussion on sections that no longer exist,
// and the attached notebooks rendered.
import type { SectionComment } from "@/components/handoff/CommentableSection";
import { Threads } from "@/components/handoff/CommentThreads";
import { IconNotebook } from "@/components/handoff/icons";
import { NotebookView } from "@/components/notebook/NotebookView";
import type { ServerAction } from "@/components/forms/useFormAction";
import { Alert } from "@/components/ui/Alert";
import { Card } from "@/components/ui/Card";
import { IconServer } from "@/components/ui/icons";
import type { listNotebooks } from "@/lib/data/attachments";
import { BODY_SECTION, type HandoffView } from "@/lib/handoff/view-model";
import type { TemplateSection } from "@/lib/validation/template";
import { HandoffSection, type ThreadProps } from "./HandoffSection";
import styles from "../handoff-view.module.css";

type Notebooks = Awaited<ReturnType<typeof listNotebooks>>;

export function HandoffDocument({
  view,
  body,
  notebooks,
  commentAction,
  threadProps,
}: {
  view: HandoffView;
  body: string;
  notebooks: Notebooks;
  /** Present when the viewer may comment. */
  commentAction: ServerAction | null;
  threadProps: ThreadProps;
}) {
  const { production, research, extra, sections, threadsBySection } = view;
  const comment = (s: TemplateSection): SectionComment | undefined =>
    commentAction ? { action: commentAction, handoffId: threadProps.handoffId, sectionKey: s.key, sectionTitle: s.title } : undefined;
  const sectionProps = (s: TemplateSection, text: string | undefined = sections[s.key]) => ({ section: s, text, threads: threadsBySection.get(s.key) ?? [], comment: comment(s), ...threadProps });
  return (
    <>
      {production.length > 0 && (
        <section className={styles.production} aria-labelledby="production-notes">
          <header className={styles.productionHeader}>
            <span className={styles.productionIcon} aria-hidden>
              <IconServer size={16} />
            </span>
            <div>
              <h2 id="production-notes" className={styles.productionTitle}>
                Production notes
              </h2>
              <p className={styles.productionLead}>What it takes to run this in production: interfaces, compute, latency and data.</p>
            </div>
          </header>
          <div className={styles.sections}>
            {production.map((s) => (
              <HandoffSection key={s.key} {...sectionProps(s)} />
            ))}
          </div>
        </section>
      )}

      {research.length + extra.length > 0 && (
        <section className={styles.document} aria-label="Research summary">
          <div className={styles.sections}>
            {research.map((s) => (
              <HandoffSection key={s.key} {...sectionProps(s)} />
            ))}
            {extra.map((s) => (
              <HandoffSection key={s.key} {...sectionProps(s)} note="Kept from an earlier template" />
            ))}
          </div>
        </section>
      )}

      {view.hasBody && (
        <section className={styles.document} aria-label="Notes">
          <div className={styles.sections}>
            <HandoffSection {...sectionProps(BODY_SECTION, body)} />
          </div>
        </section>
      )}

      {view.orphanThreads.length > 0 && (
        <Card title="Other discussion" description="Threads on sections this handoff no longer has.">
          <Threads threads={view.orphanThreads} label="Other discussion" {...threadProps} />
        </Card>
      )}

      {notebooks.length > 0 && (
        <section className={styles.notebooks} aria-labelledby="notebooks-title">
          <h2 id="notebooks-title" className={styles.notebooksTitle}>
            <IconNotebook size={18} /> Notebooks
          </h2>
          {notebooks.map((n) => (
            <div key={n.id} id={`notebook-${n.id}`} className={styles.notebook}>
              {n.notebook ? (
                <NotebookView notebook={n.notebook} filename={n.filename} />
              ) : (
                <Alert tone="warning" title={`${n.filename} cannot be shown`}>
                  {n.error} The file is still attached; download it to inspect it.
                </Alert>
              )}
            </div>
          ))}
        </section>
      )}
    </>
  );
}
