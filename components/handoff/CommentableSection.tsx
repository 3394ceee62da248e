"use client";
// One section of the read view. For people who may comment, its header row has a "Comment"
// button that opens a composer anchored to the section, below its discussion.
//
// The element with the section's anchor id holds only the heading and the rendered Markdown
// (what the XSS tests inspect); the tools, threads and composer sit beside it in the <section>.
import { useCallback, useState, type ReactNode } from "react";
import { Button } from "@/components/ui/Button";
import { Composer } from "./Composer";
import { IconMessage } from "./icons";
import type { ServerAction } from "@/components/forms/useFormAction";
import styles from "./handoff-view.module.css";

export type SectionComment = { action: ServerAction; handoffId: string; sectionKey: string; sectionTitle: string };

export function CommentableSection({
  anchorId,
  headingId,
  empty,
  heading,
  content,
  threads,
  tools,
  comment,
}: {
  anchorId: string;
  headingId: string;
  empty?: boolean;
  /** The h2 and its badges, rendered on the server. */
  heading: ReactNode;
  /** The section's rendered Markdown (or its "not written" note). */
  content: ReactNode;
  /** The comment threads on this section. */
  threads?: ReactNode;
  /** Shown at the right of the header row, before the Comment button (the thread count). */
  tools?: ReactNode;
  comment?: SectionComment;
}) {
  const [open, setOpen] = useState(false);
  const close = useCallback(() => setOpen(false), []);
  const composerId = `${anchorId}-composer`;
  const toolsKind = tools && comment ? "both" : comment ? "comment" : tools ? "count" : undefined;
  return (
    <section className={styles.section} aria-labelledby={headingId} data-empty={empty || undefined} data-tools={toolsKind}>
      <div id={anchorId} className={styles.sectionBody}>
        <header className={styles.sectionHeader}>{heading}</header>
        {content}
      </div>
      {toolsKind && (
        <div className={styles.sectionTools}>
          {tools}
          {comment && (
            <Button
              type="button"
              variant="ghost"
              size="sm"
              icon={<IconMessage size={14} />}
              className={styles.commentButton}
              aria-expanded={open}
              aria-controls={open ? composerId : undefined}
              aria-label={`Comment on ${comment.sectionTitle}`}
              onClick={() => setOpen((v) => !v)}
              data-chrome="comment"
            >
              Comment
            </Button>
          )}
        </div>
      )}
      {threads}
      {comment && open && (
        <div id={composerId} className={styles.sectionComposer}>
          <Composer
            action={comment.action}
            hidden={{ id: comment.handoffId, sectionKey: comment.sectionKey }}
            label={`Comment on ${comment.sectionTitle}`}
            placeholder={`What should the author clarify in ${comment.sectionTitle}?`}
            submitLabel="Comment"
            autoFocus
            onCancel={close}
            onPosted={close}
          />
        </div>
      )}
    </section>
  );
}
