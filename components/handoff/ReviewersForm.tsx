// Assigning reviewers: the project's engineers, managers and owners, as checkboxes. Collapsed
// behind "Edit" so the People card stays a list to read.
import { ActionForm, SubmitButton } from "@/components/forms/ActionForm";
import { Avatar } from "@/components/ui/Avatar";
import { statusLabel } from "@/components/ui/status";
import type { ServerAction } from "./useFormAction";
import styles from "./review.module.css";

export type Candidate = { id: string; name: string; role: string };

export function ReviewersForm({ handoffId, candidates, selected, action }: { handoffId: string; candidates: Candidate[]; selected: string[]; action: ServerAction }) {
  return (
    <details className={styles.reviewersEdit} data-chrome="reviewers">
      <summary>{selected.length ? "Change reviewers" : "Assign reviewers"}</summary>
      {candidates.length === 0 ? (
        <p className={styles.muted}>No engineers, managers or owners in this project yet; an owner adds them under Settings.</p>
      ) : (
        <ActionForm action={action} className={styles.reviewersForm} aria-label="Assign reviewers" quietSuccess>
          <input type="hidden" name="id" value={handoffId} />
          <fieldset className={styles.candidates}>
            <legend className="sr-only">Reviewers</legend>
            {candidates.map((c) => (
              <label key={c.id} className={styles.candidate}>
                <input type="checkbox" name="userIds" value={c.id} defaultChecked={selected.includes(c.id)} />
                <Avatar name={c.name} size="xs" decorative />
                <span className={styles.candidateName}>{c.name}</span>
                <span className={styles.candidateRole}>{statusLabel("role", c.role)}</span>
              </label>
            ))}
          </fieldset>
          <SubmitButton size="sm">Save reviewers</SubmitButton>
        </ActionForm>
      )}
    </details>
  );
}
