// Signed-out requests refused (401) have no audit rows of their own; this shows how many there
// were: the last 24 hours hour by hour as bars, and totals for 24 hours and 30 days.
import { Card } from "@/components/ui/Card";
import type { AnonymousDenialSummary } from "@/lib/data/anonymous-denials";
import styles from "./SignedOutRefusals.module.css";

const count = (n: number) => n.toLocaleString("en");

/** "13:00" (UTC, like the rest of the audit log) */
function hourLabel(date: Date): string {
  return `${date.toISOString().slice(11, 13)}:00`;
}

export function SignedOutRefusals({ summary, retentionDays }: { summary: AnonymousDenialSummary; retentionDays: number }) {
  const peak = Math.max(1, ...summary.hourly.map((h) => h.count));
  const kept = retentionDays === 0 ? "Events are kept forever" : `Events and these counts are kept for ${count(retentionDays)} days`;
  return (
    <Card
      title="Signed-out requests refused"
      headingLevel={2}
      description={`Requests without a valid session or token are answered 401 and counted here, not listed one by one. ${kept}.`}
    >
      <div className={styles.layout}>
        <dl className={styles.totals}>
          <div>
            <dt>Last 24 hours</dt>
            <dd className="tabular" data-testid="signed-out-24h">
              {count(summary.last24Hours)}
            </dd>
          </div>
          <div>
            <dt>Last 30 days</dt>
            <dd className="tabular">{count(summary.last30Days)}</dd>
          </div>
        </dl>
        <figure className={styles.chart}>
          <ol className={styles.bars} aria-label="Signed-out requests refused per hour, last 24 hours (UTC)">
            {summary.hourly.map((hour) => (
              <li key={hour.hourStart.toISOString()} className={styles.bar} title={`${hourLabel(hour.hourStart)} UTC: ${count(hour.count)}`}>
                <span className={styles.fill} style={{ height: `${(hour.count / peak) * 100}%` }} />
                <span className="sr-only">
                  {hourLabel(hour.hourStart)}: {count(hour.count)}
                </span>
              </li>
            ))}
          </ol>
          <figcaption className={styles.axis}>
            <span>{hourLabel(summary.hourly[0].hourStart)}</span>
            <span>per hour, UTC</span>
            <span>now</span>
          </figcaption>
        </figure>
      </div>
    </Card>
  );
}
