import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { CopyButton } from "@/app/(app)/_components/CopyButton";
import { ActivityFeed } from "@/components/handoff/ActivityFeed";
import { AttachmentUpload } from "@/components/handoff/AttachmentUpload";
import { CommentableSection, type SectionComment } from "@/components/handoff/CommentableSection";
import { DeleteAttachmentButton } from "@/components/handoff/DeleteAttachmentButton";
import { IconDownload, IconHistory, IconNotebook, IconPencil } from "@/components/handoff/icons";
import { PrintButton } from "@/components/handoff/PrintButton";
import { ReviewBar, type LastEvent } from "@/components/handoff/ReviewBar";
import { ChecklistForm } from "@/components/handoff/ChecklistForm";
import { ReviewersForm } from "@/components/handoff/ReviewersForm";
import { Threads, type ThreadViewer } from "@/components/handoff/CommentThreads";
import { buildActivity, type ActivityItem } from "@/lib/handoff/activity";
import { NotebookView } from "@/components/notebook/NotebookView";
import { Alert } from "@/components/ui/Alert";
import { Avatar } from "@/components/ui/Avatar";
import { Badge, StatusBadge } from "@/components/ui/Badge";
import { Button, buttonClassName } from "@/components/ui/Button";
import { Card } from "@/components/ui/Card";
import { IconCheckCircle, IconExternal, IconFileText, IconServer } from "@/components/ui/icons";
import { PageContainer, Stack } from "@/components/ui/PageContainer";
import { PageHeader } from "@/components/ui/PageHeader";
import { ProgressBar } from "@/components/ui/ProgressBar";
import { RelativeTime } from "@/components/ui/RelativeTime";
import { formatDate } from "@/components/ui/format";
import { humanize } from "@/components/ui/status";
import type { Actor } from "@/lib/auth/actor";
import { getActor, requireActorOrRedirect } from "@/lib/auth/session";
import { roleAllows } from "@/lib/auth/permissions";
import { ATTACHMENT_MAX_BYTES, isNotebook, listNotebooks } from "@/lib/data/attachments";
import { milestoneChoices } from "@/lib/data/handoff-milestones";
import { listApprovals, listHandoffActivity } from "@/lib/data/handoff-review";
import { getHandoff } from "@/lib/data/handoffs";
import { listMembers } from "@/lib/data/memberships";
import { NotFoundError } from "@/lib/errors";
import { handoffCompleteness, isSectionFilled, readSections, resolveTemplateSections } from "@/lib/handoff/completeness";
import { authorsOf, venueLine } from "@/lib/handoff/paper";
import { Markdown } from "@/lib/markdown/render";
import type { TemplateSection } from "@/lib/validation/template";
import styles from "@/components/handoff/handoff-view.module.css";
import {
  commentAction,
  deleteAttachmentAction,
  deleteCommentAction,
  editCommentAction,
  milestonesAction,
  resolveAction,
  reviewersAction,
  transitionAction,
  approveAction,
  uploadAction,
} from "./actions";

type Params = Promise<{ key: string; id: string }>;

// generateMetadata and the page share one load per request.
const load = cache((actor: Actor, id: string) => getHandoff(actor, id));

type Loaded = Awaited<ReturnType<typeof getHandoff>>;
type Handoff = Loaded["handoff"];
type Thread = Handoff["comments"][number];

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

