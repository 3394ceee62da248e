// Choosing a set from a short list (reviewers, the milestones a paper was decomposed into):
// checkboxes in a form collapsed behind a link, so the card around it stays a list to read.
import type { ReactNode } from "react";
import { ActionForm, SubmitButton } from "@/components/forms/ActionForm";
import type { ServerAction } from "@/components/forms/useFormAction";
import styles from "./review.module.css";

export type ChecklistOption = { value: string; label: ReactNode; detail?: ReactNode };

export function ChecklistForm({
  action,
  handoffId,
  name,
  options,
  selected,
  summary,
  label,
  legend,
  submitLabel,
  empty,
  chrome,
}: {
  action: ServerAction;
  handoffId: string;
  /** The form field each checked value is sent under. */
  name: string;
  options: ChecklistOption[];
  selected: string[];
  /** The collapsed link's text. */
  summary: string;
  /** The form's accessible name. */
  label: string;
  /** What the checkboxes are, for screen readers ("Reviewers"). */
  legend: string;
  submitLabel: string;
  /** Shown instead of the form when there is nothing to choose from. */
  empty: ReactNode;
  /** data-chrome marker, so print styles can hide the control. */
  chrome: string;
}) {
  return (
    <details className={styles.reviewersEdit} data-chrome={chrome}>
      <summary>{summary}</summary>
      {options.length === 0 ? (
        <p className={styles.muted}>{empty}</p>
      ) : (
        <ActionForm action={action} className={styles.reviewersForm} aria-label={label} quietSuccess closeOnSuccess>
          <input type="hidden" name="id" value={handoffId} />
          <fieldset className={styles.candidates}>
            <legend className="sr-only">{legend}</legend>
            {options.map((o) => (
              <label key={o.value} className={styles.candidate}>
                <input type="checkbox" name={name} value={o.value} defaultChecked={selected.includes(o.value)} />
                <span className={styles.candidateName}>{o.label}</span>
                {o.detail && <span className={styles.candidateRole}>{o.detail}</span>}
              </label>
            ))}
          </fieldset>
          <SubmitButton size="sm">{submitLabel}</SubmitButton>
        </ActionForm>
      )}
    </details>
  );
}
