// "Why does this service exist?" at the top of its page: the handoffs (papers) whose milestones it
// implements, each with those milestones, and the milestones no handoff was decomposed into.
// Only milestones of projects the caller can see (lib/data/services.ts getService).
import Link from "next/link";
import { StatusBadge } from "@/components/ui/Badge";
import { Card } from "@/components/ui/Card";
import { compareKeys } from "@/lib/sort";
import styles from "./catalog.module.css";

type Handoff = { id: string; title: string; paperTitle: string; status: string };
export type WhyMilestone = { id: string; key: string; title: string; status: string; project: { key: string; name: string }; handoffs: { handoff: Handoff }[] };

type Paper = { handoff: Handoff; project: { key: string; name: string }; milestones: WhyMilestone[] };

/** The papers behind the milestones, each once, in title order; the milestones without one apart. */
export function papersOf(milestones: readonly WhyMilestone[]): { papers: Paper[]; loose: WhyMilestone[] } {
  const papers = new Map<string, Paper>();
  const loose: WhyMilestone[] = [];
  for (const m of milestones) {
    if (m.handoffs.length === 0) loose.push(m);
    for (const { handoff } of m.handoffs) {
      const paper = papers.get(handoff.id) ?? { handoff, project: m.project, milestones: [] };
      paper.milestones.push(m);
      papers.set(handoff.id, paper);
    }
  }
  const byKey = (a: WhyMilestone, b: WhyMilestone) => compareKeys(a.key, b.key);
  for (const p of papers.values()) p.milestones.sort(byKey);
  return { papers: [...papers.values()].sort((a, b) => a.handoff.title.localeCompare(b.handoff.title)), loose: loose.sort(byKey) };
}

function MilestoneList({ milestones }: { milestones: WhyMilestone[] }) {
  return (
    <ul className={styles.paperMilestones}>
      {milestones.map((m) => (
        <li key={m.id}>
          <span className={styles.key}>{m.key}</span>
          <Link href={`/projects/${encodeURIComponent(m.project.key)}/milestones/${encodeURIComponent(m.id)}`}>{m.title}</Link>
          <StatusBadge kind="milestone" value={m.status} size="sm" />
        </li>
      ))}
    </ul>
  );
}

export function WhyCard({ service, milestones }: { service: string; milestones: WhyMilestone[] }) {
  const { papers, loose } = papersOf(milestones);
  const description =
    papers.length > 0
      ? `${service} implements milestones decomposed from ${papers.length} ${papers.length === 1 ? "handoff" : "handoffs"}.`
      : milestones.length > 0
        ? `${service} implements ${milestones.length} ${milestones.length === 1 ? "milestone" : "milestones"}; none came from a handoff yet.`
        : undefined;
  return (
    <Card title="Why this service exists" description={description} id="why">
      {milestones.length === 0 ? (
        <p className={styles.none}>No milestone in your projects is implemented by {service}, so nothing here says why it exists yet. Link a milestone it implements under &ldquo;Implements milestones&rdquo;.</p>
      ) : (
        <ul className={styles.why} aria-label={`Why ${service} exists`}>
          {papers.map((p) => (
            <li key={p.handoff.id} className={styles.paper}>
              <span className={styles.paperTitle}>
                <Link href={`/projects/${encodeURIComponent(p.project.key)}/handoffs/${encodeURIComponent(p.handoff.id)}`}>{p.handoff.title}</Link>
                <StatusBadge kind="handoff" value={p.handoff.status} size="sm" />
              </span>
              {p.handoff.paperTitle && p.handoff.paperTitle !== p.handoff.title && <span className={styles.paperSub}>{p.handoff.paperTitle}</span>}
              <span className={styles.paperSub}>{p.project.name}</span>
              <MilestoneList milestones={p.milestones} />
            </li>
          ))}
          {loose.length > 0 && (
            <li className={`${styles.paper} ${styles.paperNoHandoff}`}>
              <span className={styles.paperTitle}>Milestones with no handoff</span>
              <MilestoneList milestones={loose} />
            </li>
          )}
        </ul>
      )}
    </Card>
  );
}
