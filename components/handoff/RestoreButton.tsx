"use client";
// "Restore this version": saves an old revision again as the newest one. If someone saved since
// the page was loaded, the server refuses (409) and the message says to reload.
import { Alert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { IconRotate } from "./icons";
import { useFormAction, type ServerAction } from "@/components/forms/useFormAction";
import styles from "./diff.module.css";

export function RestoreButton({
  action,
  handoffId,
  projectKey,
  revision,
  currentVersion,
  label,
  size = "sm",
}: {
  action: ServerAction;
  handoffId: string;
  projectKey: string;
  revision: number;
  currentVersion: number;
  label?: string;
  size?: "sm" | "md";
}) {
  const { state, pending, onSubmit } = useFormAction(action);
  return (
    <form onSubmit={onSubmit} className={styles.restoreForm} data-chrome="restore">
      <input type="hidden" name="id" value={handoffId} />
      <input type="hidden" name="key" value={projectKey} />
      <input type="hidden" name="revision" value={revision} />
      <input type="hidden" name="version" value={currentVersion} />
      <Button type="submit" size={size} variant="secondary" loading={pending} icon={<IconRotate size={14} />} aria-label={label ? `${label} version ${revision}` : undefined} title={`Save version ${revision}'s content again as version ${currentVersion + 1}`}>
        {label ?? `Restore version ${revision}`}
      </Button>
      {state && !state.ok && state.message && (
        <Alert tone="error" className={styles.restoreError} action={<a href="">Reload</a>}>
          {state.message}
        </Alert>
      )}
    </form>
  );
}
