import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { CopyButton } from "@/app/(app)/_components/CopyButton";
import { Avatar } from "@/components/ui/Avatar";
import { Badge, StatusBadge } from "@/components/ui/Badge";
import { Button } from "@/components/ui/Button";
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
import { getHandoff } from "@/lib/data/handoffs";
import { NotFoundError } from "@/lib/errors";
import { handoffCompleteness, isSectionFilled, readSections, resolveTemplateSections } from "@/lib/handoff/completeness";
import { authorsOf, venueLine } from "@/lib/handoff/paper";
import { Markdown } from "@/lib/markdown/render";
import type { TemplateSection } from "@/lib/validation/template";
import styles from "@/components/handoff/handoff-view.module.css";

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

/** "FLOOR-2" before "FLOOR-10". */
function compareKeys(a: string, b: string): number {
  return a.localeCompare(b, "en", { numeric: true });
}

const anchor = (key: string) => `section-${key}`;

export default async function HandoffPage({ params }: { params: Params }) {
  const { key, id } = await params;
  const actor = await requireActorOrRedirect(`/projects/${key}/handoffs/${id}`);
  let data: Loaded;
  try {
    data = await load(actor, id);
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
  const { handoff: h, project } = data;
  if (project.key !== key) notFound();
  const now = new Date();
  const base = `/projects/${project.key}`;

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

  const sectionProps = (s: TemplateSection) => ({ section: s, text: sections[s.key], threads: threadsBySection.get(s.key) ?? [], now });

  return (
    <PageContainer width="wide">
      <Stack>
        <PageHeader
          breadcrumbs={[
            { label: "Handoffs", href: `${base}/handoffs` },
            { label: h.paperTitle ? shorten(h.paperTitle, 60) : h.title },
          ]}
          title={h.title}
          meta={<StatusBadge kind="handoff" value={h.status} />}
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
                      <div className={styles.bibtexActions}>
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
                  <Section section={{ key: BODY_KEY, title: "Notes", guidance: "", required: false }} text={h.body} threads={threadsBySection.get(BODY_KEY) ?? []} now={now} />
                </div>
              </section>
            )}

            {orphanThreads.length > 0 && (
              <Card title="Other discussion" description="Threads on sections this handoff no longer has.">
                <Threads threads={orphanThreads} now={now} label="Other discussion" />
              </Card>
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
                  {hasBody && <TocItem section={{ key: BODY_KEY, title: "Notes", guidance: "", required: false }} filled={isSectionFilled(h.body)} threads={threadsBySection.get(BODY_KEY)?.length ?? 0} />}
                </ol>
              </nav>
            </Card>

            <Card title="Decomposed into" description={milestones.length ? `${milestones.length} ${milestones.length === 1 ? "milestone" : "milestones"}` : undefined}>
              {milestones.length === 0 ? (
                <p className={styles.muted}>Not decomposed into milestones yet. Engineers link milestones to this handoff as they plan the work.</p>
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
                    <ul className={styles.reviewers}>
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
            </Card>

            <Card title="Attachments" description={h.attachments.length ? `${h.attachments.length} ${h.attachments.length === 1 ? "file" : "files"}` : undefined}>
              {h.attachments.length === 0 ? (
                <p className={styles.muted}>No notebooks or files attached.</p>
              ) : (
                <ul className={styles.attachments}>
                  {h.attachments.map((a) => (
                    <li key={a.id}>
                      <IconFileText size={16} className={styles.fileIcon} />
                      <a className={styles.fileName} title={`Download ${a.filename}`} href={`/api/v1/handoffs/${h.id}/attachments/${a.id}`} download>
                        {a.filename}
                      </a>
                      <span className={styles.fileMeta}>
                        {formatBytes(a.size)} · <RelativeTime date={a.createdAt} now={now} />
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

function Section({ section, text, threads, now, note }: { section: TemplateSection; text: string | undefined; threads: Thread[]; now: Date; note?: string }) {
  const filled = isSectionFilled(text);
  const headingId = `${anchor(section.key)}-title`;
  return (
    <section id={anchor(section.key)} className={styles.section} aria-labelledby={headingId} data-empty={!filled || undefined}>
      <header className={styles.sectionHeader}>
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
        {threads.length > 0 && (
          <span className={styles.threadCount}>
            {threads.length} {threads.length === 1 ? "thread" : "threads"}
          </span>
        )}
      </header>
      {filled ? (
        <Markdown source={text} idPrefix={section.key} headingOffset={2} />
      ) : (
        <div className={styles.notWritten}>
          <p className={styles.notWrittenTitle}>Not written yet</p>
          {section.guidance && <p className={styles.guidance}>{section.guidance}</p>}
        </div>
      )}
      {threads.length > 0 && <Threads threads={threads} now={now} label={`Discussion on ${section.title}`} />}
    </section>
  );
}

function Threads({ threads, now, label }: { threads: Thread[]; now: Date; label: string }) {
  return (
    <div className={styles.threads} role="group" aria-label={label}>
      {threads.map((t) =>
        t.resolvedAt ? (
          <details key={t.id} className={styles.thread} data-resolved="">
            <summary className={styles.resolvedSummary}>
              <Badge tone="green" size="sm" dot>
                Resolved
              </Badge>
              <span className={styles.resolvedText}>
                {t.author?.name ?? "Former member"}: {shorten(t.body.replace(/\s+/g, " "), 90)}
              </span>
              {t.replies.length > 0 && (
                <span className={styles.replyCount}>
                  {t.replies.length} {t.replies.length === 1 ? "reply" : "replies"}
                </span>
              )}
            </summary>
            <ThreadBody thread={t} now={now} />
          </details>
        ) : (
          <article key={t.id} className={styles.thread}>
            <ThreadBody thread={t} now={now} />
          </article>
        ),
      )}
    </div>
  );
}

function ThreadBody({ thread, now }: { thread: Thread; now: Date }) {
  return (
    <>
      <Comment name={thread.author?.name ?? "Former member"} date={thread.createdAt} body={thread.body} id={thread.id} now={now} />
      {thread.replies.length > 0 && (
        <ol className={styles.replies} aria-label="Replies">
          {thread.replies.map((r) => (
            <li key={r.id}>
              <Comment name={r.author?.name ?? "Former member"} date={r.createdAt} body={r.body} id={r.id} now={now} />
            </li>
          ))}
        </ol>
      )}
    </>
  );
}

function Comment({ name, date, body, id, now }: { name: string; date: Date; body: string; id: string; now: Date }) {
  return (
    <div className={styles.comment} id={`comment-${id}`}>
      <Avatar name={name} size="sm" decorative />
      <div className={styles.commentMain}>
        <div className={styles.commentHead}>
          <span className={styles.commentAuthor}>{name}</span>
          <RelativeTime date={date} now={now} className={styles.commentTime} />
        </div>
        <Markdown source={body} variant="compact" idPrefix={`c-${id}`} />
      </div>
    </div>
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
