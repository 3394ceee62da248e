"use client";
// A server action (lib/actions.ts) driven from a form by hand: keeps what the person typed when
// the action answers with an error (React resets forms after <form action> submits), sends the
// clicked button's name and value, and tells each new result from the last one.
import { startTransition, useActionState, useState, type FormEvent } from "react";
import type { ActionState } from "@/lib/actions";
import { REFUSED_PREFIX } from "@/lib/validation/limits";

export type ServerAction = (state: ActionState, form: FormData) => Promise<ActionState>;

function isNavigation(error: unknown): boolean {
  const digest = (error as { digest?: unknown } | null)?.digest;
  return typeof digest === "string" && (digest.startsWith("NEXT_REDIRECT") || digest.startsWith("NEXT_HTTP_ERROR_FALLBACK"));
}

export const UNREACHABLE = "The server could not be reached, so nothing was saved. Check your connection and try again.";

/**
 * A request that never gets an answer from the action (the network is down, the server refused
 * the request) shows `failure` in the form, keeping what was typed, instead of the error page.
 */
export function useFormAction(action: ServerAction, failure = UNREACHABLE) {
  const [state, dispatch, pending] = useActionState(async (previous: ActionState, form: FormData): Promise<ActionState> => {
    try {
      return await action(previous, form);
    } catch (error) {
      if (isNavigation(error)) throw error;
      // The server refused the request before the action ran (too large): say so, not "unreachable".
      const refused = error instanceof Error && error.message.startsWith(REFUSED_PREFIX);
      return { ok: false, message: refused ? (error as Error).message.slice(REFUSED_PREFIX.length) : failure, at: Date.now() };
    }
  }, null);
  const [submitter, setSubmitter] = useState<string | null>(null);
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const button = (event.nativeEvent as SubmitEvent).submitter;
    const data = new FormData(event.currentTarget, button ?? undefined);
    setSubmitter(button instanceof HTMLButtonElement ? button.value || button.name || null : null);
    startTransition(() => dispatch(data));
  }
  return { state, pending, onSubmit, submitter };
}
