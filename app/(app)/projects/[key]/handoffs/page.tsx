import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Avatar } from "@/components/ui/Avatar";
import { StatusBadge } from "@/components/ui/Badge";
import { FilterChips } from "@/components/ui/FilterChips";
import { EmptyState } from "@/components/ui/EmptyState";
import { IconFileText, IconFlag, IconPlus } from "@/components/ui/icons";
import { IconMessage } from "@/components/handoff/icons";
import { PageContainer, Stack } from "@/components/ui/PageContainer";
import { PageHeader } from "@/components/ui/PageHeader";
import { ProgressBar, SegmentedProgressBar } from "@/components/ui/ProgressBar";
import { RelativeTime } from "@/components/ui/RelativeTime";
import { Table } from "@/components/ui/Table";
import { statusLabel } from "@/components/ui/status";
import { requireActorOrRedirect } from "@/lib/auth/session";
import { roleAllows } from "@/lib/auth/permissions";
import { Button } from "@/components/ui/Button";
import { listHandoffs } from "@/lib/data/handoffs";
import { NotFoundError } from "@/lib/errors";
import { handoffCompleteness, resolveTemplateSections } from "@/lib/handoff/completeness";
import { venueLine } from "@/lib/handoff/paper";
import { HANDOFF_STATUSES, type HandoffStatusValue } from "@/lib/validation/handoff";
import styles from "@/components/handoff/handoff-list.module.css";

type Params = Promise<{ key: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { key } = await params;
  return { title: `Handoffs · ${key.toUpperCase()}` };
}

