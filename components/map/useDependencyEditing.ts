"use client";
// Adding and removing milestone dependencies from the map, through the milestone page's own
// server actions (the data layer refuses self-dependencies, duplicates and cycles, naming the
// cycle). The action revalidates the map, so the new edge arrives with the refreshed page; what
// the server answered stays on screen as a notice until the next change or a dismissal.
import { useCallback, useState, useTransition } from "react";
import { UNREACHABLE, type ServerAction } from "@/components/forms/useFormAction";
import type { DependencyRef } from "./map-model";

/** The milestone page's add and remove actions; absent when the caller's role may not plan. */
export type DependencyActions = { add: ServerAction; remove: ServerAction };

export type DependencyNotice = { ok: boolean; text: string; at: number };

export function useDependencyEditing(actions: DependencyActions | null | undefined) {
  const [notice, setNotice] = useState<DependencyNotice | null>(null);
  const [pending, startTransition] = useTransition();

  const run = useCallback(
    (action: ServerAction, fields: Record<string, string>) =>
      startTransition(async () => {
        const form = new FormData();
        for (const [name, value] of Object.entries(fields)) form.set(name, value);
        let ok = false;
        let text = UNREACHABLE;
        try {
          const state = await action(null, form);
          ok = state?.ok === true;
          text = state?.message ?? (ok ? "Saved." : UNREACHABLE);
        } catch {
          // The request never got an answer: nothing was saved.
        }
        setNotice({ ok, text, at: Date.now() });
      }),
    [],
  );

  const add = useCallback(
    (dependency: DependencyRef) => {
      if (actions) run(actions.add, { id: dependency.milestoneId, dependsOn: dependency.dependsOnId });
    },
    [actions, run],
  );
  const remove = useCallback(
    (dependency: DependencyRef) => {
      if (actions) run(actions.remove, { id: dependency.milestoneId, dependsOnId: dependency.dependsOnId });
    },
    [actions, run],
  );
  const dismiss = useCallback(() => setNotice(null), []);
  return { enabled: Boolean(actions), notice, pending, add, remove, dismiss };
}

export type DependencyEditing = ReturnType<typeof useDependencyEditing>;
