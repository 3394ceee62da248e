"use client";
// Create or edit a handoff template: name, description and an ordered list of sections (key,
// title, guidance, required) with add, remove and move up/down. The sections travel as JSON in one
// hidden field; the server validates and answers with errors by path ("sections.3.key"), which
// are shown at the row that was third when the form was sent, even if it has moved since.
import { startTransition, useActionState, useEffect, useRef, useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { Field } from "@/components/ui/Field";
import { IconPlus } from "@/components/ui/icons";
import { Input, Textarea } from "@/components/ui/Input";
import type { ActionState } from "@/lib/actions";
import type { TemplateSection } from "@/lib/validation/template";
import { IconArrowDown, IconArrowUp, IconTrash } from "./icons";
import styles from "./templates.module.css";
import { LIMITS } from "@/lib/validation/limits";
import { TEMPLATE_LABELS } from "@/lib/validation/labels";

type ServerAction = (state: ActionState, form: FormData) => Promise<ActionState>;

type SectionField = "key" | "title" | "guidance" | "required";
const SECTION_FIELDS: readonly SectionField[] = ["key", "title", "guidance", "required"];
const FIELD_LABELS: Record<SectionField | "_", string> = { key: "Key", title: "Title", guidance: "Guidance", required: "Required", _: "Section" };

/** A section being edited. `uid` is stable across moves; `autoKey` fills the key from the title until the key is typed. */
type Row = TemplateSection & { uid: string; autoKey: boolean };

export const MAX_SECTIONS = LIMITS.template.sections;
const MAX_KEY = LIMITS.template.sectionKey;

/** "Production: latency & budgets" → "production_latency_budgets": a key the schema accepts. */
export function keyFromTitle(title: string): string {
  let key = title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "");
  if (key && !/^[a-z]/.test(key)) key = `s_${key}`;
  return key.slice(0, MAX_KEY).replace(/_+$/, "");
}

export type TemplateEditorProps = {
  action: ServerAction;
  projectKey: string;
  /** Set when editing an existing template. */
  templateId?: string;
  initial: { name: string; description: string; sections: TemplateSection[] };
  /** How many handoffs were made from this template (editing only). */
  usedBy?: number;
  submitLabel: string;
  cancelHref: string;
};

const controlId = (uid: string, field: SectionField | "up" | "down" | "remove") => `tpl-${uid}-${field}`;

