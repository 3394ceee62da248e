// The review workflow at the top of a handoff: where it stands (draft → in review → accepted),
// what happens next in one sentence, and the status buttons the caller's role allows.
import type { ReactNode } from "react";
import { count, joinList } from "@/components/ui/format";
import { RelativeTime } from "@/components/ui/RelativeTime";
import { statusLabel, statusTone } from "@/components/ui/status";
import { roleAllows, rolesPhrase, type ProjectRole } from "@/lib/auth/permissions";
import { HANDOFF_TRANSITIONS, type HandoffTransition } from "@/lib/validation/handoff";
import type { Approval, LastChange } from "@/lib/handoff/view-model";
import type { Decision } from "./ReviewDecision";
import { StatusActions, type TransitionButton } from "./StatusActions";
import type { ServerAction } from "@/components/forms/useFormAction";
import styles from "./review.module.css";

/** Transitions that act on one click: they move the author's own work along. */
const DIRECT: HandoffTransition[] = ["reopen", "submit"];
/** Review decisions, in the order shown: each asks for a note and a confirmation first. */
const DECIDED: HandoffTransition[] = ["archive", "requestChanges", "accept"];

const allowed = (name: HandoffTransition, status: string, role: ProjectRole | null) =>
  (HANDOFF_TRANSITIONS[name].from as readonly string[]).includes(status) && roleAllows(role, "handoff", HANDOFF_TRANSITIONS[name].permission);

/** The one-click transitions the caller may make from this status, primary last. */
export function transitionButtons(status: string, role: ProjectRole | null): TransitionButton[] {
  return DIRECT.filter((name) => allowed(name, status, role)).map((name) =>
    name === "submit"
      ? { transition: name, label: status === "changes_requested" ? "Resubmit for review" : "Submit for review", variant: "primary" }
      : { transition: name, label: "Reopen as draft", variant: "secondary" },
  );
}

/** The review decisions the caller may make now, each with its question and what it does. */
export function reviewDecisions({
  status,
  role,
  version,
  approvedByViewer,
  openThreads = 0,
  transitionAction,
  approveAction,
}: {
  status: string;
  role: ProjectRole | null;
  version: number;
  /** The version the viewer last approved, if any. */
  approvedByViewer: number | null;
  /** Comment threads not yet resolved: accepting over them is allowed, but said. */
  openThreads?: number;
  transitionAction: ServerAction;
  approveAction: ServerAction;
}): Decision[] {
  const decisions: Decision[] = [];
  const canAccept = allowed("accept", status, role);
  for (const name of DECIDED) {
    if (!allowed(name, status, role)) continue;
    const base = { id: name, action: transitionAction, fields: { transition: name } };
    if (name === "archive") {
      decisions.push({ ...base, label: "Archive", variant: "ghost", question: "Why archive it?", consequence: "It leaves the project's lists of active handoffs. Reopening it later makes it a draft again.", noteRequired: false, placeholder: "e.g. Superseded by the v2 paper.", confirmLabel: "Archive" });
    } else if (name === "requestChanges") {
      decisions.push({ ...base, label: "Request changes", variant: "secondary", question: "What should change?", consequence: "It goes back to its author, who sees your note and the open threads, then resubmits.", noteRequired: true, placeholder: "e.g. Give p95 latency at batch 8, not only at batch 1.", confirmLabel: "Request changes" });
      if (roleAllows(role, "handoff", "review") && approvedByViewer !== version) {
        decisions.push({
          id: "approve",
          label: approvedByViewer ? `Approve version ${version}` : "Approve",
          variant: canAccept ? "secondary" : "primary",
          action: approveAction,
          fields: { version: String(version) },
          question: "Note for the author",
          consequence: `You approve version ${version}, the text on this page.${canAccept ? "" : ` Accepting it stays with ${rolesPhrase("handoff", "accept")}.`}`,
          noteRequired: false,
          placeholder: "e.g. The latency budget checks out against our p95 target.",
          confirmLabel: `Approve version ${version}`,
        });
      }
    } else {
      decisions.push({ ...base, label: "Accept", variant: "primary", question: "Note", consequence: `It is handed off to engineering: it leaves review, and this version is kept as the accepted text.${openThreads > 0 ? ` ${count(openThreads, "comment thread is", "comment threads are")} still open.` : ""}`, noteRequired: false, placeholder: "e.g. Ship behind the layout-v2 flag first.", confirmLabel: "Accept" });
    }
  }
  return decisions;
}

const STEPS = ["draft", "in_review", "accepted"] as const;

