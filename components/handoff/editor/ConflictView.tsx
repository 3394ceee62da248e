"use client";
// Shown when someone else saved the handoff after this person opened it (or this same person, in
// another tab or window: the wording then says so rather than naming them as someone else). Every field that differs
// is shown side by side (the other person's saved text and this person's), lines that only one
// side has highlighted, and the person picks per field. Knowing the text both started from, the
// defaults lose nothing: a field only they changed takes theirs, a field this person changed
// keeps this person's. Nothing is saved until "Save merged".
import { useMemo, useState, type ReactNode } from "react";
import { Alert } from "@/components/ui/Alert";
import { Badge } from "@/components/ui/Badge";
import { Button } from "@/components/ui/Button";
import { Input } from "@/components/ui/Input";
import type { TemplateSection } from "@/lib/validation/template";
import { FIELD_LABELS, fieldKeys, normalizedField, type EditorContent, type PaperField } from "./content";
import { diffBudget, diffLines, splitLines, type DiffLine } from "@/lib/handoff/diff";
import { conflictWording, type ConflictState } from "./editor-state";
import { LocalTime } from "./LocalTime";
import styles from "./conflict.module.css";
import { LIMITS } from "@/lib/validation/limits";

type Choice = "mine" | "theirs";
type FieldKey = ReturnType<typeof fieldKeys>[number];
type Origin = "both" | "theirs" | "mine";

export type { ConflictState };

type Props = {
  conflict: ConflictState;
  template: readonly TemplateSection[];
  saving: boolean;
  error: string | null;
  onSave: (merged: EditorContent, version: number, message: string) => void;
  onBack: () => void;
  /** The message the person had typed for their save, carried into the merge's. */
  message?: string;
};

function labelOf(field: FieldKey, template: readonly TemplateSection[]): string {
  if (field.startsWith("section:")) {
    const key = field.slice(8);
    return template.find((s) => s.key === key)?.title ?? key.replace(/_/g, " ");
  }
  return FIELD_LABELS[field as PaperField | "body"];
}

function valueOf(c: EditorContent, field: FieldKey): string {
  if (field.startsWith("section:")) return c.sections[field.slice(8)] ?? "";
  return c[field as PaperField | "body"];
}

function withValue(c: EditorContent, field: FieldKey, value: string): EditorContent {
  if (field.startsWith("section:")) return { ...c, sections: { ...c.sections, [field.slice(8)]: value } };
  return { ...c, [field]: value };
}