export function TemplateEditor({ action, projectKey, templateId, initial, usedBy = 0, submitLabel, cancelHref }: TemplateEditorProps) {
  const [state, formAction, pending] = useActionState(action, null);
  const [rows, setRows] = useState<Row[]>(() =>
    initial.sections.map((s, i) => ({ ...s, uid: `s${i}`, autoKey: s.key === "" })),
  );
  const nextUid = useRef(0);
  // The row order at the last submit: error paths index into it.
  const [submitted, setSubmitted] = useState<string[]>([]);
  // Fields changed since the last submit: their errors are hidden, the person is fixing them.
  const [edited, setEdited] = useState<ReadonlySet<string>>(() => new Set());
  const [announcement, setAnnouncement] = useState("");
  // Where focus goes after the next render (a moved, removed or added row); set by the handlers.
  const focusTarget = useRef<{ id: string; fallback?: string } | null>(null);
  const summaryRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const wanted = focusTarget.current;
    if (!wanted) return;
    focusTarget.current = null;
    const el = document.getElementById(wanted.id) as HTMLButtonElement | HTMLInputElement | null;
    const target = el && !el.disabled ? el : wanted.fallback ? document.getElementById(wanted.fallback) : null;
    target?.focus();
  });

  // A refused save: move focus to the list of problems so it is read out and reachable.
  useEffect(() => {
    if (state && !state.ok) summaryRef.current?.focus();
  }, [state]);

  // Errors by place: per row (mapped through the submitted order) and for the form's own fields.
  const failed = state && !state.ok ? state : null;
  const rowErrors = new Map<string, Partial<Record<SectionField | "_", string[]>>>();
  const formErrors: Record<string, string[]> = {};
  for (const [path, messages] of Object.entries(failed?.fieldErrors ?? {})) {
    const match = /^sections\.(\d+)(?:\.([A-Za-z_]+))?/.exec(path);
    const uid = match ? submitted[Number(match[1])] : undefined;
    if (match && uid && rows.some((r) => r.uid === uid)) {
      const field = SECTION_FIELDS.find((f) => f === match[2]) ?? "_";
      if (edited.has(`${uid}.${field}`)) continue;
      const entry = rowErrors.get(uid) ?? {};
      (entry[field] ??= []).push(...messages);
      rowErrors.set(uid, entry);
    } else {
      const key = path === "name" || path === "description" ? path : "sections";
      if (edited.has(key)) continue;
      (formErrors[key] ??= []).push(...messages);
    }
  }
  const problems: { href: string; label: string; message: string }[] = [];
  for (const key of ["name", "description"] as const) {
    for (const message of formErrors[key] ?? []) problems.push({ href: `#tpl-${key}`, label: key === "name" ? "Name" : "Description", message });
  }
  for (const message of formErrors.sections ?? []) problems.push({ href: "#tpl-sections", label: "Sections", message });
  rows.forEach((row, index) => {
    const errors = rowErrors.get(row.uid);
    if (!errors) return;
    const name = `Section ${index + 1}${row.title.trim() ? ` (${row.title.trim()})` : ""}`;
    for (const field of [...SECTION_FIELDS, "_"] as const) {
      for (const message of errors[field] ?? []) {
        const href = `#${controlId(row.uid, field === "_" ? "title" : field)}`;
        problems.push({ href, label: field === "_" ? name : `${name}, ${FIELD_LABELS[field].toLowerCase()}`, message });
      }
    }
  });

  function markEdited(path: string) {
    if (!edited.has(path)) setEdited(new Set(edited).add(path));
  }

  function update(uid: string, patch: Partial<Row>, field: SectionField) {
    markEdited(`${uid}.${field}`);
    setRows((current) =>
      current.map((row) => {
        if (row.uid !== uid) return row;
        const next = { ...row, ...patch };
        // The key follows the title while it was never typed by hand.
        if (field === "title" && row.autoKey) next.key = keyFromTitle(next.title);
        if (field === "key") next.autoKey = false;
        return next;
      }),
    );
  }

  function describe(row: Row, index: number) {
    return row.title.trim() ? `“${row.title.trim()}”` : `section ${index + 1}`;
  }

  function move(index: number, delta: -1 | 1) {
    const target = index + delta;
    if (target < 0 || target >= rows.length) return;
    const row = rows[index];
    const next = [...rows];
    next.splice(index, 1);
    next.splice(target, 0, row);
    setRows(next);
    // Keep focus on the button that was pressed; at the top or bottom, on the other arrow.
    const same = delta < 0 ? "up" : "down";
    const other = delta < 0 ? "down" : "up";
    focusTarget.current = { id: controlId(row.uid, same), fallback: controlId(row.uid, other) };
    setAnnouncement(`Moved ${describe(row, index)} to position ${target + 1} of ${rows.length}.`);
  }

  function remove(index: number) {
    const row = rows[index];
    const next = rows.filter((r) => r.uid !== row.uid);
    setRows(next);
    const neighbour = next[index] ?? next[index - 1];
    focusTarget.current = { id: neighbour ? controlId(neighbour.uid, "remove") : "tpl-add" };
    setAnnouncement(`Removed ${describe(row, index)}. ${next.length} ${next.length === 1 ? "section" : "sections"} left; nothing is saved until you save the template.`);
  }

  function add() {
    if (rows.length >= MAX_SECTIONS) return;
    const uid = `n${nextUid.current++}`;
    setRows([...rows, { uid, key: "", title: "", guidance: "", required: false, autoKey: true }]);
    focusTarget.current = { id: controlId(uid, "title") };
    setAnnouncement(`Added section ${rows.length + 1}.`);
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    setSubmitted(rows.map((r) => r.uid));
    setEdited(new Set());
    startTransition(() => formAction(data));
  }

  const sections = rows.map(({ key, title, guidance, required }) => ({ key, title, guidance, required }));
  const requiredCount = rows.filter((r) => r.required).length;

  return (
    <form onSubmit={onSubmit} className={styles.editor} aria-busy={pending || undefined} aria-label={templateId ? "Edit template" : "New template"} noValidate>
      <input type="hidden" name="key" value={projectKey} />
      {templateId && <input type="hidden" name="id" value={templateId} />}
      <input type="hidden" name="sections" value={JSON.stringify(sections)} data-testid="sections-json" />

      {failed && (
        <div ref={summaryRef} tabIndex={-1} className={styles.summary}>
          <Alert tone="error" title={problems.length > 0 ? "The template was not saved" : failed.message}>
            {problems.length > 0 && (
              <>
                <p>
                  {problems.length === 1 ? "Fix this problem" : `Fix these ${problems.length} problems`} and save again:
                </p>
                <ul className={styles.problems}>
                  {problems.map((p, i) => (
                    <li key={i}>
                      <a href={p.href}>{p.label}</a>: {p.message}
                    </li>
                  ))}
                </ul>
              </>
            )}
          </Alert>
        </div>
      )}

      <div className={styles.metaFields}>
        <Field label={TEMPLATE_LABELS.name} required error={formErrors.name} hint="Shown when someone starts a handoff and picks a template.">
          <Input id="tpl-name" name="name" defaultValue={initial.name} maxLength={LIMITS.template.name} autoComplete="off" onChange={() => markEdited("name")} />
        </Field>
        <Field label={TEMPLATE_LABELS.description} optional error={formErrors.description} hint="What this template is for, in a sentence or two.">
          <Textarea id="tpl-description" name="description" defaultValue={initial.description} rows={2} maxLength={LIMITS.template.description} onChange={() => markEdited("description")} />
        </Field>
      </div>

      <div className={styles.sectionsHead}>
        <div>
          <h3 className={styles.sectionsTitle} id="tpl-sections" tabIndex={-1}>
            Sections
          </h3>
          <p className={styles.sectionsHint}>
            In the order a handoff shows them. The <strong>key</strong> (lowercase letters, digits and _) is where each handoff stores the
            section&apos;s text; <strong>required</strong> sections must be written before a handoff can go to review.
          </p>
        </div>
        <span className={styles.count} aria-live="off">
          {rows.length} {rows.length === 1 ? "section" : "sections"} · {requiredCount} required
        </span>
      </div>

      {usedBy > 0 && (
        <Alert tone="warning" title={`${usedBy} ${usedBy === 1 ? "handoff was" : "handoffs were"} made from this template`}>
          Their text is stored under each section&apos;s key. Renaming or removing a key deletes nothing, but that text then shows as an extra
          section instead of under its title, and a required section with a new key counts as empty.
        </Alert>
      )}

      {formErrors.sections && (
        <p className={styles.listError} role="alert">
          {formErrors.sections.join(" ")}
        </p>
      )}

      <ol className={styles.rows} aria-label="Sections">
        {rows.map((row, index) => {
          const errors = rowErrors.get(row.uid) ?? {};
          const headId = `tpl-${row.uid}-head`;
          const label = row.title.trim() || "Untitled section";
          return (
            <li key={row.uid} className={styles.row} role="group" aria-labelledby={headId} data-invalid={rowErrors.has(row.uid) || undefined} data-testid={`section-row-${index}`}>
              <div className={styles.rowHead}>
                <span className={styles.rowIndex} aria-hidden>
                  {index + 1}
                </span>
                <span id={headId} className={styles.rowLabel}>
                  <span className="sr-only">Section {index + 1}: </span>
                  {label}
                </span>
                <div className={styles.rowButtons}>
                  <Button
                    type="button"
                    size="sm"
                    variant="ghost"
                    iconOnly
                    id={controlId(row.uid, "up")}
                    aria-label={`Move section ${index + 1} (${label}) up`}
                    title="Move up"
                    disabled={index === 0}
                    onClick={() => move(index, -1)}
                    icon={<IconArrowUp size={14} />}
                  />
                  <Button
                    type="button"
                    size="sm"
                    variant="ghost"
                    iconOnly
                    id={controlId(row.uid, "down")}
                    aria-label={`Move section ${index + 1} (${label}) down`}
                    title="Move down"
                    disabled={index === rows.length - 1}
                    onClick={() => move(index, 1)}
                    icon={<IconArrowDown size={14} />}
                  />
                  <Button
                    type="button"
                    size="sm"
                    variant="ghost"
                    iconOnly
                    id={controlId(row.uid, "remove")}
                    aria-label={`Remove section ${index + 1} (${label})`}
                    title="Remove section"
                    disabled={rows.length === 1}
                    onClick={() => remove(index)}
                    icon={<IconTrash size={14} />}
                  />
                </div>
              </div>
              {errors._ && (
                <p className={styles.rowError} id={`tpl-${row.uid}-error`}>
                  {errors._.join(" ")}
                </p>
              )}
              <div className={styles.rowFields}>
                <Field label={TEMPLATE_LABELS.sectionTitle} required error={errors.title}>
                  <Input
                    id={controlId(row.uid, "title")}
                    value={row.title}
                    maxLength={LIMITS.template.sectionTitle}
                    autoComplete="off"
                    placeholder="e.g. Evaluation protocol"
                    onChange={(e) => update(row.uid, { title: e.target.value }, "title")}
                  />
                </Field>
                <Field label={TEMPLATE_LABELS.sectionKey} required error={errors.key}>
                  <Input
                    id={controlId(row.uid, "key")}
                    className="mono"
                    value={row.key}
                    maxLength={MAX_KEY}
                    autoComplete="off"
                    spellCheck={false}
                    placeholder="evaluation_protocol"
                    onChange={(e) => update(row.uid, { key: e.target.value }, "key")}
                  />
                </Field>
                <div className={styles.requiredField}>
                  <label className={styles.checkbox}>
                    <input
                      id={controlId(row.uid, "required")}
                      type="checkbox"
                      checked={row.required}
                      onChange={(e) => update(row.uid, { required: e.target.checked }, "required")}
                    />
                    <span>Required</span>
                  </label>
                  {errors.required && <p className={styles.rowError}>{errors.required.join(" ")}</p>}
                </div>
              </div>
              <Field label={TEMPLATE_LABELS.sectionGuidance} optional error={errors.guidance}>
                <Textarea
                  id={controlId(row.uid, "guidance")}
                  value={row.guidance}
                  rows={2}
                  maxLength={LIMITS.template.guidance}
                  onChange={(e) => update(row.uid, { guidance: e.target.value }, "guidance")}
                />
              </Field>
            </li>
          );
        })}
      </ol>

      <div>
        <Button type="button" id="tpl-add" variant="secondary" size="sm" icon={<IconPlus size={14} />} onClick={add} disabled={rows.length >= MAX_SECTIONS}>
          Add section
        </Button>
        {rows.length >= MAX_SECTIONS && <span className={styles.limit}> A template has at most {MAX_SECTIONS} sections.</span>}
      </div>

      <p className="sr-only" aria-live="polite">
        {announcement}
      </p>

      <div className={styles.actions}>
        <Button type="submit" variant="primary" loading={pending}>
          {submitLabel}
        </Button>
        <Button href={cancelHref} variant="ghost">
          Cancel
        </Button>
      </div>
    </form>
  );
}
