// Assigning reviewers: the project's engineers, managers and owners, as checkboxes.
import { Avatar } from "@/components/ui/Avatar";
import { statusLabel } from "@/components/ui/status";
import { ChecklistForm } from "./ChecklistForm";
import type { ServerAction } from "@/components/forms/useFormAction";
import styles from "./review.module.css";

export type Candidate = { id: string; name: string; role: string };

export function ReviewersForm({ handoffId, candidates, selected, action }: { handoffId: string; candidates: Candidate[]; selected: string[]; action: ServerAction }) {
  return (
    <ChecklistForm
      action={action}
      handoffId={handoffId}
      name="userIds"
      selected={selected}
      summary={selected.length ? "Change reviewers" : "Assign reviewers"}
      label="Assign reviewers"
      legend="Reviewers"
      submitLabel="Save reviewers"
      chrome="reviewers"
      empty="No engineers, managers or owners in this project yet; an owner adds them under Settings."
      options={candidates.map((c) => ({
        value: c.id,
        label: (
          <span className={styles.candidatePerson}>
            <Avatar name={c.name} size="xs" decorative />
            {c.name}
          </span>
        ),
        detail: statusLabel("role", c.role),
      }))}
    />
  );
}