export function ConflictView({ conflict, template, saving, error, onSave, onBack, message: typed = "" }: Props) {
  const { mine, theirs, base } = conflict;
  const items = useMemo(() => {
    return fieldKeys(
      template.map((s) => s.key),
      mine,
      theirs,
    )
      .filter((f) => normalizedField(mine, f) !== normalizedField(theirs, f))
      .map((field) => {
        let origin: Origin = "both";
        if (base) {
          if (normalizedField(mine, field) === normalizedField(base, field)) origin = "theirs";
          else if (normalizedField(theirs, field) === normalizedField(base, field)) origin = "mine";
        }
        return { field, origin, label: labelOf(field, template) };
      });
  }, [mine, theirs, base, template]);

  // Computed once, under one time budget for all fields. Null for a field too different to compare
  // line by line within it: each side is then shown whole, unmarked.
  const diffs = useMemo(() => {
    const budget = diffBudget();
    return new Map(items.map((i) => [i.field, diffLines(valueOf(theirs, i.field), valueOf(mine, i.field), budget)]));
  }, [items, mine, theirs]);

  const [choices, setChoices] = useState<Record<string, Choice>>(() =>
    Object.fromEntries(items.map((i) => [i.field, i.origin === "theirs" ? "theirs" : "mine"])),
  );
  const [message, setMessage] = useState(typed.trim() ? `${typed.trim()} (merged with version ${conflict.version})` : `Merged with version ${conflict.version}`);
  const words = conflictWording(conflict);
  const both = items.filter((i) => i.origin === "both").length;

  function merged(): EditorContent {
    let out = mine;
    for (const i of items) if (choices[i.field] === "theirs") out = withValue(out, i.field, valueOf(theirs, i.field));
    return out;
  }

  return (
    <section className={styles.conflict} aria-labelledby="conflict-title">
      <header className={styles.conflictHeader}>
        <div>
          <h2 id="conflict-title" className={styles.conflictTitle}>
            {words.heading}
          </h2>
          <p className={styles.conflictLead}>
            {words.savedVersion} <LocalTime iso={conflict.savedAt} />. Your text is kept here and in your draft; nothing has
            been overwritten. For each difference, keep yours or take theirs, then save the merge on top of version {conflict.version}.
          </p>
        </div>
        <div className={styles.conflictBulk}>
          <Button size="sm" variant="secondary" onClick={() => setChoices(Object.fromEntries(items.map((i) => [i.field, "mine"])))}>
            Keep all mine
          </Button>
          <Button size="sm" variant="secondary" onClick={() => setChoices(Object.fromEntries(items.map((i) => [i.field, "theirs"])))}>
            Take all theirs
          </Button>
        </div>
      </header>

      <p className={styles.conflictSummary}>
        {items.length === 0
          ? "Your text and theirs are the same. Save to continue on top of their version."
          : `${items.length} ${items.length === 1 ? "difference" : "differences"}${both ? `, ${both} changed on both sides` : ""}.`}
      </p>

      {items.map((item) => {
        const theirsText = valueOf(theirs, item.field);
        const mineText = valueOf(mine, item.field);
        const diff = diffs.get(item.field) ?? null;
        const choice = choices[item.field];
        const name = `choice-${item.field}`;
        return (
          <section key={item.field} className={styles.conflictItem} aria-label={item.label} data-testid={`conflict-${item.field}`}>
            <header className={styles.conflictItemHead}>
              <h3 className={styles.conflictItemTitle}>{item.label}</h3>
              <Badge size="sm" tone={item.origin === "both" ? "amber" : item.origin === "theirs" ? "blue" : "gray"}>
                {item.origin === "both" ? "Changed by both of you" : item.origin === "theirs" ? words.onlyTheirs : "Only you changed this"}
              </Badge>
              <div className={styles.segmented} role="radiogroup" aria-label={`Which ${item.label} to keep`}>
                {(["mine", "theirs"] as const).map((c) => (
                  <label key={c} className={styles.segment} data-checked={choice === c || undefined}>
                    <input type="radio" name={name} value={c} checked={choice === c} onChange={() => setChoices((prev) => ({ ...prev, [item.field]: c }))} />
                    {c === "mine" ? "Keep mine" : "Take theirs"}
                  </label>
                ))}
              </div>
            </header>
            <div className={styles.conflictColumns}>
              <DiffColumn
                title={words.theirsText}
                meta={<>version {conflict.version}</>}
                lines={diff ? diff.filter((l) => l.op !== "insert") : plain(theirsText)}
                mark="delete"
                chosen={choice === "theirs"}
                testId="theirs"
              />
              <DiffColumn title="Your text" meta="not saved yet" lines={diff ? diff.filter((l) => l.op !== "delete") : plain(mineText)} mark="insert" chosen={choice === "mine"} testId="mine" copy={mineText} />
            </div>
          </section>
        );
      })}

      {error && <Alert tone="error">{error}</Alert>}

      <footer className={styles.conflictFooter}>
        <Button variant="ghost" onClick={onBack}>
          Back to editor
        </Button>
        <div className={styles.conflictSave}>
          <Input aria-label="Message for the merged version" value={message} onChange={(e) => setMessage(e.target.value)} maxLength={LIMITS.handoff.message} controlSize="md" />
          <Button variant="primary" loading={saving} onClick={() => onSave(merged(), conflict.version, message)}>
            Save merged
          </Button>
        </div>
      </footer>
    </section>
  );
}

const KIND = { insert: "added", delete: "removed" } as const;

/** A whole text as unmarked lines. */
const plain = (text: string): DiffLine[] => splitLines(text).map((t, i) => ({ op: "equal", text: t, oldLine: i + 1, newLine: i + 1 }));

function DiffColumn({
  title,
  meta,
  lines,
  mark,
  chosen,
  testId,
  copy,
}: {
  title: string;
  meta: ReactNode;
  lines: DiffLine[];
  mark: "insert" | "delete";
  chosen: boolean;
  testId: string;
  copy?: string;
}) {
  const [copied, setCopied] = useState(false);
  return (
    <div className={styles.diffColumn} data-chosen={chosen || undefined} data-side={testId} data-testid={`${testId}-text`}>
      <div className={styles.diffHead}>
        <span className={styles.diffTitle}>{title}</span>
        <span className={styles.diffMeta}>{meta}</span>
        {chosen && (
          <Badge size="sm" tone="green" dot>
            Kept
          </Badge>
        )}
        {copy !== undefined && copy !== "" && (
          <button
            type="button"
            className={styles.diffCopy}
            onClick={() => {
              void navigator.clipboard?.writeText(copy).then(() => setCopied(true));
            }}
          >
            {copied ? "Copied" : "Copy"}
          </button>
        )}
      </div>
      {lines.length === 0 ? (
        <p className={styles.diffEmpty}>Empty</p>
      ) : (
        <pre className={styles.diffBody}>
          {lines.map((l, i) => (
            <span key={i} className={styles.diffLine} data-kind={l.op === mark ? KIND[mark] : undefined}>
              {l.text || " "}
              {"\n"}
            </span>
          ))}
        </pre>
      )}
    </div>
  );
}
