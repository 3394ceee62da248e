import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { ActivityFeed } from "@/components/handoff/ActivityFeed";
import type { ThreadViewer } from "@/components/handoff/CommentThreads";
import { IconDownload, IconHistory, IconPencil } from "@/components/handoff/icons";
import { PrintButton } from "@/components/handoff/PrintButton";
import { AttachmentsCard } from "@/components/handoff/read/AttachmentsCard";
import { ContentsCard } from "@/components/handoff/read/ContentsCard";
import { HandoffDocument } from "@/components/handoff/read/HandoffDocument";
import { LegibilityCard } from "@/components/handoff/read/LegibilityCard";
import { PaperCard } from "@/components/handoff/read/PaperCard";
import { PeopleCard } from "@/components/handoff/read/PeopleCard";
import { DecomposedCard, ImplementedByCard } from "@/components/handoff/read/PlanCards";
import { ReviewBar } from "@/components/handoff/ReviewBar";
import { Avatar } from "@/components/ui/Avatar";
import { StatusBadge } from "@/components/ui/Badge";
import { Button, buttonClassName } from "@/components/ui/Button";
import { Card } from "@/components/ui/Card";
import { count } from "@/components/ui/format";
import { PageContainer, Stack } from "@/components/ui/PageContainer";
import { PageHeader } from "@/components/ui/PageHeader";
import { RelativeTime } from "@/components/ui/RelativeTime";
import type { Actor } from "@/lib/auth/actor";
import { getActor, requireActorOrRedirect } from "@/lib/auth/session";
import { roleAllows } from "@/lib/auth/permissions";
import { listNotebooks } from "@/lib/data/attachments";
import { milestoneChoices } from "@/lib/data/handoff-milestones";
import { listApprovals, listHandoffActivity } from "@/lib/data/handoff-review";
import { getHandoff } from "@/lib/data/handoffs";
import { listMembers } from "@/lib/data/memberships";
import { NotFoundError } from "@/lib/errors";
import { handoffView } from "@/lib/handoff/view-model";
import styles from "@/components/handoff/handoff-view.module.css";
import {
  approveAction,
  commentAction,
  deleteAttachmentAction,
  deleteCommentAction,
  editCommentAction,
  milestonesAction,
  resolveAction,
  reviewersAction,
  transitionAction,
  uploadAction,
} from "./actions";

type Params = Promise<{ key: string; id: string }>;

// generateMetadata and the page share one load per request.
const load = cache((actor: Actor, id: string) => getHandoff(actor, id));

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { id } = await params;
  const actor = await getActor();
  if (!actor) return { title: "Handoff" };
  try {
    return { title: (await load(actor, id)).handoff.title };
  } catch {
    return { title: "Handoff" };
  }
}

/** Events the feed loads; fewer means the log holds the handoff's whole history. */
const ACTIVITY_LIMIT = 100;

/** Everything the page shows, loaded in one round of queries; null when it does not exist for the caller. */
async function loadPage(actor: Actor, key: string, id: string) {
  try {
    const data = await load(actor, id);
    const [events, notebooks, members, choices, approvals] = await Promise.all([
      listHandoffActivity(actor, id, ACTIVITY_LIMIT),
      listNotebooks(actor, id),
      listMembers(actor, key).then((r) => r.members),
      // Only those who may link milestones get the list to choose from.
      roleAllows(data.role, "milestone", "update") ? milestoneChoices(actor, id) : Promise.resolve([]),
      listApprovals(actor, id),
    ]);
    return { ...data, events, notebooks, members, choices, approvals };
  } catch (error) {
    if (error instanceof NotFoundError) return null;
    throw error;
  }
}

