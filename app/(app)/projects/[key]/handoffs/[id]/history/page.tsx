import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DiffSummary, DiffView } from "@/components/handoff/DiffView";
import { RestoreButton } from "@/components/handoff/RestoreButton";
import { Alert } from "@/components/ui/Alert";
import { Badge } from "@/components/ui/Badge";
import { Button } from "@/components/ui/Button";
import { Card } from "@/components/ui/Card";
import { Select } from "@/components/ui/Input";
import { PageContainer, Stack } from "@/components/ui/PageContainer";
import { PageHeader } from "@/components/ui/PageHeader";
import { RelativeTime } from "@/components/ui/RelativeTime";
import { formatRelative } from "@/components/ui/format";
import { roleAllows } from "@/lib/auth/permissions";
import { requireActorOrRedirect } from "@/lib/auth/session";
import { getRevision, listRevisions } from "@/lib/data/handoff-revisions";
import { getHandoff } from "@/lib/data/handoffs";
import { NotFoundError } from "@/lib/errors";
import { resolveTemplateSections } from "@/lib/handoff/completeness";
import { diffHandoffContent } from "@/lib/handoff/diff";
import { cachedComparison } from "@/lib/handoff/diff-cache";
import styles from "@/components/handoff/diff.module.css";
import { restoreAction } from "./actions";
import { LIMITS } from "@/lib/validation/limits";

export const metadata: Metadata = { title: "History" };

