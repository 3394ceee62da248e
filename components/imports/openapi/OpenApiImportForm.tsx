"use client";
// The interface import: upload an OpenAPI document or a JSON Schema (or paste it), Preview (a dry
// run on the server: the very plan applying would write), then Apply, offered only while the
// preview matches the text and would change something. A refused file shows the server's message,
// which names the line and column, with that line of the text beneath it.
import { useState, type ChangeEvent } from "react";
import { Alert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { Field } from "@/components/ui/Field";
import { Input, Textarea } from "@/components/ui/Input";
import { useFormAction, type ServerAction } from "@/components/forms/useFormAction";
import { useLeaveGuard } from "@/components/forms/useLeaveGuard";
import type { InterfaceImportResult } from "@/lib/data/interface-import";
import { INTERFACE_IMPORT_LABELS } from "@/lib/validation/labels";
import { ImportPlanView } from "./ImportPlanView";
import styles from "./openapi-import.module.css";

/** The import's byte cap (lib/import/yaml.ts), checked here too so a large file is not sent for nothing. */
const MAX_BYTES = 1_000_000;
/** What messages call a document that was pasted rather than uploaded. */
const PASTED = "pasted text";

function planOf(result: Record<string, string> | undefined): InterfaceImportResult | null {
  if (!result?.plan) return null;
  const parsed: InterfaceImportResult = JSON.parse(result.plan);
  return parsed;
}

/** The line a message names ("petstore.yaml, line 12, column 7: …"), with a caret under the column. */
function excerpt(message: string | undefined, text: string): string | null {
  const at = message && /, line (\d+), column (\d+):/.exec(message);
  if (!at) return null;
  const [line, column] = [Number(at[1]), Number(at[2])];
  const source = text.split("\n")[line - 1];
  if (source === undefined) return null;
  const shown = source.length > 200 ? `${source.slice(0, 200)}…` : source;
  return `${String(line).padStart(4)} | ${shown}\n     | ${" ".repeat(Math.min(column - 1, 200))}^`;
}

export function OpenApiImportForm({ service, preview, apply }: { service: string; preview: ServerAction; apply: ServerAction }) {
  const [text, setText] = useState("");
  const [filename, setFilename] = useState("");
  const [fileProblem, setFileProblem] = useState<string | null>(null);
  const [previewed, setPreviewed] = useState<{ text: string; filename: string } | null>(null);
  const shown = useFormAction(preview);
  const applied = useFormAction(apply);
  const plan = shown.state?.ok ? planOf(shown.state.result) : null;
  const appliedPlan = applied.state?.ok ? planOf(applied.state.result) : null;
  const current = plan !== null && previewed?.text === text && previewed.filename === filename;
  const writes = plan !== null && plan.plan.create.length + plan.plan.update.length > 0;
  useLeaveGuard(text.trim() !== "" && !applied.pending && !applied.state?.ok);

  async function onFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    setFileProblem(null);
    if (!file) return;
    if (file.size > MAX_BYTES) {
      setFileProblem(`${file.name} is ${(file.size / 1_000_000).toFixed(1)} MB; a file can be at most ${(MAX_BYTES / 1_000_000).toFixed(1)} MB.`);
      return;
    }
    setText(await file.text());
    setFilename(file.name);
  }

  const error = shown.state && !shown.state.ok ? shown.state.message : undefined;
  const errorLine = excerpt(error, text);
  const applyError = applied.state && !applied.state.ok ? applied.state.message : undefined;

  return (
    <div className={styles.layout}>
      <form
        className={styles.source}
        onSubmit={(event) => {
          setPreviewed({ text, filename });
          shown.onSubmit(event);
        }}
        aria-label="Preview the import"
        aria-busy={shown.pending || undefined}
        noValidate
      >
        <input type="hidden" name="service" value={service} />
        <input type="hidden" name="filename" value={filename || PASTED} />
        <Field label="Upload a file" hint="OpenAPI 3.0 or 3.1 (YAML or JSON), or a JSON Schema such as Pydantic's model_json_schema() writes. At most 1 MB." error={fileProblem ?? undefined}>
          <Input type="file" accept=".yaml,.yml,.json,application/json,application/yaml,text/yaml" onChange={onFile} />
        </Field>
        <Field label={INTERFACE_IMPORT_LABELS.text} hint={filename ? `From ${filename}; edit it here or paste another.` : "Or paste the document here."}>
          <Textarea
            name="text"
            rows={14}
            mono
            value={text}
            onChange={(e) => setText(e.target.value)}
            placeholder={"openapi: 3.1.0\ninfo: {title: Layout API, version: '1'}\npaths:\n  /v1/layouts/generate:\n    post:\n      operationId: generateLayouts\n      …"}
          />
        </Field>
        <div className={styles.actions}>
          <Button type="submit" variant="secondary" loading={shown.pending} disabled={text.trim() === ""}>
            Preview
          </Button>
          {filename && (
            <Button
              type="button"
              variant="ghost"
              onClick={() => {
                setFilename("");
                setText("");
              }}
            >
              Clear
            </Button>
          )}
        </div>
      </form>

      <section aria-label="Preview" className={styles.source}>
        {error && (
          <Alert tone="error" title="This file cannot be imported">
            {error}
            {errorLine && <pre className={styles.excerpt}>{errorLine}</pre>}
          </Alert>
        )}
        {appliedPlan && (
          <Alert tone="success" title="Imported">
            {applied.state?.message} <a href={`/services/${encodeURIComponent(service)}`}>Back to {service}</a>
          </Alert>
        )}
        {applyError && <Alert tone="error">{applyError}</Alert>}
        {appliedPlan ? (
          <ImportPlanView result={appliedPlan} />
        ) : (
          current &&
          plan && (
            <>
              <ImportPlanView result={plan} />
              <form onSubmit={applied.onSubmit} aria-label="Apply the import" className={styles.actions}>
                <input type="hidden" name="service" value={service} />
                <input type="hidden" name="filename" value={filename || PASTED} />
                <input type="hidden" name="text" value={text} />
                {writes ? (
                  <Button type="submit" variant="primary" loading={applied.pending}>
                    Apply: create {plan.plan.create.length}, update {plan.plan.update.length}
                  </Button>
                ) : (
                  <p className={styles.muted}>Nothing to apply: {service} already has what this file describes.</p>
                )}
                <span className={styles.muted}>Interfaces the file does not have are never deleted.</span>
              </form>
            </>
          )
        )}
        {plan && !current && !appliedPlan && <p className={styles.muted}>The text changed since the preview: preview it again.</p>}
      </section>
    </div>
  );
}
