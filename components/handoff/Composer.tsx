"use client";
// A comment box: Markdown textarea, Cmd/Ctrl+Enter to send, Escape to cancel. Keeps the text
// when the server refuses it; clears and closes once the comment is posted.
import { useEffect, useRef, type KeyboardEvent } from "react";
import { Alert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { Textarea } from "@/components/ui/Input";
import { LIMITS } from "@/lib/validation/limits";
import { useFormAction, type ServerAction } from "@/components/forms/useFormAction";
import styles from "./review.module.css";

export type ComposerProps = {
  action: ServerAction;
  /** Hidden fields: the handoff id, the section key, the parent comment for a reply. */
  hidden: Record<string, string>;
  /** The textarea's accessible name, e.g. "Comment on Method". */
  label: string;
  placeholder?: string;
  submitLabel: string;
  autoFocus?: boolean;
  onCancel?: () => void;
  onPosted?: () => void;
};

export function Composer({ action, hidden, label, placeholder, submitLabel, autoFocus, onCancel, onPosted }: ComposerProps) {
  const { state, pending, onSubmit } = useFormAction(action);
  const formRef = useRef<HTMLFormElement>(null);
  const handled = useRef<number | undefined>(undefined);

  useEffect(() => {
    if (autoFocus) (formRef.current?.elements.namedItem("body") as HTMLTextAreaElement | null)?.focus();
  }, [autoFocus]);

  useEffect(() => {
    if (!state?.ok || state.at === handled.current) return;
    handled.current = state.at;
    formRef.current?.reset();
    onPosted?.();
  }, [state, onPosted]);

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === "Enter" && (event.metaKey || event.ctrlKey)) {
      event.preventDefault();
      formRef.current?.requestSubmit();
    } else if (event.key === "Escape" && onCancel && !event.currentTarget.value.trim()) {
      event.preventDefault();
      onCancel();
    }
  }

  return (
    <form ref={formRef} onSubmit={onSubmit} className={styles.composer} aria-label={label} aria-busy={pending || undefined} noValidate data-chrome="composer">
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {state && !state.ok && state.message && <Alert tone="error">{state.message}</Alert>}
      <Textarea name="body" rows={3} aria-label={label} placeholder={placeholder} onKeyDown={onKeyDown} required maxLength={LIMITS.comment} className={styles.composerInput} />
      <div className={styles.composerFooter}>
        <span className={styles.composerHint}>Markdown supported · Ctrl+Enter to send</span>
        <span className={styles.composerButtons}>
          {onCancel && (
            <Button type="button" variant="ghost" size="sm" onClick={onCancel} disabled={pending}>
              Cancel
            </Button>
          )}
          <Button type="submit" variant="primary" size="sm" loading={pending}>
            {submitLabel}
          </Button>
        </span>
      </div>
    </form>
  );
}
