// What each lane of a map holds as drawn, for the lane labels (MapLanes at card zoom, MapOverview's
// canvas zoomed out), once groups are collapsed (lib/graph/collapse) and filters hide nodes:
//   - `count`: the lane's nodes drawn as themselves, plus its nodes inside a collapsed group drawn
//     in this lane (a group counts as its members: "Handoffs 200" after Collapse all handoffs);
//   - `groups`: how many collapsed groups are drawn in the lane, and `grouped` how many of the
//     lane's nodes they hold;
//   - `elsewhere`: the lane's nodes folded into a group drawn in another lane (a paper's milestones
//     fold into the handoff's group in the handoffs lane), and `elsewhereGroups` how many groups.
// A group is drawn in the lane of its first member (the paper of a paper's subtree; a milestone
// group's milestones; a lane group's lane). Pure: no React, no DOM.
import type { MapGroup } from "@/lib/graph/collapse";
import { laneOf } from "@/lib/graph/map-layout";
import type { MapNode } from "@/lib/graph/types";

export type LaneCount = { count: number; groups: number; grouped: number; elsewhere: number; elsewhereGroups: number };

const empty = (): LaneCount => ({ count: 0, groups: 0, grouped: 0, elsewhere: 0, elsewhereGroups: 0 });

/** `shown`: the nodes drawn as themselves (filters applied); `byId`: every node of the map. */
export function laneCounts(shown: readonly MapNode[], groups: readonly MapGroup[], byId: ReadonlyMap<string, MapNode>): Map<string, LaneCount> {
  const result = new Map<string, LaneCount>();
  const of = (lane: string) => {
    let entry = result.get(lane);
    if (!entry) result.set(lane, (entry = empty()));
    return entry;
  };
  for (const node of shown) of(laneOf(node)).count++;
  for (const group of groups) {
    const first = byId.get(group.members[0]);
    if (!first) continue;
    const home = laneOf(first);
    of(home).groups++;
    const away = new Map<string, number>();
    for (const id of group.members) {
      const member = byId.get(id);
      if (!member) continue;
      const lane = laneOf(member);
      if (lane === home) {
        of(lane).count++;
        of(lane).grouped++;
      } else away.set(lane, (away.get(lane) ?? 0) + 1);
    }
    for (const [lane, n] of away) {
      of(lane).elsewhere += n;
      of(lane).elsewhereGroups++;
    }
  }
  return result;
}

const n = (value: number) => value.toLocaleString("en");
const groupsOf = (value: number) => `${n(value)} collapsed ${value === 1 ? "group" : "groups"}`;

/** What a lane's label says under its count about collapsed groups, or "" when none touches it. */
export function laneGroupNote(entry: LaneCount | undefined): string {
  if (!entry) return "";
  const parts: string[] = [];
  if (entry.groups) parts.push(entry.grouped ? `${n(entry.grouped)} in ${groupsOf(entry.groups)}` : groupsOf(entry.groups));
  if (entry.elsewhere) parts.push(`${n(entry.elsewhere)} more in collapsed groups`);
  return parts.join(" · ");
}
