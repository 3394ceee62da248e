// The review workflow at the top of a handoff: where it stands (draft → in review → accepted),
// what happens next in one sentence, and the status buttons the caller's role allows.
import type { ReactNode } from "react";
import { RelativeTime } from "@/components/ui/RelativeTime";
import { statusLabel, statusTone } from "@/components/ui/status";
import { roleAllows, type ProjectRole } from "@/lib/auth/permissions";
import { HANDOFF_TRANSITIONS, type HandoffTransition } from "@/lib/validation/handoff";
import { StatusActions, type TransitionButton } from "./StatusActions";
import type { ServerAction } from "@/components/forms/useFormAction";
import styles from "./review.module.css";

const ORDER: HandoffTransition[] = ["archive", "reopen", "requestChanges", "submit", "accept"];

/** The transitions the caller may make from this status, as buttons, primary last. */
export function transitionButtons(status: string, role: ProjectRole | null): TransitionButton[] {
  return ORDER.filter((name) => {
    const t = HANDOFF_TRANSITIONS[name];
    return (t.from as readonly string[]).includes(status) && roleAllows(role, "handoff", t.permission);
  }).map((name) => {
    switch (name) {
      case "submit":
        return { transition: name, label: status === "changes_requested" ? "Resubmit for review" : "Submit for review", variant: "primary" };
      case "accept":
        return { transition: name, label: "Accept", variant: "primary" };
      case "requestChanges":
        return { transition: name, label: "Request changes", variant: "secondary" };
      case "reopen":
        return { transition: name, label: "Reopen as draft", variant: "secondary" };
      case "archive":
        return { transition: name, label: "Archive", variant: "ghost" };
    }
  });
}

const STEPS = ["draft", "in_review", "accepted"] as const;

function stepState(step: (typeof STEPS)[number], status: string): "done" | "current" | "todo" {
  if (status === "archived") return "todo";
  const at = status === "changes_requested" ? 1 : STEPS.indexOf(status as (typeof STEPS)[number]);
  const index = STEPS.indexOf(step);
  return index < at ? "done" : index === at ? (status === "accepted" ? "done" : "current") : "todo";
}

export type LastEvent = { who: string; at: Date } | undefined;

export function ReviewBar({
  handoffId,
  status,
  role,
  action,
  missing,
  reviewers,
  viewerId,
  submittedAt,
  lastChange,
  now,
}: {
  handoffId: string;
  status: string;
  role: ProjectRole | null;
  action: ServerAction;
  missing: { key: string; title: string }[];
  reviewers: { id: string; name: string }[];
  /** The signed-in user, to say "your review" to a reviewer. */
  viewerId: string;
  submittedAt: Date | null;
  /** Who moved it into its current status, and when (from the activity feed). */
  lastChange: LastEvent;
  now: Date;
}) {
  const buttons = transitionButtons(status, role);
  const when = (date: Date | null | undefined) => (date ? <RelativeTime date={date} now={now} /> : null);
  let sentence: ReactNode;
  switch (status) {
    case "draft":
      sentence =
        missing.length > 0 ? (
          <>
            A draft. {missing.length} required {missing.length === 1 ? "section is" : "sections are"} still empty; fill {missing.length === 1 ? "it" : "them"} in, then submit it for review.
          </>
        ) : (
          <>A draft with every required section written: ready to submit for review.</>
        );
      break;
    case "in_review":
      sentence = (
        <>
          In review{submittedAt && <> since {when(submittedAt)}</>}.{" "}
          {reviewers.some((r) => r.id === viewerId) ? (
            <>
              Waiting on <strong>your review</strong>
              {reviewers.length > 1 && <> and {joinNames(reviewers.filter((r) => r.id !== viewerId).map((r) => r.name))}&apos;s</>}.
            </>
          ) : reviewers.length > 0 ? (
            <>Waiting on {joinNames(reviewers.map((r) => r.name))}.</>
          ) : (
            <>No reviewers assigned yet.</>
          )}
        </>
      );
      break;
    case "changes_requested":
      sentence = (
        <>
          {lastChange ? (
            <>
              <strong>{lastChange.who}</strong> requested changes {when(lastChange.at)}.
            </>
          ) : (
            <>Changes requested.</>
          )}{" "}
          Answer the open threads, then resubmit.
        </>
      );
      break;
    case "accepted":
      sentence = (
        <>
          {lastChange ? (
            <>
              Accepted by <strong>{lastChange.who}</strong> {when(lastChange.at)}.
            </>
          ) : (
            <>Accepted.</>
          )}{" "}
          Handed off to engineering.
        </>
      );
      break;
    default:
      sentence = <>Archived{lastChange && <> by {lastChange.who} {when(lastChange.at)}</>}. Reopen it to work on it again.</>;
  }

  return (
    <section className={styles.reviewBar} aria-label="Review status" data-status={status} data-chrome="review">
      <ol className={styles.steps} aria-label="Review workflow">
        {STEPS.map((step) => {
          const state = stepState(step, status);
          const label = step === "in_review" && status === "changes_requested" ? "Changes requested" : statusLabel("handoff", step);
          const tone = step === "in_review" && status === "changes_requested" ? "amber" : statusTone("handoff", step);
          return (
            <li key={step} className={styles.step} data-state={state} data-tone={state === "todo" ? undefined : tone} aria-current={step === status || (step === "in_review" && status === "changes_requested") ? "step" : undefined}>
              <span className={styles.stepDot} aria-hidden />
              <span className={styles.stepLabel}>{label}</span>
            </li>
          );
        })}
      </ol>
      <p className={styles.reviewSentence}>{sentence}</p>
      {buttons.length > 0 && <StatusActions handoffId={handoffId} action={action} buttons={buttons} missing={missing} />}
    </section>
  );
}

function joinNames(names: string[]): string {
  return names.length <= 1 ? names.join("") : `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}
