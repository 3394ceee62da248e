"use client";
// Actions on one row of a table (make admin, revoke, change role). Each RowForm is a small form
// bound to a server action made with lib/actions.ts; the outcome of the latest one shows in a
// full-width row under the table row, so messages and links never squeeze into a narrow cell.
import { createContext, useActionState, useContext, useState, type ReactNode } from "react";
import { Alert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import type { ActionState } from "@/lib/actions";
import { CopyableValue } from "./CopyResult";
import styles from "./pages.module.css";

type ServerAction = (state: ActionState, form: FormData) => Promise<ActionState>;

const ReportContext = createContext<((state: ActionState) => void) | null>(null);

export type ResultLabels = Record<string, { hint?: string }>;

/**
 * A <tr> whose RowForms report here. `results` lists which result keys to show as copyable
 * values (e.g. { inviteUrl: { hint: "…" } }).
 */
export function ActionRow({
  colSpan,
  results = {},
  className,
  children,
  ...rest
}: {
  colSpan: number;
  results?: ResultLabels;
  className?: string;
  children: ReactNode;
  "data-testid"?: string;
}) {
  const [state, setState] = useState<ActionState>(null);
  const shown = state?.message || (state?.ok && state.result) ? state : null;
  return (
    <ReportContext.Provider value={setState}>
      <tr className={className} data-testid={rest["data-testid"]}>
        {children}
      </tr>
      {shown && (
        <tr className={styles.resultRow}>
          <td colSpan={colSpan}>
            <Alert
              tone={shown.ok ? "success" : "error"}
              title={shown.message}
              action={
                <Button type="button" size="sm" variant="ghost" onClick={() => setState(null)}>
                  Dismiss
                </Button>
              }
            >
              {shown.ok &&
                shown.result &&
                Object.entries(results).map(([name, { hint }]) =>
                  shown.result?.[name] ? (
                    <div key={name} className={styles.resultBody}>
                      <CopyableValue name={name} value={shown.result[name]} />
                      {hint && <p className={styles.resultHint}>{hint}</p>}
                    </div>
                  ) : null,
                )}
            </Alert>
          </td>
        </tr>
      )}
    </ReportContext.Provider>
  );
}

/** A form for one row action. Hidden fields carry the row's ids; children are the controls. */
export function RowForm({
  action,
  hidden,
  children,
  className,
  "aria-label": ariaLabel,
}: {
  action: ServerAction;
  hidden: Record<string, string>;
  children: ReactNode;
  className?: string;
  "aria-label"?: string;
}) {
  const report = useContext(ReportContext);
  // Reported from inside the action rather than from an effect: the action may remove this very
  // form (a revoked token loses its Revoke button), and the row must still show the outcome.
  const [, formAction] = useActionState(async (previous: ActionState, form: FormData) => {
    const next = await action(previous, form);
    report?.(next);
    return next;
  }, null);
  return (
    <form action={formAction} className={className ?? styles.rowForm} aria-label={ariaLabel} noValidate>
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {children}
    </form>
  );
}
