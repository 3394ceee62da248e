import { describe, expect, it } from "vitest";
import { dayNumber, dayToIso } from "@/lib/graph/plan";
import { arrowPath, barDays, civilDate, dayWidthFor, isoDay, layoutTimeline, mondays, monthStarts, orderRows, slipDays, TIMELINE_DEFAULTS, type TimelineMilestone } from "./timeline";

const milestone = (key: string, over: Partial<TimelineMilestone> = {}): TimelineMilestone => ({
  id: `id-${key}`,
  key,
  title: `Title ${key}`,
  status: "planned",
  startDate: null,
  dueDate: null,
  earliestStart: "2026-03-02",
  earliestFinish: "2026-03-04",
  slipDays: 0,
  dependsOn: [],
  atRiskBecause: [],
  ...over,
});

describe("calendar arithmetic", () => {
  it("agrees with Date on every 7th day from 1900 to 2300, both ways", () => {
    for (let day = dayNumber(new Date("1900-01-01")); day < dayNumber(new Date("2300-01-01")); day += 7) {
      const iso = dayToIso(day);
      expect(isoDay(iso)).toBe(day);
      const d = new Date(day * 86_400_000);
      expect(civilDate(day)).toEqual({ year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() });
    }
    expect(isoDay("2024-02-29")).toBe(dayNumber(new Date("2024-02-29")));
    expect(civilDate(isoDay("2000-02-29"))).toEqual({ year: 2000, month: 2, day: 29 });
  });
});

describe("bars", () => {
  it("run from the start date to the due date when both are set", () => {
    const m = milestone("P-1", { startDate: "2026-03-01", dueDate: "2026-03-10", earliestStart: "2026-03-05", earliestFinish: "2026-03-08" });
    expect(barDays(m)).toEqual({ kind: "planned", firstDay: isoDay("2026-03-01"), lastDay: isoDay("2026-03-10") });
  });

  it("use the computed earliest dates when either planned date is missing", () => {
    for (const over of [{ startDate: "2026-03-01" }, { dueDate: "2026-03-10" }, {}]) {
      expect(barDays(milestone("P-1", over))).toEqual({ kind: "computed", firstDay: isoDay("2026-03-02"), lastDay: isoDay("2026-03-04") });
    }
  });

  it("never run backwards when the due date precedes the start date", () => {
    const bar = barDays(milestone("P-1", { startDate: "2026-03-10", dueDate: "2026-03-01" }));
    expect(bar.lastDay).toBe(bar.firstDay);
  });

  it("mark the slip from the day after the due date through the earliest finish", () => {
    const m = milestone("P-1", { dueDate: "2026-03-03", earliestFinish: "2026-03-07", slipDays: 4 });
    expect(slipDays(m)).toEqual({ firstDay: isoDay("2026-03-04"), lastDay: isoDay("2026-03-07") });
    expect(slipDays({ ...m, slipDays: 0 })).toBeNull();
    expect(slipDays({ ...m, dueDate: null })).toBeNull();
  });
});

describe("row order", () => {
  it("puts every milestone below its prerequisites, otherwise the earliest bar first, then by key", () => {
    const ms = [milestone("P-1"), milestone("P-2", { dependsOn: ["P-3"] }), milestone("P-3"), milestone("P-10"), milestone("P-4")];
    // P-2 starts first but depends on P-3; P-10 and P-4 tie on day 5 and go by key.
    const order = orderRows(ms, [3, 0, 2, 5, 5]);
    expect(order.map((i) => ms[i].key)).toEqual(["P-3", "P-2", "P-1", "P-4", "P-10"]);
  });

  it("ignores unknown and self prerequisites and still places every milestone of a cycle once", () => {
    const ms = [milestone("A", { dependsOn: ["B", "A", "X"] }), milestone("B", { dependsOn: ["A"] }), milestone("C")];
    const order = orderRows(ms, [0, 1, 2]);
    // C is free to go first; then the cycle is broken at its earliest-starting milestone.
    expect(order.map((i) => ms[i].key)).toEqual(["C", "A", "B"]);
  });
});

describe("scale and ticks", () => {
  it("stretches the span to the target width within the bounds", () => {
    expect(dayWidthFor(100)).toBe(11);
    expect(dayWidthFor(10)).toBe(TIMELINE_DEFAULTS.maxDayWidth);
    expect(dayWidthFor(5000)).toBe(TIMELINE_DEFAULTS.minDayWidth);
    // Decades: narrower days rather than a chart wider than maxWidth.
    expect(dayWidthFor(80_000) * 80_000).toBe(TIMELINE_DEFAULTS.maxWidth);
  });

  it("finds month starts (and a mid-month start) and Mondays", () => {
    expect(monthStarts(isoDay("2026-11-20"), isoDay("2027-02-01"))).toEqual(["2026-11-20", "2026-12-01", "2027-01-01", "2027-02-01"].map(isoDay));
    expect(monthStarts(isoDay("2026-12-01"), isoDay("2026-12-31"))).toEqual([isoDay("2026-12-01")]);
    // 2026-11-30 and 2026-12-07 are Mondays.
    expect(mondays(isoDay("2026-11-27"), isoDay("2026-12-07"))).toEqual([isoDay("2026-11-30"), isoDay("2026-12-07")]);
    expect(mondays(isoDay("2026-11-30"), isoDay("2026-11-30"))).toEqual([isoDay("2026-11-30")]);
  });
});

