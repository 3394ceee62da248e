"use client";
// Under a comment thread: a reply box (collapsed to a one-line prompt until used) and the
// Resolve / Reopen button.
import { useCallback, useState } from "react";
import { Button } from "@/components/ui/Button";
import { Composer } from "./Composer";
import { IconCheck, IconRotate } from "./icons";
import { useFormAction, type ServerAction } from "@/components/forms/useFormAction";
import styles from "./review.module.css";

export function ThreadFooter({
  handoffId,
  sectionKey,
  threadId,
  resolved,
  authorName,
  commentAction,
  resolveAction,
}: {
  handoffId: string;
  sectionKey: string;
  threadId: string;
  resolved: boolean;
  authorName: string;
  commentAction: ServerAction;
  resolveAction: ServerAction;
}) {
  const [replying, setReplying] = useState(false);
  const close = useCallback(() => setReplying(false), []);
  return (
    <div className={styles.threadFooter} data-chrome="thread-footer">
      {replying ? (
        <Composer
          action={commentAction}
          hidden={{ id: handoffId, sectionKey, parentId: threadId }}
          label={`Reply to ${authorName}`}
          placeholder="Write a reply…"
          submitLabel="Reply"
          autoFocus
          onCancel={close}
          onPosted={close}
        />
      ) : (
        <div className={styles.threadFooterRow}>
          {!resolved && (
            <button type="button" className={styles.replyPrompt} onClick={() => setReplying(true)}>
              Reply…
            </button>
          )}
          <ResolveButton action={resolveAction} threadId={threadId} resolved={resolved} />
        </div>
      )}
    </div>
  );
}

function ResolveButton({ action, threadId, resolved }: { action: ServerAction; threadId: string; resolved: boolean }) {
  const { state, pending, onSubmit } = useFormAction(action);
  return (
    <form onSubmit={onSubmit} className={styles.resolveForm}>
      <input type="hidden" name="commentId" value={threadId} />
      <input type="hidden" name="resolved" value={resolved ? "false" : "true"} />
      {state && !state.ok && state.message && (
        <span role="alert" className={styles.inlineError}>
          {state.message}
        </span>
      )}
      <Button type="submit" size="sm" variant="secondary" loading={pending} icon={resolved ? <IconRotate size={14} /> : <IconCheck size={14} />}>
        {resolved ? "Reopen" : "Resolve"}
      </Button>
    </form>
  );
}
