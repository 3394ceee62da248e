import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Avatar } from "@/components/ui/Avatar";
import { Badge, StatusBadge } from "@/components/ui/Badge";
import { Card } from "@/components/ui/Card";
import { EmptyState } from "@/components/ui/EmptyState";
import { PageContainer, Stack } from "@/components/ui/PageContainer";
import { PageHeader } from "@/components/ui/PageHeader";
import { buttonClassName } from "@/components/ui/Button";
import { SegmentedProgressBar } from "@/components/ui/ProgressBar";
import { RelativeTime } from "@/components/ui/RelativeTime";
import { count, formatDate } from "@/components/ui/format";
import { statusLabel } from "@/components/ui/status";
import { isCreationNote } from "@/components/milestone/history";
import { requireActorOrRedirect } from "@/lib/auth/session";
import { getProjectOverview } from "@/lib/data/projects";
import { getProjectBurnUp } from "@/lib/data/burnup";
import { BurnUpChart } from "@/components/charts/BurnUpChart";
import { NotFoundError } from "@/lib/errors";
import styles from "@/components/project/overview.module.css";
import { RefreshWhenVisible } from "@/components/ui/RefreshWhenVisible";

export const metadata: Metadata = { title: "Overview" };

type MilestoneRow = { id: string; key: string; title: string; status: string; health: string; dueDate: Date | null; owner: { name: string } | null };

function MilestoneList({ projectKey, milestones, now, empty }: { projectKey: string; milestones: MilestoneRow[]; now: Date; empty: string }) {
  if (milestones.length === 0) return <p className={styles.none}>{empty}</p>;
  return (
    <ul className={styles.list}>
      {milestones.map((m) => (
        <li key={m.id} className={styles.row}>
          <Link href={`/projects/${projectKey}/milestones/${m.id}`} className={styles.rowMain}>
            <span className={styles.mkey}>{m.key}</span>
            <span className={styles.title}>{m.title}</span>
          </Link>
          <span className={styles.rowMeta}>
            <StatusBadge kind="milestone" value={m.status} size="sm" />
            {m.health !== "on_track" && <StatusBadge kind="health" value={m.health} size="sm" />}
            {m.dueDate && (
              <span className={m.dueDate < now ? styles.overdue : styles.due}>
                {m.dueDate < now ? "Overdue since " : "Due "}
                <time dateTime={m.dueDate.toISOString()}>{formatDate(m.dueDate)}</time>
              </span>
            )}
          </span>
        </li>
      ))}
    </ul>
  );
}