describe("layoutTimeline", () => {
  const input = {
    today: "2026-03-05",
    criticalPath: ["P-1", "P-3"],
    milestones: [
      milestone("P-1", { status: "done", startDate: "2026-03-01", dueDate: "2026-03-04", earliestStart: "2026-03-01", earliestFinish: "2026-03-03" }),
      milestone("P-2", { dependsOn: ["P-1"], earliestStart: "2026-03-05", earliestFinish: "2026-03-06" }),
      milestone("P-3", { dependsOn: ["P-1"], dueDate: "2026-03-08", earliestStart: "2026-03-05", earliestFinish: "2026-03-11", slipDays: 3 }),
    ],
  };
  const layout = layoutTimeline(input);
  const row = (key: string) => layout.rows.find((r) => r.milestone.key === key)!;

  it("covers every bar, its slip and today, with room around them", () => {
    expect(layout.startDay).toBe(isoDay("2026-03-01") - 4);
    expect(layout.endDay).toBe(isoDay("2026-03-11") + 10);
    expect(layout.todayX).toBe((isoDay("2026-03-05") - layout.startDay) * layout.dayWidth);
    expect(layout.width).toBe((layout.endDay - layout.startDay + 1) * layout.dayWidth);
    expect(layout.height).toBe(3 * TIMELINE_DEFAULTS.rowHeight);
  });

  it("places one row per milestone with its bar, due tick and slip on the same scale", () => {
    const w = layout.dayWidth;
    expect(layout.rows.map((r) => r.milestone.key)).toEqual(["P-1", "P-2", "P-3"]);
    expect(row("P-1")).toMatchObject({ kind: "planned", x: 4 * w, width: 4 * w, critical: true, slip: null });
    const p3 = row("P-3");
    expect(p3).toMatchObject({ kind: "computed", top: 2 * TIMELINE_DEFAULTS.rowHeight, y: 2.5 * TIMELINE_DEFAULTS.rowHeight, critical: true });
    expect(p3.x).toBe(8 * w);
    expect(p3.width).toBe(7 * w);
    expect(p3.dueX).toBe(12 * w);
    expect(p3.slip).toEqual({ x: 12 * w, width: 3 * w });
    expect(p3.endX).toBe(15 * w);
    expect(row("P-2").critical).toBe(false);
  });

  it("draws an arrow per dependency, those along the critical path marked", () => {
    expect(layout.arrows.map((a) => [a.from, a.to, a.critical])).toEqual([
      ["P-1", "P-2", false],
      ["P-1", "P-3", true],
    ]);
    const p1 = row("P-1");
    expect(layout.arrows[1].d).toBe(`M${p1.endX - 3} ${p1.y + 7}V${row("P-3").y}H${row("P-3").x}`);
    expect(layout.arrows[1].tip).toEqual({ x: row("P-3").x, y: row("P-3").y });
  });

  it("ticks months always and Mondays when a week is wide enough to label", () => {
    expect(layout.months[0]).toEqual({ day: layout.startDay, x: 0 });
    expect(layout.weeks.map((t) => t.day)).toEqual(mondays(layout.startDay, layout.endDay));
    const long = layoutTimeline({ today: "2026-01-01", criticalPath: [], milestones: [milestone("L", { earliestStart: "2026-01-01", earliestFinish: "2030-01-01" })] });
    expect(long.dayWidth).toBe(TIMELINE_DEFAULTS.minDayWidth);
    expect(long.weeks).toEqual([]);
    expect(long.months.length).toBeGreaterThan(48);
  });

  it("ticks only each January when a plan spans decades, within the widest chart", () => {
    const decades = layoutTimeline({ today: "2026-01-01", criticalPath: [], milestones: [milestone("L", { startDate: "2026-01-01", dueDate: "2199-12-31" })] });
    expect(decades.width).toBeLessThanOrEqual(TIMELINE_DEFAULTS.maxWidth + 1);
    // The range start (28 Dec 2025), then every January from 2026 to 2200.
    expect(decades.months.length).toBe(1 + 175);
    expect(decades.months.slice(1).every((t) => new Date(t.day * 86_400_000).getUTCMonth() === 0)).toBe(true);
  });

  it("reaches back to a due date that lies before the bar, where the slip begins", () => {
    const late = layoutTimeline({ today: "2026-03-05", criticalPath: [], milestones: [milestone("L", { dueDate: "2026-02-01", earliestStart: "2026-03-05", earliestFinish: "2026-03-06", slipDays: 33 })] });
    expect(late.startDay).toBe(isoDay("2026-02-01") - 4);
    expect(late.rows[0].slip).toEqual({ x: 5 * late.dayWidth, width: 33 * late.dayWidth });
    expect(late.rows[0].x).toBe((isoDay("2026-03-05") - late.startDay) * late.dayWidth);
  });

  it("has today alone when there are no milestones", () => {
    const empty = layoutTimeline({ today: "2026-03-05", criticalPath: [], milestones: [] });
    expect(empty.rows).toEqual([]);
    expect(empty.height).toBe(0);
    expect(empty.todayX).toBe(4 * empty.dayWidth);
  });
});

describe("arrowPath", () => {
  const base = { top: 0, kind: "planned" as const, firstDay: 0, lastDay: 0, slip: null, dueX: null, critical: false, milestone: milestone("X") };
  it("turns down from the prerequisite's end and enters the dependent from the left", () => {
    const from = { ...base, y: 14, x: 0, width: 50, endX: 50 };
    const to = { ...base, y: 70, x: 80, width: 20, endX: 100 };
    expect(arrowPath(from, to, 28, 14)).toBe("M47 21V70H80");
  });

  it("runs along the gap above the dependent when it starts before the prerequisite ends", () => {
    const from = { ...base, y: 14, x: 0, width: 50, endX: 50 };
    const to = { ...base, y: 70, x: 30, width: 20, endX: 50 };
    expect(arrowPath(from, to, 28, 14)).toBe("M47 21V56H18V70H30");
  });
});
