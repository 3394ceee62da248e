"use client";
// "Delete" for a project template, confirmed in a modal dialog that says what happens to the
// handoffs made from it (they keep their text). The native <dialog> traps focus, closes on
// Escape and gives focus back to the Delete button.
import { useActionState, useRef } from "react";
import { Alert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import type { ActionState } from "@/lib/actions";
import { IconTrash } from "./icons";
import styles from "./templates.module.css";

type ServerAction = (state: ActionState, form: FormData) => Promise<ActionState>;

export function DeleteTemplateButton({
  action,
  projectKey,
  id,
  name,
  usedBy,
}: {
  action: ServerAction;
  projectKey: string;
  id: string;
  name: string;
  usedBy: number;
}) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const [state, formAction, pending] = useActionState(action, null);
  const titleId = `delete-${id}-title`;
  return (
    <>
      <Button type="button" size="sm" variant="ghost" icon={<IconTrash size={14} />} onClick={() => dialogRef.current?.showModal()} aria-haspopup="dialog">
        Delete
      </Button>
      <dialog ref={dialogRef} className={styles.dialog} aria-labelledby={titleId}>
        <form action={formAction} className={styles.dialogBody}>
          <input type="hidden" name="key" value={projectKey} />
          <input type="hidden" name="id" value={id} />
          <input type="hidden" name="name" value={name} />
          <h2 id={titleId} className={styles.dialogTitle}>
            Delete “{name}”?
          </h2>
          <p className={styles.dialogText}>
            {usedBy > 0
              ? `${usedBy} ${usedBy === 1 ? "handoff was" : "handoffs were"} made from this template. ${usedBy === 1 ? "It keeps" : "They keep"} all ${usedBy === 1 ? "its" : "their"} text and revisions; ${usedBy === 1 ? "its sections follow" : "their sections follow"} the built-in paper template from now on.`
              : "No handoff was made from this template."}{" "}
            New handoffs can no longer start from it. This cannot be undone.
          </p>
          {state && !state.ok && <Alert tone="error">{state.message}</Alert>}
          <div className={styles.dialogActions}>
            {/* First in the tab order, so Enter on open does not delete. */}
            <Button type="button" variant="secondary" autoFocus onClick={() => dialogRef.current?.close()}>
              Cancel
            </Button>
            <Button type="submit" variant="danger" loading={pending}>
              Delete template
            </Button>
          </div>
        </form>
      </dialog>
    </>
  );
}
