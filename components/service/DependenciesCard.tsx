// Who reaches this service (upstream: calls it, reads from it, publishes to it) and whom it
// reaches (downstream), each linked to its page. Editors add a downstream dependency and remove
// one; a cycle through this service is allowed and named at the top ("a → b → a").
import Link from "next/link";
import { ActionForm, FormField, SubmitButton } from "@/components/forms/ActionForm";
import type { ServerAction } from "@/components/forms/useFormAction";
import { Alert } from "@/components/ui/Alert";
import { Badge, StatusBadge } from "@/components/ui/Badge";
import { Card } from "@/components/ui/Card";
import { Input, Select } from "@/components/ui/Input";
import type { Tone } from "@/components/ui/status";
import { statusLabel } from "@/components/ui/status";
import { DEPENDENCY_LABELS } from "@/lib/validation/labels";
import { LIMITS } from "@/lib/validation/limits";
import { ConfirmAction } from "./ConfirmAction";
import services from "./services.module.css";
import styles from "./catalog.module.css";

type Other = { name: string; displayName: string; layer: string; lifecycle: string };
export type DependencyEdge = { id: string; kind: string; description: string; other: Other };

const KIND_TONES: Record<string, Tone> = { calls: "blue", reads: "teal", publishes: "violet" };
/** Upstream: the other service → this one. */
const INCOMING: Record<string, string> = { calls: "calls it", reads: "reads from it", publishes: "publishes to it" };
/** Downstream: this one → the other service. */
const OUTGOING: Record<string, string> = { calls: "calls", reads: "reads from", publishes: "publishes to" };

function Edge({ edge, kindLabel, tools }: { edge: DependencyEdge; kindLabel: string; tools?: React.ReactNode }) {
  const o = edge.other;
  return (
    <li className={services.edge}>
      <Badge tone={KIND_TONES[edge.kind] ?? "gray"} size="sm">
        {kindLabel}
      </Badge>
      <span className={`${services.edgeName} ${styles.edgeNameWrap}`}>
        <Link href={`/services/${encodeURIComponent(o.name)}`} title={o.displayName || undefined}>
          {o.name}
        </Link>
        <StatusBadge kind="layer" value={o.layer} size="sm" />
        {o.lifecycle === "retired" && <StatusBadge kind="lifecycle" value={o.lifecycle} size="sm" />}
      </span>
      {edge.description && <span className={services.edgeDescription}>{edge.description}</span>}
      {tools && <span className={styles.edgeTools}>{tools}</span>}
    </li>
  );
}

export function DependenciesCard({
  service,
  upstream,
  downstream,
  cycle,
  candidates,
  actions,
}: {
  service: string;
  upstream: DependencyEdge[];
  downstream: DependencyEdge[];
  /** The shortest cycle through this service, as names starting with it; null when none. */
  cycle: string[] | null;
  /** Services it could depend on (the catalog without itself), for the add form. */
  candidates: { name: string; layer: string }[];
  actions?: { add: ServerAction; remove: ServerAction };
}) {
  const layers = [...new Set(candidates.map((c) => c.layer))];
  return (
    <Card title="Dependencies" description="Upstream: who reaches this service by name. Downstream: whom it reaches." id="dependencies">
      {cycle && (
        <Alert tone="warning" title="Part of a cycle">
          <p>
            <span className={styles.cycle} data-testid="service-cycle">
              {[...cycle, cycle[0]].join(" → ")}
            </span>
          </p>
          <p>Cycles are allowed, but each service in one waits on the others to start and to change safely. Check that this is intended.</p>
        </Alert>
      )}
      <div className={styles.flow}>
        <div className={services.flowColumn}>
          <span className={services.flowHeading}>
            Upstream · {upstream.length} <span className={styles.flowArrow}>→ {service}</span>
          </span>
          {upstream.length === 0 ? (
            <p className={services.emptyNote}>No service is recorded as reaching it.</p>
          ) : (
            <ul className={services.flowList} aria-label={`Services that depend on ${service}`}>
              {upstream.map((d) => (
                <Edge key={d.id} edge={d} kindLabel={INCOMING[d.kind] ?? d.kind} />
              ))}
            </ul>
          )}
        </div>
        <div className={services.flowColumn}>
          <span className={services.flowHeading}>
            Downstream · {downstream.length} <span className={styles.flowArrow}>{service} →</span>
          </span>
          {downstream.length === 0 ? (
            <p className={services.emptyNote}>It is not recorded as reaching other services.</p>
          ) : (
            <ul className={services.flowList} aria-label={`Services ${service} depends on`}>
              {downstream.map((d) => (
                <Edge
                  key={d.id}
                  edge={d}
                  kindLabel={OUTGOING[d.kind] ?? d.kind}
                  tools={
                    actions && (
                      <ConfirmAction action={actions.remove} fields={{ service, dependencyId: d.id }} label="Remove" title={`${service} no longer ${OUTGOING[d.kind] ?? d.kind} ${d.other.name}?`} confirmLabel="Remove dependency">
                        The edge goes from the services map and from both services&rsquo; pages.
                      </ConfirmAction>
                    )
                  }
                />
              ))}
            </ul>
          )}
        </div>
      </div>
      {actions && candidates.length > 0 && (
        <details className={`${styles.disclosure} ${styles.spaced}`}>
          <summary>Add a dependency</summary>
          <ActionForm action={actions.add} className={styles.form} resetOnSuccess aria-label={`Add a dependency of ${service}`}>
            <input type="hidden" name="service" value={service} />
            <div className={styles.formRow}>
              <FormField name="kind" label={DEPENDENCY_LABELS.kind} required>
                <Select name="kind" defaultValue="calls">
                  <option value="calls">{service} calls</option>
                  <option value="reads">{service} reads from</option>
                  <option value="publishes">{service} publishes to</option>
                </Select>
              </FormField>
              <FormField name="to" label={DEPENDENCY_LABELS.to} required>
                <Select name="to" defaultValue="">
                  <option value="" disabled>
                    Choose a service
                  </option>
                  {layers.map((layer) => (
                    <optgroup key={layer} label={statusLabel("layer", layer)}>
                      {candidates
                        .filter((c) => c.layer === layer)
                        .map((c) => (
                          <option key={c.name} value={c.name}>
                            {c.name}
                          </option>
                        ))}
                    </optgroup>
                  ))}
                </Select>
              </FormField>
            </div>
            <FormField name="description" label={DEPENDENCY_LABELS.description} optional hint="What it sends or reads, and why.">
              <Input name="description" maxLength={LIMITS.dependency.description} />
            </FormField>
            <div className={styles.formActions}>
              <SubmitButton size="sm">Add dependency</SubmitButton>
            </div>
          </ActionForm>
        </details>
      )}
    </Card>
  );
}
