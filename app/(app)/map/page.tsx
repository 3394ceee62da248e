import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { Button } from "@/components/ui/Button";
import { EmptyState } from "@/components/ui/EmptyState";
import { PageContainer, Stack } from "@/components/ui/PageContainer";
import { PageHeader } from "@/components/ui/PageHeader";
import { requireActorOrRedirect } from "@/lib/auth/session";
import { listProjects } from "@/lib/data/projects";
import { count } from "@/components/ui/format";
import styles from "@/components/milestone/milestones.module.css";

export const metadata: Metadata = { title: "Maps" };

/** Maps are per project: with one project go straight to its map, otherwise choose. */
export default async function MapChooserPage() {
  const actor = await requireActorOrRedirect("/map");
  const projects = await listProjects(actor);
  if (projects.length === 1) redirect(`/projects/${projects[0].key}/map`);
  return (
    <PageContainer>
      <Stack>
        <PageHeader
          title="Maps"
          description="Each project's map links its handoffs to milestones and to the services that implement them. Choose a project, or see every service in the catalog on the services map."
          actions={<Button href="/map/services" variant="secondary">Services map</Button>}
        />
        {projects.length === 0 ? (
          <EmptyState title="No projects yet" description="Create a project or ask to be added to one." action={<Link href="/projects">Projects</Link>} />
        ) : (
          <ul className={styles.links}>
            {projects.map((p) => (
              <li key={p.id}>
                <Link href={`/projects/${p.key}/map`}>{p.name}</Link>
                <span>
                  {count(Object.values(p.milestones).reduce((a, b) => a + b, 0), "milestone")} · {count(p.handoffs, "handoff")}
                </span>
              </li>
            ))}
          </ul>
        )}
      </Stack>
    </PageContainer>
  );
}
