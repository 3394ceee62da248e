"use client";
// A comment's text with its author's Edit and Delete (and an owner's Delete). Editing swaps the
// rendered Markdown for a textarea holding the source; Delete asks once more before it acts
// (ConfirmDeleteButton), as deleting cannot be undone. Who may do what is decided on the server (lib/data/comments.ts);
// these controls only appear for those it would allow.
import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from "react";
import { Alert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { Textarea } from "@/components/ui/Input";
import { LIMITS, formatCount } from "@/lib/validation/limits";
import { ConfirmDeleteButton } from "./ConfirmDeleteButton";
import { IconPencil } from "./icons";
import { useFormAction, type ServerAction } from "@/components/forms/useFormAction";
import styles from "./comments.module.css";

export type CommentControls = {
  handoffId: string;
  commentId: string;
  /** The Markdown source, for the edit box. */
  source: string;
  /** Whose comment, for accessible names ("Delete Ada's comment"). */
  authorName: string;
  own: boolean;
  canEdit: boolean;
  canDelete: boolean;
  editAction: ServerAction;
  deleteAction: ServerAction;
};

export function CommentBody({ children, ...c }: CommentControls & { children: ReactNode }) {
  const [editing, setEditing] = useState(false);
  if (editing) return <EditForm {...c} onDone={() => setEditing(false)} />;
  const whose = c.own ? "your comment" : `${c.authorName}'s comment`;
  return (
    <>
      {children}
      {(c.canEdit || c.canDelete) && (
        <div className={styles.tools} data-chrome="comment-tools">
          {c.canEdit && (
            <Button type="button" size="sm" variant="ghost" icon={<IconPencil size={13} />} onClick={() => setEditing(true)} aria-label={`Edit ${whose}`}>
              Edit
            </Button>
          )}
          {c.canDelete && <ConfirmDeleteButton action={c.deleteAction} hidden={{ id: c.handoffId, commentId: c.commentId }} what={whose} text="Delete" />}
        </div>
      )}
    </>
  );
}

function EditForm({ handoffId, commentId, source, editAction, onDone }: CommentControls & { onDone: () => void }) {
  const { state, pending, onSubmit } = useFormAction(editAction);
  const formRef = useRef<HTMLFormElement>(null);
  const handled = useRef<number | undefined>(undefined);
  const [length, setLength] = useState(source.length);
  useEffect(() => {
    (formRef.current?.elements.namedItem("body") as HTMLTextAreaElement | null)?.focus();
  }, []);
  useEffect(() => {
    if (!state?.ok || state.at === handled.current) return;
    handled.current = state.at;
    onDone();
  }, [state, onDone]);
  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === "Enter" && (event.metaKey || event.ctrlKey)) {
      event.preventDefault();
      formRef.current?.requestSubmit();
    } else if (event.key === "Escape") {
      event.preventDefault();
      onDone();
    }
  }
  const near = length > LIMITS.comment * 0.9;
  return (
    <form ref={formRef} onSubmit={onSubmit} className={styles.edit} aria-label="Edit comment" aria-busy={pending || undefined} noValidate>
      <input type="hidden" name="id" value={handoffId} />
      <input type="hidden" name="commentId" value={commentId} />
      {state && !state.ok && state.message && <Alert tone="error">{state.message}</Alert>}
      <Textarea name="body" rows={4} defaultValue={source} aria-label="Comment" maxLength={LIMITS.comment} onKeyDown={onKeyDown} onChange={(e) => setLength(e.currentTarget.value.length)} />
      <div className={styles.editFooter}>
        <span className={styles.count} data-near={near || undefined}>
          {formatCount(length)} / {formatCount(LIMITS.comment)}
        </span>
        <span className={styles.editButtons}>
          <Button type="button" size="sm" variant="ghost" onClick={onDone} disabled={pending}>
            Cancel
          </Button>
          <Button type="submit" size="sm" variant="primary" loading={pending}>
            Save
          </Button>
        </span>
      </div>
    </form>
  );
}
