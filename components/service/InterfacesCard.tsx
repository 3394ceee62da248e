// A service's interfaces, the way an API reference reads: each operation folds open to its
// request and response as field tables (the raw JSON Schema one click further), and named data
// schemas are listed apart, as schemas rather than endpoints. Editors add, edit and remove here.
import { Fragment, type ReactNode } from "react";
import type { ServerAction } from "@/components/forms/useFormAction";
import { Button } from "@/components/ui/Button";
import { Card } from "@/components/ui/Card";
import type { Tone } from "@/components/ui/status";
import { InterfaceForm, type InterfaceValues } from "./InterfaceForm";
import { ConfirmAction } from "./ConfirmAction";
import { SchemaFieldTable } from "./SchemaFieldTable";
import services from "./services.module.css";
import styles from "./catalog.module.css";


export type InterfaceRow = {
  id: string;
  kind: string;
  name: string;
  method: string;
  path: string;
  summary: string;
  version: number;
  requestSchema: unknown;
  responseSchema: unknown;
};

type Actions = { create: ServerAction; update: ServerAction; remove: ServerAction };

const METHOD_TONES: Record<string, Tone> = { GET: "blue", POST: "green", PUT: "amber", PATCH: "amber", DELETE: "red", HEAD: "gray", OPTIONS: "gray" };

/** The operation's method, or the transport its path names ("queue:render.requested", "postgres:5432"). */
function methodLabel(method: string, path: string): { label: string; tone: Tone } {
  const m = method.trim().toUpperCase();
  if (m) return { label: m, tone: METHOD_TONES[m] ?? "gray" };
  if (/^(queue|topic|stream|kafka|amqp|nats|sqs)[:/]/i.test(path)) return { label: "QUEUE", tone: "violet" };
  if (/^grpc[:/]/i.test(path)) return { label: "gRPC", tone: "teal" };
  if (/^[\w.-]+:\d+$/.test(path)) return { label: "TCP", tone: "gray" };
  return { label: "OP", tone: "gray" };
}

const json = (value: unknown) => (value == null ? "" : JSON.stringify(value, null, 2));

const formValues = (i: InterfaceRow): InterfaceValues => ({
  id: i.id,
  version: i.version,
  kind: i.kind,
  name: i.name,
  method: i.method,
  path: i.path,
  summary: i.summary,
  requestSchema: json(i.requestSchema),
  responseSchema: json(i.responseSchema),
});

/** Lets a long path wrap after a "/" rather than mid-segment. */
function breakableSlashes(path: string): ReactNode {
  const parts = path.split("/");
  return parts.map((part, i) => (
    <Fragment key={i}>
      {part}
      {i < parts.length - 1 && (
        <>
          /<wbr />
        </>
      )}
    </Fragment>
  ));
}

function Tools({ service, row, actions }: { service: string; row: InterfaceRow; actions: Actions }) {
  const what = row.kind === "schema" ? "data schema" : "interface";
  return (
    <div className={styles.opTools}>
      <details className={`${styles.disclosure} ${styles.fullRow}`}>
        <summary>Edit {row.name}</summary>
        <InterfaceForm action={actions.update} service={service} values={formValues(row)} />
      </details>
      <ConfirmAction action={actions.remove} fields={{ service, interfaceId: row.id }} label={`Remove ${row.name}`} title={`Remove the ${what} ${row.name}?`} confirmLabel={`Remove ${what}`}>
        {service} will no longer list it. Its schemas go with it; this cannot be undone.
      </ConfirmAction>
    </div>
  );
}

function Operation({ service, row, actions }: { service: string; row: InterfaceRow; actions?: Actions }) {
  const m = methodLabel(row.method, row.path);
  return (
    <details className={styles.op} data-testid={`interface-${row.name}`}>
      <summary>
        <span className={services.method} data-tone={m.tone}>
          {m.label}
        </span>
        <span className={styles.opMain}>
          <span className={styles.opPath}>{row.path ? breakableSlashes(row.path) : row.name}</span>
          {row.summary && <span className={styles.opSummary}>{row.summary}</span>}
        </span>
        <span className={styles.opName}>{row.path ? row.name : ""}</span>
      </summary>
      <div className={styles.opBody}>
        {row.requestSchema == null && row.responseSchema == null && <p className={styles.none}>No request or response schema is recorded for this operation.</p>}
        {row.requestSchema != null && <SchemaFieldTable label="Request" schema={row.requestSchema} />}
        {row.responseSchema != null && <SchemaFieldTable label="Response" schema={row.responseSchema} />}
        {actions && <Tools service={service} row={row} actions={actions} />}
      </div>
    </details>
  );
}

function DataSchema({ service, row, actions }: { service: string; row: InterfaceRow; actions?: Actions }) {
  return (
    <details className={styles.op} data-testid={`interface-${row.name}`}>
      <summary>
        <span className={styles.schemaKind}>SCHEMA</span>
        <span className={styles.opMain}>
          <span className={styles.opPath}>{row.name}</span>
          {row.summary && <span className={styles.opSummary}>{row.summary}</span>}
        </span>
        <span />
      </summary>
      <div className={styles.opBody}>
        {row.requestSchema == null ? <p className={styles.none}>No schema is recorded yet.</p> : <SchemaFieldTable label={row.name} schema={row.requestSchema} />}
        {actions && <Tools service={service} row={row} actions={actions} />}
      </div>
    </details>
  );
}

export function InterfacesCard({ service, interfaces, actions }: { service: string; interfaces: InterfaceRow[]; actions?: Actions }) {
  const operations = interfaces.filter((i) => i.kind !== "schema");
  const schemas = interfaces.filter((i) => i.kind === "schema");
  const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  const description =
    interfaces.length === 0 ? "Operations other services and clients call, and the data schemas they exchange." : [count(operations.length, "operation", "operations"), schemas.length ? count(schemas.length, "data schema", "data schemas") : ""].filter(Boolean).join(" · ") + ". Open one to see its fields.";
  return (
    <Card
      title="Interfaces"
      description={description}
      padding="none"
      id="interfaces"
      actions={
        actions && (
          <Button href={`/services/${encodeURIComponent(service)}/import`} variant="secondary" size="sm">
            Import from OpenAPI
          </Button>
        )
      }
    >
      {interfaces.length === 0 && <p className={`${services.emptyNote} ${services.inset}`}>No interfaces are recorded for this service.</p>}
      {operations.length > 0 && (
        <>
        {schemas.length > 0 && <div className={styles.sectionLabel}>Operations</div>}
        <div className={styles.ops} aria-label={`Operations of ${service}`} role="list">
          {operations.map((row) => (
            <div role="listitem" key={row.id}>
              <Operation service={service} row={row} actions={actions} />
            </div>
          ))}
        </div>
        </>
      )}
      {schemas.length > 0 && (
        <>
        <div className={styles.sectionLabel}>Data schemas</div>
        <div className={styles.ops} aria-label={`Data schemas of ${service}`} role="list">
          {schemas.map((row) => (
            <div role="listitem" key={row.id}>
              <DataSchema service={service} row={row} actions={actions} />
            </div>
          ))}
        </div>
        </>
      )}
      {actions && (
        <div className={styles.addBox}>
          <details className={styles.disclosure}>
            <summary>Add an interface</summary>
            <InterfaceForm action={actions.create} service={service} />
          </details>
        </div>
      )}
    </Card>
  );
}
