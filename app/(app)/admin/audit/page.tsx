// The audit log: every write, every denied request of a signed-in user and every sign-in attempt,
// newest first, with filters and cursor pagination ("Older" passes the last event's id as
// `before`). Above it, the counts of signed-out requests refused and of throttled sign-in attempts,
// which have no events of their own.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Alert } from "@/components/ui/Alert";
import { Badge } from "@/components/ui/Badge";
import { Button } from "@/components/ui/Button";
import { Card } from "@/components/ui/Card";
import { EmptyState } from "@/components/ui/EmptyState";
import { Field } from "@/components/ui/Field";
import { Input, Select } from "@/components/ui/Input";
import { Stack } from "@/components/ui/PageContainer";
import { RelativeTime } from "@/components/ui/RelativeTime";
import { Table } from "@/components/ui/Table";
import type { Tone } from "@/components/ui/status";
import { IconSearch } from "@/components/ui/icons";
import { requireActorOrRedirect } from "@/lib/auth/session";
import { auditQuerySchema, auditTargetNames, listAuditEvents, signedOutRefusals, throttledSignIns } from "@/lib/data/audit";
import { auditTargets } from "@/components/admin/audit-targets";
import { auditActionLabel } from "@/components/admin/audit-actions";
import type { AnonymousDenialSummary, ThrottledSignInSummary } from "@/lib/data/anonymous-denials";
import { ThrottledSignIns } from "./ThrottledSignIns";
import { TargetCell } from "./TargetCell";
import { SignedOutRefusals } from "@/components/admin/SignedOutRefusals";
import { env } from "@/lib/env";
import { ForbiddenError, ValidationError } from "@/lib/errors";
import styles from "../../_components/pages.module.css";

export const metadata: Metadata = { title: "Audit log · Admin" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
type AuditEvents = Awaited<ReturnType<typeof listAuditEvents>>["events"];

const OUTCOME_TONE: Record<string, Tone> = { success: "green", denied: "red", failure: "amber" };
const OUTCOME_LABEL: Record<string, string> = { success: "Success", denied: "Denied", failure: "Failure" };
const FILTER_KEYS = ["action", "outcome", "actor", "before", "take"] as const;

/** "2026-11-26 13:04:05 UTC" */
function utcStamp(date: Date): string {
  return `${date.toISOString().slice(0, 19).replace("T", " ")} UTC`;
}

/** A one-line summary of an event's details, e.g. "reason: Only instance admins can do that." */
function detailsSummary(details: unknown): string {
  if (details === null || details === undefined) return "";
  if (typeof details !== "object") return String(details);
  return Object.entries(details as Record<string, unknown>)
    .map(([k, v]) => `${k}: ${typeof v === "object" && v !== null ? JSON.stringify(v) : String(v)}`)
    .join(" · ");
}

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function href(query: Record<string, string | undefined>): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v) params.set(k, v);
  const qs = params.toString();
  return qs ? `/admin/audit?${qs}` : "/admin/audit";
}

