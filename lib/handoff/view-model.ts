// What the handoff read view shows, computed from what lib/data returned: which sections go in
// the production notes and which in the research summary, the threads on each, the paper's links,
// the milestones and the services behind them, the activity in sentences, who reviews and who
// approved. Pure (no React, no database), so the page only draws it and unit tests pin it down.
import { humanize } from "@/components/ui/status";
import { roleAllows, rolesAllowed, type ProjectRole } from "@/lib/auth/permissions";
import type { readHandoff } from "@/lib/data/handoff-read";
import { buildActivity, type ActivityEvent, type ActivityItem } from "@/lib/handoff/activity";
import { handoffCompleteness, isSectionFilled, readSections, resolveTemplateSections } from "@/lib/handoff/completeness";
import { authorsOf, venueLine } from "@/lib/handoff/paper";
import { compareKeys } from "@/lib/sort";
import type { TemplateSection } from "@/lib/validation/template";

export type HandoffRecord = Awaited<ReturnType<typeof readHandoff>>;
export type Thread = HandoffRecord["comments"][number];
type Milestone = HandoffRecord["milestones"][number]["milestone"];
type Service = Milestone["services"][number]["service"];

/** Template sections whose key starts with this are the production notes, shown first. */
export const PRODUCTION_PREFIX = "prod_";
/** Comments on the free Markdown notes below the sections use this section key. */
export const BODY_KEY = "body";
export const BODY_SECTION: TemplateSection = { key: BODY_KEY, title: "Notes", guidance: "", required: false };

/** The id a section's heading carries, for links from the contents, the checklist and the feed. */
export const sectionAnchor = (key: string) => `section-${key}`;

/** The audit action that moved a handoff into each status, to say who did it. */
const STATUS_EVENT: Partial<Record<string, string>> = {
  changes_requested: "handoff.requestChanges",
  accepted: "handoff.accept",
  archived: "handoff.archive",
};

export type Member = { role: string; user: { id: string; name: string; disabledAt: Date | null } };
export type Approval = { user: { id: string; name: string }; version: number; note: string; approvedAt: Date };
export type LastChange = { who: string; at: Date; note?: string; version?: number } | undefined;
export type PaperLink = { href: string; label: string };

export type HandoffViewInput = {
  handoff: HandoffRecord;
  role: ProjectRole | null;
  /** Events from the audit log, newest first. */
  events: ActivityEvent[];
  /** The log holds the handoff's whole history (fewer events than the page asked for). */
  activityComplete: boolean;
  members: Member[];
  now: Date;
};

export function handoffView({ handoff: h, role, events, activityComplete, members, now }: HandoffViewInput) {
  const can = {
    update: roleAllows(role, "handoff", "update"),
    comment: roleAllows(role, "handoff", "comment"),
    plan: roleAllows(role, "milestone", "update"),
    editOwnComment: roleAllows(role, "comment", "editOwn"),
    deleteOwnComment: roleAllows(role, "comment", "deleteOwn"),
    deleteAnyComment: roleAllows(role, "comment", "deleteAny"),
  };

  const template = resolveTemplateSections(h.template?.sections);
  const sections = readSections(h.sections);
  const completeness = handoffCompleteness(sections, template);
  const templateKeys = new Set(template.map((s) => s.key));
  // Text kept under keys the template no longer has (the template changed after it was written).
  const extra: TemplateSection[] = Object.keys(sections)
    .filter((k) => !templateKeys.has(k) && isSectionFilled(sections[k]))
    .map((k) => ({ key: k, title: humanize(k), guidance: "", required: false }));

  const threadsBySection = new Map<string, Thread[]>();
  for (const c of h.comments) threadsBySection.set(c.sectionKey, [...(threadsBySection.get(c.sectionKey) ?? []), c]);
  const shownKeys = new Set([...templateKeys, ...extra.map((s) => s.key), BODY_KEY]);

  const titles = new Map<string, string>([...template, ...extra].map((s) => [s.key, s.title]));
  titles.set(BODY_KEY, BODY_SECTION.title);
  const activity: ActivityItem[] = buildActivity(
    events,
    {
      sectionTitle: (k) => titles.get(k) ?? humanize(k),
      threadSection: new Map(h.comments.map((c) => [c.id, c.sectionKey])),
      userName: new Map(members.map((m) => [m.user.id, m.user.name])),
    },
    h,
    activityComplete,
  );

  const reviewerRoles = new Set<string>(rolesAllowed("handoff", "review"));
  return {
    can,
    sections,
    completeness,
    production: template.filter((s) => s.key.startsWith(PRODUCTION_PREFIX)),
    research: template.filter((s) => !s.key.startsWith(PRODUCTION_PREFIX)),
    extra,
    /** The free notes get a section of their own when written or discussed. */
    hasBody: isSectionFilled(h.body) || (threadsBySection.get(BODY_KEY)?.length ?? 0) > 0,
    threadsBySection,
    orphanThreads: h.comments.filter((c) => !shownKeys.has(c.sectionKey)),
    openThreads: h.comments.filter((c) => !c.resolvedAt).length,
    paper: paperOf(h),
    milestones: milestonesOf(h, now),
    implementedBy: servicesOf(h),
    activity,
    lastChange: lastChangeOf(h.status, events),
    reviewerIds: h.reviewers.map((r) => r.user.id),
    /** Who may be asked to review: active members whose role reviews, by name. */
    candidates: members
      .filter((m) => reviewerRoles.has(m.role) && !m.user.disabledAt)
      .map((m) => ({ id: m.user.id, name: m.user.name, role: m.role }))
      .sort((a, b) => a.name.localeCompare(b.name)),
  };
}

