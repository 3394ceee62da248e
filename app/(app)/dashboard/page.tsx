// The cross-project dashboard (issue 9, item 5): where every project the caller can see stands,
// and why, without clicking into anything. The signals are computed (lib/graph/plan.ts); health
// notes are people's judgements, shown beside them.
import type { Metadata } from "next";
import { ProjectCard } from "@/components/dashboard/ProjectCard";
import { EmptyState } from "@/components/ui/EmptyState";
import { PageContainer, Stack } from "@/components/ui/PageContainer";
import { PageHeader } from "@/components/ui/PageHeader";
import { requireActorOrRedirect } from "@/lib/auth/session";
import { getDashboard } from "@/lib/data/dashboard";
import styles from "@/components/dashboard/dashboard.module.css";
import { RefreshWhenVisible } from "@/components/ui/RefreshWhenVisible";

export const metadata: Metadata = { title: "Dashboard" };

export default async function DashboardPage() {
  const actor = await requireActorOrRedirect("/dashboard");
  const projects = await getDashboard(actor);
  return (
    <PageContainer width="wide">
      <RefreshWhenVisible />
      <Stack>
        <PageHeader
          title="Dashboard"
          description="Every project you can see: progress weighted by estimate (ticked acceptance criteria count in part), what is blocked, at risk (judged so by its people, or waiting on trouble upstream), slipping or overdue, and the chain of causes behind each."
        />
        {projects.length === 0 ? (
          <EmptyState title="No projects yet" description="Ask a project owner to add you to their project." />
        ) : (
          <div className={styles.grid}>
            {projects.map((p) => (
              <ProjectCard key={p.plan.project.key} data={p} />
            ))}
          </div>
        )}
      </Stack>
    </PageContainer>
  );
}
