"use client";
// Shown in the Edit form when the save lost the race: what is saved now, the fields that differ
// from what this person sent marked and named first, above what they typed (still in the form).
// The hidden version moves to the winner's, so saving again is a deliberate overwrite of what
// they have now read, never a silent one.
import { useActionResult } from "@/components/forms/ActionForm";
import { Alert } from "@/components/ui/Alert";
import { joinList } from "@/components/ui/format";
import { MILESTONE_LABELS } from "@/lib/validation/labels";
import styles from "./milestones.module.css";

const FIELDS = ["key", "title", "description", "acceptanceCriteria", "ownerId", "startDate", "dueDate", "estimateDays"] as const;

export function ConflictPanel({ version, owners }: { version: number; owners: { id: string; name: string }[] }) {
  const state = useActionResult();
  const theirs = state && !state.ok ? state.result : undefined;
  const show = (name: (typeof FIELDS)[number], value: string) => (name === "ownerId" ? (owners.find((o) => o.id === value)?.name ?? (value ? "Someone else" : "No owner")) : value || "—");
  const differing = new Set((theirs?.differing ?? "").split(",").filter(Boolean));
  const changed = FIELDS.filter((name) => differing.has(name));
  // Differing fields first: they are what saving again would replace.
  const ordered = [...changed, ...FIELDS.filter((name) => !differing.has(name))];
  return (
    <>
      <input type="hidden" name="version" value={theirs?.conflictVersion ?? String(version)} />
      {theirs?.conflictVersion && (
        <Alert tone="warning" title="Someone else saved this milestone while you were editing">
          <p>
            {changed.length > 0
              ? `What is saved now differs from yours in ${joinList(changed.map((name) => MILESTONE_LABELS[name]))}. Your text is still in the form below; copy what you need from theirs, then save again to replace it with yours.`
              : "What is saved now matches what you sent; save again to keep it."}
          </p>
          <dl className={styles.conflict} data-testid="conflict-theirs" aria-label="Saved now">
            {ordered.map((name) => (
              <div key={name} data-differs={differing.has(name) || undefined}>
                <dt>
                  {MILESTONE_LABELS[name]}
                  {differing.has(name) && <span className={styles.differs}>differs from yours</span>}
                </dt>
                <dd>{show(name, theirs[name] ?? "")}</dd>
              </div>
            ))}
          </dl>
        </Alert>
      )}
    </>
  );
}
