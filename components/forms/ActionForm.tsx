"use client";
// A form bound to a server action made with lib/actions.ts: shows the action's message, puts each
// field's errors under that field (FormField), and disables the submit button while pending.
import { createContext, useContext, useEffect, useRef, useState, type ReactElement, type ReactNode } from "react";
import { Alert } from "@/components/ui/Alert";
import { Button, type ButtonVariant } from "@/components/ui/Button";
import { Field } from "@/components/ui/Field";
import type { ActionState } from "@/lib/actions";
import { useFormAction, type ServerAction } from "./useFormAction";
import { useLeaveGuard } from "./useLeaveGuard";

const StateContext = createContext<{ state: ActionState; pending: boolean }>({ state: null, pending: false });

export function useActionResult() {
  return useContext(StateContext).state;
}

export type ActionFormProps = {
  action: ServerAction;
  children: ReactNode;
  /** Clear the inputs after a successful submit (for "add" forms). */
  resetOnSuccess?: boolean;
  /** Hide the success message (when the page itself shows the change). */
  quietSuccess?: boolean;
  /** Fold the <details> the form sits in once it saved (a "Change …" disclosure). */
  closeOnSuccess?: boolean;
  /** Ask before leaving the page while the form holds changes that were not saved (edit forms). */
  guardUnsaved?: boolean;
  className?: string;
  "aria-label"?: string;
};

export function ActionForm({ action, children, resetOnSuccess, quietSuccess, closeOnSuccess, guardUnsaved, className, ...rest }: ActionFormProps) {
  // One submit path for every form (useFormAction): it keeps what was typed when the action
  // answers with errors, and says "could not be reached" instead of the error page offline.
  const { state, pending, onSubmit } = useFormAction(action);
  const formRef = useRef<HTMLFormElement>(null);
  // The answer current when the form was last typed into: it holds unsaved changes until a later
  // answer is a success. While a save is on its way, leaving is that save's own navigation.
  const [typedAt, setTypedAt] = useState<{ state: ActionState } | null>(null);
  const dirty = typedAt !== null && !(state?.ok && state !== typedAt.state);
  useLeaveGuard(Boolean(guardUnsaved) && dirty && !pending);
  const typed = guardUnsaved ? () => setTypedAt({ state }) : undefined;
  useEffect(() => {
    if (!state?.ok) return;
    if (resetOnSuccess) formRef.current?.reset();
    const details = closeOnSuccess ? formRef.current?.closest("details") : null;
    if (details) details.open = false;
  }, [state, resetOnSuccess, closeOnSuccess]);
  const showMessage = state?.message && (!state.ok || !quietSuccess);
  return (
    <StateContext.Provider value={{ state, pending }}>
      <form ref={formRef} onSubmit={onSubmit} onInput={typed} onChange={typed} className={className} aria-label={rest["aria-label"]} aria-busy={pending || undefined} noValidate>
        {showMessage && (
          <Alert tone={state.ok ? "success" : "error"}>
            {state.message}
          </Alert>
        )}
        {children}
      </form>
    </StateContext.Provider>
  );
}

export function FormField({
  name,
  label,
  hint,
  required,
  optional,
  className,
  children,
}: {
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  required?: boolean;
  optional?: boolean;
  className?: string;
  children: ReactElement<{ name?: string }>;
}) {
  const state = useActionResult();
  return (
    <Field label={label} hint={hint} required={required} optional={optional} error={state?.fieldErrors?.[name]} className={className}>
      {children}
    </Field>
  );
}

export function SubmitButton({ children, variant = "primary", size }: { children: ReactNode; variant?: ButtonVariant; size?: "sm" | "md" | "lg" }) {
  const { pending } = useContext(StateContext);
  return (
    <Button type="submit" variant={variant} size={size} loading={pending}>
      {children}
    </Button>
  );
}

/** Shows a value the action returned once, such as a new invite link or API token. */
export function ActionResult({ name, label, hint }: { name: string; label: string; hint?: string }) {
  const state = useActionResult();
  const value = state?.ok ? state.result?.[name] : undefined;
  if (!value) return null;
  return (
    <Alert tone="success" title={label}>
      <code data-testid={`result-${name}`}>{value}</code>
      {hint && <p>{hint}</p>}
    </Alert>
  );
}
