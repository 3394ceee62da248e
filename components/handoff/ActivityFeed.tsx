// The handoff's activity, newest first: status changes, saves, comments, reviewers, files.
// Server component; the latest few show, earlier ones fold behind "Show N earlier".
import { Avatar } from "@/components/ui/Avatar";
import { RelativeTime } from "@/components/ui/RelativeTime";
import { count } from "@/components/ui/format";
import { statusTone } from "@/components/ui/status";
import type { ActivityItem } from "@/lib/handoff/activity";
import styles from "./review.module.css";

const SHOWN = 8;

export function ActivityFeed({ items, now }: { items: ActivityItem[]; now: Date }) {
  if (items.length === 0) return <p className={styles.muted}>Nothing has happened yet.</p>;
  const first = items.slice(0, SHOWN);
  const rest = items.slice(SHOWN);
  return (
    <div className={styles.activity}>
      <ol className={styles.feed} aria-label="Activity, newest first">
        {first.map((item) => (
          <Entry key={item.id} item={item} now={now} />
        ))}
      </ol>
      {rest.length > 0 && (
        <details className={styles.moreActivity}>
          <summary>
            Show {count(rest.length, "earlier event")}
          </summary>
          <ol className={styles.feed} aria-label="Earlier activity">
            {rest.map((item) => (
              <Entry key={item.id} item={item} now={now} />
            ))}
          </ol>
        </details>
      )}
    </div>
  );
}

function Entry({ item, now }: { item: ActivityItem; now: Date }) {
  const sentence = (
    <>
      <span className={styles.feedWho}>{item.who}</span> {item.did}
    </>
  );
  return (
    <li className={styles.feedItem} data-kind={item.kind} data-tone={item.status ? statusTone("handoff", item.status) : undefined}>
      <span className={styles.feedMarker} aria-hidden>
        {item.kind === "status" ? <span className={styles.feedDot} /> : <Avatar name={item.who} size="xs" decorative />}
      </span>
      <span className={styles.feedText}>
        {item.href ? (
          <a href={item.href} className={styles.feedLink}>
            {sentence}
          </a>
        ) : (
          sentence
        )}
        {item.note && <q className={styles.feedNote}>{item.note}</q>}
        <RelativeTime date={item.at} now={now} className={styles.feedTime} />
      </span>
    </li>
  );
}
