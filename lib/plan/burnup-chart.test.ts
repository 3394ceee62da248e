import { describe, expect, it } from "vitest";
import { burnUpGeometry, dateTicks, niceStep, shortDate, MARKER_RADIUS } from "@/lib/plan/burnup-chart";
import { computeBurnUp, type BurnUp } from "@/lib/plan/burnup";

const DAY = 86_400_000;
const utcDay = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / DAY;
const FRAME = { width: 640, height: 260, left: 52, right: 16, top: 14, bottom: 28 };

describe("ticks", () => {
  it("picks round steps for the days axis", () => {
    expect([niceStep(154, 4), niceStep(9, 4), niceStep(3, 4), niceStep(0, 4)]).toEqual([50, 2.5, 1, 1]);
  });

  it("labels a short span by days or weeks, a long one by the first of the month", () => {
    const first = utcDay("2026-07-30");
    expect(dateTicks(first, first + 5)).toEqual([0, 1, 2, 3, 4, 5].map((d) => first + d));
    expect(dateTicks(first, first + 30)).toEqual([0, 7, 14, 21, 28].map((d) => first + d));
    expect(dateTicks(first, utcDay("2026-11-29")).map(shortDate)).toEqual(["1 Aug", "1 Sep", "1 Oct", "1 Nov"]);
    expect(dateTicks(utcDay("2025-01-15"), utcDay("2026-11-29")).map(shortDate)).toEqual(["1 Feb", "1 Jun", "1 Oct", "1 Feb", "1 Jun", "1 Oct"]);
    expect(dateTicks(first, first)).toEqual([first]);
  });
});

describe("burnUpGeometry", () => {
  const T = utcDay("2026-11-29");
  const at = (offset: number) => new Date((T + offset) * DAY + 3_600_000);
  const burnUp: BurnUp = computeBurnUp(
    [
      { id: "a", key: "A-1", status: "done", estimateDays: 4, createdAt: at(-20), completedAt: at(-10) },
      { id: "b", key: "A-2", status: "planned", estimateDays: 4, createdAt: at(-20), completedAt: null },
      { id: "c", key: "A-3", status: "cancelled", estimateDays: 2, createdAt: at(-19), completedAt: null },
    ],
    [
      { milestoneId: "c", fromStatus: null, toStatus: "planned", at: at(-19) },
      { milestoneId: "c", fromStatus: "planned", toStatus: "cancelled", at: at(-5) },
    ],
    T,
  );
  const g = burnUpGeometry(burnUp, FRAME);

  it("draws scope and done as steps across the plot, to the end of today", () => {
    expect(g.plot).toEqual({ x0: 52, x1: 624, y0: 232, y1: 14 });
    // 21 days from T-20 to the end of today; scope 8, then 10, then 8; the axis tops out at 10.
    const x = (offset: number) => Math.round((52 + ((offset + 20) / 21) * 572) * 10) / 10;
    expect(g.scopePath).toBe(`M52,57.6H${x(-19)}V14H${x(-10)}V14H${x(-5)}V57.6H${x(0)}V57.6H624`);
    expect(g.donePath).toBe(`M52,232H${x(-19)}V232H${x(-10)}V144.8H${x(-5)}V144.8H${x(0)}V144.8H624`);
    expect(g.doneArea).toBe(`${g.donePath}V232H52Z`);
    expect(g.yTicks.map((t) => t.label)).toEqual(["0 d", "2.5 d", "5 d", "7.5 d", "10 d"]);
    expect(g.todayX).toBe(x(0));
    expect(g.ends).toEqual({ scope: { at: 57.6, label: "8 d" }, done: { at: 144.8, label: "4 d" } });
  });

  it("keeps the end labels apart when done has caught up with scope", () => {
    const all = burnUpGeometry({ ...burnUp, done: 8, points: burnUp.points.map((p) => ({ ...p, done: p.scope })) }, FRAME);
    expect(all.ends).toEqual({ scope: { at: 51.6, label: "8 d" }, done: { at: 63.6, label: "8 d" } });
  });

  it("marks each scope change where the scope line steps, labelled", () => {
    expect(g.markers.map((m) => [m.n, m.date, m.delta, m.label])).toEqual([
      [1, "2026-11-09", 8, "+8 d: A-1 and A-2 added"],
      [2, "2026-11-10", 2, "+2 d: A-3 added"],
      [3, "2026-11-24", -2, "\u22122 d: A-3 cancelled"],
    ]);
    // The second marker is one day (27 units) from the first: far enough apart to stay on the line.
    expect(g.markers[1].y).toBe(14);
    expect(g.markers.every((m) => m.y >= MARKER_RADIUS)).toBe(true);
  });

  it("lifts a marker that would cover the one before it", () => {
    const point = (day: number, scope: number) => ({ day, date: "", done: 0, scope });
    const change = (day: number, delta: number) => ({ day, date: "", delta, added: ["A-1"], restored: [], cancelled: [] });
    const crowded = burnUpGeometry(
      { ...burnUp, points: [point(T - 400, 10), point(T - 399, 10.1), point(T, 10.1)], changes: [change(T - 400, 10), change(T - 399, 0.1)] },
      FRAME,
    );
    const [first, second] = crowded.markers;
    expect(Math.abs(second.x - first.x)).toBeLessThan(2 * MARKER_RADIUS + 2);
    expect(second.y).toBe(first.y - (2 * MARKER_RADIUS + 2));
  });
});
