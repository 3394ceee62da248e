import type { Metadata } from "next";
import Link from "next/link";
import { StatusBadge } from "@/components/ui/Badge";
import { Card } from "@/components/ui/Card";
import { EmptyState } from "@/components/ui/EmptyState";
import { PageContainer, Stack } from "@/components/ui/PageContainer";
import { PageHeader } from "@/components/ui/PageHeader";
import { SegmentedProgressBar } from "@/components/ui/ProgressBar";
import { Table } from "@/components/ui/Table";
import { formatDate } from "@/components/ui/format";
import { requireActorOrRedirect } from "@/lib/auth/session";
import { listPortfolioMilestones } from "@/lib/data/milestones";
import { emptyStatusCounts, type StatusCounts } from "@/lib/data/projects";
import styles from "@/components/milestone/milestones.module.css";

export const metadata: Metadata = { title: "Milestones across projects" };

export default async function PortfolioMilestonesPage() {
  const actor = await requireActorOrRedirect("/milestones");
  const milestones = await listPortfolioMilestones(actor);
  const now = new Date();
  const byProject = new Map<string, { name: string; counts: StatusCounts; overdue: number }>();
  for (const m of milestones) {
    const entry = byProject.get(m.project.key) ?? { name: m.project.name, counts: emptyStatusCounts(), overdue: 0 };
    entry.counts[m.status]++;
    const open = m.status !== "done" && m.status !== "cancelled";
    if (open && m.dueDate && m.dueDate < now) entry.overdue++;
    byProject.set(m.project.key, entry);
  }
  const attention = milestones.filter((m) => {
    const open = m.status !== "done" && m.status !== "cancelled";
    return open && (m.status === "blocked" || m.health !== "on_track" || (m.dueDate && m.dueDate < now));
  });
  return (
    <PageContainer width="wide">
      <Stack>
        <PageHeader title="Milestones" description="Every project's milestone status at a glance: progress, blocked and at-risk work, slipping dates." />
        {milestones.length === 0 ? (
          <EmptyState title="No milestones yet" description="Milestones appear here once a project decomposes a paper into work." />
        ) : (
          <>
            <Card title="By project">
              <ul className={styles.links}>
                {[...byProject.entries()].map(([key, p]) => (
                  <li key={key} style={{ display: "grid", gridTemplateColumns: "minmax(160px, 1fr) 3fr", gap: "var(--space-4)" }}>
                    <Link href={`/projects/${key}/milestones`}>{p.name}</Link>
                    <SegmentedProgressBar counts={p.counts} label={`${p.name} milestones by status`} size="sm" />
                  </li>
                ))}
              </ul>
            </Card>
            <Card title="Needs attention" description="Blocked, at risk, off track or overdue, soonest due first." padding="none">
              {attention.length === 0 ? (
                <EmptyState variant="plain" title="All on track" description="Nothing is blocked, at risk or overdue." />
              ) : (
                <Table caption="Milestones needing attention" framed={false}>
                  <thead>
                    <tr>
                      <th scope="col">Project</th>
                      <th scope="col">Milestone</th>
                      <th scope="col">Status</th>
                      <th scope="col">Health</th>
                      <th scope="col">Owner</th>
                      <th scope="col">Due</th>
                    </tr>
                  </thead>
                  <tbody>
                    {attention.map((m) => {
                      const overdue = m.dueDate && m.dueDate < now;
                      return (
                        <tr key={m.id}>
                          <td>
                            <Link href={`/projects/${m.project.key}/milestones`}>{m.project.name}</Link>
                          </td>
                          <td className={styles.titleCell}>
                            <Link href={`/projects/${m.project.key}/milestones/${m.id}`}>{m.title}</Link>
                            <span className={styles.key}>{m.key}</span>
                          </td>
                          <td>
                            <StatusBadge kind="milestone" value={m.status} size="sm" />
                          </td>
                          <td>
                            <StatusBadge kind="health" value={m.health} size="sm" dot />
                          </td>
                          <td>{m.owner?.name ?? "—"}</td>
                          <td className={overdue ? styles.overdue : undefined}>
                            {m.dueDate ? <time dateTime={m.dueDate.toISOString()}>{formatDate(m.dueDate)}</time> : "—"}
                            {overdue && <span className={styles.overdueTag}>Overdue</span>}
                          </td>
                        </tr>
                      );
                    })}
                  </tbody>
                </Table>
              )}
            </Card>
          </>
        )}
      </Stack>
    </PageContainer>
  );
}
