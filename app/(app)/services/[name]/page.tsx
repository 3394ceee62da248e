import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Fragment, cache, type ReactNode } from "react";
import { Avatar } from "@/components/ui/Avatar";
import { Badge, StatusBadge } from "@/components/ui/Badge";
import { Button } from "@/components/ui/Button";
import { Card } from "@/components/ui/Card";
import { PageContainer, Stack } from "@/components/ui/PageContainer";
import { PageHeader } from "@/components/ui/PageHeader";
import { RelativeTime } from "@/components/ui/RelativeTime";
import { Table } from "@/components/ui/Table";
import type { Tone } from "@/components/ui/status";
import { getActor, requireActorOrRedirect } from "@/lib/auth/session";
import type { Actor } from "@/lib/auth/actor";
import { getService } from "@/lib/data/services";
import { serviceMilestoneChoices } from "@/lib/data/service-milestones";
import { ServiceMilestonesCard } from "@/components/service/ServiceMilestonesCard";
import { linkMilestoneAction, unlinkMilestoneAction } from "./actions";
import { NotFoundError } from "@/lib/errors";
import { codeFence } from "@/lib/markdown/fence";
import { Markdown } from "@/lib/markdown/render";
import styles from "@/components/service/services.module.css";
import { serviceSegment } from "../_lib/segment";
import { serviceEditorsPhrase } from "@/lib/auth/permissions";

type Params = Promise<{ name: string }>;

// generateMetadata and the page share one load per request.
const load = cache((actor: Actor, name: string) => getService(actor, name));

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { name } = await params;
  const actor = await getActor();
  if (!actor) return { title: "Service" };
  try {
    const { service } = await load(actor, serviceSegment(name));
    return { title: service.displayName ? `${service.name} (${service.displayName})` : service.name };
  } catch {
    return { title: "Service" };
  }
}

const METHOD_TONES: Record<string, Tone> = { GET: "blue", POST: "green", PUT: "amber", PATCH: "amber", DELETE: "red", HEAD: "gray", OPTIONS: "gray" };
const KIND_TONES: Record<string, Tone> = { calls: "blue", reads: "teal", publishes: "violet" };
const KIND_INCOMING: Record<string, string> = { calls: "called by", reads: "read by", publishes: "receives from" };

/** The operation's method, or the transport its path names ("queue:render.requested", "postgres:5432"). */
function methodLabel(method: string, path: string): { label: string; tone: Tone } {
  const m = method.trim().toUpperCase();
  if (m) return { label: m, tone: METHOD_TONES[m] ?? "gray" };
  if (/^(queue|topic|stream|kafka|amqp|nats|sqs)[:/]/i.test(path)) return { label: "QUEUE", tone: "violet" };
  if (/^grpc[:/]/i.test(path)) return { label: "gRPC", tone: "teal" };
  if (/^[\w.-]+:\d+$/.test(path)) return { label: "TCP", tone: "gray" };
  return { label: "OP", tone: "gray" };
}

/** Pretty JSON as a fenced block, with a fence longer than any backtick run inside it. */
function jsonFence(value: unknown): string {
  return codeFence(JSON.stringify(value, null, 2) ?? "null", "json");
}

function schemaHint(value: unknown): string {
  if (!value || typeof value !== "object") return "";
  const schema = value as { type?: unknown; properties?: unknown; items?: unknown };
  if (schema.type === "object" && schema.properties && typeof schema.properties === "object") {
    const n = Object.keys(schema.properties).length;
    return `object · ${n} ${n === 1 ? "field" : "fields"}`;
  }
  if (schema.type === "array") return "array";
  return typeof schema.type === "string" ? schema.type : "";
}

