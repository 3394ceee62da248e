import type { Metadata } from "next";
import type { ReactNode } from "react";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Alert } from "@/components/ui/Alert";
import { ActionForm, FormField, SubmitButton } from "@/components/forms/ActionForm";
import { Badge, StatusBadge } from "@/components/ui/Badge";
import { Card } from "@/components/ui/Card";
import { Select, Textarea } from "@/components/ui/Input";
import { PageContainer, Stack } from "@/components/ui/PageContainer";
import { PageHeader } from "@/components/ui/PageHeader";
import { RelativeTime } from "@/components/ui/RelativeTime";
import { formatDate } from "@/components/ui/format";
import { statusLabel } from "@/components/ui/status";
import { roleAllows } from "@/lib/auth/permissions";
import { Markdown } from "@/lib/markdown/render";
import { requireActorOrRedirect } from "@/lib/auth/session";
import { getMilestone } from "@/lib/data/milestones";
import { NotFoundError } from "@/lib/errors";
import { MILESTONE_HEALTHS, MILESTONE_STATUSES } from "@/lib/validation/milestone";
import { addDependencyAction, removeDependencyAction, servicesAction, tickCriterionAction, updateStatusAction } from "./actions";
import { milestonePlanChoices } from "@/lib/data/milestone-plan";
import { CriteriaChecklist } from "@/components/milestone/CriteriaChecklist";
import { DependenciesCard } from "@/components/milestone/DependenciesCard";
import { ChecklistForm } from "@/components/handoff/ChecklistForm";
import { Button } from "@/components/ui/Button";
import { criteriaItems, criteriaProse } from "@/lib/validation/milestone-criteria";
import styles from "@/components/milestone/milestones.module.css";
import { isCreationNote } from "@/components/milestone/history";
import { LIMITS } from "@/lib/validation/limits";
import { MILESTONE_LABELS, MILESTONE_PLAN_LABELS } from "@/lib/validation/labels";

export const metadata: Metadata = { title: "Milestone" };

type Linked = { id: string; href: string; label: string; kind: "milestone" | "handoff" | "layer"; value: string };

/** A card listing linked items with their status, or a sentence saying there are none. */
function LinkedCard({ title, empty, items, children }: { title: string; empty: string; items: Linked[]; children?: ReactNode }) {
  return (
    <Card title={title}>
      {items.length === 0 ? (
        <p className={styles.prose}>{empty}</p>
      ) : (
        <ul className={styles.links}>
          {items.map((item) => (
            <li key={item.id}>
              <Link href={item.href}>{item.label}</Link>
              <StatusBadge kind={item.kind} value={item.value} size="sm" />
            </li>
          ))}
        </ul>
      )}
      {children}
    </Card>
  );
}

