"use client";
// Deletes an attachment after a second click: deleting cannot be undone.
import { useEffect, useState } from "react";
import { Button } from "@/components/ui/Button";
import { IconTrash } from "./icons";
import { useFormAction, type ServerAction } from "./useFormAction";
import styles from "./review.module.css";

export function DeleteAttachmentButton({ handoffId, attachmentId, filename, action }: { handoffId: string; attachmentId: string; filename: string; action: ServerAction }) {
  const { state, pending, onSubmit } = useFormAction(action);
  const [confirming, setConfirming] = useState(false);
  useEffect(() => {
    if (!confirming) return;
    const timer = setTimeout(() => setConfirming(false), 4000);
    return () => clearTimeout(timer);
  }, [confirming]);
  return (
    <form onSubmit={onSubmit} className={styles.deleteForm} data-chrome="delete">
      <input type="hidden" name="id" value={handoffId} />
      <input type="hidden" name="attachmentId" value={attachmentId} />
      {state && !state.ok && state.message && (
        <span role="alert" className={styles.inlineError}>
          {state.message}
        </span>
      )}
      {confirming ? (
        // Distinct keys: one reused element would turn into a submit button during the first click and submit at once.
        <Button key="confirm" type="submit" size="sm" variant="danger" loading={pending} aria-label={`Confirm: delete ${filename}`}>
          Delete?
        </Button>
      ) : (
        <Button key="ask" type="button" size="sm" variant="ghost" iconOnly icon={<IconTrash size={14} />} aria-label={`Delete ${filename}`} onClick={() => setConfirming(true)} />
      )}
    </form>
  );
}
