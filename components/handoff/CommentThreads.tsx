// The discussion on a section of the read view: threads (open, or folded when resolved), their
// replies, and under each the reply box and Resolve button. A comment shows when it was edited;
// a deleted first comment that still has replies stays as a "Comment deleted" placeholder so the
// replies keep their place. Rendered on the server; only the controls are client components.
import { Avatar } from "@/components/ui/Avatar";
import { Badge } from "@/components/ui/Badge";
import { RelativeTime } from "@/components/ui/RelativeTime";
import { Markdown } from "@/lib/markdown/render";
import { CommentBody } from "./CommentBody";
import { ThreadFooter } from "./ThreadFooter";
import type { ServerAction } from "@/components/forms/useFormAction";
import styles from "./threads.module.css";
import marks from "./comments.module.css";

type Author = { id: string; name: string } | null;

export type CommentData = { id: string; body: string; createdAt: Date; editedAt: Date | null; deletedAt: Date | null; author: Author };
export type ThreadData = CommentData & { sectionKey: string; resolvedAt: Date | null; resolvedBy: { name: string } | null; replies: CommentData[] };

/** What the viewer may do here (from the permission matrix) and the actions that do it. */
export type ThreadViewer = {
  id: string;
  canComment: boolean;
  canEditOwn: boolean;
  canDeleteOwn: boolean;
  canDeleteAny: boolean;
  actions: { comment: ServerAction; resolve: ServerAction; edit: ServerAction; remove: ServerAction };
};

type ThreadProps = { handoffId: string; viewer: ThreadViewer; now: Date };

function shorten(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

const authorName = (c: CommentData) => c.author?.name ?? "Former member";

export function Threads({ threads, label, id, ...props }: ThreadProps & { threads: ThreadData[]; label: string; id?: string }) {
  return (
    <div className={styles.threads} role="group" aria-label={label} id={id}>
      {threads.map((t) => {
        const by = t.deletedAt ? "whose first comment was deleted" : `by ${authorName(t)}`;
        return t.resolvedAt ? (
          <details key={t.id} className={styles.thread} data-resolved="" aria-label={`Resolved thread ${by}`}>
            <summary className={styles.resolvedSummary}>
              <Badge tone="green" size="sm" dot title={t.resolvedBy ? `Resolved by ${t.resolvedBy.name}` : undefined}>
                Resolved
              </Badge>
              <span className={styles.resolvedText}>{t.deletedAt ? "Comment deleted" : `${authorName(t)}: ${shorten(t.body.replace(/\s+/g, " "), 90)}`}</span>
              {t.replies.length > 0 && (
                <span className={styles.replyCount}>
                  {t.replies.length} {t.replies.length === 1 ? "reply" : "replies"}
                </span>
              )}
            </summary>
            <ThreadBody thread={t} {...props} />
          </details>
        ) : (
          <article key={t.id} className={styles.thread} aria-label={`Thread ${by}`}>
            <ThreadBody thread={t} {...props} />
          </article>
        );
      })}
    </div>
  );
}

function ThreadBody({ thread, handoffId, viewer, now }: ThreadProps & { thread: ThreadData }) {
  return (
    <>
      <Comment comment={thread} handoffId={handoffId} viewer={viewer} now={now} />
      {thread.replies.length > 0 && (
        <ol className={styles.replies} aria-label="Replies">
          {thread.replies.map((r) => (
            <li key={r.id}>
              <Comment comment={r} handoffId={handoffId} viewer={viewer} now={now} />
            </li>
          ))}
        </ol>
      )}
      {thread.resolvedAt && (
        <p className={styles.resolvedNote}>
          Resolved by {thread.resolvedBy?.name ?? "a former member"} <RelativeTime date={thread.resolvedAt} now={now} />
        </p>
      )}
      {viewer.canComment && (
        <ThreadFooter
          handoffId={handoffId}
          sectionKey={thread.sectionKey}
          threadId={thread.id}
          resolved={Boolean(thread.resolvedAt)}
          authorName={thread.deletedAt ? "the thread" : authorName(thread)}
          commentAction={viewer.actions.comment}
          resolveAction={viewer.actions.resolve}
        />
      )}
    </>
  );
}

function Comment({ comment: c, handoffId, viewer, now }: ThreadProps & { comment: CommentData }) {
  if (c.deletedAt) {
    return (
      <div className={styles.comment} id={`comment-${c.id}`} data-deleted="">
        <span className={marks.deletedMark} aria-hidden />
        <p className={marks.deleted}>
          Comment deleted <RelativeTime date={c.deletedAt} now={now} className={styles.commentTime} />
        </p>
      </div>
    );
  }
  const name = authorName(c);
  const own = c.author !== null && c.author.id === viewer.id;
  const canEdit = own && viewer.canEditOwn;
  const canDelete = own ? viewer.canDeleteOwn : viewer.canDeleteAny;
  return (
    <div className={styles.comment} id={`comment-${c.id}`}>
      <Avatar name={name} size="sm" decorative />
      <div className={styles.commentMain}>
        <div className={styles.commentHead}>
          <span className={styles.commentAuthor}>{name}</span>
          <RelativeTime date={c.createdAt} now={now} className={styles.commentTime} />
          {c.editedAt && (
            <span className={marks.edited}>
              · edited <RelativeTime date={c.editedAt} now={now} />
            </span>
          )}
        </div>
        <CommentBody
          handoffId={handoffId}
          commentId={c.id}
          source={c.body}
          authorName={name}
          own={own}
          canEdit={canEdit}
          canDelete={canDelete}
          editAction={viewer.actions.edit}
          deleteAction={viewer.actions.remove}
        >
          <Markdown source={c.body} variant="compact" idPrefix={`c-${c.id}`} />
        </CommentBody>
      </div>
    </div>
  );
}
