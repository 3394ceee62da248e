import type { Metadata } from "next";
import Link from "next/link";
import { venueLine } from "@/lib/handoff/paper";
import { StatusBadge } from "@/components/ui/Badge";
import { EmptyState } from "@/components/ui/EmptyState";
import { PageContainer, Stack } from "@/components/ui/PageContainer";
import { PageHeader } from "@/components/ui/PageHeader";
import { RelativeTime } from "@/components/ui/RelativeTime";
import { Table } from "@/components/ui/Table";
import { requireActorOrRedirect } from "@/lib/auth/session";
import { listPortfolioHandoffs } from "@/lib/data/handoffs";

export const metadata: Metadata = { title: "Handoffs across projects" };

export default async function PortfolioHandoffsPage() {
  const actor = await requireActorOrRedirect("/handoffs");
  const handoffs = await listPortfolioHandoffs(actor);
  const now = new Date();
  return (
    <PageContainer width="wide">
      <Stack>
        <PageHeader title="Handoffs" description="Paper summaries across all your projects, most recently updated first." />
        {handoffs.length === 0 ? (
          <EmptyState title="No handoffs yet" description="Open a project and start a handoff from a paper." action={<Link href="/projects">Your projects</Link>} />
        ) : (
          <Table caption="Handoffs">
            <thead>
              <tr>
                <th scope="col">Handoff</th>
                <th scope="col">Paper</th>
                <th scope="col">Project</th>
                <th scope="col">Status</th>
                <th scope="col">Author</th>
                <th scope="col">Updated</th>
              </tr>
            </thead>
            <tbody>
              {handoffs.map((h) => (
                <tr key={h.id}>
                  <td>
                    <Link href={`/projects/${h.project.key}/handoffs/${h.id}`}>{h.title}</Link>
                  </td>
                  <td>
                    {[h.paperTitle || "—", venueLine(h.venue, h.year)].filter(Boolean).join(" · ")}
                  </td>
                  <td>
                    <Link href={`/projects/${h.project.key}`}>{h.project.name}</Link>
                  </td>
                  <td>
                    <StatusBadge kind="handoff" value={h.status} size="sm" />
                  </td>
                  <td>{h.author?.name ?? "—"}</td>
                  <td>
                    <RelativeTime date={h.updatedAt} now={now} />
                  </td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </Stack>
    </PageContainer>
  );
}
