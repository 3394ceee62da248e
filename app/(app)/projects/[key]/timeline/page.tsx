// The project timeline (issue 9, item 5): a Gantt chart of the computed plan. Bars run from start to
// due date where both are set, else over the computed earliest dates; arrows follow dependencies;
// the critical path is outlined and listed; slips past the due date are marked in red.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Fragment } from "react";
import { Button } from "@/components/ui/Button";
import { EmptyState } from "@/components/ui/EmptyState";
import { PageContainer, Stack } from "@/components/ui/PageContainer";
import { PageHeader } from "@/components/ui/PageHeader";
import { IconPlus } from "@/components/ui/icons";
import { count, formatDate } from "@/components/ui/format";
import { TimelineChart } from "@/components/timeline/TimelineChart";
import { TimelineLegend } from "@/components/timeline/TimelineLegend";
import styles from "@/components/timeline/timeline.module.css";
import { roleAllows } from "@/lib/auth/permissions";
import { requireActorOrRedirect } from "@/lib/auth/session";
import { getProjectPlan } from "@/lib/data/plan";
import { getProjectHeader } from "@/lib/data/projects";
import { NotFoundError } from "@/lib/errors";
import { layoutTimeline } from "@/lib/plan/timeline";
import { RefreshWhenVisible } from "@/components/ui/RefreshWhenVisible";
import { isAtRisk } from "@/lib/plan/dashboard-summary";

export const metadata: Metadata = { title: "Timeline" };

export default async function TimelinePage({ params }: { params: Promise<{ key: string }> }) {
  const { key } = await params;
  const actor = await requireActorOrRedirect(`/projects/${key}/timeline`);
  let plan, header;
  try {
    // The header is the layout's own read (cached per request): it gives the caller's role.
    [plan, header] = await Promise.all([getProjectPlan(actor, key, new Date(), { subtrees: false }), getProjectHeader(actor, key)]);
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
  const projectKey = plan.project.key;
  const milestonesHref = `/projects/${projectKey}/milestones`;
  const canCreate = roleAllows(header.role, "milestone", "create");
  const description = "Bars run from start to due date where both are set, otherwise over the computed earliest dates. Arrows follow dependencies.";

  if (plan.milestones.length === 0) {
    return (
      <PageContainer width="wide">
        <Stack>
          <PageHeader title="Timeline" description={description} />
          <EmptyState
            title="No milestones yet"
            description={canCreate ? "Add a milestone and it appears here on the calendar." : "Engineers, managers and owners add milestones; they appear here on the calendar."}
            action={
              canCreate ? (
                <Button href={`${milestonesHref}/new`} variant="primary" icon={<IconPlus size={14} />}>
                  New milestone
                </Button>
              ) : undefined
            }
          />
        </Stack>
      </PageContainer>
    );
  }

  const layout = layoutTimeline(plan);
  const idOf = new Map(plan.milestones.map((m) => [m.key, m.id]));
  let slipping = 0;
  let blocked = 0;
  let atRisk = 0;
  for (const m of plan.milestones) {
    if (m.slipDays > 0) slipping++;
    if (m.status === "blocked") blocked++;
    else if (isAtRisk(m)) atRisk++;
  }
  return (
    <PageContainer width="wide">
      <RefreshWhenVisible />
      <Stack gap={4}>
        <PageHeader title="Timeline" description={description} />
        <div className={styles.facts}>
          <p className={styles.path} data-testid="critical-path">
            <strong>Critical path:</strong>{" "}
            {plan.criticalPath.length === 0
              ? "none, nothing is open."
              : plan.criticalPath.map((k, i) => (
                  <Fragment key={k}>
                    {i > 0 && " → "}
                    <a href={`${milestonesHref}/${idOf.get(k)}`}>{k}</a>
                  </Fragment>
                ))}
          </p>
          <p className={styles.summary}>
            Today is {formatDate(plan.today)}.{" "}
            {plan.earliestFinish ? `Open work finishes ${formatDate(plan.earliestFinish)} at the earliest. ` : "Nothing is open. "}
            {count(slipping, "milestone")} slipping, {blocked} blocked, {atRisk} at risk.
          </p>
          <TimelineLegend />
        </div>
        <TimelineChart layout={layout} milestonesHref={milestonesHref} />
      </Stack>
    </PageContainer>
  );
}