type Params = Promise<{ key: string; id: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

function one(value: string | string[] | undefined): number | null {
  const text = Array.isArray(value) ? value[0] : value;
  if (!text || !/^\d{1,9}$/.test(text)) return null;
  return Number(text);
}

export default async function HandoffHistoryPage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const { key, id } = await params;
  const query = await searchParams;
  const actor = await requireActorOrRedirect(`/projects/${key}/handoffs/${id}/history`);
  let loaded;
  try {
    loaded = await Promise.all([getHandoff(actor, id), listRevisions(actor, id)]);
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
  const [{ handoff: h, project, role }, { revisions }] = loaded;
  if (project.key !== key) notFound();
  const now = new Date();
  const base = `/projects/${project.key}/handoffs/${h.id}`;
  const canRestore = roleAllows(role, "handoff", "update");
  // Only versions whose text is still kept can be compared or restored (docs/limits.md).
  const versions = revisions.filter((r) => !r.compactedAt).map((r) => r.version);
  const compactedCount = revisions.length - versions.length;
  const latest = versions[0] ?? h.version;

  // Which two revisions to compare: as asked when both exist, else the latest against the one before it.
  const pick = (v: number | null) => (v !== null && versions.includes(v) ? v : null);
  let to = pick(one(query.to)) ?? latest;
  let from = pick(one(query.from)) ?? versions.find((v) => v < to) ?? to;
  if (from > to) [from, to] = [to, from];
  const restored = one(query.restored);

  let compared;
  try {
    compared = versions.length ? await Promise.all([getRevision(actor, h.id, from), getRevision(actor, h.id, to)]) : null;
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
  // Production notes first, as the read view shows them.
  const sections = resolveTemplateSections(h.template?.sections);
  const template = [...sections.filter((s) => s.key.startsWith("prod_")), ...sections.filter((s) => !s.key.startsWith("prod_"))];
  const diffs = compared
    ? cachedComparison(`${h.id}:${from}:${to}:${template.map((s) => `${s.key}=${s.title}`).join("|")}`, () => diffHandoffContent(compared[0].content, compared[1].content, template))
    : [];
  const byVersion = new Map(revisions.map((r) => [r.version, r]));
  const optionLabel = (v: number) => {
    const r = byVersion.get(v);
    const message = r?.message.trim() || "No message";
    return `v${v}${v === latest ? " (current)" : ""} · ${message.length > 40 ? `${message.slice(0, 39)}…` : message} · ${r ? formatRelative(r.createdAt, now) : ""}`;
  };
  const href = (f: number, t: number) => `${base}/history?from=${f}&to=${t}`;

  return (
    <PageContainer width="wide">
      <Stack gap={4}>
        <PageHeader
          breadcrumbs={[
            { label: "Handoffs", href: `/projects/${project.key}/handoffs` },
            { label: h.title, href: base },
            { label: "History" },
          ]}
          title="History"
          description={
            <>
              {revisions.length} {revisions.length === 1 ? "revision" : "revisions"} of <Link href={base}>{h.title}</Link>. Every save is recorded; restoring an old version saves it again as the newest.
              {compactedCount > 0 &&
                ` The text of ${compactedCount} older ${compactedCount === 1 ? "version was" : "versions was"} compacted to bound storage: the newest ${LIMITS.revisions.keptInFull} versions, version 1 and versions submitted for review or accepted keep theirs.`}
            </>
          }
          actions={
            <Button href={base} variant="secondary">
              Back to handoff
            </Button>
          }
        />

        {restored !== null && (
          <Alert tone="success" title={`Restored version ${restored} as version ${latest}.`}>
            Below: what the restore changed, from version {from} to version {to}.
          </Alert>
        )}

        <div className={styles.layout}>
          <Stack gap={4} className={styles.main}>
            {versions.length < 2 ? (
              <Card title="Compare versions">
                <p className={styles.muted}>
                  There is only version {latest} so far. Every save adds a version here, and any two versions can be compared section by section.
                </p>
              </Card>
            ) : (
              <Card title="Compare versions" description="Pick any two revisions; the diff shows what changed from the first to the second, part by part.">
                <form method="get" action={`${base}/history`} className={styles.compare} aria-label="Compare versions" data-chrome="compare">
                  <div className={styles.compareField}>
                    <label htmlFor="compare-from">From</label>
                    <Select id="compare-from" name="from" defaultValue={String(from)}>
                      {versions.map((v) => (
                        <option key={v} value={v}>
                          {optionLabel(v)}
                        </option>
                      ))}
                    </Select>
                  </div>
                  <span className={styles.arrow} aria-hidden>
                    →
                  </span>
                  <div className={styles.compareField}>
                    <label htmlFor="compare-to">To</label>
                    <Select id="compare-to" name="to" defaultValue={String(to)}>
                      {versions.map((v) => (
                        <option key={v} value={v}>
                          {optionLabel(v)}
                        </option>
                      ))}
                    </Select>
                  </div>
                  <Button type="submit" variant="primary">
                    Compare
                  </Button>
                </form>
              </Card>
            )}

            {compared && versions.length > 1 && (
              <section aria-labelledby="diff-title" className={styles.diff}>
                <div className={styles.compareHead}>
                  <div className={styles.versions}>
                    <h2 id="diff-title" className="sr-only">
                      Changes from version {from} to version {to}
                    </h2>
                    <span className={styles.versionChip} data-side="from">
                      <strong>v{from}</strong> {compared[0].author?.name ?? "Former member"} · <RelativeTime date={compared[0].createdAt} now={now} />
                    </span>
                    <span aria-hidden>→</span>
                    <span className={styles.versionChip} data-side="to">
                      <strong>v{to}</strong> {compared[1].author?.name ?? "Former member"} · <RelativeTime date={compared[1].createdAt} now={now} />
                    </span>
                  </div>
                  {canRestore && from !== latest && <RestoreButton action={restoreAction} handoffId={h.id} projectKey={project.key} revision={from} currentVersion={h.version} />}
                </div>
                {from === to ? <p className={styles.muted}>Pick two different versions to see what changed.</p> : <DiffSummary diffs={diffs} />}
                {from !== to && (
                  <DiffView
                    diffs={diffs}
                    downloads={{
                      from: { version: from, href: `/api/v1/handoffs/${h.id}/export?version=${from}` },
                      to: { version: to, href: `/api/v1/handoffs/${h.id}/export?version=${to}` },
                    }}
                  />
                )}
              </section>
            )}
          </Stack>

          <Card title="Revisions" description="Newest first" padding="none" className={styles.side}>
            <ol className={styles.revisions} aria-label="Revisions">
              {revisions.map((r) => (
                <li key={r.id} className={styles.revision} data-selected={r.version === from || r.version === to || undefined} aria-label={`Version ${r.version}`}>
                  <span className={styles.versionTag}>v{r.version}</span>
                  <span className={styles.revisionMessage} data-empty={!r.message.trim() || undefined}>
                    {r.message.trim() || "No message"}
                    {r.version === latest && (
                      <Badge tone="blue" size="sm">
                        Current
                      </Badge>
                    )}
                    {r.keptFor && !r.compactedAt && (
                      <Badge tone="green" size="sm" title="Kept in full however many saves follow">
                        {r.keptFor === "accepted" ? "Accepted" : "Submitted"}
                      </Badge>
                    )}
                  </span>
                  <span className={styles.revisionMeta}>
                    {r.author?.name ?? "Former member"} · <RelativeTime date={r.createdAt} now={now} />
                  </span>
                  <span className={styles.revisionActions}>
                    {r.compactedAt ? (
                      <span className={styles.muted}>
                        Text not kept: compacted <RelativeTime date={r.compactedAt} now={now} />
                      </span>
                    ) : (
                      <>
                        {r.version > 1 && versions.includes(r.version - 1) && <Link href={href(r.version - 1, r.version)}>Changes in this version</Link>}
                        {r.version !== latest && <Link href={href(r.version, latest)}>Compare with current</Link>}
                        {canRestore && r.version !== latest && (
                          <RestoreButton action={restoreAction} handoffId={h.id} projectKey={project.key} revision={r.version} currentVersion={h.version} label="Restore" />
                        )}
                      </>
                    )}
                  </span>
                </li>
              ))}
            </ol>
          </Card>
        </div>
      </Stack>
    </PageContainer>
  );
}
