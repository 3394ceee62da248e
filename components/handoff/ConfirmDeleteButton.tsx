"use client";
// Deletes after a second click (deleting cannot be undone): the first click turns the button into
// "Delete?", which submits; after a few seconds it turns back. Used for attachments and comments.
import { useEffect, useState } from "react";
import { Button } from "@/components/ui/Button";
import { IconTrash } from "./icons";
import { useFormAction, type ServerAction } from "@/components/forms/useFormAction";
import styles from "./review.module.css";

export function ConfirmDeleteButton({
  action,
  hidden,
  what,
  text,
}: {
  action: ServerAction;
  /** The form's hidden fields (ids). */
  hidden: Record<string, string>;
  /** What is deleted, for the accessible names: "Delete notes.txt", "Confirm: delete your comment". */
  what: string;
  /** A visible label beside the icon; without one the first button is the icon alone. */
  text?: string;
}) {
  const { state, pending, onSubmit } = useFormAction(action);
  const [confirming, setConfirming] = useState(false);
  useEffect(() => {
    if (!confirming) return;
    const timer = setTimeout(() => setConfirming(false), 5000);
    return () => clearTimeout(timer);
  }, [confirming]);
  return (
    <form onSubmit={onSubmit} className={styles.deleteForm} data-chrome="delete">
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {state && !state.ok && state.message && (
        <span role="alert" className={styles.inlineError}>
          {state.message}
        </span>
      )}
      {confirming ? (
        // Distinct keys make these two elements: one reused element would become a submit button
        // during the first click and submit the form at once.
        <Button key="confirm" type="submit" size="sm" variant="danger" loading={pending} aria-label={`Confirm: delete ${what}`}>
          Delete?
        </Button>
      ) : (
        <Button key="ask" type="button" size="sm" variant="ghost" iconOnly={!text} icon={<IconTrash size={text ? 13 : 14} />} aria-label={`Delete ${what}`} onClick={() => setConfirming(true)}>
          {text}
        </Button>
      )}
    </form>
  );
}
