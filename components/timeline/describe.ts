// What a timeline bar says in words (its accessible name and tooltip), and the axis labels. Pure.
import { formatDate } from "@/components/ui/format";
import { statusLabel } from "@/components/ui/status";
import type { TimelineRow } from "@/lib/plan/timeline";

const DAY_MS = 86_400_000;
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

export const dayLabel = (day: number) => formatDate(day * DAY_MS);

/** "Mar 2026": the label of a month tick. */
export function monthLabel(day: number): string {
  const d = new Date(day * DAY_MS);
  return `${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

/** Day of the month: the label of a week tick. */
export const weekLabel = (day: number) => String(new Date(day * DAY_MS).getUTCDate());

/**
 * "FLOOR-4 Reproduce HouseDiffusion: in progress; planned 3 Mar 2026 to 20 Mar 2026; slipping 5 d
 * past its due date (earliest finish 25 Mar 2026); on the critical path; at risk because of FLOOR-10".
 */
export function describeBar(row: TimelineRow): string {
  const m = row.milestone;
  const parts = [
    statusLabel("milestone", m.status).toLowerCase(),
    `${row.kind === "planned" ? "planned" : "computed"} ${dayLabel(row.firstDay)} to ${dayLabel(row.lastDay)}`,
  ];
  if (row.slip && m.dueDate) parts.push(`slipping ${m.slipDays} d past its due date ${formatDate(m.dueDate)} (earliest finish ${formatDate(m.earliestFinish)})`);
  else if (row.kind === "computed" && m.dueDate) parts.push(`due ${formatDate(m.dueDate)}`);
  if (row.critical) parts.push("on the critical path");
  if (m.atRiskBecause.length > 0) parts.push(`at risk because of ${m.atRiskBecause[0]}`);
  return `${m.key} ${m.title}: ${parts.join("; ")}`;
}
