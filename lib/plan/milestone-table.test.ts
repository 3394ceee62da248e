import { describe, expect, it } from "vitest";
import { DEFAULT_QUERY, type TableQuery } from "./milestone-table-query";
import { facetCounts, filterRows, isOverdue, ownersOf, sortRows, upstreamKeys, waitingOn, type TableRow } from "./milestone-table";

const TODAY = "2026-11-29";
const floor = { key: "FLOOR", name: "Floor plans" };
const vit = { key: "VIT", name: "Vision transformer" };
const ana = { id: "u-ana", name: "Ana" };
const bo = { id: "u-bo", name: "bo" };

function row(key: string, over: Partial<TableRow> = {}): TableRow {
  return {
    id: `id-${key}`,
    key,
    title: `Title of ${key}`,
    project: key.startsWith("VIT") ? vit : floor,
    status: "planned",
    health: "on_track",
    owner: null,
    dueDate: null,
    progress: 0,
    slipDays: 0,
    atRiskBecause: [],
    atRiskDistance: 0,
    dependsOn: [],
    ...over,
  };
}

// FLOOR-8 is blocked; FLOOR-10 waits on it, FLOOR-11 on FLOOR-10 (both at risk from FLOOR-8);
// FLOOR-12 depends on FLOOR-8 too but FLOOR-8 is done in another scenario; VIT-2 is separate.
const rows: TableRow[] = [
  row("FLOOR-8", { status: "blocked", health: "off_track", owner: ana, dueDate: "2026-11-20", progress: 0.5 }),
  row("FLOOR-10", { owner: bo, dueDate: "2026-12-05", slipDays: 3, atRiskBecause: ["FLOOR-8"], atRiskDistance: 1, dependsOn: ["FLOOR-8"] }),
  row("FLOOR-11", { dueDate: "2026-12-20", atRiskBecause: ["FLOOR-8", "FLOOR-10"], atRiskDistance: 2, dependsOn: ["FLOOR-10"] }),
  row("FLOOR-2", { status: "done", owner: ana, dueDate: "2026-11-01", progress: 1 }),
  row("VIT-2", { status: "in_progress", health: "at_risk", owner: bo, dueDate: "2026-11-28", title: "Patch embedding layout", progress: 0.25 }),
  row("VIT-3", { status: "cancelled", dueDate: "2026-10-01", slipDays: 9 }),
];
const keys = (list: TableRow[]) => list.map((r) => r.key);
const q = (over: Partial<TableQuery>): TableQuery => ({ ...DEFAULT_QUERY, ...over });
const filter = (over: Partial<TableQuery>) => keys(filterRows(rows, q(over), { me: ana.id, today: TODAY }));

describe("filterRows", () => {
  it("keeps everything without filters", () => {
    expect(filter({})).toEqual(keys(rows));
  });

  it("filters by projects and statuses (any of each), and by health", () => {
    expect(filter({ project: ["VIT"] })).toEqual(["VIT-2", "VIT-3"]);
    expect(filter({ status: ["blocked", "in_progress"] })).toEqual(["FLOOR-8", "VIT-2"]);
    expect(filter({ project: ["FLOOR"], status: ["blocked", "in_progress"] })).toEqual(["FLOOR-8"]);
    expect(filter({ health: ["at_risk", "off_track"] })).toEqual(["FLOOR-8", "VIT-2"]);
  });

  it("filters by owner: me, unassigned or a person", () => {
    expect(filter({ owner: "me" })).toEqual(["FLOOR-8", "FLOOR-2"]);
    expect(filter({ owner: "none" })).toEqual(["FLOOR-11", "VIT-3"]);
    expect(filter({ owner: bo.id })).toEqual(["FLOOR-10", "VIT-2"]);
  });

  it("overdue and slipping count open milestones only", () => {
    expect(filter({ overdue: true })).toEqual(["FLOOR-8", "VIT-2"]);
    expect(filter({ slipping: true })).toEqual(["FLOOR-10"]);
    expect(isOverdue(row("X-1", { dueDate: TODAY }), TODAY)).toBe(false);
  });

  it("searches keys and titles, case-insensitive", () => {
    expect(filter({ q: "layout" })).toEqual(["VIT-2"]);
    expect(filter({ q: "floor-1" })).toEqual(["FLOOR-10", "FLOOR-11"]);
  });

  it("blocked by: the open milestones that depend on the key, directly or through others, not the key itself", () => {
    expect(filter({ blockedBy: "FLOOR-8" })).toEqual(["FLOOR-10", "FLOOR-11"]);
    expect(filter({ blockedBy: "FLOOR-10" })).toEqual(["FLOOR-11"]);
    expect(filter({ blockedBy: "VIT-2" })).toEqual([]);
    expect(filter({ blockedBy: "FLOOR-8", slipping: true })).toEqual(["FLOOR-10"]);
  });
});

