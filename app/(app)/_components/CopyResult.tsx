"use client";
// A value an action returned once (an invite link, a new API token), shown inside its ActionForm
// with a copy button. Like ActionResult, but copyable, and it can hold more values below.
import type { ReactNode } from "react";
import { useActionResult } from "@/components/forms/ActionForm";
import { Alert } from "@/components/ui/Alert";
import { CopyButton } from "./CopyButton";
import styles from "./pages.module.css";

export function CopyableValue({ name, value, block }: { name: string; value: string; block?: boolean }) {
  return (
    <div className={styles.copyRow}>
      {block ? (
        <pre className={styles.copyBlock} data-testid={`result-${name}`}>
          {value}
        </pre>
      ) : (
        <code className={`copyable ${styles.copyValue}`} data-testid={`result-${name}`}>
          {value}
        </code>
      )}
      <CopyButton value={value} />
    </div>
  );
}

/** Titled with `label`, or with the action's success message (use the form's quietSuccess then). */
export function CopyResult({ name, label, hint, children }: { name: string; label?: string; hint?: ReactNode; children?: ReactNode }) {
  const state = useActionResult();
  const value = state?.ok ? state.result?.[name] : undefined;
  if (!value) return null;
  return (
    <Alert tone="success" title={label ?? state?.message}>
      <div className={styles.resultBody}>
        <CopyableValue name={name} value={value} />
        {hint && <p className={styles.resultHint}>{hint}</p>}
        {children}
      </div>
    </Alert>
  );
}

/** Another value from the same result, with its own label (e.g. a usage example). */
export function ResultValue({ name, label, block }: { name: string; label: string; block?: boolean }) {
  const state = useActionResult();
  const value = state?.ok ? state.result?.[name] : undefined;
  if (!value) return null;
  return (
    <div className={styles.resultExtra}>
      <p className={styles.resultExtraLabel}>{label}</p>
      <CopyableValue name={name} value={value} block={block} />
    </div>
  );
}
