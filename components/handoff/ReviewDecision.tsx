"use client";
// A review decision that is not undone by a second click (request changes, approve, accept,
// archive): the button opens a short form asking for a note and a confirmation, so one stray click
// changes nothing. Requesting changes must say what should change; the other notes are optional.
import { useEffect, useId, useRef } from "react";
import { Alert } from "@/components/ui/Alert";
import { Button, type ButtonVariant } from "@/components/ui/Button";
import { Field } from "@/components/ui/Field";
import { Textarea } from "@/components/ui/Input";
import { LIMITS } from "@/lib/validation/limits";
import { useFormAction, type ServerAction } from "@/components/forms/useFormAction";
import styles from "./review.module.css";

export type Decision = {
  /** Names the decision in the DOM and in tests ("requestChanges", "approve"). */
  id: string;
  label: string;
  variant: ButtonVariant;
  action: ServerAction;
  /** Hidden fields sent with the note (the transition, or the version read). */
  fields: Record<string, string>;
  /** What the panel asks ("What should change?"). */
  question: string;
  /** What happens, in one sentence, shown above the note. */
  consequence: string;
  noteRequired: boolean;
  placeholder: string;
  confirmLabel: string;
};

export function ReviewDecision({ handoffId, decision, open, onOpen, onClose }: { handoffId: string; decision: Decision; open: boolean; onOpen: () => void; onClose: (message?: string) => void }) {
  const { state, pending, onSubmit } = useFormAction(decision.action);
  const noteRef = useRef<HTMLTextAreaElement>(null);
  const titleId = useId();
  useEffect(() => {
    if (open) noteRef.current?.focus();
  }, [open]);
  useEffect(() => {
    if (state?.ok) onClose(state.message);
    // onClose is a new function on every render of the parent; only a new result matters here.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [state]);
  const noteErrors = state && !state.ok ? state.fieldErrors?.note : undefined;

  if (!open) {
    return (
      <Button type="button" variant={decision.variant} onClick={onOpen} aria-expanded={false} data-decision={decision.id}>
        {decision.label}
      </Button>
    );
  }
  return (
    <form
      onSubmit={onSubmit}
      className={styles.decision}
      aria-labelledby={titleId}
      noValidate
      onKeyDown={(event) => {
        if (event.key === "Escape") onClose();
      }}
    >
      <input type="hidden" name="id" value={handoffId} />
      {Object.entries(decision.fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <p id={titleId} className={styles.decisionTitle}>
        {decision.label}
      </p>
      <p className={styles.decisionText}>{decision.consequence}</p>
      {state && !state.ok && !noteErrors && <Alert tone="error">{state.message}</Alert>}
      <Field label={decision.question} required={decision.noteRequired} optional={!decision.noteRequired} error={noteErrors}>
        <Textarea ref={noteRef} name="note" rows={3} maxLength={LIMITS.handoff.reviewNote} placeholder={decision.placeholder} />
      </Field>
      <div className={styles.decisionButtons}>
        <Button type="button" variant="ghost" onClick={() => onClose()} disabled={pending}>
          Cancel
        </Button>
        <Button type="submit" variant={decision.variant === "ghost" ? "secondary" : decision.variant} loading={pending}>
          {decision.confirmLabel}
        </Button>
      </div>
    </form>
  );
}