export default async function ServicePage({ params }: { params: Params }) {
  const { name: raw } = await params;
  const name = serviceSegment(raw);
  const actor = await requireActorOrRedirect(`/services/${encodeURIComponent(name)}`);
  let data;
  try {
    data = await load(actor, name);
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
  const { service, may } = data;
  const choices = await serviceMilestoneChoices(actor, name);
  const now = new Date();
  const milestones = service.milestones.map((m) => m.milestone);
  const calls = [...service.calls].sort((a, b) => a.to.name.localeCompare(b.to.name));
  const calledBy = [...service.calledBy].sort((a, b) => a.from.name.localeCompare(b.from.name));

  return (
    <PageContainer width="wide">
      <Stack>
        <PageHeader
          breadcrumbs={[{ label: "Services", href: "/services" }, { label: service.name }]}
          title={<span className={styles.titleName}>{service.name}</span>}
          meta={
            <>
              <StatusBadge kind="layer" value={service.layer} />
              <StatusBadge kind="lifecycle" value={service.lifecycle} />
            </>
          }
          description={service.displayName || undefined}
          actions={
            may.update ? (
              <Button href={`/services/${encodeURIComponent(service.name)}/edit`} variant="secondary">
                Edit service
              </Button>
            ) : undefined
          }
        />

        <div className={styles.grid}>
          <Stack gap={4}>
            <Card title="About">
              <Markdown source={service.description} idPrefix="service" headingOffset={2} empty={<p className={styles.muted}>{may.update ? "No description yet. Say what this service does, what it owns and what it must never do." : "No description yet."}</p>} />
            </Card>

            <Card title="Dependencies" description="Who reaches this service by name, and whom it reaches.">
              <div className={styles.flow}>
                <div className={styles.flowColumn}>
                  <span className={styles.flowHeading}>Called by · {calledBy.length}</span>
                  {calledBy.length === 0 ? (
                    <p className={styles.emptyNote}>No service is recorded as calling it.</p>
                  ) : (
                    <ul className={styles.flowList}>
                      {calledBy.map((d) => (
                        <Edge key={`${d.from.name}-${d.kind}`} name={d.from.name} displayName={d.from.displayName} layer={d.from.layer} kind={d.kind} kindLabel={KIND_INCOMING[d.kind] ?? d.kind} description={d.description} />
                      ))}
                    </ul>
                  )}
                </div>
                <div className={styles.center} aria-hidden>
                  <span className={styles.arrow}>→</span>
                  <span className={styles.centerNode}>{service.name}</span>
                  <span className={styles.arrow}>→</span>
                </div>
                <div className={styles.flowColumn}>
                  <span className={styles.flowHeading}>Calls · {calls.length}</span>
                  {calls.length === 0 ? (
                    <p className={styles.emptyNote}>No calls to other services are recorded.</p>
                  ) : (
                    <ul className={styles.flowList}>
                      {calls.map((d) => (
                        <Edge key={`${d.to.name}-${d.kind}`} name={d.to.name} displayName={d.to.displayName} layer={d.to.layer} kind={d.kind} kindLabel={d.kind} description={d.description} />
                      ))}
                    </ul>
                  )}
                </div>
              </div>
            </Card>

            <Card title="Interfaces" description={interfaceSummary(service.interfaces.length)} padding="none">
              {service.interfaces.length === 0 ? (
                <p className={`${styles.emptyNote} ${styles.inset}`}>No interfaces are recorded for this service.</p>
              ) : (
                <Table framed={false} caption={`Interfaces of ${service.name}`}>
                  <thead>
                    <tr>
                      <th scope="col">Method</th>
                      <th scope="col">Path</th>
                      <th scope="col">Operation</th>
                      <th scope="col">Summary</th>
                    </tr>
                  </thead>
                  {service.interfaces.map((op) => {
                    const m = methodLabel(op.method, op.path);
                    const hasSchemas = op.requestSchema != null || op.responseSchema != null;
                    return (
                      <tbody key={op.id} className={styles.opGroup}>
                        <tr className={hasSchemas ? styles.hasSchemas : undefined}>
                          <td>
                            <span className={styles.method} data-tone={m.tone}>
                              {m.label}
                            </span>
                          </td>
                          <td className={styles.path}>{op.path ? breakableSlashes(op.path) : "—"}</td>
                          <td className={styles.opName}>{op.name}</td>
                          <td className={styles.summary}>{op.summary || "—"}</td>
                        </tr>
                        {hasSchemas && (
                          <tr className={styles.schemaRow}>
                            <td />
                            <td colSpan={3}>
                              <div className={styles.schemas}>
                                {op.requestSchema != null && <Schema label="Request schema" value={op.requestSchema} />}
                                {op.responseSchema != null && <Schema label="Response schema" value={op.responseSchema} />}
                              </div>
                            </td>
                          </tr>
                        )}
                      </tbody>
                    );
                  })}
                </Table>
              )}
            </Card>
          </Stack>

          <Stack gap={4}>
            <Card title="Details">
              <dl className={styles.facts}>
                <dt>Owner</dt>
                <dd>
                  {service.owner ? (
                    <span className={styles.owner}>
                      <Avatar name={service.owner.name} size="sm" decorative />
                      {service.owner.name}
                    </span>
                  ) : (
                    <span className={styles.muted}>Unowned</span>
                  )}
                </dd>
                <dt>Name</dt>
                <dd className={styles.mono}>{service.name}</dd>
                <dt>Image</dt>
                <dd>{service.image ? <code className={styles.mono}>{service.image}</code> : <span className={styles.muted}>Not set</span>}</dd>
                <dt>Repository</dt>
                <dd>{service.repositoryPath ? <code className={styles.mono}>{service.repositoryPath}</code> : <span className={styles.muted}>Not set</span>}</dd>
                <dt>Layer</dt>
                <dd>
                  <StatusBadge kind="layer" value={service.layer} size="sm" />
                </dd>
                <dt>Lifecycle</dt>
                <dd>
                  <StatusBadge kind="lifecycle" value={service.lifecycle} size="sm" />
                </dd>
                <dt>Updated</dt>
                <dd>
                  <RelativeTime date={service.updatedAt} now={now} />
                </dd>
                <dt>Added</dt>
                <dd>
                  <RelativeTime date={service.createdAt} now={now} mode="date" />
                </dd>
                <dt>Edited by</dt>
                <dd className={styles.muted}>{serviceEditorsPhrase()}</dd>
              </dl>
            </Card>

            <ServiceMilestonesCard service={service.name} milestones={milestones} choices={choices} link={linkMilestoneAction} unlink={unlinkMilestoneAction} />
          </Stack>
        </div>
      </Stack>
    </PageContainer>
  );
}

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

function interfaceSummary(n: number): string {
  if (n === 0) return "Operations other services and clients call.";
  return `${n} ${n === 1 ? "operation" : "operations"} other services and clients call.`;
}

function Edge({
  name,
  displayName,
  layer,
  kind,
  kindLabel,
  description,
}: {
  name: string;
  displayName: string;
  layer: string;
  kind: string;
  kindLabel: string;
  description: string;
}) {
  return (
    <li className={styles.edge}>
      <Badge tone={KIND_TONES[kind] ?? "gray"} size="sm">
        {kindLabel}
      </Badge>
      <span className={styles.edgeName}>
        <Link href={`/services/${name}`} title={displayName || undefined}>
          {name}
        </Link>
        <StatusBadge kind="layer" value={layer} size="sm" />
      </span>
      {description && <span className={styles.edgeDescription}>{description}</span>}
    </li>
  );
}

function Schema({ label, value }: { label: string; value: unknown }): ReactNode {
  const hint = schemaHint(value);
  return (
    <details className={styles.schema}>
      <summary>
        {label}
        {hint && <span className={styles.schemaHint}>{hint}</span>}
      </summary>
      <div className={styles.schemaBody}>
        <Markdown source={jsonFence(value)} variant="compact" />
      </div>
    </details>
  );
}
