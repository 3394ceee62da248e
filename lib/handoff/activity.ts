// The handoff's audit events as sentences people read: "Tomás Herrera requested changes",
// "Ada Lindqvist saved version 3", "… commented on Production: latency and throughput budgets".
// Pure, so the read view and its tests agree on the wording.
import { joinList, noun } from "@/components/ui/format";

export type ActivityEvent = {
  id: string;
  at: Date;
  action: string;
  details: unknown;
  actorEmail: string | null;
  actor: { name: string } | null;
};

export type ActivityKind = "status" | "comment" | "save" | "people" | "file";

export type ActivityItem = {
  id: string;
  at: Date;
  who: string;
  /** What they did, after their name. */
  did: string;
  /** A section or comment to link to, e.g. "#comment-abc". */
  href?: string;
  kind: ActivityKind;
  /** For status changes: the status moved to (for the dot's colour). */
  status?: string;
  /** The note given with a review decision ("Add the batch-8 numbers."), shown as a quote. */
  note?: string;
};

export type ActivityContext = {
  /** Section key → title. */
  sectionTitle: (key: string) => string;
  /** Top-level comment id → its section key (for resolve events, which record only the comment). */
  threadSection: Map<string, string>;
  /** User id → name, for reviewer changes. */
  userName: Map<string, string>;
};

function record(details: unknown): Record<string, unknown> {
  return details && typeof details === "object" && !Array.isArray(details) ? (details as Record<string, unknown>) : {};
}
const str = (v: unknown) => (typeof v === "string" ? v : undefined);
const num = (v: unknown) => (typeof v === "number" ? v : undefined);


function names(ids: string[], ctx: ActivityContext): string {
  return joinList(ids.map((id) => ctx.userName.get(id) ?? "a former member"));
}

export function describeActivity(event: ActivityEvent, ctx: ActivityContext): ActivityItem {
  const d = record(event.details);
  const who = event.actor?.name ?? event.actorEmail ?? "Someone";
  const note = str(d.note)?.trim() || undefined;
  const base = { id: event.id, at: event.at, who, ...(note ? { note } : {}) };
  const commentId = str(d.commentId);
  const sectionKey = str(d.sectionKey) ?? (commentId ? ctx.threadSection.get(commentId) : undefined);
  const on = sectionKey ? ` on ${ctx.sectionTitle(sectionKey)}` : "";
  const commentHref = commentId ? `#comment-${commentId}` : sectionKey ? `#section-${sectionKey}` : undefined;
  switch (event.action) {
    case "handoff.create":
      return { ...base, did: "created the handoff", kind: "save", status: "draft" };
    case "handoff.update": {
      const version = num(d.version);
      return { ...base, did: version ? `saved version ${version}` : "saved a new version", kind: "save" };
    }
    case "handoff.restore": {
      const revision = num(d.revision);
      const version = num(d.version);
      return { ...base, did: `restored version ${revision ?? "?"}${version ? ` as version ${version}` : ""}`, kind: "save" };
    }
    case "handoff.submit":
      return { ...base, did: "submitted it for review", kind: "status", status: "in_review" };
    case "handoff.requestChanges":
      return { ...base, did: "requested changes", kind: "status", status: "changes_requested" };
    case "handoff.approve": {
      const version = num(d.version);
      return { ...base, did: version ? `approved version ${version}` : "approved it", kind: "status", status: "accepted" };
    }
    case "handoff.accept":
      return { ...base, did: "accepted it", kind: "status", status: "accepted" };
    case "handoff.archive":
      return { ...base, did: "archived it", kind: "status", status: "archived" };
    case "handoff.reopen":
      return { ...base, did: "reopened it as a draft", kind: "status", status: "draft" };
    case "handoff.comment":
      return { ...base, did: `commented${on}`, href: commentHref, kind: "comment" };
    case "handoff.reply":
      return { ...base, did: `replied${on}`, href: commentHref, kind: "comment" };
    case "handoff.commentEdit":
      return { ...base, did: `edited a comment${on}`, href: commentHref, kind: "comment" };
    case "handoff.commentDelete": {
      // An owner removing someone else's comment says whose it was; the text itself is gone.
      const authorId = str(d.authorId);
      const whose = d.own === false && authorId ? ` by ${ctx.userName.get(authorId) ?? "a former member"}` : "";
      return { ...base, did: `deleted a comment${whose}${on}`, kind: "comment" };
    }
    case "handoff.resolve":
      return { ...base, did: `resolved a thread${on}`, href: commentHref, kind: "comment" };
    case "handoff.reopenThread":
      return { ...base, did: `reopened a thread${on}`, href: commentHref, kind: "comment" };
    case "handoff.reviewers": {
      const ids = Array.isArray(d.userIds) ? d.userIds.filter((v): v is string => typeof v === "string") : [];
      return { ...base, did: ids.length ? `set the reviewers: ${names(ids, ctx)}` : "removed all reviewers", kind: "people" };
    }
    case "handoff.milestones": {
      const keys = Array.isArray(d.keys) ? d.keys.filter((v): v is string => typeof v === "string") : [];
      return { ...base, did: keys.length ? `linked ${noun(keys.length, "milestone")} ${joinList(keys)}` : "unlinked every milestone", kind: "people" };
    }
    case "handoff.decompose": {
      const keys = Array.isArray(d.keys) ? d.keys.filter((v): v is string => typeof v === "string") : [];
      return { ...base, did: `decomposed it into ${noun(keys.length, "new milestone")} ${joinList(keys)}`, kind: "people" };
    }
    case "handoff.attach":
      return { ...base, did: `attached ${str(d.filename) ?? "a file"}`, kind: "file" };
    case "handoff.detach":
      return { ...base, did: `removed ${str(d.filename) ?? "a file"}`, kind: "file" };
    default: {
      const verb = event.action.replace(/^handoff\./, "").replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();
      return { ...base, did: verb, kind: "save" };
    }
  }
}

