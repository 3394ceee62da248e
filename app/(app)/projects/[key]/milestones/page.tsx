import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Avatar } from "@/components/ui/Avatar";
import { StatusBadge } from "@/components/ui/Badge";
import { FilterChips } from "@/components/ui/FilterChips";
import { EmptyState } from "@/components/ui/EmptyState";
import { PageContainer, Stack } from "@/components/ui/PageContainer";
import { PageHeader } from "@/components/ui/PageHeader";
import { SegmentedProgressBar } from "@/components/ui/ProgressBar";
import { Table } from "@/components/ui/Table";
import { formatDate } from "@/components/ui/format";
import { statusLabel } from "@/components/ui/status";
import { Button } from "@/components/ui/Button";
import { IconPlus } from "@/components/ui/icons";
import { roleAllows } from "@/lib/auth/permissions";
import { requireActorOrRedirect } from "@/lib/auth/session";
import { listMilestones } from "@/lib/data/milestones";
import { emptyStatusCounts } from "@/lib/data/projects";
import { NotFoundError } from "@/lib/errors";
import { MILESTONE_STATUSES } from "@/lib/validation/milestone";
import { Alert } from "@/components/ui/Alert";
import { Pagination } from "@/components/ui/Pagination";
import { pageOf, parsePage } from "@/lib/plan/paging";
import styles from "@/components/milestone/milestones.module.css";

export const metadata: Metadata = { title: "Milestones" };

export default async function MilestonesPage({ params, searchParams }: { params: Promise<{ key: string }>; searchParams: Promise<{ status?: string | string[]; page?: string | string[] }> }) {
  const [{ key }, { status, page }] = await Promise.all([params, searchParams]);
  const actor = await requireActorOrRedirect(`/projects/${key}/milestones`);
  let data;
  try {
    data = await listMilestones(actor, key);
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
  const now = new Date();
  const counts = emptyStatusCounts();
  for (const m of data.milestones) counts[m.status]++;
  const filter = MILESTONE_STATUSES.find((s) => s === (Array.isArray(status) ? status[0] : status));
  const matching = filter ? data.milestones.filter((m) => m.status === filter) : data.milestones;
  const base = `/projects/${data.project.key}/milestones`;
  // At most LIMITS.milestone.pageRows rows a page; the status filter stays on the page links.
  const requested = parsePage(page);
  const slice = pageOf(matching.length, requested.page);
  const shown = matching.slice(slice.start, slice.end);
  const pageHref = (n: number) => {
    const qs = new URLSearchParams({ ...(filter ? { status: filter } : {}), ...(n > 1 ? { page: String(n) } : {}) }).toString();
    return qs ? `${base}?${qs}` : base;
  };
  return (
    <PageContainer width="wide">
      <Stack>
        <PageHeader
          title="Milestones"
          description="The units of work each paper was decomposed into, in dependency order."
          actions={
            roleAllows(data.role, "milestone", "create") ? (
              <Button href={`/projects/${data.project.key}/milestones/new`} variant="primary" icon={<IconPlus size={14} />}>
                New milestone
              </Button>
            ) : undefined
          }
        />
        <SegmentedProgressBar counts={counts} label="Milestones by status" />
        <FilterChips
          label="Filter by status"
          chips={[
            { href: base, label: "All", count: data.milestones.length, current: !filter },
            ...MILESTONE_STATUSES.map((s) => ({ href: `${base}?status=${s}`, label: statusLabel("milestone", s), count: counts[s], current: filter === s })),
          ]}
        />
        {requested.notice && <Alert tone="warning" title={requested.notice} />}
        {shown.length === 0 ? (
          <EmptyState title={filter ? `No ${statusLabel("milestone", filter).toLowerCase()} milestones` : "No milestones yet"} description="Engineers and managers add milestones as a paper is decomposed." />
        ) : (
          <>
            <Pagination slice={slice} hrefFor={pageHref} label="Pages of milestones, above the table" noun="milestones" />
            <Table caption="Milestones">
              <thead>
                <tr>
                  <th scope="col">Milestone</th>
                  <th scope="col">Status</th>
                  <th scope="col">Owner</th>
                  <th scope="col">Due</th>
                  <th scope="col">Depends on</th>
                  <th scope="col" data-align="right">
                    Estimate
                  </th>
                </tr>
              </thead>
              <tbody>
                {shown.map((m) => {
                  const open = m.status !== "done" && m.status !== "cancelled";
                  const overdue = open && m.dueDate && m.dueDate < now;
                  return (
                    <tr key={m.id}>
                      <td className={styles.titleCell}>
                        <Link href={`${base}/${m.id}`}>{m.title}</Link>
                        <span className={styles.key}>{m.key}</span>
                      </td>
                      <td>
                        {/* Health under the status: one column, so every column fits at 1024 px. */}
                        <span className={styles.stack}>
                          <StatusBadge kind="milestone" value={m.status} size="sm" />
                          {open && <StatusBadge kind="health" value={m.health} size="sm" dot />}
                        </span>
                      </td>
                      <td>
                        {m.owner && (
                          <span className={styles.owner}>
                            <Avatar name={m.owner.name} size="sm" decorative />
                            {m.owner.name}
                          </span>
                        )}
                      </td>
                      <td className={overdue ? styles.overdue : undefined}>
                        {m.dueDate ? <time dateTime={m.dueDate.toISOString()}>{formatDate(m.dueDate)}</time> : "—"}
                        {overdue && <span className={styles.overdueTag}>Overdue</span>}
                      </td>
                      <td>
                        {m.dependsOn.length === 0 ? (
                          "—"
                        ) : (
                          <span className={styles.deps}>
                            {m.dependsOn.map((d) => (
                              <span key={d.dependsOn.key} className={d.dependsOn.status === "done" ? styles.depDone : styles.depOpen} title={statusLabel("milestone", d.dependsOn.status)}>
                                {d.dependsOn.key}
                                {d.dependsOn.status === "done" && <span className="sr-only"> (done)</span>}
                              </span>
                            ))}
                          </span>
                        )}
                      </td>
                      <td data-align="right">{m.estimateDays != null ? `${m.estimateDays} d` : "—"}</td>
                    </tr>
                  );
                })}
              </tbody>
            </Table>
            <Pagination slice={slice} hrefFor={pageHref} label="Pages of milestones, below the table" noun="milestones" />
          </>
        )}
      </Stack>
    </PageContainer>
  );
}