describe("waitingOn", () => {
  it("follows dependencies through any number of milestones, open ones only, whatever the risk chains say", () => {
    // A-1 blocked ← A-2 (late, so the nearest cause of A-3's risk) ← A-3; A-4 done after A-1; A-5 after A-4.
    const chain: TableRow[] = [
      row("A-1", { status: "blocked" }),
      row("A-2", { dependsOn: ["A-1"], slipDays: 2 }),
      row("A-3", { dependsOn: ["A-2"], atRiskBecause: ["A-2"], atRiskDistance: 1 }),
      row("A-4", { status: "done", dependsOn: ["A-1"] }),
      row("A-5", { dependsOn: ["A-4", "A-3"] }),
    ];
    expect([...waitingOn(chain, "A-1")].sort()).toEqual(["A-2", "A-3", "A-5"]);
    expect([...waitingOn(chain, "A-4")]).toEqual(["A-5"]);
    expect([...waitingOn(chain, "A-5")]).toEqual([]);
  });

  it("walks a long line without recursion", () => {
    const line = Array.from({ length: 20_000 }, (_, i) => row(`L-${i + 1}`, { dependsOn: i ? [`L-${i}`] : [] }));
    expect(waitingOn(line, "L-1").size).toBe(19_999);
  });
});

describe("sortRows", () => {
  const sorted = (sort: TableQuery["sort"], dir: TableQuery["dir"] = "asc") => keys(sortRows(rows, sort, dir));

  it("sorts by project name, then keys in natural order (FLOOR-2 before FLOOR-10)", () => {
    expect(sorted("project")).toEqual(["FLOOR-2", "FLOOR-8", "FLOOR-10", "FLOOR-11", "VIT-2", "VIT-3"]);
    expect(sorted("project", "desc")).toEqual(["VIT-2", "VIT-3", "FLOOR-2", "FLOOR-8", "FLOOR-10", "FLOOR-11"]);
    expect(sorted("milestone", "desc")).toEqual(["VIT-3", "VIT-2", "FLOOR-11", "FLOOR-10", "FLOOR-8", "FLOOR-2"]);
  });

  it("sorts by due date with undated milestones last either way", () => {
    const dated = [...rows, row("FLOOR-20")];
    expect(keys(sortRows(dated, "due", "asc"))).toEqual(["VIT-3", "FLOOR-2", "FLOOR-8", "VIT-2", "FLOOR-10", "FLOOR-11", "FLOOR-20"]);
    expect(keys(sortRows(dated, "due", "desc"))).toEqual(["FLOOR-11", "FLOOR-10", "VIT-2", "FLOOR-8", "FLOOR-2", "VIT-3", "FLOOR-20"]);
  });

  it("sorts by status and health in their order, owners by name (case-insensitive), unassigned last", () => {
    expect(sorted("status")).toEqual(["FLOOR-10", "FLOOR-11", "VIT-2", "FLOOR-8", "FLOOR-2", "VIT-3"]);
    expect(sorted("health", "desc")).toEqual(["FLOOR-8", "VIT-2", "FLOOR-2", "FLOOR-10", "FLOOR-11", "VIT-3"]);
    expect(sorted("owner")).toEqual(["FLOOR-2", "FLOOR-8", "FLOOR-10", "VIT-2", "FLOOR-11", "VIT-3"]);
    expect(sorted("owner", "desc")).toEqual(["FLOOR-10", "VIT-2", "FLOOR-2", "FLOOR-8", "FLOOR-11", "VIT-3"]);
  });

  it("sorts by progress, by slip (only open milestones slip) and by the cause of risk", () => {
    expect(sorted("progress", "desc")).toEqual(["FLOOR-2", "FLOOR-8", "VIT-2", "FLOOR-10", "FLOOR-11", "VIT-3"]);
    expect(sorted("slip", "desc")).toEqual(["FLOOR-10", "FLOOR-2", "FLOOR-8", "FLOOR-11", "VIT-2", "VIT-3"]);
    expect(sorted("risk")).toEqual(["FLOOR-10", "FLOOR-11", "FLOOR-2", "FLOOR-8", "VIT-2", "VIT-3"]);
  });

  it("does not change the rows it is given", () => {
    const before = keys(rows);
    sortRows(rows, "due", "desc");
    expect(keys(rows)).toEqual(before);
  });
});

describe("choices", () => {
  it("counts rows per project and status, lists owners by name and the keys something waits on", () => {
    const facets = facetCounts(rows);
    expect(Object.fromEntries(facets.project)).toEqual({ FLOOR: 4, VIT: 2 });
    expect(Object.fromEntries(facets.status)).toEqual({ blocked: 1, planned: 2, done: 1, in_progress: 1, cancelled: 1 });
    expect(ownersOf(rows)).toEqual([ana, bo]);
    expect(upstreamKeys(rows)).toEqual(["FLOOR-8", "FLOOR-10"]);
  });
});