type ThreadLike = {
  id: string;
  sectionKey: string;
  createdAt: Date;
  author: { name: string } | null;
  replies: { id: string; createdAt: Date; author: { name: string } | null }[];
};

/**
 * The feed from the audit log, completed with what the log does not record (imported or seeded
 * handoffs: their creation and comments), newest first. Events past the log's window are not
 * invented: comments older than the oldest logged event are only added when the log is complete.
 */
export function buildActivity(
  events: ActivityEvent[],
  ctx: ActivityContext,
  handoff: { createdAt: Date; author: { name: string } | null; comments: ThreadLike[] },
  complete: boolean,
): ActivityItem[] {
  const items = events.map((e) => describeActivity(e, ctx));
  const logged = new Set(events.map((e) => record(e.details).commentId).filter((v): v is string => typeof v === "string"));
  const oldest = events.length ? events[events.length - 1].at : null;
  const inWindow = (at: Date) => complete || !oldest || at >= oldest;
  for (const thread of handoff.comments) {
    const on = ` on ${ctx.sectionTitle(thread.sectionKey)}`;
    if (!logged.has(thread.id) && inWindow(thread.createdAt)) {
      items.push({ id: `c-${thread.id}`, at: thread.createdAt, who: thread.author?.name ?? "A former member", did: `commented${on}`, href: `#comment-${thread.id}`, kind: "comment" });
    }
    for (const reply of thread.replies) {
      if (!logged.has(reply.id) && inWindow(reply.createdAt)) {
        items.push({ id: `c-${reply.id}`, at: reply.createdAt, who: reply.author?.name ?? "A former member", did: `replied${on}`, href: `#comment-${reply.id}`, kind: "comment" });
      }
    }
  }
  if (complete && !events.some((e) => e.action === "handoff.create")) {
    items.push({ id: "created", at: handoff.createdAt, who: handoff.author?.name ?? "A former member", did: "created the handoff", kind: "save", status: "draft" });
  }
  return items.sort((a, b) => b.at.getTime() - a.at.getTime());
}
