"use client";
// Shown in the Edit form when the save lost the race: the version that won, field by field, beside
// what this person typed (still in the form). The hidden version moves to the winner's, so saving
// again is a deliberate overwrite of what they have now read, never a silent one.
import { useActionResult } from "@/components/forms/ActionForm";
import { Alert } from "@/components/ui/Alert";
import { MILESTONE_LABELS } from "@/lib/validation/labels";
import styles from "./milestones.module.css";

const FIELDS = ["key", "title", "description", "acceptanceCriteria", "ownerId", "startDate", "dueDate", "estimateDays"] as const;

export function ConflictPanel({ version, owners }: { version: number; owners: { id: string; name: string }[] }) {
  const state = useActionResult();
  const theirs = state && !state.ok ? state.result : undefined;
  const show = (name: (typeof FIELDS)[number], value: string) => (name === "ownerId" ? (owners.find((o) => o.id === value)?.name ?? (value ? "Someone else" : "No owner")) : value || "—");
  return (
    <>
      <input type="hidden" name="version" value={theirs?.conflictVersion ?? String(version)} />
      {theirs?.conflictVersion && (
        <Alert tone="warning" title={`The saved version is now ${theirs.conflictVersion}`}>
          <p>Your text is still in the form below. Here is what is saved now; copy what you need, then save again to replace it with yours.</p>
          <dl className={styles.conflict} data-testid="conflict-theirs">
            {FIELDS.map((name) => (
              <div key={name}>
                <dt>{MILESTONE_LABELS[name]}</dt>
                <dd>{show(name, theirs[name] ?? "")}</dd>
              </div>
            ))}
          </dl>
        </Alert>
      )}
    </>
  );
}
