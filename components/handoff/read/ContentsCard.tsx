// The handoff's table of contents: each section with whether it is written and its threads.
import { Card } from "@/components/ui/Card";
import { isSectionFilled } from "@/lib/handoff/completeness";
import { BODY_SECTION, sectionAnchor, type HandoffView } from "@/lib/handoff/view-model";
import type { TemplateSection } from "@/lib/validation/template";
import styles from "../side-cards.module.css";

export function ContentsCard({ view, body }: { view: HandoffView; body: string }) {
  const { production, research, extra, sections, threadsBySection, hasBody } = view;
  const threads = (key: string) => threadsBySection.get(key)?.length ?? 0;
  return (
    <Card title="Contents" padding="sm">
      <nav aria-label="Sections of this handoff">
        <ol className={styles.toc}>
          {production.length > 0 && <li className={styles.tocGroup}>Production notes</li>}
          {production.map((s) => (
            <TocItem key={s.key} section={s} filled={isSectionFilled(sections[s.key])} threads={threads(s.key)} />
          ))}
          {production.length > 0 && research.length > 0 && <li className={styles.tocGroup}>Research</li>}
          {[...research, ...extra].map((s) => (
            <TocItem key={s.key} section={s} filled={isSectionFilled(sections[s.key])} threads={threads(s.key)} />
          ))}
          {hasBody && <TocItem section={BODY_SECTION} filled={isSectionFilled(body)} threads={threads(BODY_SECTION.key)} />}
        </ol>
      </nav>
    </Card>
  );
}

function TocItem({ section, filled, threads }: { section: TemplateSection; filled: boolean; threads: number }) {
  return (
    <li className={styles.tocItem}>
      <a href={`#${sectionAnchor(section.key)}`} data-empty={!filled || undefined}>
        <span className={styles.tocMark} data-filled={filled || undefined} aria-label={filled ? "Written" : section.required ? "Required, not written" : "Not written"} role="img" />
        <span className={styles.tocTitle}>{section.title}</span>
        {threads > 0 && <span className={styles.tocThreads}>{threads}</span>}
      </a>
    </li>
  );
}