export type HandoffView = ReturnType<typeof handoffView>;

/** The paper card: authors, venue line, and one link per distinct destination. */
export function paperOf(h: Pick<HandoffRecord, "authors" | "venue" | "year" | "arxivId" | "doi" | "url" | "bibtex">) {
  const arxiv = h.arxivId ? `https://arxiv.org/abs/${h.arxivId}` : null;
  const doi = h.doi ? `https://doi.org/${h.doi}` : null;
  const links: PaperLink[] = [];
  if (arxiv) links.push({ href: arxiv, label: `arXiv ${h.arxivId}` });
  if (doi) links.push({ href: doi, label: `DOI ${h.doi}` });
  if (h.url && h.url !== arxiv && h.url !== doi) links.push({ href: h.url, label: hostOf(h.url) });
  return { authors: authorsOf(h.authors), venue: venueLine(h.venue, h.year), links, bibtex: h.bibtex.trim() };
}

/** The milestones the paper was decomposed into, in key order, with whether each is overdue. */
export function milestonesOf(h: Pick<HandoffRecord, "milestones">, now: Date) {
  return h.milestones
    .map(({ milestone: m }) => {
      const open = m.status !== "done" && m.status !== "cancelled";
      return { ...m, overdue: open && m.dueDate !== null && m.dueDate < now };
    })
    .sort((a, b) => compareKeys(a.key, b.key));
}

/** Each service implementing any of those milestones once, with the milestone keys it implements. */
export function servicesOf(h: Pick<HandoffRecord, "milestones">): { service: Service; via: string[] }[] {
  const services = new Map<string, { service: Service; via: string[] }>();
  for (const { milestone: m } of h.milestones) {
    for (const { service } of m.services) {
      const entry = services.get(service.id) ?? { service, via: [] };
      entry.via.push(m.key);
      services.set(service.id, entry);
    }
  }
  return [...services.values()]
    .map((e) => ({ ...e, via: e.via.sort(compareKeys) }))
    .sort((a, b) => a.service.name.localeCompare(b.service.name));
}

/** Who moved the handoff into its current status, when, and what they said (from the feed). */
export function lastChangeOf(status: string, events: ActivityEvent[]): LastChange {
  const action = STATUS_EVENT[status];
  const event = action ? events.find((e) => e.action === action) : undefined;
  if (!event) return undefined;
  const { note, version } = (event.details ?? {}) as { note?: unknown; version?: unknown };
  return {
    who: event.actor?.name ?? event.actorEmail ?? "Someone",
    at: event.at,
    note: typeof note === "string" && note.trim() ? note : undefined,
    version: typeof version === "number" ? version : undefined,
  };
}

function hostOf(url: string): string {
  try {
    return new URL(url).host.replace(/^www\./, "");
  } catch {
    return "Link";
  }
}
