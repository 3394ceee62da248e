"use client";
// Adding or editing one interface of a service: an operation (method, path, request and response
// JSON Schemas) or a named data schema (one JSON Schema). Schemas are pasted as JSON; the server
// names a syntax error by line and column under the field. An edit that lost the race shows what
// is saved now above the form (which keeps what was typed) and moves the version to it.
import { useState } from "react";
import { ActionForm, FormField, SubmitButton, useActionResult } from "@/components/forms/ActionForm";
import type { ServerAction } from "@/components/forms/useFormAction";
import { Alert } from "@/components/ui/Alert";
import { Input, Select, Textarea } from "@/components/ui/Input";
import { INTERFACE_LABELS } from "@/lib/validation/labels";

const L = INTERFACE_LABELS;
import { LIMITS } from "@/lib/validation/limits";
import styles from "./catalog.module.css";

export type InterfaceValues = {
  id: string;
  version: number;
  kind: string;
  name: string;
  method: string;
  path: string;
  summary: string;
  requestSchema: string;
  responseSchema: string;
};

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"];
const COMPARED = ["name", "method", "path", "summary", "requestSchema", "responseSchema"] as const;

function Theirs({ values }: { values?: InterfaceValues }) {
  const state = useActionResult();
  const theirs = state && !state.ok ? state.result : undefined;
  if (!values) return null;
  return (
    <>
      <input type="hidden" name="version" value={theirs?.conflictVersion ?? String(values.version)} />
      {theirs?.conflictVersion && (
        <Alert tone="warning" title="Someone else saved this interface while you were editing">
          <p>What is saved now (version {theirs.conflictVersion}) is below; yours (from version {values.version}) is still in the form. Copy what you need, then save again to replace theirs with yours.</p>
          <dl className={styles.versions} data-testid="conflict-theirs">
            <span className={styles.versionsHead} />
            <span className={styles.versionsHead}>Saved now</span>
            <span className={styles.versionsHead}>When you opened it</span>
            {COMPARED.map((name) => (
              <div key={name} className={styles.contents}>
                <dt>{L[name]}</dt>
                <dd className={(theirs[name] ?? "") !== values[name] ? styles.differs : undefined}>
                  <code className={styles.schemaInput}>{truncate(theirs[name] ?? "") || "—"}</code>
                </dd>
                <dd>
                  <code className={styles.schemaInput}>{truncate(values[name]) || "—"}</code>
                </dd>
              </div>
            ))}
          </dl>
        </Alert>
      )}
    </>
  );
}

const SCHEMA_HINT = "A JSON Schema, pasted as JSON. Shared parts can live in $defs and be used with $ref.";
const SCHEMA_PLACEHOLDER = '{"type": "object", "properties": {"id": {"type": "string"}}}';

const truncate = (s: string) => (s.length > 300 ? `${s.slice(0, 300)}…` : s);

export function InterfaceForm({ action, service, values }: { action: ServerAction; service: string; values?: InterfaceValues }) {
  const [kind, setKind] = useState(values?.kind ?? "operation");
  const isSchema = kind === "schema";
  const I = LIMITS.interface;
  return (
    <ActionForm action={action} className={styles.form} resetOnSuccess={!values} closeOnSuccess={Boolean(values)} aria-label={values ? `Edit ${values.name}` : `Add an interface to ${service}`}>
      <input type="hidden" name="service" value={service} />
      {values && <input type="hidden" name="interfaceId" value={values.id} />}
      <Theirs values={values} />
      <div className={styles.formRow}>
        <FormField name="kind" label={INTERFACE_LABELS.kind} required>
          <Select name="kind" value={kind} onChange={(e) => setKind(e.target.value)}>
            <option value="operation">Operation (an endpoint)</option>
            <option value="schema">Data schema</option>
          </Select>
        </FormField>
        <FormField name="name" label={INTERFACE_LABELS.name} required hint={isSchema ? "The schema's name, like Room." : "The operationId or a readable name, like createLayout."}>
          <Input name="name" required maxLength={I.name} defaultValue={values?.name} className="mono" autoComplete="off" />
        </FormField>
      </div>
      {!isSchema && (
        <div className={styles.formRow}>
          <FormField name="method" label={INTERFACE_LABELS.method} optional hint="Empty for a queue topic or a port.">
            <Select name="method" defaultValue={values?.method ?? "GET"}>
              <option value="">None</option>
              {METHODS.map((m) => (
                <option key={m} value={m}>
                  {m}
                </option>
              ))}
            </Select>
          </FormField>
          <FormField name="path" label={INTERFACE_LABELS.path} optional>
            <Input name="path" maxLength={I.path} defaultValue={values?.path} className="mono" placeholder="/v1/layouts/{id}" autoComplete="off" />
          </FormField>
        </div>
      )}
      <FormField name="summary" label={INTERFACE_LABELS.summary} optional>
        <Input name="summary" maxLength={I.summary} defaultValue={values?.summary} />
      </FormField>
      {isSchema ? (
        <FormField name="dataSchema" label={INTERFACE_LABELS.dataSchema} optional hint={SCHEMA_HINT}>
          <Textarea name="dataSchema" rows={8} maxLength={I.schemaChars} defaultValue={values?.requestSchema} className={styles.schemaInput} spellCheck={false} placeholder={SCHEMA_PLACEHOLDER} />
        </FormField>
      ) : (
        <FormField name="requestSchema" label={INTERFACE_LABELS.requestSchema} optional hint={SCHEMA_HINT}>
          <Textarea name="requestSchema" rows={8} maxLength={I.schemaChars} defaultValue={values?.requestSchema} className={styles.schemaInput} spellCheck={false} placeholder={SCHEMA_PLACEHOLDER} />
        </FormField>
      )}
      {!isSchema && (
        <FormField name="responseSchema" label={INTERFACE_LABELS.responseSchema} optional>
          <Textarea name="responseSchema" rows={6} maxLength={I.schemaChars} defaultValue={values?.responseSchema} className={styles.schemaInput} spellCheck={false} />
        </FormField>
      )}
      {isSchema && <input type="hidden" name="method" value="" />}
      <div className={styles.formActions}>
        <SubmitButton size="sm">{values ? "Save interface" : isSchema ? "Add data schema" : "Add operation"}</SubmitButton>
      </div>
    </ActionForm>
  );
}
