// One project on the dashboard: weighted progress, counts by status, the computed signals, the
// next due dates, the newest health note, and why each blocked, at-risk or slipping milestone is
// so, all on the card. A server component; links are plain anchors.
import Link from "next/link";
import { StatusBadge } from "@/components/ui/Badge";
import { ProgressBar, SegmentedProgressBar } from "@/components/ui/ProgressBar";
import { RelativeTime } from "@/components/ui/RelativeTime";
import { formatDate } from "@/components/ui/format";
import type { ProjectDashboard } from "@/lib/data/dashboard";
import type { CauseChain, ChainLink } from "@/lib/plan/dashboard-summary";
import styles from "./dashboard.module.css";

/** Chains listed on a card; the rest are counted, with a link to the project's milestones. */
export const CHAINS_SHOWN = 12;

export function ProjectCard({ data }: { data: ProjectDashboard }) {
  const { plan, summary, latestNote } = data;
  const key = plan.project.key;
  const base = `/projects/${encodeURIComponent(key)}`;
  const percent = Math.round(plan.progress * 100);
  const headingId = `dash-${key}`;
  const signals = [
    { label: "Blocked", value: summary.blocked, tone: "red" },
    { label: "At risk", value: summary.atRisk, tone: "amber" },
    { label: "Slipping", value: summary.slipping, tone: "orange" },
    { label: "Overdue", value: summary.overdue, tone: "red" },
  ] as const;
  return (
    <article className={styles.card} aria-labelledby={headingId} data-project={key}>
      <header className={styles.head}>
        <div>
          <span className={styles.key}>{key}</span>
          <h2 id={headingId} className={styles.name}>
            <Link href={base}>{plan.project.name}</Link>
          </h2>
        </div>
        <p className={styles.finish}>
          {plan.earliestFinish ? <>Open work ends {formatDate(plan.earliestFinish)} at the earliest</> : summary.total ? "Nothing open" : ""}
        </p>
      </header>

      <ProgressBar value={percent} label={`${plan.project.name} progress, weighted by estimate`} showLabel showValue valueText={`${percent}% done`} />

      {summary.total === 0 ? (
        <p className={styles.empty}>No milestones yet.</p>
      ) : (
        <>
          <SegmentedProgressBar counts={summary.counts} label={`${plan.project.name} milestones by status`} size="sm" />
          <dl className={styles.signals} aria-label={`${plan.project.name} signals`}>
            {signals.map((s) => (
              <div key={s.label} className={styles.signal} data-tone={s.value > 0 ? s.tone : undefined}>
                <dt>{s.label}</dt>
                <dd>{s.value}</dd>
              </div>
            ))}
          </dl>

          <div className={styles.columns}>
            <section aria-labelledby={`${headingId}-due`}>
              <h3 id={`${headingId}-due`} className={styles.sub}>
                Next due
              </h3>
              {summary.nextDue.length === 0 ? (
                <p className={styles.empty}>No open milestone has a due date ahead.</p>
              ) : (
                <ol className={styles.due}>
                  {summary.nextDue.map((m) => (
                    <li key={m.id}>
                      <span className={styles.date}>{formatDate(m.dueDate)}</span>
                      <Link href={`${base}/milestones/${m.id}`} className={styles.ref}>
                        {m.key}
                      </Link>
                      <span className={styles.title} title={m.title}>
                        {m.title}
                      </span>
                    </li>
                  ))}
                </ol>
              )}
            </section>
            <section aria-labelledby={`${headingId}-note`}>
              <h3 id={`${headingId}-note`} className={styles.sub}>
                Latest health note
              </h3>
              {latestNote ? (
                <figure className={styles.note}>
                  <blockquote>{latestNote.note}</blockquote>
                  <figcaption>
                    <Link href={`${base}/milestones/${latestNote.milestoneId}`} className={styles.ref}>
                      {latestNote.milestoneKey}
                    </Link>{" "}
                    <StatusBadge kind="health" value={latestNote.health} size="sm" /> {latestNote.author ?? "Someone"}, <RelativeTime date={latestNote.at} />
                  </figcaption>
                </figure>
              ) : (
                <p className={styles.empty}>No status update has a note yet.</p>
              )}
            </section>
          </div>

          <section aria-labelledby={`${headingId}-why`}>
            <h3 id={`${headingId}-why`} className={styles.sub}>
              Blocked, at risk or slipping, and why
            </h3>
            {summary.chains.length === 0 ? (
              <p className={styles.empty}>Nothing is blocked, at risk or slipping.</p>
            ) : (
              <ul className={styles.chains}>
                {summary.chains.slice(0, CHAINS_SHOWN).map((chain) => (
                  <li key={chain.subject.key}>
                    <Chain chain={chain} base={base} />
                  </li>
                ))}
                {summary.chains.length > CHAINS_SHOWN && (
                  <li className={styles.more}>
                    <Link href={`${base}/milestones`}>and {summary.chains.length - CHAINS_SHOWN} more in {key}’s milestones</Link>
                  </li>
                )}
              </ul>
            )}
          </section>
        </>
      )}
    </article>
  );
}

function Chain({ chain, base }: { chain: CauseChain; base: string }) {
  const links: ChainLink[] = [chain.subject, ...chain.causes];
  const root = links[links.length - 1];
  // A shortened chain keeps the root cause and the keys nearest the subject (lib/data/plan.ts).
  const gapBeforeRoot = chain.distance > chain.causes.length;
  return (
    <p className={styles.chain} data-chain={chain.subject.key}>
      {links.map((link, i) => (
        <span key={link.key} className={styles.link}>
          {i > 0 && (
            <span className={styles.arrow} aria-label="because of">
              {gapBeforeRoot && i === links.length - 1 ? " ← … ← " : " ← "}
            </span>
          )}
          {link.id ? (
            <Link href={`${base}/milestones/${link.id}`} className={styles.ref} title={link.title}>
              {link.key}
            </Link>
          ) : (
            <span className={styles.ref}>{link.key}</span>
          )}{" "}
          <span className={styles.state}>{link.state}</span>
        </span>
      ))}
      {root.note && <span className={styles.causeNote}>: {root.note}</span>}
    </p>
  );
}
