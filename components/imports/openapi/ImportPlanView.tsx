// What an interface import would do (or did): the four lists of the plan, each operation with its
// method and path, and for an update each changed field with its value before and after (schemas
// behind a disclosure, as JSON). Pure rendering of the server's plan.
import { Badge } from "@/components/ui/Badge";
import type { Tone } from "@/components/ui/status";
import type { InterfaceEntry, InterfaceImportResult } from "@/lib/data/interface-import";
import { schemaDifferences } from "./schema-diff";
import styles from "./openapi-import.module.css";

const SECTIONS = [
  { key: "create", title: (applied: boolean) => (applied ? "Created" : "Will be created"), empty: "Nothing new." },
  { key: "update", title: (applied: boolean) => (applied ? "Updated" : "Will be updated"), empty: "Nothing changes." },
  { key: "unchanged", title: () => "Unchanged", empty: "None." },
  { key: "missing", title: () => "In the catalog, not in the file (left as they are)", empty: "None: the file has every interface of this kind the service has." },
] as const;

const SHOWN_CHARS = 4_000;
/** As the service page colours them. */
const METHOD_TONES: Record<string, Tone> = { GET: "blue", POST: "green", PUT: "amber", PATCH: "amber", DELETE: "red", HEAD: "gray", OPTIONS: "gray", TRACE: "gray" };

function shown(value: unknown): string {
  if (value === null || value === undefined || value === "") return "(none)";
  if (typeof value === "string") return value;
  const text = JSON.stringify(value, null, 2);
  return text.length > SHOWN_CHARS ? `${text.slice(0, SHOWN_CHARS)}\n… (${(text.length - SHOWN_CHARS).toLocaleString("en-US")} more characters)` : text;
}

const isSchema = (field: string) => field === "requestSchema" || field === "responseSchema";

function Operation({ entry }: { entry: InterfaceEntry }) {
  return (
    <span className={styles.operation}>
      {entry.kind === "schema" ? (
        <Badge tone="violet" size="sm">
          schema
        </Badge>
      ) : entry.method ? (
        <Badge tone={METHOD_TONES[entry.method] ?? "gray"} size="sm" className={styles.method}>
          {entry.method}
        </Badge>
      ) : null}
      {entry.path && <code className={styles.path}>{entry.path}</code>}
      <span className={styles.name}>{entry.name}</span>
    </span>
  );
}

/** A schema's change: the places that differ, then both schemas whole on demand. */
function SchemaChange({ label, from, to }: { label: string; from: unknown; to: unknown }) {
  if (from === null || to === null) {
    return (
      <details>
        <summary>{from === null ? "added" : "removed"}: show the schema</summary>
        <pre className={styles.schema} aria-label={`${label} ${from === null ? "after" : "before"}`}>
          {shown(from === null ? to : from)}
        </pre>
      </details>
    );
  }
  const { differences, more } = schemaDifferences(from, to);
  return (
    <>
      <ul className={styles.differences}>
        {differences.map((d) => (
          <li key={d.path}>
            <code>{d.path}</code>: <del className={styles.before}>{d.from}</del> → <ins className={styles.after}>{d.to}</ins>
          </li>
        ))}
        {more && <li className={styles.muted}>and more</li>}
      </ul>
      <details>
        <summary>Show both schemas</summary>
        <div className={styles.schemas}>
          <pre aria-label={`${label} before`}>{shown(from)}</pre>
          <pre aria-label={`${label} after`}>{shown(to)}</pre>
        </div>
      </details>
    </>
  );
}

export function ImportPlanView({ result }: { result: InterfaceImportResult }) {
  return (
    <div className={styles.plan}>
      <p className={styles.muted}>
        {result.filename}: {result.format}
        {result.title ? ` “${result.title}”` : ""}, {result.plan.create.length + result.plan.update.length + result.plan.unchanged.length} interface
        {result.plan.create.length + result.plan.update.length + result.plan.unchanged.length === 1 ? "" : "s"} for {result.service}.
      </p>
      {SECTIONS.map((section) => {
        const entries = result.plan[section.key];
        const title = section.title(result.applied);
        return (
          <section key={section.key} aria-label={title} className={styles.section} data-kind={section.key}>
            <h3 className={styles.sectionTitle}>
              {title} <span className={styles.count}>({entries.length})</span>
            </h3>
            {entries.length === 0 ? (
              <p className={styles.muted}>{section.empty}</p>
            ) : (
              <ul className={styles.entries}>
                {entries.map((entry) => (
                  <li key={entry.name} className={styles.entry}>
                    <Operation entry={entry} />
                    {entry.changes && entry.changes.length > 0 && (
                      <dl className={styles.changes}>
                        {entry.changes.map((change) => (
                          <div key={change.field} className={styles.change}>
                            <dt>{change.label}</dt>
                            <dd>
                              {isSchema(change.field) ? (
                                <SchemaChange label={change.label} from={change.from} to={change.to} />
                              ) : (
                                <>
                                  <del className={styles.before}>{shown(change.from)}</del> → <ins className={styles.after}>{shown(change.to)}</ins>
                                </>
                              )}
                            </dd>
                          </div>
                        ))}
                      </dl>
                    )}
                  </li>
                ))}
              </ul>
            )}
          </section>
        );
      })}
    </div>
  );
}