const PRODUCTION_PREFIX = "prod_";
/** Comments on the free Markdown body use this section key. */
const BODY_KEY = "body";

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ["KB", "MB", "GB"];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value >= 10 ? Math.round(value) : value.toFixed(1)} ${units[unit]}`;
}

/** The audit action that moved a handoff into each status, to say who did it. */
const STATUS_EVENT: Partial<Record<string, string>> = {
  changes_requested: "handoff.requestChanges",
  accepted: "handoff.accept",
  archived: "handoff.archive",
};

/** Events the feed loads; fewer means the log holds the handoff's whole history. */
const ACTIVITY_LIMIT = 100;

const REVIEWER_ROLES: ReadonlySet<string> = new Set(["engineer", "manager", "owner"]);

/** "FLOOR-2" before "FLOOR-10". */
function compareKeys(a: string, b: string): number {
  return a.localeCompare(b, "en", { numeric: true });
}

const anchor = (key: string) => `section-${key}`;

export default async function HandoffPage({ params }: { params: Params }) {
  const { key, id } = await params;
  const actor = await requireActorOrRedirect(`/projects/${key}/handoffs/${id}`);
  let data: Loaded;
  let extras: [
    Awaited<ReturnType<typeof listHandoffActivity>>,
    Awaited<ReturnType<typeof listNotebooks>>,
    Awaited<ReturnType<typeof listMembers>>["members"],
    Awaited<ReturnType<typeof milestoneChoices>>,
    Awaited<ReturnType<typeof listApprovals>>,
  ];
  try {
    data = await load(actor, id);
    extras = await Promise.all([
      listHandoffActivity(actor, id, ACTIVITY_LIMIT),
      listNotebooks(actor, id),
      listMembers(actor, key).then((r) => r.members),
      // Only those who may link milestones get the list to choose from.
      roleAllows(data.role, "milestone", "update") ? milestoneChoices(actor, id) : Promise.resolve([]),
      listApprovals(actor, id),
    ]);
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
  const { handoff: h, project, role } = data;
  if (project.key !== key) notFound();
  const [events, notebooks, members, choices, approvals] = extras;
  const canPlan = roleAllows(role, "milestone", "update");
  const now = new Date();
  const base = `/projects/${project.key}`;
  const canUpdate = roleAllows(role, "handoff", "update");
  const canComment = roleAllows(role, "handoff", "comment");

  const template = resolveTemplateSections(h.template?.sections);
  const sections = readSections(h.sections);
  const completeness = handoffCompleteness(sections, template);
  const production = template.filter((s) => s.key.startsWith(PRODUCTION_PREFIX));
  const research = template.filter((s) => !s.key.startsWith(PRODUCTION_PREFIX));
  const templateKeys = new Set(template.map((s) => s.key));
  // Text kept under keys the template no longer has (the template changed after writing).
  const extra: TemplateSection[] = Object.keys(sections)
    .filter((k) => !templateKeys.has(k) && isSectionFilled(sections[k]))
    .map((k) => ({ key: k, title: humanize(k), guidance: "", required: false }));

  const threadsBySection = new Map<string, Thread[]>();
  for (const c of h.comments) threadsBySection.set(c.sectionKey, [...(threadsBySection.get(c.sectionKey) ?? []), c]);
  const shownKeys = new Set([...templateKeys, ...extra.map((s) => s.key), BODY_KEY]);
  const orphanThreads = h.comments.filter((c) => !shownKeys.has(c.sectionKey));
  const openThreads = h.comments.filter((c) => !c.resolvedAt).length;

  const authors = authorsOf(h.authors);
  const venue = venueLine(h.venue, h.year);
  const arxivUrl = h.arxivId ? `https://arxiv.org/abs/${h.arxivId}` : null;
  const doiUrl = h.doi ? `https://doi.org/${h.doi}` : null;
  const otherUrl = h.url && h.url !== arxivUrl && h.url !== doiUrl ? h.url : null;

  const milestones = h.milestones.map((m) => m.milestone).sort((a, b) => compareKeys(a.key, b.key));
  const services = new Map<string, { service: (typeof milestones)[number]["services"][number]["service"]; via: string[] }>();
  for (const m of milestones) {
    for (const { service } of m.services) {
      const entry = services.get(service.id) ?? { service, via: [] };
      entry.via.push(m.key);
      services.set(service.id, entry);
    }
  }
  const implementedBy = [...services.values()].sort((a, b) => a.service.name.localeCompare(b.service.name));
  const hasBody = isSectionFilled(h.body) || (threadsBySection.get(BODY_KEY)?.length ?? 0) > 0;

  // Activity, in sentences.
  const titles = new Map<string, string>([...template, ...extra].map((s) => [s.key, s.title]));
  titles.set(BODY_KEY, "Notes");
  const activity: ActivityItem[] = buildActivity(
    events,
    {
      sectionTitle: (k) => titles.get(k) ?? humanize(k),
      threadSection: new Map(h.comments.map((c) => [c.id, c.sectionKey])),
      userName: new Map(members.map((m) => [m.user.id, m.user.name])),
    },
    h,
    events.length < ACTIVITY_LIMIT,
  );
  const statusEvent = STATUS_EVENT[h.status];
  const lastEvent = statusEvent ? events.find((e) => e.action === statusEvent) : undefined;
  const lastNote = (lastEvent?.details as { note?: unknown } | null)?.note;
  const lastChange: LastEvent = lastEvent
    ? { who: lastEvent.actor?.name ?? lastEvent.actorEmail ?? "Someone", at: lastEvent.at, note: typeof lastNote === "string" ? lastNote : undefined }
    : undefined;

  const reviewerIds = h.reviewers.map((r) => r.user.id);
  const candidates = members
    .filter((m) => REVIEWER_ROLES.has(m.role) && !m.user.disabledAt)
    .map((m) => ({ id: m.user.id, name: m.user.name, role: m.role }))
    .sort((a, b) => a.name.localeCompare(b.name));

  const comment = (s: TemplateSection): SectionComment | undefined => (canComment ? { action: commentAction, handoffId: h.id, sectionKey: s.key, sectionTitle: s.title } : undefined);
  const viewer: ThreadViewer = {
    id: actor.id,
    canComment,
    canEditOwn: roleAllows(role, "comment", "editOwn"),
    canDeleteOwn: roleAllows(role, "comment", "deleteOwn"),
    canDeleteAny: roleAllows(role, "comment", "deleteAny"),
    actions: { comment: commentAction, resolve: resolveAction, edit: editCommentAction, remove: deleteCommentAction },
  };
  const threadProps = { handoffId: h.id, viewer, now };
  const sectionProps = (s: TemplateSection) => ({ section: s, text: sections[s.key], threads: threadsBySection.get(s.key) ?? [], comment: comment(s), ...threadProps });
  const bodySection: TemplateSection = { key: BODY_KEY, title: "Notes", guidance: "", required: false };
  const notebookAttachments = new Set(notebooks.map((n) => n.id));

  return (
    <PageContainer width="wide">
      <Stack gap={4}>
        <PageHeader
          breadcrumbs={[
            { label: "Handoffs", href: `${base}/handoffs` },
            { label: h.paperTitle ? shorten(h.paperTitle, 60) : h.title },
          ]}
          title={h.title}
          meta={<StatusBadge kind="handoff" value={h.status} />}
          actions={
            <>
              {canUpdate && (
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
              {openThreads > 0 && (
                <span>
                  {openThreads} open {openThreads === 1 ? "thread" : "threads"}
                </span>
              )}
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
          missing={completeness.missing.map((s) => ({ key: s.key, title: s.title }))}
          reviewers={h.reviewers.map((r) => r.user)}
          viewerId={actor.id}
          submittedAt={h.submittedAt}
          lastChange={lastChange}
          now={now}
        />

        <div className={styles.layout}>
          <Stack gap={4} className={styles.main}>
            <Card title="Paper" padding="lg">
              <div className={styles.paper}>
                <p className={styles.paperName}>{h.paperTitle || <span className={styles.muted}>No paper title yet</span>}</p>
                {authors.length > 0 && <p className={styles.authors}>{authors.join(", ")}</p>}
                {venue && <p className={styles.venueLine}>{venue}</p>}
                {(arxivUrl || doiUrl || otherUrl) && (
                  <div className={styles.links}>
                    {arxivUrl && <ExternalLink href={arxivUrl} label={`arXiv ${h.arxivId}`} />}
                    {doiUrl && <ExternalLink href={doiUrl} label={`DOI ${h.doi}`} />}
                    {otherUrl && <ExternalLink href={otherUrl} label={hostOf(otherUrl)} />}
                  </div>
                )}
                {h.bibtex.trim() && (
                  <details className={styles.bibtex}>
                    <summary>BibTeX</summary>
                    <div className={styles.bibtexBody}>
                      <pre>
                        <code>{h.bibtex.trim()}</code>
                      </pre>
                      <div className={styles.bibtexActions} data-chrome="copy">
                        <CopyButton value={h.bibtex.trim()} label="Copy BibTeX" />
                      </div>
                    </div>
                  </details>
                )}
              </div>
            </Card>

            {production.length > 0 && (
              <section className={styles.production} aria-labelledby="production-notes">
                <header className={styles.productionHeader}>
                  <span className={styles.productionIcon} aria-hidden>
                    <IconServer size={16} />
                  </span>
                  <div>
                    <h2 id="production-notes" className={styles.productionTitle}>
                      Production notes
                    </h2>
                    <p className={styles.productionLead}>What it takes to run this in production: interfaces, compute, latency and data.</p>
                  </div>
                </header>
                <div className={styles.sections}>
                  {production.map((s) => (
                    <Section key={s.key} {...sectionProps(s)} />
                  ))}
                </div>
              </section>
            )}

            {research.length > 0 && (
              <section className={styles.document} aria-label="Research summary">
                <div className={styles.sections}>
                  {research.map((s) => (
                    <Section key={s.key} {...sectionProps(s)} />
                  ))}
                  {extra.map((s) => (
                    <Section key={s.key} {...sectionProps(s)} note="Kept from an earlier template" />
                  ))}
                </div>
              </section>
            )}

            {hasBody && (
              <section className={styles.document} aria-label="Notes">
                <div className={styles.sections}>
                  <Section section={bodySection} text={h.body} threads={threadsBySection.get(BODY_KEY) ?? []} comment={comment(bodySection)} {...threadProps} />
                </div>
              </section>
            )}

            {orphanThreads.length > 0 && (
              <Card title="Other discussion" description="Threads on sections this handoff no longer has.">
                <Threads threads={orphanThreads} label="Other discussion" {...threadProps} />
              </Card>
            )}

            {notebooks.length > 0 && (
              <section className={styles.notebooks} aria-labelledby="notebooks-title">
                <h2 id="notebooks-title" className={styles.notebooksTitle}>
                  <IconNotebook size={18} /> Notebooks
                </h2>
                {notebooks.map((n) => (
                  <div key={n.id} id={`notebook-${n.id}`} className={styles.notebook}>
                    {n.notebook ? (
                      <NotebookView notebook={n.notebook} filename={n.filename} />
                    ) : (
                      <Alert tone="warning" title={`${n.filename} cannot be shown`}>
                        {n.error} The file is still attached; download it to inspect it.
                      </Alert>
                    )}
                  </div>
                ))}
              </section>
            )}
          </Stack>

          <Stack gap={4} className={styles.side}>
            <Card title="Legibility" description="Required sections an engineer needs, written.">
              <div className={styles.legibilityCard}>
                <div className={styles.score}>
                  <span className={styles.scoreValue} data-complete={completeness.percent === 100 || undefined}>
                    {completeness.percent}%
                  </span>
                  <span className={styles.scoreText}>
                    {completeness.filled} of {completeness.required} required
                    {completeness.optional > 0 && (
                      <>
                        <br />
                        {completeness.optionalFilled} of {completeness.optional} optional
                      </>
                    )}
                  </span>
                </div>
                <ProgressBar
                  value={completeness.filled}
                  max={completeness.required}
                  label="Required sections written"
                  valueText={`${completeness.filled} of ${completeness.required}`}
                  tone={completeness.percent === 100 ? "green" : completeness.percent >= 60 ? "accent" : "amber"}
                />
                {completeness.missing.length === 0 ? (
                  <p className={styles.allDone}>
                    <IconCheckCircle size={14} /> Every required section is written.
                  </p>
                ) : (
                  <div>
                    <p className={styles.missingLabel}>Still empty</p>
                    <ul className={styles.missing}>
                      {completeness.missing.map((s) => (
                        <li key={s.key}>
                          <a href={`#${anchor(s.key)}`}>{s.title}</a>
                        </li>
                      ))}
                    </ul>
                  </div>
                )}
              </div>
            </Card>

            <Card title="People">
              <dl className={styles.people}>
                <dt>Author</dt>
                <dd>
                  {h.author ? (
                    <span className={styles.person}>
                      <Avatar name={h.author.name} size="sm" decorative />
                      {h.author.name}
                    </span>
                  ) : (
                    <span className={styles.muted}>Former member</span>
                  )}
                </dd>
                <dt>Reviewers</dt>
                <dd>
                  {h.reviewers.length === 0 ? (
                    <span className={styles.muted}>None assigned</span>
                  ) : (
                    <ul className={styles.reviewers} aria-label="Reviewers">
                      {h.reviewers.map((r) => (
                        <li key={r.user.id} className={styles.person}>
                          <Avatar name={r.user.name} size="sm" decorative />
                          {r.user.name}
                        </li>
                      ))}
                    </ul>
                  )}
                </dd>
              </dl>
              {canUpdate && <ReviewersForm handoffId={h.id} candidates={candidates} selected={reviewerIds} action={reviewersAction} />}
            </Card>

            <Card title="Activity" description="Status changes, saves and discussion, newest first.">
              <ActivityFeed items={activity} now={now} />
            </Card>

            <Card title="Contents" padding="sm">
              <nav aria-label="Sections of this handoff">
                <ol className={styles.toc}>
                  {production.length > 0 && <li className={styles.tocGroup}>Production notes</li>}
                  {production.map((s) => (
                    <TocItem key={s.key} section={s} filled={isSectionFilled(sections[s.key])} threads={threadsBySection.get(s.key)?.length ?? 0} />
                  ))}
                  {production.length > 0 && research.length > 0 && <li className={styles.tocGroup}>Research</li>}
                  {[...research, ...extra].map((s) => (
                    <TocItem key={s.key} section={s} filled={isSectionFilled(sections[s.key])} threads={threadsBySection.get(s.key)?.length ?? 0} />
                  ))}
                  {hasBody && <TocItem section={bodySection} filled={isSectionFilled(h.body)} threads={threadsBySection.get(BODY_KEY)?.length ?? 0} />}
                </ol>
              </nav>
            </Card>

            <Card title="Attachments" description={h.attachments.length ? `${h.attachments.length} ${h.attachments.length === 1 ? "file" : "files"}` : undefined}>
              <div className={styles.attachmentsCard}>
                {h.attachments.length === 0 ? (
                  <p className={styles.muted}>No notebooks or files attached.</p>
                ) : (
                  <ul className={styles.attachments} aria-label="Attached files">
                    {h.attachments.map((a) => (
                      <li key={a.id}>
                        {isNotebook(a.filename) ? <IconNotebook size={16} className={styles.fileIcon} /> : <IconFileText size={16} className={styles.fileIcon} />}
                        <a className={styles.fileName} title={`Download ${a.filename}`} href={`/api/v1/handoffs/${h.id}/attachments/${a.id}`} download>
                          {a.filename}
                        </a>
                        {canUpdate && <DeleteAttachmentButton handoffId={h.id} attachmentId={a.id} filename={a.filename} action={deleteAttachmentAction} />}
                        <span className={styles.fileMeta}>
                          {formatBytes(a.size)} · <RelativeTime date={a.createdAt} now={now} />
                          {notebookAttachments.has(a.id) && (
                            <>
                              {" · "}
                              <a href={`#notebook-${a.id}`}>View</a>
                            </>
                          )}
                        </span>
                      </li>
                    ))}
                  </ul>
                )}
                {canUpdate && <AttachmentUpload handoffId={h.id} action={uploadAction} maxBytes={ATTACHMENT_MAX_BYTES} />}
              </div>
            </Card>

            <Card title="Decomposed into" description={milestones.length ? `${milestones.length} ${milestones.length === 1 ? "milestone" : "milestones"}` : undefined}>
              {milestones.length === 0 ? (
                <p className={styles.muted}>Not decomposed into milestones yet. Engineers, managers and owners link milestones here as they plan the work.</p>
              ) : (
                <ul className={styles.linkList}>
                  {milestones.map((m) => {
                    const open = m.status !== "done" && m.status !== "cancelled";
                    const overdue = open && m.dueDate && m.dueDate < now;
                    return (
                      <li key={m.id} className={styles.milestone}>
                        <Link href={`${base}/milestones/${m.id}`} className={styles.milestoneTitle}>
                          {m.title}
                        </Link>
                        <span className={styles.milestoneMeta}>
                          <span className={styles.milestoneKey}>{m.key}</span>
                          <StatusBadge kind="milestone" value={m.status} size="sm" />
                          {m.dueDate && (
                            <span className={overdue ? styles.overdue : undefined}>
                              {overdue ? "Overdue · " : "Due "}
                              <time dateTime={m.dueDate.toISOString()}>{formatDate(m.dueDate)}</time>
                            </span>
                          )}
                        </span>
                      </li>
                    );
                  })}
                </ul>
              )}
              {canPlan && (
                <ChecklistForm
                  action={milestonesAction}
                  handoffId={h.id}
                  name="milestoneIds"
                  selected={milestones.map((m) => m.id)}
                  summary={milestones.length ? "Change milestones" : "Link milestones"}
                  label="Link milestones"
                  legend="Milestones"
                  submitLabel="Save milestones"
                  chrome="milestones"
                  empty="This project has no milestones yet."
                  options={choices.map((m) => ({ value: m.id, label: `${m.key} · ${m.title}`, detail: <StatusBadge kind="milestone" value={m.status} size="sm" /> }))}
                />
              )}
            </Card>

            <Card title="Implemented by" description={implementedBy.length ? "Services that implement those milestones" : undefined}>
              {implementedBy.length === 0 ? (
                <p className={styles.muted}>No services linked yet. They appear here once a milestone names the services that implement it.</p>
              ) : (
                <ul className={styles.linkList}>
                  {implementedBy.map(({ service, via }) => (
                    <li key={service.id} className={styles.service}>
                      <span className={styles.serviceHead}>
                        <Link href={`/services/${service.name}`} className={styles.serviceName}>
                          {service.name}
                        </Link>
                        <StatusBadge kind="layer" value={service.layer} size="sm" />
                      </span>
                      <span className={styles.serviceMeta}>
                        {service.displayName && <>{service.displayName} · </>}
                        via {via.sort(compareKeys).join(", ")}
                      </span>
                    </li>
                  ))}
                </ul>
              )}
            </Card>
          </Stack>
        </div>
      </Stack>
    </PageContainer>
  );
}

function shorten(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

function hostOf(url: string): string {
  try {
    return new URL(url).host.replace(/^www\./, "");
  } catch {
    return "Link";
  }
}

function ExternalLink({ href, label }: { href: string; label: string }) {
  return (
    <Button href={href} size="sm" variant="secondary" target="_blank" rel="noopener noreferrer" icon={<IconExternal size={14} />} prefetch={false}>
      {label}
    </Button>
  );
}

type ThreadProps = { handoffId: string; viewer: ThreadViewer; now: Date };

function Section({
  section,
  text,
  threads,
  note,
  comment,
  ...threadProps
}: ThreadProps & { section: TemplateSection; text: string | undefined; threads: Thread[]; note?: string; comment?: SectionComment }) {
  const filled = isSectionFilled(text);
  const headingId = `${anchor(section.key)}-title`;
  const open = threads.filter((t) => !t.resolvedAt).length;
  return (
    <CommentableSection
      anchorId={anchor(section.key)}
      headingId={headingId}
      empty={!filled}
      comment={comment}
      heading={
        <>
          <h2 id={headingId} className={styles.sectionTitle}>
            <a href={`#${anchor(section.key)}`} className={styles.sectionAnchor} aria-hidden tabIndex={-1}>
              #
            </a>
            {section.title}
          </h2>
          {!filled && section.required && (
            <Badge tone="amber" size="sm">
              Required
            </Badge>
          )}
          {note && <span className={styles.sectionNote}>{note}</span>}
        </>
      }
      tools={
        threads.length > 0 && (
          <a href={`#${anchor(section.key)}-threads`} className={styles.threadCount} data-open={open > 0 || undefined}>
            {open > 0 ? `${open} open` : `${threads.length} resolved`}
          </a>
        )
      }
      content={
        filled ? (
          <Markdown source={text} idPrefix={section.key} headingOffset={2} />
        ) : (
          <div className={styles.notWritten}>
            <p className={styles.notWrittenTitle}>Not written yet</p>
            {section.guidance && <p className={styles.guidance}>{section.guidance}</p>}
          </div>
        )
      }
      threads={threads.length > 0 && <Threads threads={threads} label={`Discussion on ${section.title}`} id={`${anchor(section.key)}-threads`} {...threadProps} />}
    />
  );
}

function TocItem({ section, filled, threads }: { section: TemplateSection; filled: boolean; threads: number }) {
  return (
    <li className={styles.tocItem}>
      <a href={`#${anchor(section.key)}`} data-empty={!filled || undefined}>
        <span className={styles.tocMark} data-filled={filled || undefined} aria-label={filled ? "Written" : section.required ? "Required, not written" : "Not written"} role="img" />
        <span className={styles.tocTitle}>{section.title}</span>
        {threads > 0 && <span className={styles.tocThreads}>{threads}</span>}
      </a>
    </li>
  );
}
