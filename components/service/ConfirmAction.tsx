"use client";
// A button that asks first, in a modal dialog saying what will happen: removing an interface or a
// dependency, retiring a service. The native <dialog> traps focus, closes on Escape and gives focus
// back; Cancel comes first, so Enter on open changes nothing. When the write lost a race (409),
// the dialog shows what is saved now beside what this person had, and confirming again acts on
// the saved version (the hidden version moves to it).
import { useActionState, useEffect, useRef, type ReactNode } from "react";
import { useRouter } from "next/navigation";
import { Alert } from "@/components/ui/Alert";
import { Button, type ButtonVariant } from "@/components/ui/Button";
import type { ActionState } from "@/lib/actions";
import styles from "./catalog.module.css";

type ServerAction = (state: ActionState, form: FormData) => Promise<ActionState>;

export type VersionField = { name: string; label: string; yours: string };

export function ConfirmAction({
  action,
  fields,
  label,
  title,
  children,
  confirmLabel,
  variant = "ghost",
  version,
  compare,
}: {
  action: ServerAction;
  /** Hidden inputs sent with the confirmation. */
  fields: Record<string, string>;
  /** The button that opens the dialog. */
  label: string;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  variant?: ButtonVariant;
  /** The version read, for writes that name one. */
  version?: number;
  /** Fields to show side by side when the write lost a race: theirs from the answer, yours from here. */
  compare?: VersionField[];
}) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const [state, formAction, pending] = useActionState(action, null);
  const router = useRouter();
  const theirs = state && !state.ok ? state.result : undefined;
  useEffect(() => {
    if (!state?.ok) return;
    dialogRef.current?.close();
    router.refresh();
  }, [state, router]);
  const titleId = `confirm-${label.replace(/\W+/g, "-")}-${Object.values(fields).join("-").replace(/\W+/g, "-")}`;
  return (
    <>
      <Button type="button" size="sm" variant={variant} onClick={() => dialogRef.current?.showModal()} aria-haspopup="dialog">
        {label}
      </Button>
      <dialog ref={dialogRef} className={styles.dialog} aria-labelledby={titleId}>
        <form action={formAction} className={styles.dialogBody}>
          {Object.entries(fields).map(([name, value]) => (
            <input key={name} type="hidden" name={name} value={value} />
          ))}
          {version !== undefined && <input type="hidden" name="version" value={theirs?.conflictVersion ?? String(version)} />}
          <h2 id={titleId} className={styles.dialogTitle}>
            {title}
          </h2>
          <div className={styles.dialogText}>{children}</div>
          {state && !state.ok && (
            <Alert tone={theirs?.conflictVersion ? "warning" : "error"} title={theirs?.conflictVersion ? "Someone else saved a change first" : undefined}>
              <p>{state.message}</p>
              {theirs?.conflictVersion && compare && (
                <dl className={styles.versions} data-testid="conflict-versions">
                  <span className={styles.versionsHead} />
                  <span className={styles.versionsHead}>Saved now (version {theirs.conflictVersion})</span>
                  <span className={styles.versionsHead}>Yours (version {version})</span>
                  {compare.map((f) => (
                    <div key={f.name} className={styles.contents} data-differs={(theirs[f.name] ?? "") !== f.yours || undefined}>
                      <dt>{f.label}</dt>
                      <dd className={(theirs[f.name] ?? "") !== f.yours ? styles.differs : undefined}>{theirs[f.name] || "—"}</dd>
                      <dd>{f.yours || "—"}</dd>
                    </div>
                  ))}
                </dl>
              )}
              {theirs?.conflictVersion && <p>Confirm again to act on the version saved now.</p>}
            </Alert>
          )}
          <div className={styles.dialogActions}>
            <Button type="button" variant="secondary" autoFocus onClick={() => dialogRef.current?.close()}>
              Cancel
            </Button>
            <Button type="submit" variant="danger" loading={pending}>
              {confirmLabel}
            </Button>
          </div>
        </form>
      </dialog>
    </>
  );
}
