// The milestones table across projects (issue 9, item 5): every milestone the caller can see, with
// the computed slip and risk chain beside its status and health, filtered and sorted as the URL says
// so that a link reproduces the view. Where each project stands as a whole is the dashboard's job;
// the filter's choices carry the counts per project and status instead of a summary of their own.
import type { Metadata } from "next";
import Link from "next/link";
import { Alert } from "@/components/ui/Alert";
import { EmptyState } from "@/components/ui/EmptyState";
import { PageContainer, Stack } from "@/components/ui/PageContainer";
import { PageHeader } from "@/components/ui/PageHeader";
import { statusLabel } from "@/components/ui/status";
import { joinList } from "@/components/ui/format";
import { MilestoneTable, type MilestoneLink } from "@/components/milestone/MilestoneTable";
import { MilestoneTableFilters } from "@/components/milestone/MilestoneTableFilters";
import { requireActorOrRedirect } from "@/lib/auth/session";
import { listMilestoneTable } from "@/lib/data/milestone-table";
import { facetCounts, filterRows, ownersOf, sortRows, upstreamKeys } from "@/lib/plan/milestone-table";
import { DEFAULT_QUERY, OWNER_ME, OWNER_NONE, isFiltered, parseTableQuery, tableHref, type RawParams, type TableQuery } from "@/lib/plan/milestone-table-query";
import styles from "@/components/milestone/milestone-table.module.css";
import { RefreshWhenVisible } from "@/components/ui/RefreshWhenVisible";
import { Pagination } from "@/components/ui/Pagination";
import { pageOf } from "@/lib/plan/paging";

export const metadata: Metadata = { title: "Milestones across projects" };

/** The filters in words, for the empty state: "status Blocked or In progress, in Floor planning, overdue". */
function describe(query: TableQuery, projectName: (key: string) => string, ownerName: (id: string) => string): string[] {
  const parts: string[] = [];
  if (query.q) parts.push(`matching “${query.q}”`);
  if (query.project.length) parts.push(`in ${joinList(query.project.map(projectName), "or")}`);
  if (query.status.length) parts.push(`status ${joinList(query.status.map((s) => statusLabel("milestone", s)), "or")}`);
  if (query.health.length) parts.push(`health ${joinList(query.health.map((h) => statusLabel("health", h)), "or")}`);
  if (query.owner) parts.push(query.owner === OWNER_ME ? "owned by you" : query.owner === OWNER_NONE ? "unassigned" : `owned by ${ownerName(query.owner)}`);
  if (query.overdue) parts.push("overdue");
  if (query.slipping) parts.push("slipping");
  if (query.blockedBy) parts.push(`waiting on ${query.blockedBy}`);
  return parts;
}

export default async function PortfolioMilestonesPage({ searchParams }: { searchParams: Promise<RawParams> }) {
  const raw = await searchParams;
  const actor = await requireActorOrRedirect("/milestones");
  const data = await listMilestoneTable(actor);
  const owners = ownersOf(data.rows);
  const { query, notices } = parseTableQuery(raw, {
    projectKeys: data.projects.map((p) => p.key),
    ownerIds: owners.map((o) => o.id),
    milestoneKeys: data.rows.map((r) => r.key),
  });
  const matching = sortRows(filterRows(data.rows, query, { me: actor.id, today: data.today }), query.sort, query.dir);
  // Filters and the order apply to every row; the page shows LIMITS.milestone.pageRows of them.
  const slice = pageOf(matching.length, query.page);
  const shown = matching.slice(slice.start, slice.end);
  const pageHref = (page: number) => tableHref({ ...query, page });
  const facets = facetCounts(data.rows);
  const links = new Map<string, MilestoneLink>(data.rows.map((r) => [r.key, { id: r.id, projectKey: r.project.key, title: r.title }]));
  const projectName = (key: string) => data.projects.find((p) => p.key === key)?.name ?? key;
  const ownerName = (id: string) => owners.find((o) => o.id === id)?.name ?? "someone";
  const filtered = isFiltered(query);
  const clearHref = tableHref({ ...DEFAULT_QUERY, sort: query.sort, dir: query.dir });

  return (
    <PageContainer width="wide">
      <RefreshWhenVisible />
      <Stack>
        <PageHeader
          title="Milestones"
          description={
            <>
              Every milestone you can see across projects, with its computed slip and what puts it at risk. Filters and sorting are in the
              address, so a link shares the view. Where each project stands as a whole: the <Link href="/dashboard">dashboard</Link>.
            </>
          }
        />
        {notices.length > 0 && (
          <Alert tone="warning" title="Some filters in the address were not understood and are not applied">
            <ul className={styles.notices}>
              {notices.map((n) => (
                <li key={n}>{n}</li>
              ))}
            </ul>
          </Alert>
        )}
        {data.rows.length === 0 ? (
          <EmptyState title="No milestones yet" description="Milestones appear here once a project decomposes a paper into work." />
        ) : (
          <>
            <MilestoneTableFilters
              query={query}
              choices={{
                projects: data.projects.map((p) => ({ ...p, count: facets.project.get(p.key) ?? 0 })),
                statusCounts: facets.status,
                owners,
                upstreamKeys: upstreamKeys(data.rows),
              }}
            />
            <p className={styles.summary} role="status" aria-live="polite">
              <span>
                <strong>{matching.length}</strong> of <strong>{data.rows.length}</strong> milestones
              </span>
              {filtered && matching.length > 0 && <Link href={clearHref}>Clear filters</Link>}
            </p>
            {shown.length === 0 ? (
              <EmptyState
                title="No milestones match these filters"
                description={`Nothing is ${joinList(describe(query, projectName, ownerName), "and")}. Loosen a filter, or clear them all.`}
                action={<Link href={clearHref}>Clear filters</Link>}
              />
            ) : (
              <>
                <Pagination slice={slice} hrefFor={pageHref} label="Pages of milestones, above the table" noun="milestones" />
                <MilestoneTable rows={shown} query={query} today={data.today} links={links} />
                <Pagination slice={slice} hrefFor={pageHref} label="Pages of milestones, below the table" noun="milestones" />
              </>
            )}
          </>
        )}
      </Stack>
    </PageContainer>
  );
}
