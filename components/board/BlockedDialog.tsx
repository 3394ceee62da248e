"use client";
// Moving a card to Blocked asks what blocks it, as the status form does: a modal dialog with the
// Note field (required). The server checks it too; its refusal shows under the field, by label.
import { useEffect, useId, useRef, useState } from "react";
import { Button } from "@/components/ui/Button";
import { Field } from "@/components/ui/Field";
import { Textarea } from "@/components/ui/Input";
import { LIMITS } from "@/lib/validation/limits";
import { MILESTONE_LABELS } from "@/lib/validation/labels";
import styles from "./board.module.css";

type Props = {
  milestoneKey: string;
  error?: string;
  pending: boolean;
  onCancel: () => void;
  onSubmit: (note: string) => void;
};

export function BlockedDialog({ milestoneKey, error, pending, onCancel, onSubmit }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [note, setNote] = useState("");
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);
  return (
    <dialog ref={ref} className={styles.dialog} aria-labelledby={titleId} onClose={onCancel}>
      <form
        className={styles.dialogBody}
        aria-label={`Block ${milestoneKey}`}
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          onSubmit(note);
        }}
      >
        <h2 id={titleId} className={styles.dialogTitle}>
          Move {milestoneKey} to Blocked
        </h2>
        <Field label={MILESTONE_LABELS.note} hint="Say what blocks this milestone." error={error} required>
          <Textarea name="note" rows={3} maxLength={LIMITS.milestone.statusNote} value={note} onChange={(event) => setNote(event.target.value)} autoFocus />
        </Field>
        <div className={styles.dialogActions}>
          <Button type="button" variant="secondary" onClick={() => ref.current?.close()}>
            Cancel
          </Button>
          <Button type="submit" variant="primary" loading={pending}>
            Move to Blocked
          </Button>
        </div>
      </form>
    </dialog>
  );
}
