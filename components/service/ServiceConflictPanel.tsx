"use client";
// Shown in a service's Edit form when the save lost the race: the service as saved now, the
// fields that differ from what this person sent marked and listed first, above what they typed
// (still in the form). The hidden version moves to the winner's, so saving again is a deliberate
// overwrite of what they have now read, never a silent one.
import { useActionResult } from "@/components/forms/ActionForm";
import { Alert } from "@/components/ui/Alert";
import { joinList } from "@/components/ui/format";
import { statusLabel } from "@/components/ui/status";
import { SERVICE_LABELS } from "@/lib/validation/labels";
import styles from "./catalog.module.css";

const FIELDS = ["displayName", "description", "layer", "lifecycle", "repositoryPath", "image"] as const;

export function ServiceConflictPanel({ version }: { version: number }) {
  const state = useActionResult();
  const theirs = state && !state.ok ? state.result : undefined;
  const differing = new Set((theirs?.differing ?? "").split(",").filter(Boolean));
  const changed = FIELDS.filter((name) => differing.has(name));
  const ordered = [...changed, ...FIELDS.filter((name) => !differing.has(name))];
  const show = (name: (typeof FIELDS)[number], value: string) => (name === "layer" || name === "lifecycle" ? statusLabel(name, value) : value || "—");
  return (
    <>
      <input type="hidden" name="version" value={theirs?.conflictVersion ?? String(version)} />
      {theirs?.conflictVersion && (
        <Alert tone="warning" title="Someone else saved this service while you were editing">
          <p>
            {changed.length > 0
              ? `What is saved now (version ${theirs.conflictVersion}) differs from yours in ${joinList(changed.map((name) => SERVICE_LABELS[name]))}. Your text is still in the form below; copy what you need from theirs, then save again to replace it with yours.`
              : "What is saved now matches what you sent; save again to keep it."}
          </p>
          <dl className={styles.savedNow} data-testid="conflict-theirs" aria-label="Saved now">
            {ordered.map((name) => (
              <div key={name} data-differs={differing.has(name) || undefined}>
                <dt>
                  {SERVICE_LABELS[name]}
                  {differing.has(name) && <span className={styles.differsNote}>differs from yours</span>}
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
