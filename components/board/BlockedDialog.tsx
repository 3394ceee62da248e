"use client";
// Moving a card to Blocked asks what blocks it, as the status form does: a modal dialog with the
// Note field (required) and the Health it leaves the milestone in (a blocked milestone is rarely
// still on track, so that choice starts at At risk). The server checks the note too; its refusal
// shows under the field, by label.
import { useEffect, useId, useRef, useState } from "react";
import { Button } from "@/components/ui/Button";
import { Field } from "@/components/ui/Field";
import { Select, Textarea } from "@/components/ui/Input";
import { statusLabel, statusValues } from "@/components/ui/status";
import { LIMITS } from "@/lib/validation/limits";
import { MILESTONE_LABELS } from "@/lib/validation/labels";
import styles from "./board.module.css";

type Props = {
  milestoneKey: string;
  /** The card's health now. */
  health: string;
  error?: string;
  pending: boolean;
  onCancel: () => void;
  onSubmit: (note: string, health: string) => void;
};

export function BlockedDialog({ milestoneKey, health: current, error, pending, onCancel, onSubmit }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [note, setNote] = useState("");
  const [health, setHealth] = useState(current === "on_track" ? "at_risk" : current);
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
          onSubmit(note, health);
        }}
      >
        <h2 id={titleId} className={styles.dialogTitle}>
          Move {milestoneKey} to Blocked
        </h2>
        <Field label={MILESTONE_LABELS.note} hint="Say what blocks this milestone." error={error} required>
          <Textarea name="note" rows={3} maxLength={LIMITS.milestone.statusNote} value={note} onChange={(event) => setNote(event.target.value)} autoFocus />
        </Field>
        <Field label={MILESTONE_LABELS.health} hint="Your judgement of it now; blocked work is rarely on track.">
          <Select name="health" value={health} onChange={(event) => setHealth(event.target.value)}>
            {statusValues("health").map((value) => (
              <option key={value} value={value}>
                {statusLabel("health", value)}
              </option>
            ))}
          </Select>
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
