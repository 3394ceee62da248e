// Who wrote the handoff, who reviews it and who approved which version; authors, managers and
// owners change the reviewers here.
import { ReviewersForm, type Candidate } from "@/components/handoff/ReviewersForm";
import type { ServerAction } from "@/components/forms/useFormAction";
import { Avatar } from "@/components/ui/Avatar";
import { Card } from "@/components/ui/Card";
import { RelativeTime } from "@/components/ui/RelativeTime";
import type { Approval } from "@/lib/handoff/view-model";
import styles from "../side-cards.module.css";

export function PeopleCard({
  handoffId,
  version,
  author,
  reviewers,
  approvals,
  candidates,
  canChangeReviewers,
  reviewersAction,
  now,
}: {
  handoffId: string;
  version: number;
  author: { name: string } | null;
  reviewers: { id: string; name: string }[];
  approvals: Approval[];
  candidates: Candidate[];
  canChangeReviewers: boolean;
  reviewersAction: ServerAction;
  now: Date;
}) {
  const approvalOf = new Map(approvals.map((a) => [a.user.id, a]));
  return (
    <Card title="People">
      <dl className={styles.people}>
        <dt>Author</dt>
        <dd>
          {author ? (
            <span className={styles.person}>
              <Avatar name={author.name} size="sm" decorative />
              {author.name}
            </span>
          ) : (
            <span className={styles.muted}>Former member</span>
          )}
        </dd>
        <dt>Reviewers</dt>
        <dd>
          {reviewers.length === 0 ? (
            <span className={styles.muted}>None assigned</span>
          ) : (
            <ul className={styles.reviewers} aria-label="Reviewers">
              {reviewers.map((r) => {
                const approval = approvalOf.get(r.id);
                return (
                  <li key={r.id} className={styles.person}>
                    <Avatar name={r.name} size="sm" decorative />
                    {r.name}
                    {approval && <Approved approval={approval} current={approval.version === version} now={now} />}
                  </li>
                );
              })}
            </ul>
          )}
        </dd>
        {approvals.some((a) => !reviewers.some((r) => r.id === a.user.id)) && (
          <>
            <dt>Also approved</dt>
            <dd>
              <ul className={styles.reviewers} aria-label="Approved by others">
                {approvals
                  .filter((a) => !reviewers.some((r) => r.id === a.user.id))
                  .map((a) => (
                    <li key={a.user.id} className={styles.person}>
                      <Avatar name={a.user.name} size="sm" decorative />
                      {a.user.name}
                      <Approved approval={a} current={a.version === version} now={now} />
                    </li>
                  ))}
              </ul>
            </dd>
          </>
        )}
      </dl>
      {canChangeReviewers && <ReviewersForm handoffId={handoffId} candidates={candidates} selected={reviewers.map((r) => r.id)} action={reviewersAction} />}
    </Card>
  );
}

function Approved({ approval, current, now }: { approval: Approval; current: boolean; now: Date }) {
  return (
    <span className={styles.approved} data-current={current || undefined} title={approval.note || undefined}>
      {current ? "approved" : `approved version ${approval.version}`} <RelativeTime date={approval.approvedAt} now={now} />
    </span>
  );
}
