"use client";
// The "add a dependency" form. A client component so its select is made here: a control handed
// from a server component into FormField can arrive as a not-yet-resolved element when the page
// streams, and Field then has nothing to render.
import { ActionForm, FormField, SubmitButton } from "@/components/forms/ActionForm";
import type { ServerAction } from "@/components/forms/useFormAction";
import { Select } from "@/components/ui/Input";
import { MILESTONE_PLAN_LABELS } from "@/lib/validation/labels";
import styles from "./milestones.module.css";

export function AddDependencyForm({ id, candidates, action }: { id: string; candidates: { id: string; key: string; title: string }[]; action: ServerAction }) {
  return (
    <ActionForm action={action} className={styles.addDep} aria-label="Add dependency" resetOnSuccess quietSuccess>
      <input type="hidden" name="id" value={id} />
      <FormField name="dependsOn" label={MILESTONE_PLAN_LABELS.dependsOn} hint="Another milestone of this project that must finish first. Milestones waiting on this one are left out: each would make the plan circular.">
        <Select name="dependsOn" defaultValue="">
          <option value="" disabled>
            Choose a milestone…
          </option>
          {candidates.map((c) => (
            <option key={c.id} value={c.id}>
              {`${c.key} ${c.title}`}
            </option>
          ))}
        </Select>
      </FormField>
      <SubmitButton size="sm">Add</SubmitButton>
    </ActionForm>
  );
}
