"use client";
// The Decompose form: the list in a textarea, a Preview button (a dry run on the server, so the
// preview shows the very keys and dependencies that creating would make), and "Create N
// milestones", offered only while the preview matches the text.
import { useState } from "react";
import { Alert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { Field } from "@/components/ui/Field";
import { Textarea } from "@/components/ui/Input";
import { Table } from "@/components/ui/Table";
import { useFormAction, type ServerAction } from "@/components/forms/useFormAction";
import { useLeaveGuard } from "@/components/forms/useLeaveGuard";
import type { DecomposePlanned } from "@/lib/data/decompose";
import { DECOMPOSE_LIMITS } from "@/lib/plan/decompose";
import styles from "./decompose.module.css";

const EXAMPLE = ["Data loader for RPLAN (3d)", "Train the denoiser ~5 days after 1", "Serve behind the layout API (2d) after 2"].join("\n");

export function DecomposeForm({ handoffId, label, preview, create }: { handoffId: string; label: string; preview: ServerAction; create: ServerAction }) {
  const [list, setList] = useState("");
  const [previewed, setPreviewed] = useState<string | null>(null);
  const shown = useFormAction(preview);
  const created = useFormAction(create);
  const milestones: DecomposePlanned[] = shown.state?.ok && shown.state.result?.preview ? JSON.parse(shown.state.result.preview) : [];
  const current = shown.state?.ok && previewed === list && milestones.length > 0;
  const errors = shown.state && !shown.state.ok ? (shown.state.fieldErrors?.list ?? []) : [];
  // A typed list is work: ask before leaving it behind, unless it is being (or was) created.
  useLeaveGuard(list.trim() !== "" && !created.pending && !created.state?.ok);

  return (
    <div className={styles.layout}>
      <form
        onSubmit={(event) => {
          setPreviewed(list);
          shown.onSubmit(event);
        }}
        aria-label="Preview milestones"
        aria-busy={shown.pending || undefined}
        noValidate
      >
        <input type="hidden" name="id" value={handoffId} />
        <Field
          label={label}
          hint={`One milestone per line, up to ${DECOMPOSE_LIMITS.items}: a title, an estimate in days as "(3d)" or "~5 days", and "after" with the numbers of other milestones of this list (blank lines do not count) or keys of milestones the project has (FLOOR-4).`}
        >
          <Textarea name="list" rows={10} mono value={list} onChange={(e) => setList(e.target.value)} placeholder={EXAMPLE} maxLength={DECOMPOSE_LIMITS.chars} />
        </Field>
        <div className={styles.actions}>
          <Button type="submit" variant="secondary" loading={shown.pending}>
            Preview
          </Button>
        </div>
      </form>

      <section aria-label="Preview" className={styles.preview}>
        {shown.state && !shown.state.ok && (
          <Alert tone="error" title={errors.length > 1 ? `${errors.length} lines need a change` : "Nothing can be created yet"}>
            {errors.length > 1 ? (
              <ul className={styles.errors}>
                {errors.map((e) => (
                  <li key={e}>{e}</li>
                ))}
              </ul>
            ) : (
              shown.state.message
            )}
          </Alert>
        )}
        {current && (
          <>
            <Table aria-label="Milestones to create">
              <thead>
                <tr>
                  <th scope="col">Line</th>
                  <th scope="col">Key</th>
                  <th scope="col">Title</th>
                  <th scope="col">Estimate</th>
                  <th scope="col">After</th>
                </tr>
              </thead>
              <tbody>
                {milestones.map((m) => (
                  <tr key={m.key}>
                    <td>{m.line}</td>
                    <td className="mono">{m.key}</td>
                    <td>{m.title}</td>
                    <td>{m.estimateDays === null ? "—" : `${m.estimateDays} d`}</td>
                    <td className="mono">
                      {m.after.length
                        ? m.after.map((d, i) => (
                            <span key={d.key} title={d.existing ? `${d.title} (already planned)` : d.title}>
                              {i > 0 && ", "}
                              {d.key}
                            </span>
                          ))
                        : "—"}
                    </td>
                  </tr>
                ))}
              </tbody>
            </Table>
            <form onSubmit={created.onSubmit} aria-label="Create milestones" className={styles.actions}>
              <input type="hidden" name="id" value={handoffId} />
              <input type="hidden" name="list" value={list} />
              <Button type="submit" variant="primary" loading={created.pending}>
                Create {milestones.length} milestone{milestones.length === 1 ? "" : "s"}
              </Button>
            </form>
          </>
        )}
        {created.state && !created.state.ok && <Alert tone="error">{created.state.message}</Alert>}
        {shown.state?.ok && !current && previewed !== list && <p className={styles.muted}>The list changed since the preview: preview it again.</p>}
      </section>
    </div>
  );
}
