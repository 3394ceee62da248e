// What a timeline bar says in words (its accessible name and tooltip), and the axis labels. Pure.
import { statusLabel } from "@/components/ui/status";
import { civilDate, isoDay, type TimelineRow } from "@/lib/plan/timeline";

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** "12 Mar 2026", as formatDate in components/ui/format.ts writes it, from a day number. */
export function dayLabel(day: number): string {
  const d = civilDate(day);
  return `${d.day} ${MONTHS[d.month - 1]} ${d.year}`;
}

/** dayLabel remembering its answers: the bars of one timeline share most of their dates. */
export function dayLabeler(): (day: number) => string {
  const seen = new Map<number, string>();
  return (day) => {
    let label = seen.get(day);
    if (label === undefined) seen.set(day, (label = dayLabel(day)));
    return label;
  };
}

/** "Mar 2026": the label of a month tick. */
export function monthLabel(day: number): string {
  const d = civilDate(day);
  return `${MONTHS[d.month - 1]} ${d.year}`;
}

/** Day of the month: the label of a week tick. */
export const weekLabel = (day: number) => String(civilDate(day).day);

/**
 * "FLOOR-4 Reproduce HouseDiffusion: in progress; planned 3 Mar 2026 to 20 Mar 2026; slipping 5 d
 * past its due date (earliest finish 25 Mar 2026); on the critical path; at risk because of FLOOR-10".
 */
export function describeBar(row: TimelineRow, label: (day: number) => string = dayLabel): string {
  const m = row.milestone;
  const parts = [
    statusLabel("milestone", m.status).toLowerCase(),
    `${row.kind === "planned" ? "planned" : "computed"} ${label(row.firstDay)} to ${label(row.lastDay)}`,
  ];
  if (row.slip && m.dueDate) parts.push(`slipping ${m.slipDays} d past its due date ${label(isoDay(m.dueDate))} (earliest finish ${label(isoDay(m.earliestFinish))})`);
  else if (row.kind === "computed" && m.dueDate) parts.push(`due ${label(isoDay(m.dueDate))}`);
  if (row.critical) parts.push("on the critical path");
  if (m.atRiskBecause.length > 0) parts.push(`at risk because of ${m.atRiskBecause[0]}`);
  return `${m.key} ${m.title}: ${parts.join("; ")}`;
}