export default async function AuditLogPage({ searchParams }: { searchParams: SearchParams }) {
  const raw = await searchParams;
  const actor = await requireActorOrRedirect(href(Object.fromEntries(FILTER_KEYS.map((k) => [k, first(raw[k])]))));

  // Empty filter fields ("Any outcome") mean no filter, not an invalid value.
  const query: Record<string, string> = {};
  for (const key of FILTER_KEYS) {
    const value = first(raw[key])?.trim();
    if (value) query[key] = value;
  }

  let events: AuditEvents = [];
  let hasMore = false;
  let invalid: string | null = null;
  let refusals: AnonymousDenialSummary | null = null;
  let throttled: ThrottledSignInSummary | null = null;
  let target: ReturnType<typeof auditTargets> = () => undefined;
  try {
    // One admin check, then the figures; a bad filter still leaves them on the page.
    refusals = await signedOutRefusals(actor);
    throttled = await throttledSignIns(actor);
    ({ events, hasMore } = await listAuditEvents(actor, query));
    target = auditTargets(await auditTargetNames(actor, events));
  } catch (error) {
    // A real 404 status (not a 200 saying "no access"), as for any page one may not see; the
    // refusal is already in the audit log.
    if (error instanceof ForbiddenError) notFound();
    const parsed = auditQuerySchema.safeParse(query);
    if (parsed.success) throw error;
    invalid = ValidationError.fromZod(parsed.error).message;
  }

  const filtered = Boolean(query.action || query.outcome || query.actor);
  const now = new Date();
  const last = events.at(-1);

  return (
    <Stack gap={4}>
      {refusals && !query.before && <SignedOutRefusals summary={refusals} retentionDays={env().AUDIT_RETENTION_DAYS} />}
      {throttled && !query.before && <ThrottledSignIns summary={throttled} />}
      <form method="get" action="/admin/audit" className={styles.filters} role="search" aria-label="Filter the audit log">
        <Field label="Action starts with">
          <Input name="action" defaultValue={query.action ?? ""} placeholder="e.g. user. or membership.role" spellCheck={false} />
        </Field>
        <Field label="Outcome">
          <Select name="outcome" defaultValue={query.outcome ?? ""}>
            <option value="">Any outcome</option>
            <option value="success">Success</option>
            <option value="denied">Denied</option>
            <option value="failure">Failure</option>
          </Select>
        </Field>
        <Field label="Who">
          <Input name="actor" defaultValue={query.actor ?? ""} placeholder="Part of an email address" spellCheck={false} />
        </Field>
        <div className={styles.filterButtons}>
          <Button type="submit" variant="primary" icon={<IconSearch size={14} />}>
            Filter
          </Button>
          {(filtered || query.before || invalid) && (
            <Button href="/admin/audit" variant="ghost">
              Clear
            </Button>
          )}
        </div>
      </form>

      {invalid ? (
        <Alert tone="error" title="That filter is not valid">
          {invalid}
        </Alert>
      ) : events.length === 0 ? (
        <EmptyState
          title={filtered ? "No events match these filters" : query.before ? "No older events" : "No events yet"}
          description={
            filtered
              ? "Try a shorter action prefix, another outcome, or part of an email address."
              : "Every write, every denied request of a signed-in user and every sign-in attempt on this instance is recorded here."
          }
          action={
            filtered || query.before ? (
              <Button href="/admin/audit" variant="secondary">
                Show the newest events
              </Button>
            ) : undefined
          }
        />
      ) : (
        <Card padding="none">
          <Table framed={false} density="compact" caption="Audit events, newest first">
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Who</th>
                <th scope="col">Action</th>
                <th scope="col">Outcome</th>
                <th scope="col">Target</th>
                <th scope="col">From</th>
              </tr>
            </thead>
            <tbody>
              {events.map((event) => {
                const details = detailsSummary(event.details);
                return (
                  <tr key={event.id} data-testid="audit-row">
                    <td className={styles.nowrap}>
                      <span className="tabular mono">{utcStamp(event.at)}</span>
                      <span className={styles.sub}>
                        <RelativeTime date={event.at} now={now} />
                      </span>
                    </td>
                    <td className={styles.nowrap}>{event.actorEmail || <span className="muted">Anonymous</span>}</td>
                    <td>
                      <span className={styles.actionLabel}>{auditActionLabel(event.action) ?? event.action}</span>
                      <code className={styles.sub}>{event.action}</code>
                      {details && (
                        <span className={styles.detail} title={details}>
                          {truncate(details, 120)}
                        </span>
                      )}
                    </td>
                    <td>
                      <Badge tone={OUTCOME_TONE[event.outcome] ?? "gray"} dot size="sm">
                        {OUTCOME_LABEL[event.outcome] ?? event.outcome}
                      </Badge>
                    </td>
                    <td>
                      <TargetCell targetType={event.targetType} targetId={event.targetId} project={event.project} named={target(event.targetType, event.targetId)} />
                    </td>
                    <td className={styles.nowrap}>
                      <span className="mono" title={event.userAgent || undefined}>
                        {event.ip || "—"}
                      </span>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </Table>
        </Card>
      )}

      {!invalid && events.length > 0 && (
        <nav className={styles.pager} aria-label="Audit log pages">
          <span>
            {events.length} {events.length === 1 ? "event" : "events"}
            {query.before ? " (older page)" : ""}. Times are UTC.
          </span>
          <span className={styles.pagerButtons}>
            {query.before && (
              <Button href={href({ ...query, before: undefined })} size="sm" variant="secondary">
                Newest
              </Button>
            )}
            {hasMore && last && (
              <Button href={href({ ...query, before: last.id })} size="sm" variant="secondary" rel="next">
                Older
              </Button>
            )}
          </span>
        </nav>
      )}
    </Stack>
  );
}

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