export default async function HandoffPage({ params }: { params: Params }) {
  const { key, id } = await params;
  const actor = await requireActorOrRedirect(`/projects/${key}/handoffs/${id}`);
  const loaded = await loadPage(actor, key, id);
  if (!loaded || loaded.project.key !== key) notFound();
  const { handoff: h, project, role, events, notebooks, members, choices, approvals } = loaded;
  const now = new Date();
  const view = handoffView({ handoff: h, role, events, activityComplete: events.length < ACTIVITY_LIMIT, members, now });
  const { can } = view;
  const base = `/projects/${project.key}`;

  const viewer: ThreadViewer = {
    id: actor.id,
    canComment: can.comment,
    canEditOwn: can.editOwnComment,
    canDeleteOwn: can.deleteOwnComment,
    canDeleteAny: can.deleteAnyComment,
    actions: { comment: commentAction, resolve: resolveAction, edit: editCommentAction, remove: deleteCommentAction },
  };
  const threadProps = { handoffId: h.id, viewer, now };

  return (
    <PageContainer width="wide">
      <Stack gap={4}>
        <PageHeader
          breadcrumbs={[
            { label: "Handoffs", href: `${base}/handoffs` },
            { label: shorten(h.title, 60) },
          ]}
          title={h.title}
          meta={<StatusBadge kind="handoff" value={h.status} />}
          actions={
            <>
              {can.update && (
                <Button href={`${base}/handoffs/${h.id}/edit`} variant="primary" icon={<IconPencil size={15} />}>
                  Edit
                </Button>
              )}
              <Button href={`${base}/handoffs/${h.id}/history`} variant="secondary" icon={<IconHistory size={15} />}>
                History
              </Button>
              <a href={`/api/v1/handoffs/${h.id}/export`} download className={buttonClassName({ variant: "secondary" })}>
                <IconDownload size={15} />
                Export Markdown
              </a>
              <PrintButton />
            </>
          }
          description={
            <span className={styles.byline}>
              {h.author && (
                <span className={styles.person}>
                  <Avatar name={h.author.name} size="xs" decorative />
                  {h.author.name}
                </span>
              )}
              <span>
                Updated <RelativeTime date={h.updatedAt} now={now} />
              </span>
              <span>Version {h.version}</span>
              {h.acceptedAt && h.status === "accepted" && (
                <span>
                  Accepted <RelativeTime date={h.acceptedAt} now={now} mode="date" />
                </span>
              )}
              {view.openThreads > 0 && <span>{count(view.openThreads, "open thread")}</span>}
            </span>
          }
        />

        <ReviewBar
          handoffId={h.id}
          status={h.status}
          version={h.version}
          role={role}
          action={transitionAction}
          approveAction={approveAction}
          approvals={approvals}
          openThreads={view.openThreads}
          historyHref={`${base}/handoffs/${h.id}/history`}
          missing={view.completeness.missing.map((s) => ({ key: s.key, title: s.title }))}
          reviewers={h.reviewers.map((r) => r.user)}
          viewerId={actor.id}
          submittedAt={h.submittedAt}
          lastChange={view.lastChange}
          now={now}
        />

        <div className={styles.layout}>
          <Stack gap={4} className={styles.main}>
            <PaperCard paperTitle={h.paperTitle} paper={view.paper} />
            <HandoffDocument view={view} body={h.body} notebooks={notebooks} commentAction={can.comment ? commentAction : null} threadProps={threadProps} />
          </Stack>

          <Stack gap={4} className={styles.side}>
            <LegibilityCard completeness={view.completeness} />
            <PeopleCard
              handoffId={h.id}
              version={h.version}
              author={h.author}
              reviewers={h.reviewers.map((r) => r.user)}
              approvals={approvals}
              candidates={view.candidates}
              canChangeReviewers={can.update}
              reviewersAction={reviewersAction}
              now={now}
            />
            <Card title="Activity" description="Status changes, saves and discussion, newest first.">
              <ActivityFeed items={view.activity} now={now} />
            </Card>
            <ContentsCard view={view} body={h.body} />
            <AttachmentsCard
              handoffId={h.id}
              attachments={h.attachments}
              viewable={new Set(notebooks.map((n) => n.id))}
              canUpdate={can.update}
              uploadAction={uploadAction}
              deleteAction={deleteAttachmentAction}
              now={now}
            />
            <DecomposedCard handoffId={h.id} projectBase={base} milestones={view.milestones} choices={choices} canPlan={can.plan} action={milestonesAction} />
            <ImplementedByCard services={view.implementedBy} hasMilestones={view.milestones.length > 0} />
          </Stack>
        </div>
      </Stack>
    </PageContainer>
  );
}

function shorten(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}
