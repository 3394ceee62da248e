"use client";
// The acceptance criteria's task items as boxes to tick; ticking saves at once (one small form per
// item, sent when the box changes). Without the permission the boxes only show the state.
import { ActionForm, useActionResult } from "@/components/forms/ActionForm";
import type { ServerAction } from "@/components/forms/useFormAction";
import type { Criterion } from "@/lib/validation/milestone-criteria";
import styles from "./milestones.module.css";

/** `code` spans as code, the rest as plain text (a criterion is one line of Markdown). */
function withCode(text: string) {
  return text.split(/`([^`]+)`/).map((part, i) => (i % 2 ? <code key={i}>{part}</code> : part));
}

function Box({ item, disabled }: { item: Criterion; disabled: boolean }) {
  const state = useActionResult();
  return (
    <label>
      <input
        type="checkbox"
        name="checked"
        value="true"
        defaultChecked={item.done}
        disabled={disabled}
        aria-invalid={state && !state.ok ? true : undefined}
        onChange={(e) => e.currentTarget.form?.requestSubmit()}
      />
      <span className={item.done ? styles.done : undefined}>{withCode(item.text)}</span>
    </label>
  );
}

export function CriteriaChecklist({ id, version, items, action }: { id: string; version: number; items: Criterion[]; action: ServerAction | null }) {
  return (
    <ul className={styles.checklist} aria-label="Acceptance criteria checklist">
      {items.map((item) => (
        <li key={`${item.index}-${item.text}`}>
          {action ? (
            <ActionForm action={action} aria-label={`Criterion ${item.index + 1}`} quietSuccess>
              <input type="hidden" name="id" value={id} />
              <input type="hidden" name="version" value={version} />
              <input type="hidden" name="index" value={item.index} />
              <Box item={item} disabled={false} />
            </ActionForm>
          ) : (
            <Box item={item} disabled />
          )}
        </li>
      ))}
    </ul>
  );
}
