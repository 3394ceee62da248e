// The timeline's per-row markup, written as strings: a project of 500 milestones has thousands of
// label and bar elements, and as React elements each would be serialized into the page's React
// payload and rendered again, several times the cost of the rest of the page (measured: about 6 times
// slower than a bare page of the same size). As two strings they cost next to nothing. Every text
// and attribute value that comes from users is escaped; everything else is a number or a class
// name. The chart around them (axis, grid, arrows, legend) stays ordinary React.
import { escapeHtml } from "@/lib/markdown/fallback";
import type { TimelineLayout, TimelineRow } from "@/lib/plan/timeline";
import { dayLabeler, describeBar } from "./describe";

export type RowClasses = { bar: string; fill: string; slip: string; slipLabel: string; due: string; risk: string; criticalOutline: string; flag: string; done: string };

const isOpen = (status: string) => status !== "done" && status !== "cancelled";

const DONE_ICON = (cls: string) =>
  `<svg class="${cls}" width="14" height="14" viewBox="0 0 24 24" role="img" aria-label="Done"><circle cx="12" cy="12" r="10"/><path d="m9 12 2 2 4-4"/></svg>`;

/** A row's mark in the label column: blocked, at risk (and because of what), done or cancelled. */
function flag(row: TimelineRow, classes: RowClasses): string {
  const m = row.milestone;
  if (m.status === "blocked") return `<span class="${classes.flag}" data-tone="red">Blocked</span>`;
  if (m.atRiskBecause.length > 0 && isOpen(m.status)) return `<span class="${classes.flag}" data-tone="amber" title="At risk because of ${escapeHtml(m.atRiskBecause[0])}">At risk</span>`;
  if (m.health === "off_track" && isOpen(m.status)) return `<span class="${classes.flag}" data-tone="red" title="Judged off track by its people">Off track</span>`;
  if (m.health === "at_risk" && isOpen(m.status)) return `<span class="${classes.flag}" data-tone="amber" title="Judged at risk by its people">At risk</span>`;
  if (m.status === "done") return DONE_ICON(classes.done);
  if (m.status === "cancelled") return `<span class="${classes.flag}" data-tone="muted">Cancelled</span>`;
  return "";
}

/** The label column's items: key and title linking to the milestone, and its mark. */
export function labelsMarkup(layout: TimelineLayout, milestonesHref: string, classes: RowClasses): string {
  let html = "";
  for (const row of layout.rows) {
    const m = row.milestone;
    const key = escapeHtml(m.key);
    const title = escapeHtml(m.title);
    html += `<li><a href="${escapeHtml(`${milestonesHref}/${encodeURIComponent(m.id)}`)}" title="${key} ${title}"><span>${key}</span> ${title}</a>${flag(row, classes)}</li>`;
  }
  return html;
}

/** One bar per row: an image named by its description, its slip, due mark and risk underline. */
export function barsMarkup(layout: TimelineLayout, classes: RowClasses): string {
  const { barHeight } = layout;
  const half = barHeight / 2;
  const label = dayLabeler();
  let svg = "";
  for (const row of layout.rows) {
    const m = row.milestone;
    const top = row.y - half;
    svg += `<g role="img" class="${classes.bar}" data-key="${escapeHtml(m.key)}" data-status="${escapeHtml(m.status)}" data-kind="${row.kind}"${row.slip ? ` data-slip="${m.slipDays}"` : ""}>`;
    svg += `<title>${escapeHtml(describeBar(row, label))}</title>`;
    // A computed bar can start after its due date: the slip then begins before the bar, under it.
    const left = Math.min(row.x, row.slip?.x ?? row.x);
    if (row.critical) svg += `<rect x="${left - 2}" y="${top - 2}" width="${row.endX - left + 4}" height="${barHeight + 4}" rx="4" class="${classes.criticalOutline}"/>`;
    if (row.slip) svg += `<rect x="${row.slip.x}" y="${top}" width="${row.slip.width}" height="${barHeight}" class="${classes.slip}"/>`;
    svg += `<rect x="${row.x}" y="${top}" width="${row.width}" height="${barHeight}" rx="3" class="${classes.fill}"/>`;
    if (row.slip) {
      svg += `<text x="${row.endX + 5}" y="${row.y + 4}" class="${classes.slipLabel}">+${m.slipDays} d</text>`;
    } else if (row.kind === "computed" && row.dueX !== null) {
      svg += `<path d="M${row.dueX} ${top - 3}l3.5 ${half + 3}-3.5 ${half + 3}-3.5-${half + 3}z" class="${classes.due}"/>`;
    }
    if (m.atRiskBecause.length > 0 && isOpen(m.status)) svg += `<path d="M${row.x} ${top + barHeight + 3}h${row.width}" class="${classes.risk}"/>`;
    svg += "</g>";
  }
  return svg;
}