export default async function MilestonePage({ params, searchParams }: { params: Promise<{ key: string; id: string }>; searchParams: Promise<{ created?: string; saved?: string }> }) {
  const [{ key, id }, { created, saved }] = await Promise.all([params, searchParams]);
  const actor = await requireActorOrRedirect(`/projects/${key}/milestones/${id}`);
  let data;
  try {
    data = await getMilestone(actor, id);
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
  const { milestone: m, project, role } = data;
  if (project.key !== key) notFound();
  const now = new Date();
  const open = m.status !== "done" && m.status !== "cancelled";
  const overdue = open && m.dueDate && m.dueDate < now;
  const canUpdate = roleAllows(role, "milestone", "updateStatus");
  const canPlan = roleAllows(role, "milestone", "update");
  const choices = canPlan ? await milestonePlanChoices(actor, m.id) : null;
  const criteria = criteriaItems(m.acceptanceCriteria);
  const linked = m.services.map(({ service: s }) => s.name);
  const base = `/projects/${project.key}`;
  return (
    <PageContainer width="wide">
      <Stack>
        <PageHeader
          breadcrumbs={[{ label: "Milestones", href: `${base}/milestones` }, { label: m.key }]}
          title={m.title}
          actions={
            canPlan && (
              <Button href={`${base}/milestones/${m.id}/edit`} variant="secondary">
                Edit
              </Button>
            )
          }
          meta={
            <>
              <StatusBadge kind="milestone" value={m.status} />
              {open && <StatusBadge kind="health" value={m.health} dot />}
              {overdue && <Badge tone="red">Overdue</Badge>}
            </>
          }
        />
        {created === "1" && (
          <Alert tone="success" title={`Created ${m.key}.`}>
            It starts as planned. Link it from the page of the handoff it comes from, and update its status here as the work moves.
          </Alert>
        )}
        {saved === "1" && <Alert tone="success" title={`Saved ${m.key}.`} />}
        <div className={styles.grid}>
          <Stack gap={4}>
            <Card title="Description">
              <Markdown source={m.description} idPrefix="description" headingOffset={2} empty={<p className={styles.prose}>No description yet.</p>} />
            </Card>
            <Card title="Acceptance criteria">
              {criteria.length === 0 ? (
                <Markdown source={m.acceptanceCriteria} idPrefix="criteria" headingOffset={2} empty={<p className={styles.prose}>No acceptance criteria yet.</p>} />
              ) : (
                <Stack gap={3}>
                  <Markdown source={criteriaProse(m.acceptanceCriteria)} idPrefix="criteria" headingOffset={2} empty={null} />
                  <CriteriaChecklist id={m.id} version={m.version} items={criteria} action={canPlan ? tickCriterionAction : null} />
                </Stack>
              )}
            </Card>
            <Card title="Status history" description="Every status and health change, newest first.">
              <ol className={styles.history}>
                {m.statusUpdates.map((u) => (
                  <li key={u.id}>
                    <strong>{u.author?.name ?? "Someone"}</strong>{" "}
                    {u.fromStatus && u.fromStatus !== u.toStatus
                      ? `moved it from ${statusLabel("milestone", u.fromStatus).toLowerCase()} to ${statusLabel("milestone", u.toStatus).toLowerCase()}`
                      : u.fromStatus
                        ? `set health to ${statusLabel("health", u.toHealth).toLowerCase()}`
                        : `created it as ${statusLabel("milestone", u.toStatus).toLowerCase()}`}
                    {u.fromHealth && u.fromHealth !== u.toHealth && u.fromStatus !== u.toStatus && `, health ${statusLabel("health", u.toHealth).toLowerCase()}`}
                    {u.note && !isCreationNote(u) && <p>{u.note}</p>}
                    <RelativeTime date={u.createdAt} now={now} className={styles.when} />
                  </li>
                ))}
              </ol>
            </Card>
          </Stack>
          <Stack gap={4}>
            {canUpdate && (
              <Card title="Update status">
                <ActionForm action={updateStatusAction} className={styles.form} aria-label="Update status">
                  <input type="hidden" name="id" value={m.id} />
                  <input type="hidden" name="version" value={m.version} />
                  <div className={styles.formRow}>
                    <FormField name="status" label={MILESTONE_LABELS.status}>
                      <Select name="status" defaultValue={m.status}>
                        {MILESTONE_STATUSES.map((s) => (
                          <option key={s} value={s}>
                            {statusLabel("milestone", s)}
                          </option>
                        ))}
                      </Select>
                    </FormField>
                    <FormField name="health" label={MILESTONE_LABELS.health}>
                      <Select name="health" defaultValue={m.health}>
                        {MILESTONE_HEALTHS.map((h) => (
                          <option key={h} value={h}>
                            {statusLabel("health", h)}
                          </option>
                        ))}
                      </Select>
                    </FormField>
                  </div>
                  <FormField name="note" label={MILESTONE_LABELS.note} hint="What changed and why. Required when blocked.">
                    <Textarea name="note" rows={3} maxLength={LIMITS.milestone.statusNote} />
                  </FormField>
                  <div>
                    <SubmitButton>Save status</SubmitButton>
                  </div>
                </ActionForm>
              </Card>
            )}
            <Card title="Details">
              <dl className={styles.facts}>
                <dt>Owner</dt>
                <dd>{m.owner?.name ?? "Unassigned"}</dd>
                <dt>Start</dt>
                <dd>{m.startDate ? formatDate(m.startDate) : "—"}</dd>
                <dt>Due</dt>
                <dd className={overdue ? styles.overdue : undefined}>{m.dueDate ? formatDate(m.dueDate) : "—"}</dd>
                {m.completedAt && (
                  <>
                    <dt>Completed</dt>
                    <dd>{formatDate(m.completedAt)}</dd>
                  </>
                )}
                <dt>Estimate</dt>
                <dd>{m.estimateDays != null ? `${m.estimateDays} days` : "—"}</dd>
              </dl>
            </Card>
            <DependenciesCard
              id={m.id}
              base={base}
              items={m.dependsOn.map(({ dependsOn: d }) => d)}
              choices={choices?.milestones ?? null}
              add={addDependencyAction}
              remove={removeDependencyAction}
            />
            <LinkedCard
              title="Unblocks"
              empty="No milestone waits on this one."
              items={m.dependents.map(({ milestone: d }) => ({ id: d.id, href: `${base}/milestones/${d.id}`, label: `${d.key} ${d.title}`, kind: "milestone", value: d.status }))}
            />
            <LinkedCard
              title="Decomposed from"
              empty="Not linked to a handoff."
              items={m.handoffs.map(({ handoff: h }) => ({ id: h.id, href: `${base}/handoffs/${h.id}`, label: h.title, kind: "handoff", value: h.status }))}
            />
            <LinkedCard
              title="Implemented by"
              empty="No service linked yet."
              items={m.services.map(({ service: s }) => ({ id: s.id, href: `/services/${s.name}`, label: s.name, kind: "layer", value: s.layer }))}
            >
              {choices && (
                <ChecklistForm
                  action={servicesAction}
                  handoffId={m.id}
                  name="services"
                  options={choices.services.map((s) => ({ value: s.name, label: s.name, detail: s.displayName || s.layer }))}
                  selected={linked}
                  summary={linked.length ? "Change services" : "Link services"}
                  label="Services that implement this milestone"
                  legend={MILESTONE_PLAN_LABELS.services}
                  submitLabel="Save services"
                  empty="The services catalog is empty: add a service first."
                  chrome="milestone-services"
                />
              )}
            </LinkedCard>
          </Stack>
        </div>
      </Stack>
    </PageContainer>
  );
}
