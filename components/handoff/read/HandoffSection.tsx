// One section of a handoff as read: its heading (with an anchor, a "Required" badge when empty and
// the count of its threads), its Markdown or the template's guidance when not written, and the
// discussion on it.
import { CommentableSection, type SectionComment } from "@/components/handoff/CommentableSection";
import { Threads, type ThreadViewer } from "@/components/handoff/CommentThreads";
import { Badge } from "@/components/ui/Badge";
import { isSectionFilled } from "@/lib/handoff/completeness";
import { sectionAnchor, type Thread } from "@/lib/handoff/view-model";
import { Markdown } from "@/lib/markdown/render";
import type { TemplateSection } from "@/lib/validation/template";
import styles from "../handoff-view.module.css";

export type ThreadProps = { handoffId: string; viewer: ThreadViewer; now: Date };

export function HandoffSection({
  section,
  text,
  threads,
  note,
  comment,
  ...threadProps
}: ThreadProps & { section: TemplateSection; text: string | undefined; threads: Thread[]; note?: string; comment?: SectionComment }) {
  const filled = isSectionFilled(text);
  const anchor = sectionAnchor(section.key);
  const headingId = `${anchor}-title`;
  const open = threads.filter((t) => !t.resolvedAt).length;
  return (
    <CommentableSection
      anchorId={anchor}
      headingId={headingId}
      empty={!filled}
      comment={comment}
      heading={
        <>
          <h2 id={headingId} className={styles.sectionTitle}>
            <a href={`#${anchor}`} className={styles.sectionAnchor} aria-hidden tabIndex={-1}>
              #
            </a>
            {section.title}
          </h2>
          {!filled && section.required && (
            <Badge tone="amber" size="sm">
              Required
            </Badge>
          )}
          {note && <span className={styles.sectionNote}>{note}</span>}
        </>
      }
      tools={
        threads.length > 0 && (
          <a href={`#${anchor}-threads`} className={styles.threadCount} data-open={open > 0 || undefined}>
            {open > 0 ? `${open} open` : `${threads.length} resolved`}
          </a>
        )
      }
      content={
        filled ? (
          <Markdown source={text} idPrefix={section.key} headingOffset={2} />
        ) : (
          <div className={styles.notWritten}>
            <p className={styles.notWrittenTitle}>Not written yet</p>
            {section.guidance && <p className={styles.guidance}>{section.guidance}</p>}
          </div>
        )
      }
      threads={threads.length > 0 && <Threads threads={threads} label={`Discussion on ${section.title}`} id={`${anchor}-threads`} {...threadProps} />}
    />
  );
}
