// A JSON Schema as a field table (lib/catalog/schema-fields.ts): one row per field with its type,
// "required", description, allowed values and constraints; nested objects, array items and
// definitions fold out below their row; a definition already open above is named, not repeated.
// The raw JSON Schema is one click away. Server-rendered: <details> needs no script.
import { Fragment, type ReactNode } from "react";
import { countFields, fieldTable, type FieldRow } from "@/lib/catalog/schema-fields";
import { codeFence } from "@/lib/markdown/fence";
import { Markdown } from "@/lib/markdown/render";
import styles from "./catalog.module.css";

function Rows({ rows, caption }: { rows: FieldRow[]; caption: string }): ReactNode {
  return (
    <table className={styles.fields}>
      <caption className="sr-only">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Field</th>
          <th scope="col">Type</th>
          <th scope="col">Description</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row, i) => (
          <Fragment key={`${row.name}-${i}`}>
            <tr>
              <th scope="row" className={styles.fieldName}>
                <code>{row.name}</code>
                {row.required && <span className={styles.required}>required</span>}
              </th>
              <td className={styles.fieldType}>
                <code>{row.type}</code>
                {row.recursive && (
                  <span className={styles.recursive} title={`${row.ref} is open above: its fields are listed there.`}>
                    ↻ {row.ref}, above
                  </span>
                )}
              </td>
              <td className={styles.fieldDescription}>
                {row.description && <p>{row.description}</p>}
                {row.enumValues.length > 0 && (
                  <p className={styles.enum}>
                    <span className={styles.enumLabel}>{row.enumValues.length === 1 ? "Always" : "One of"}</span>
                    {row.enumValues.map((v) => (
                      <code key={v}>{v}</code>
                    ))}
                  </p>
                )}
                {row.constraints.length > 0 && <p className={styles.constraints}>{row.constraints.join(" · ")}</p>}
                {!row.description && row.enumValues.length === 0 && row.constraints.length === 0 && <span className={styles.none}>—</span>}
              </td>
            </tr>
            {row.children.length > 0 && (
              <tr className={styles.nestedRow}>
                <td colSpan={3}>
                  <details className={styles.nested}>
                    <summary>
                      {row.ref ? <code>{row.ref}</code> : <code>{row.name}</code>}
                      <span>
                        {row.children.length} {row.children.length === 1 ? "field" : "fields"}
                        {row.type.startsWith("array") ? " in each item" : ""}
                      </span>
                    </summary>
                    <Rows rows={row.children} caption={`Fields of ${row.name}`} />
                  </details>
                </td>
              </tr>
            )}
          </Fragment>
        ))}
      </tbody>
    </table>
  );
}

/** One schema: its field table (or what it is, when it has no fields) and the raw JSON on demand. */
export function SchemaFieldTable({ label, schema }: { label: string; schema: unknown }) {
  const table = fieldTable(schema);
  const total = countFields(table.rows);
  return (
    <section className={styles.schemaBlock} aria-label={label}>
      <header className={styles.schemaHead}>
        <h4>{label}</h4>
        <code className={styles.schemaType}>{table.title && table.type !== table.title ? `${table.title} · ${table.type}` : table.type}</code>
        {total > 0 && (
          <span className={styles.schemaCount}>
            {table.rows.length} {table.rows.length === 1 ? "field" : "fields"}
            {total > table.rows.length ? `, ${total} with nested` : ""}
          </span>
        )}
      </header>
      {table.description && <p className={styles.schemaDescription}>{table.description}</p>}
      {table.rows.length > 0 ? <Rows rows={table.rows} caption={label} /> : <p className={styles.none}>No named fields: the value is {article(table.type)}.</p>}
      {table.truncated && <p className={styles.none}>This schema is large: the table stops after {total.toLocaleString("en-US")} fields. The raw JSON Schema below has all of it.</p>}
      <details className={styles.raw}>
        <summary>Raw JSON Schema</summary>
        <Markdown source={codeFence(JSON.stringify(schema, null, 2) ?? "null", "json")} variant="compact" />
      </details>
    </section>
  );
}

function article(type: string): string {
  return /^[aeiou]/i.test(type) ? `an ${type}` : `a ${type}`;
}
