"use client";
// The status buttons of a handoff (submit, request changes, accept, archive, reopen): one form,
// each button sends its transition. A refusal shows under the bar; when submitting is refused
// because required sections are empty, each one is listed with a link to it.
import { Alert } from "@/components/ui/Alert";
import { Button, type ButtonVariant } from "@/components/ui/Button";
import type { HandoffTransition } from "@/lib/validation/handoff";
import { useFormAction, type ServerAction } from "@/components/forms/useFormAction";
import styles from "./review.module.css";

export type TransitionButton = { transition: HandoffTransition; label: string; variant: ButtonVariant };

export function StatusActions({
  handoffId,
  action,
  buttons,
  missing,
}: {
  handoffId: string;
  action: ServerAction;
  buttons: TransitionButton[];
  /** Required sections that are empty on this page, to link from a refused submit. */
  missing: { key: string; title: string }[];
}) {
  const { state, pending, onSubmit, submitter } = useFormAction(action);
  const listed = state && !state.ok ? state.fieldErrors?.sections : undefined;
  return (
    <div className={styles.statusActions}>
      <form onSubmit={onSubmit} className={styles.statusButtons} aria-label="Change status" noValidate>
        <input type="hidden" name="id" value={handoffId} />
        {buttons.map((b) => (
          <Button key={b.transition} type="submit" name="transition" value={b.transition} variant={b.variant} loading={pending && submitter === b.transition} disabled={pending}>
            {b.label}
          </Button>
        ))}
      </form>
      {state?.message && !pending && (
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