function stepState(step: (typeof STEPS)[number], status: string): "done" | "current" | "todo" {
  if (status === "archived") return "todo";
  const at = status === "changes_requested" ? 1 : STEPS.indexOf(status as (typeof STEPS)[number]);
  const index = STEPS.indexOf(step);
  return index < at ? "done" : index === at ? (status === "accepted" ? "done" : "current") : "todo";
}



export function ReviewBar({
  handoffId,
  status,
  version,
  role,
  action,
  approveAction,
  missing,
  reviewers,
  approvals,
  openThreads,
  historyHref,
  viewerId,
  submittedAt,
  lastChange,
  now,
}: {
  handoffId: string;
  status: string;
  version: number;
  role: ProjectRole | null;
  action: ServerAction;
  approveAction: ServerAction;
  missing: { key: string; title: string }[];
  reviewers: { id: string; name: string }[];
  /** Reviewers' approvals, newest first. */
  approvals: Approval[];
  openThreads: number;
  /** The history page, to compare an accepted version with the text as it stands. */
  historyHref: string;
  /** The signed-in user, to say "your review" to a reviewer. */
  viewerId: string;
  submittedAt: Date | null;
  /** Who moved it into its current status, and when (from the activity feed). */
  lastChange: LastChange;
  now: Date;
}) {
  const buttons = transitionButtons(status, role);
  const approvedByViewer = approvals.find((a) => a.user.id === viewerId)?.version ?? null;
  const decisions = reviewDecisions({ status, role, version, approvedByViewer, openThreads, transitionAction: action, approveAction });
  const current = approvals.filter((a) => a.version === version);
  // Reviewers who have not approved the text as it stands.
  const pending = reviewers.filter((r) => !current.some((a) => a.user.id === r.id));
  const earlier = approvals.filter((a) => a.version !== version);
  const approvalNote = (
    <>
      {current.length > 0 && <> Approved by {joinList(current.map((a) => a.user.name))}.</>}
      {earlier.length > 0 && (
        <>
          {" "}
          {joinList(earlier.map((a) => a.user.name))} approved an earlier version.
        </>
      )}
    </>
  );
  // The version the acceptance was about (older events do not say: then the one on the page).
  const acceptedVersion = status === "accepted" ? (lastChange?.version ?? version) : version;
  const vouched = approvals.filter((a) => a.version === acceptedVersion);
  const quote = (note: string | undefined) => (note ? <q className={styles.reviewNote}>{note}</q> : null);
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
          {pending.some((r) => r.id === viewerId) ? (
            <>
              Waiting on <strong>your review</strong>
              {pending.length > 1 && <> and {joinList(pending.filter((r) => r.id !== viewerId).map((r) => r.name))}&apos;s</>}.
            </>
          ) : pending.length > 0 ? (
            <>Waiting on {joinList(pending.map((r) => r.name))}.</>
          ) : reviewers.length > 0 ? (
            <>Every reviewer approved this version.</>
          ) : current.length === 0 ? (
            <>No reviewers assigned yet.</>
          ) : null}
          {approvalNote}
        </>
      );
      break;
    case "changes_requested":
      sentence = (
        <>
          {lastChange ? (
            <>
              <strong>{lastChange.who}</strong> requested changes {when(lastChange.at)}
              {lastChange.note ? <>: {quote(lastChange.note)}</> : "."}
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
              Accepted by <strong>{lastChange.who}</strong> {when(lastChange.at)}
              {vouched.length > 0 && <>, approved by {joinList(vouched.map((a) => a.user.name))}</>}.{lastChange.note && <> {quote(lastChange.note)}</>}
            </>
          ) : (
            <>Accepted.</>
          )}{" "}
          Handed off to engineering.
          {acceptedVersion < version && (
            <>
              {" "}
              <strong>Edited since:</strong> version {acceptedVersion} was accepted, this is version {version}.{" "}
              <a href={`${historyHref}?from=${acceptedVersion}&to=${version}`}>See what changed</a>.
            </>
          )}
        </>
      );
      break;
    default:
      sentence = (
        <>
          Archived{lastChange && <> by {lastChange.who} {when(lastChange.at)}</>}.{" "}
          {roleAllows(role, "handoff", HANDOFF_TRANSITIONS.reopen.permission) ? "Reopen it to work on it again." : `${rolesPhrase("handoff", HANDOFF_TRANSITIONS.reopen.permission, true)} can reopen it.`}
        </>
      );
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
      {buttons.length + decisions.length > 0 && <StatusActions handoffId={handoffId} action={action} buttons={buttons} decisions={decisions} missing={missing} />}
    </section>
  );
}
