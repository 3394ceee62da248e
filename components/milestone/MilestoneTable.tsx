// The milestones table across projects: one row per milestone, every column sortable by a link in
// its header (the order is in the URL, like the filters), the computed slip and risk chain beside
// the status and health people set.
import Link from "next/link";
import { StatusBadge } from "@/components/ui/Badge";
import { ProgressBar } from "@/components/ui/ProgressBar";
import { Table } from "@/components/ui/Table";
import { formatDate } from "@/components/ui/format";
import { IconChevronDown } from "@/components/ui/icons";
import { isOverdue, isSlipping, type TableRow } from "@/lib/plan/milestone-table";
import { sortHref, type SortKey, type TableQuery } from "@/lib/plan/milestone-table-query";
import styles from "./milestone-table.module.css";

/** Health shares the status column (under it, as on a project's milestone list) so that every column fits at 1024 px; each sorts on its own. */
const COLUMNS: { keys: SortKey[]; labels: string[]; align?: "right" }[] = [
  { keys: ["project"], labels: ["Project"] },
  { keys: ["milestone"], labels: ["Milestone"] },
  { keys: ["status", "health"], labels: ["Status", "Health"] },
  { keys: ["owner"], labels: ["Owner"] },
  { keys: ["due"], labels: ["Due"] },
  { keys: ["progress"], labels: ["Progress"] },
  { keys: ["slip"], labels: ["Slip"], align: "right" },
  { keys: ["risk"], labels: ["At risk because"] },
];

/** A column's header link; the arrow of an unsorted column shows on hover, in room kept for it unless `compact` (the shared "Status / Health"). */
function SortLink({ query, column, label, compact = false }: { query: TableQuery; column: SortKey; label: string; compact?: boolean }) {
  const current = query.sort === column;
  return (
    <Link href={sortHref(query, column)} className={styles.sortLink} data-current={current || undefined}>
      {label}
      {(current || !compact) && <IconChevronDown size={12} aria-hidden className={current ? (query.dir === "asc" ? styles.asc : styles.desc) : styles.idle} />}
      <span className="sr-only">{current ? (query.dir === "asc" ? ", sorted ascending" : ", sorted descending") : ", sort"}</span>
    </Link>
  );
}

export type MilestoneLink = { id: string; projectKey: string; title: string };

const milestoneHref = (projectKey: string, id: string) => `/projects/${encodeURIComponent(projectKey)}/milestones/${id}`;

function KeyLink({ k, links }: { k: string; links: ReadonlyMap<string, MilestoneLink> }) {
  const to = links.get(k);
  return to ? (
    <Link href={milestoneHref(to.projectKey, to.id)} title={to.title} className={styles.chainKey}>
      {k}
    </Link>
  ) : (
    <span className={styles.chainKey}>{k}</span>
  );
}

/** "FLOOR-8 → FLOOR-10": the cause first, this milestone's own prerequisite last; "…" where a long chain was shortened. */
function RiskChain({ row, links }: { row: TableRow; links: ReadonlyMap<string, MilestoneLink> }) {
  if (row.atRiskBecause.length === 0) return <span className={styles.none}>—</span>;
  const [cause, ...rest] = row.atRiskBecause;
  const shortened = row.atRiskDistance > row.atRiskBecause.length;
  return (
    <span className={styles.chain} aria-label={`At risk because of ${row.atRiskBecause.join(", then ")}`}>
      <KeyLink k={cause} links={links} />
      {shortened && <span aria-hidden>→ …</span>}
      {rest.map((k) => (
        <span key={k} className={styles.chainStep}>
          <span aria-hidden>→</span>
          <KeyLink k={k} links={links} />
        </span>
      ))}
    </span>
  );
}

export function MilestoneTable({ rows, query, today, links }: { rows: TableRow[]; query: TableQuery; today: string; links: ReadonlyMap<string, MilestoneLink> }) {
  return (
    <Table caption="Milestones across projects" density="compact" className={styles.table}>
      <thead>
        <tr>
          {COLUMNS.map((c) => {
            const current = c.keys.includes(query.sort);
            const order = current ? (query.dir === "asc" ? "ascending" : "descending") : undefined;
            return (
              <th key={c.keys[0]} scope="col" data-align={c.align} aria-sort={order}>
                {c.keys.map((k, i) => (
                  <span key={k} className={styles.sortPair}>
                    {i > 0 && <span aria-hidden>/</span>}
                    <SortLink query={query} column={k} label={c.labels[i]} compact={c.keys.length > 1} />
                  </span>
                ))}
              </th>
            );
          })}
        </tr>
      </thead>
      <tbody>
        {rows.map((m) => {
          const overdue = isOverdue(m, today);
          return (
            <tr key={m.id} data-key={m.key}>
              <td className={styles.project}>
                <Link href={`/projects/${encodeURIComponent(m.project.key)}/milestones`} title={m.project.name}>
                  {m.project.key}
                </Link>
              </td>
              <td className={styles.title}>
                <Link href={milestoneHref(m.project.key, m.id)}>{m.title}</Link>
                <span className={styles.key}>{m.key}</span>
              </td>
              <td>
                <span className={styles.stack}>
                  <StatusBadge kind="milestone" value={m.status} size="sm" />
                  <StatusBadge kind="health" value={m.health} size="sm" dot />
                </span>
              </td>
              <td className={styles.owner}>{m.owner ? m.owner.name : <span className={styles.none}>Unassigned</span>}</td>
              <td className={overdue ? styles.overdue : styles.due}>
                {m.dueDate ? <time dateTime={m.dueDate}>{formatDate(m.dueDate)}</time> : <span className={styles.none}>—</span>}
                {overdue && <span className={styles.overdueTag}>Overdue</span>}
              </td>
              <td>
                {/* A cancelled milestone counts no work: no progress to show. */}
                {m.status === "cancelled" ? (
                  <span className={styles.none} title="Cancelled: it counts no work">
                    —
                  </span>
                ) : (
                  <ProgressBar value={m.progress} max={1} label={`${m.key} progress`} size="sm" showValue className={styles.progress} />
                )}
              </td>
              <td data-align="right" className={isSlipping(m) ? styles.slip : undefined}>
                {isSlipping(m) ? `+${m.slipDays} d` : <span className={styles.none}>—</span>}
              </td>
              <td>
                <RiskChain row={m} links={links} />
              </td>
            </tr>
          );
        })}
      </tbody>
    </Table>
  );
}
