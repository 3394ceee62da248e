// The project board (issue 9, item 5): a column per milestone status. Engineers, managers and
// owners move cards between columns (drag, or each card's "Move to" menu); other roles see it read-only.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Board } from "@/components/board/Board";
import type { BoardCard } from "@/components/board/types";
import { PageContainer, Stack } from "@/components/ui/PageContainer";
import { PageHeader } from "@/components/ui/PageHeader";
import { formatDate } from "@/components/ui/format";
import { statusValues } from "@/components/ui/status";
import { roleAllows } from "@/lib/auth/permissions";
import { requireActorOrRedirect } from "@/lib/auth/session";
import { listBoardMilestones } from "@/lib/data/board";
import { NotFoundError } from "@/lib/errors";
import { moveCardAction } from "./actions";
import { RefreshWhenVisible } from "@/components/ui/RefreshWhenVisible";

export const metadata: Metadata = { title: "Board" };

export default async function BoardPage({ params }: { params: Promise<{ key: string }> }) {
  const { key } = await params;
  const actor = await requireActorOrRedirect(`/projects/${key}/board`);
  let data;
  try {
    data = await listBoardMilestones(actor, key);
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
  const now = new Date();
  const cards: BoardCard[] = data.milestones.map((m) => ({
    id: m.id,
    key: m.key,
    title: m.title,
    status: m.status,
    health: m.health,
    version: m.version,
    owner: m.owner?.name ?? null,
    due: m.dueDate ? m.dueDate.toISOString() : null,
    dueLabel: m.dueDate ? formatDate(m.dueDate) : null,
    pastDue: !!m.dueDate && m.dueDate < now,
  }));
  const canMove = roleAllows(data.role, "milestone", "updateStatus");
  return (
    <PageContainer width="wide">
      <RefreshWhenVisible />
      <Stack>
        <PageHeader
          title="Board"
          description={canMove ? "Every milestone by status. Drag a card to another column, or use its “Move to” menu, to change its status." : "Every milestone by status. Engineers, managers and owners change statuses."}
        />
        <Board projectKey={data.project.key} statuses={statusValues("milestone")} cards={cards} canMove={canMove} move={moveCardAction} />
      </Stack>
    </PageContainer>
  );
}