export default async function HandoffsPage({ params, searchParams }: { params: Params; searchParams: Promise<{ status?: string | string[] }> }) {
  const [{ key }, search] = await Promise.all([params, searchParams]);
  const statusParam = Array.isArray(search.status) ? search.status[0] : search.status;
  const filter = HANDOFF_STATUSES.find((s) => s === statusParam);
  const actor = await requireActorOrRedirect(`/projects/${key}/handoffs${filter ? `?status=${filter}` : ""}`);
  let data;
  try {
    data = await listHandoffs(actor, key);
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
  const now = new Date();
  const base = `/projects/${data.project.key}/handoffs`;
  const counts = Object.fromEntries(HANDOFF_STATUSES.map((s) => [s, 0])) as Record<HandoffStatusValue, number>;
  for (const h of data.handoffs) counts[h.status]++;
  const shown = filter ? data.handoffs.filter((h) => h.status === filter) : data.handoffs;

  return (
    <PageContainer width="wide">
      <Stack>
        <PageHeader
          title="Handoffs"
          description="Paper summaries written for the engineers who build on them: what the method does, what it costs to run and what is still unproven."
          actions={
            roleAllows(data.role, "handoff", "create") ? (
              <Button href={`/projects/${data.project.key}/handoffs/new`} variant="primary" icon={<IconPlus size={14} />}>
                New handoff
              </Button>
            ) : undefined
          }
        />

        {data.handoffs.length === 0 ? (
          <EmptyState
            icon={<IconFileText size={20} />}
            title="No handoffs yet"
            description="A handoff turns a paper into something engineers can act on: inputs and outputs, compute and latency budgets, data needs and risks. Researchers in this project write them from the paper template."
          />
        ) : (
          <>
            <SegmentedProgressBar kind="handoff" counts={counts} label="Handoffs by status" />
            <FilterChips
              label="Filter by status"
              chips={[
                { href: base, label: "All", count: data.handoffs.length, current: !filter },
                ...HANDOFF_STATUSES.map((s) => ({ href: `${base}?status=${s}`, label: statusLabel("handoff", s), count: counts[s], current: filter === s })),
              ]}
            />

            {shown.length === 0 ? (
              <EmptyState
                title={`No ${statusLabel("handoff", filter ?? "draft").toLowerCase()} handoffs`}
                description="Handoffs move from draft to review to accepted; none is in this state right now."
                action={
                  <Link href={base} className={styles.textLink}>
                    Show all handoffs
                  </Link>
                }
              />
            ) : (
              <Table caption={filter ? `${statusLabel("handoff", filter)} handoffs` : "Handoffs"} className={styles.handoffTable}>
                <thead>
                  <tr>
                    <th scope="col">Handoff</th>
                    <th scope="col">Status</th>
                    <th scope="col">
                      <abbr className={styles.hint} title="Required template sections that are written">Legibility</abbr>
                    </th>
                    <th scope="col">Author</th>
                    <th scope="col">Reviewers</th>
                    <th scope="col">Updated</th>
                    <th scope="col" data-align="right">
                      <abbr className={styles.hint} title="Milestones decomposed from the paper, and comments">
                        Links
                      </abbr>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {shown.map((h) => {
                    // Measured against the handoff's own template, as its page does.
                    const c = handoffCompleteness(h.sections, resolveTemplateSections(h.template?.sections));
                    const venue = venueLine(h.venue, h.year);
                    return (
                      <tr key={h.id}>
                        <td className={styles.titleCell}>
                          <Link href={`${base}/${h.id}`} className={styles.rowTitle}>
                            {h.title}
                          </Link>
                          {(h.paperTitle || venue) && (
                            <span className={styles.paperLine}>
                              {h.paperTitle && <span className={styles.paperTitle}>{h.paperTitle}</span>}
                              {venue && <span className={styles.venue}>{venue}</span>}
                            </span>
                          )}
                        </td>
                        <td>
                          <StatusBadge kind="handoff" value={h.status} size="sm" />
                        </td>
                        <td>
                          <span
                            className={styles.legibility}
                            title={c.missing.length ? `Not yet written: ${c.missing.map((s) => s.title).join(", ")}` : "Every required section is written"}
                          >
                            <ProgressBar
                              value={c.filled}
                              max={c.required}
                              size="sm"
                              tone={c.percent === 100 ? "green" : c.percent >= 60 ? "accent" : "amber"}
                              label={`${h.title}: required sections written`}
                              valueText={`${c.filled} of ${c.required}`}
                              className={styles.legibilityBar}
                            />
                            <span className={styles.legibilityValue}>
                              {c.filled}/{c.required}
                            </span>
                          </span>
                        </td>
                        <td>
                          {h.author ? (
                            <span className={styles.person}>
                              <Avatar name={h.author.name} size="sm" decorative />
                              {h.author.name}
                            </span>
                          ) : (
                            <span className={styles.muted}>—</span>
                          )}
                        </td>
                        <td>
                          {h.reviewers.length === 0 ? (
                            <span className={styles.muted} title="No reviewers assigned">—</span>
                          ) : (
                            <span className={styles.avatarStack} role="group" aria-label={`Reviewers: ${h.reviewers.map((r) => r.user.name).join(", ")}`}>
                              {h.reviewers.slice(0, 4).map((r) => (
                                <Avatar key={r.user.id} name={r.user.name} size="sm" />
                              ))}
                              {h.reviewers.length > 4 && <span className={styles.more}>+{h.reviewers.length - 4}</span>}
                            </span>
                          )}
                        </td>
                        <td className={styles.updated}>
                          <RelativeTime date={h.updatedAt} now={now} />
                        </td>
                        <td data-align="right">
                          <span className={styles.counts}>
                            <span title={`${h._count.milestones} ${h._count.milestones === 1 ? "milestone" : "milestones"}`} data-zero={!h._count.milestones || undefined}>
                              <IconFlag size={13} aria-hidden />
                              {h._count.milestones}
                              <span className="sr-only"> milestones,</span>
                            </span>
                            <span title={`${h._count.comments} ${h._count.comments === 1 ? "comment" : "comments"}`} data-zero={!h._count.comments || undefined}>
                              <IconMessage size={13} aria-hidden />
                              {h._count.comments}
                              <span className="sr-only"> comments</span>
                            </span>
                          </span>
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </Table>
            )}
          </>
        )}
      </Stack>
    </PageContainer>
  );
}