export default async function ProjectOverviewPage({ params }: { params: Promise<{ key: string }> }) {
  const { key } = await params;
  const actor = await requireActorOrRedirect(`/projects/${key}`);
  const now = new Date();
  let overview, burnUp;
  try {
    // Both authorize through one cached project read (lib/data/access.ts).
    [overview, burnUp] = await Promise.all([getProjectOverview(actor, key, now), getProjectBurnUp(actor, key, now)]);
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
  const { project, milestones, handoffs, recentHandoffs, recentUpdates, members } = overview;
  const base = `/projects/${project.key}`;
  // A count, not a share: the dashboard's progress is weighted by estimate and the burn-up counts days.
  const counted = milestones.total - milestones.counts.cancelled;
  const attention = [...milestones.blocked, ...milestones.overdue.filter((m) => m.status !== "blocked")];
  return (
    <PageContainer>
      <RefreshWhenVisible />
      <Stack>
        <PageHeader
          title={project.name}
          description={project.description || undefined}
          actions={
            // A download from the API (the session cookie authenticates it): the project as a map file.
            <a href={`/api/v1/projects/${project.key}/map-export`} download className={buttonClassName({ variant: "secondary", size: "sm" })}>
              Export as YAML
            </a>
          }
        />
        <section className={styles.stats} aria-label="Project at a glance">
          <div className={styles.stat}>
            <span className={styles.statValue}>{milestones.counts.done}</span>
            <span className={styles.statLabel}>of {count(counted, "milestone")} done</span>
          </div>
          <div className={styles.stat}>
            <span className={styles.statValue}>{milestones.counts.in_progress}</span>
            <span className={styles.statLabel}>in progress</span>
          </div>
          <div className={styles.stat} data-tone={milestones.blocked.length ? "red" : undefined}>
            <span className={styles.statValue}>{milestones.blocked.length}</span>
            <span className={styles.statLabel}>blocked</span>
          </div>
          <div className={styles.stat} data-tone={milestones.overdue.length ? "amber" : undefined}>
            <span className={styles.statValue}>{milestones.overdue.length}</span>
            <span className={styles.statLabel}>overdue</span>
          </div>
          <div className={styles.stat}>
            <span className={styles.statValue}>{handoffs.accepted ?? 0}</span>
            <span className={styles.statLabel}>handoffs accepted</span>
          </div>
        </section>
        <Card title="Milestone progress" actions={<Link href={`${base}/milestones`}>All milestones</Link>}>
          <SegmentedProgressBar counts={milestones.counts} label="Milestones by status" />
        </Card>
        <div className={styles.columns}>
          <Card title="Needs attention" description="Blocked and overdue milestones">
            <MilestoneList projectKey={project.key} milestones={attention} now={now} empty="Nothing is blocked or overdue." />
            {milestones.atRisk.length > 0 && (
              <>
                <h3 className={styles.subhead}>At risk</h3>
                <MilestoneList projectKey={project.key} milestones={milestones.atRisk} now={now} empty="" />
              </>
            )}
          </Card>
          <Card title="Due in the next two weeks">
            <MilestoneList projectKey={project.key} milestones={milestones.dueSoon} now={now} empty="Nothing is due in the next 14 days." />
          </Card>
        </div>
        <Card title="Burn-up" description="Estimated days done against total scope, from the status history">
          <BurnUpChart burnUp={burnUp} />
        </Card>
        <div className={styles.columns}>
          <Card title="Handoffs" actions={<Link href={`${base}/handoffs`}>All handoffs</Link>}>
            {recentHandoffs.length === 0 ? (
              <EmptyState variant="plain" title="No handoffs yet" description="A researcher starts one from a paper." />
            ) : (
              <>
                <SegmentedProgressBar kind="handoff" counts={handoffs} label="Handoffs by status" size="sm" />
                <ul className={styles.list}>
                  {recentHandoffs.map((h) => (
                    <li key={h.id} className={styles.row}>
                      <Link href={`${base}/handoffs/${h.id}`} className={styles.rowMain}>
                        <span className={styles.title}>{h.title}</span>
                      </Link>
                      <span className={styles.rowMeta}>
                        <StatusBadge kind="handoff" value={h.status} size="sm" />
                        <RelativeTime date={h.updatedAt} now={now} />
                      </span>
                    </li>
                  ))}
                </ul>
              </>
            )}
          </Card>
          <Card title="Recent status updates">
            {recentUpdates.length === 0 ? (
              <p className={styles.none}>No status changes yet.</p>
            ) : (
              <ol className={styles.timeline}>
                {recentUpdates.map((u) => (
                  <li key={u.id}>
                    <p className={styles.update}>
                      <strong>{u.author?.name ?? "Someone"}</strong>{" "}
                      {!u.fromStatus ? (
                        <>
                          created <Link href={`${base}/milestones/${u.milestone.id}`}>{u.milestone.key}</Link>
                        </>
                      ) : u.fromStatus !== u.toStatus ? (
                        <>
                          moved <Link href={`${base}/milestones/${u.milestone.id}`}>{u.milestone.key}</Link> from {statusLabel("milestone", u.fromStatus).toLowerCase()} to{" "}
                          {statusLabel("milestone", u.toStatus).toLowerCase()}
                        </>
                      ) : (
                        <>
                          updated <Link href={`${base}/milestones/${u.milestone.id}`}>{u.milestone.key}</Link> ({statusLabel("health", u.toHealth).toLowerCase()})
                        </>
                      )}
                    </p>
                    {u.note && !isCreationNote(u) && <p className={styles.note}>{u.note}</p>}
                    <RelativeTime date={u.createdAt} now={now} className={styles.when} />
                  </li>
                ))}
              </ol>
            )}
          </Card>
        </div>
        <Card title="Team" actions={<Link href={`${base}/settings`}>Manage</Link>}>
          <ul className={styles.team}>
            {members.map((m) => (
              <li key={m.user.id}>
                <Avatar name={m.user.name} size="sm" decorative />
                <span>{m.user.name}</span>
                <Badge size="sm" tone="muted">
                  {statusLabel("role", m.role)}
                </Badge>
              </li>
            ))}
          </ul>
        </Card>
      </Stack>
    </PageContainer>
  );
}
