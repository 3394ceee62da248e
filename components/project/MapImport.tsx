"use client";
// The map import page's form: upload or paste a map file, see the dry run in four sections (what
// would be created, updated with each changed field, left unchanged, and what the project has
// that the file does not), then Apply. Apply is offered only for the text the dry run was made of.
import { useState, type ChangeEvent } from "react";
import { z } from "@/lib/validation/zod-browser";
import { Alert } from "@/components/ui/Alert";
import { Badge } from "@/components/ui/Badge";
import { Button } from "@/components/ui/Button";
import { Card } from "@/components/ui/Card";
import { Textarea } from "@/components/ui/Input";
import { useFormAction, type ServerAction } from "@/components/forms/useFormAction";
import styles from "./map-import.module.css";

const entry = z.object({
  kind: z.string(),
  name: z.string(),
  note: z.string().optional(),
  changes: z.array(z.object({ field: z.string(), label: z.string(), from: z.unknown(), to: z.unknown() })).optional(),
});
const planSchema = z.object({ create: z.array(entry), update: z.array(entry), unchanged: z.array(entry), missing: z.array(entry) });
type Entry = z.infer<typeof entry>;

/** The plan the action answered with, or null (it is our own JSON, checked all the same). */
function readPlan(json: string | undefined) {
  if (!json) return null;
  try {
    return planSchema.parse(JSON.parse(json));
  } catch {
    return null;
  }
}

const shown = (value: unknown) => {
  if (value === null || value === undefined || value === "") return "—";
  const text = typeof value === "string" ? value : JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
};

const KIND_LABELS: Record<string, string> = { "service-dependency": "service dependency" };

function Section({ title, tone, entries, empty, open = true }: { title: string; tone: "green" | "blue" | "gray" | "amber"; entries: Entry[]; empty: string; open?: boolean }) {
  return (
    <details className={styles.section} open={open && entries.length > 0} data-section={title}>
      <summary>
        <Badge tone={tone} size="sm">
          {entries.length}
        </Badge>{" "}
        {title}
      </summary>
      {entries.length === 0 ? (
        <p className={styles.empty}>{empty}</p>
      ) : (
        <ul className={styles.entries}>
          {entries.map((e, i) => (
            <li key={`${e.kind}-${e.name}-${i}`}>
              <span className={styles.kind}>{KIND_LABELS[e.kind] ?? e.kind}</span> <span className={styles.name}>{e.name}</span>
              {e.note && <span className={styles.note}> ({e.note})</span>}
              {e.changes && e.changes.length > 0 && (
                <ul className={styles.changes}>
                  {e.changes.map((c) => (
                    <li key={c.field}>
                      <strong>{c.label}</strong>: <del>{shown(c.from)}</del> → <ins>{shown(c.to)}</ins>
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ul>
      )}
    </details>
  );
}

export function MapImport({ action }: { action: ServerAction }) {
  const { state, pending, onSubmit, submitter } = useFormAction(action);
  const [text, setText] = useState("");
  const [filename, setFilename] = useState("");
  const [planned, setPlanned] = useState<string | null>(null);
  const [seenAt, setSeenAt] = useState<number | undefined>(undefined);
  const plan = state?.ok ? readPlan(state.result?.plan) : null;
  const applied = state?.ok && state.result?.applied === "1";
  // The text the latest successful dry run was made of: Apply is offered for that text only.
  if (state?.ok && state.at !== seenAt) {
    setSeenAt(state.at);
    setPlanned(applied ? null : text);
  }
  const changes = plan ? plan.create.length + plan.update.length : 0;
  const canApply = Boolean(plan) && !applied && planned === text && changes > 0;

  async function onFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    if (!file) return;
    setFilename(file.name);
    setText(await file.text());
  }

  return (
    <form onSubmit={onSubmit} className={styles.form} aria-label="Import a project map" aria-busy={pending || undefined} noValidate>
      <Card title="The file" description="Choose a .yaml file or paste its text. A file may be at most 1 MB.">
        <div className={styles.inputs}>
          <label className={styles.upload}>
            <span>Upload</span>
            <input type="file" accept=".yaml,.yml,application/yaml,text/yaml,text/plain" onChange={onFile} />
          </label>
          <input type="hidden" name="filename" value={filename} />
          <label className={styles.paste}>
            <span>Map file{filename ? ` (${filename})` : ""}</span>
            <Textarea name="text" mono rows={14} value={text} onChange={(e) => setText(e.target.value)} placeholder={"format: 1\nproject:\n  key: FLOOR\n  name: Floor-plan generation\nmilestones:\n  - key: FLOOR-1\n    title: …"} spellCheck={false} />
          </label>
          <div className={styles.buttons}>
            <Button type="submit" name="apply" value="0" variant={canApply ? "secondary" : "primary"} loading={pending && submitter !== "1"} disabled={pending || !text.trim()}>
              Dry run
            </Button>
            <Button type="submit" name="apply" value="1" variant="primary" loading={pending && submitter === "1"} disabled={pending || !canApply}>
              Apply {changes > 0 && canApply ? `${changes} change${changes === 1 ? "" : "s"}` : ""}
            </Button>
            {!canApply && plan && !applied && changes > 0 && <span className={styles.hint}>The text changed since the dry run: run it again before applying.</span>}
          </div>
        </div>
      </Card>
      {state?.message && <Alert tone={state.ok ? (applied ? "success" : "info") : "error"}>{state.message}</Alert>}
      {plan && (
        <Card title={applied ? `What was imported into ${state?.result?.project}` : `Dry run for ${state?.result?.project}`} description={changes === 0 && !applied ? "The project already matches the file: applying would change nothing." : undefined}>
          <div className={styles.sections}>
            <Section title={applied ? "Created" : "Would create"} tone="green" entries={plan.create} empty="Nothing new." />
            <Section title={applied ? "Updated" : "Would update"} tone="blue" entries={plan.update} empty="Nothing changes." />
            <Section title="Unchanged" tone="gray" entries={plan.unchanged} empty="Nothing is the same yet." open={false} />
            <Section title="In the project, not in the file (left alone)" tone="amber" entries={plan.missing} empty="The file names everything the project has." />
          </div>
        </Card>
      )}
    </form>
  );
}
