"use client";
// The status controls of a handoff. Submitting and reopening act at once (they only move the
// author's own work along); the review decisions (request changes, approve, accept, archive) open
// a short form asking for a note and a confirmation (ReviewDecision). A refusal shows under the
// bar; when submitting is refused because required sections are empty, each is linked.
import { useState } from "react";
import { Alert } from "@/components/ui/Alert";
import { Button, type ButtonVariant } from "@/components/ui/Button";
import type { HandoffTransition } from "@/lib/validation/handoff";
import { useFormAction, type ServerAction } from "@/components/forms/useFormAction";
import { ReviewDecision, type Decision } from "./ReviewDecision";
import styles from "./review.module.css";

export type TransitionButton = { transition: HandoffTransition; label: string; variant: ButtonVariant };

export function StatusActions({
  handoffId,
  action,
  buttons,
  decisions,
  missing,
}: {
  handoffId: string;
  action: ServerAction;
  /** Transitions that act on one click. */
  buttons: TransitionButton[];
  /** Decisions that ask for a note first, in the order shown. */
  decisions: Decision[];
  /** Required sections that are empty on this page, to link from a refused submit. */
  missing: { key: string; title: string }[];
}) {
  const { state, pending, onSubmit, submitter } = useFormAction(action);
  const [open, setOpen] = useState<string | null>(null);
  // A decision's form closes once it is done; what it said stays here.
  const [notice, setNotice] = useState<string | null>(null);
  const close = (message?: string) => {
    setOpen(null);
    setNotice(message ?? null);
  };
  const start = (id: string) => {
    setOpen(id);
    setNotice(null);
  };
  const listed = state && !state.ok ? state.fieldErrors?.sections : undefined;
  const openDecision = decisions.find((d) => d.id === open);
  return (
    <div className={styles.statusActions}>
      <div className={styles.statusButtons}>
        {/* While one decision is open, the others wait: one question at a time. */}
        {(open ? [] : decisions)
          .map((d) => (
            <ReviewDecision key={d.id} handoffId={handoffId} decision={d} open={false} onOpen={() => start(d.id)} onClose={close} />
          ))}
        {buttons.length > 0 && (
          <form onSubmit={onSubmit} className={styles.statusButtons} aria-label="Change status" noValidate>
            <input type="hidden" name="id" value={handoffId} />
            {buttons.map((b) => (
              <Button key={b.transition} type="submit" name="transition" value={b.transition} variant={b.variant} loading={pending && submitter === b.transition} disabled={pending}>
                {b.label}
              </Button>
            ))}
          </form>
        )}
      </div>
      {openDecision && (
        <ReviewDecision key={openDecision.id} handoffId={handoffId} decision={openDecision} open onOpen={() => undefined} onClose={close} />
      )}
      {notice && !open && (
        <Alert tone="success" className={styles.statusMessage}>
          {notice}
        </Alert>
      )}
      {state?.message && !pending && !notice && (
        <Alert tone={state.ok ? "success" : "error"} className={styles.statusMessage} title={listed ? "Not submitted: required sections are empty" : undefined}>
          {listed ? (
            <>
              {/* "Fill in the required sections before submitting for review:", then the sections as links. */}
              <p>{state.message.includes(":") ? state.message.slice(0, state.message.indexOf(":") + 1) : state.message}</p>
              <ul className={styles.missingList}>
                {listed.map((line) => {
                  const section = missing.find((m) => line.startsWith(`${m.title} is empty`));
                  return <li key={line}>{section ? <a href={`#section-${section.key}`}>{section.title}</a> : line.replace(/ is empty$/, "")}</li>;
                })}
              </ul>
            </>
          ) : (
            state.message
          )}
        </Alert>
      )}
    </div>
  );
}
