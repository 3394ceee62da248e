import { describe, expect, it } from "vitest";
import { layoutTimeline, type TimelineMilestone } from "@/lib/plan/timeline";
import { formatDate } from "@/components/ui/format";
import { dayLabel, dayLabeler } from "./describe";
import { barsMarkup, labelsMarkup, type RowClasses } from "./markup";

const classes: RowClasses = { bar: "b", fill: "f", slip: "s", slipLabel: "sl", due: "d", risk: "r", criticalOutline: "c", flag: "fl", done: "dn" };

const milestone = (key: string, over: Partial<TimelineMilestone> = {}): TimelineMilestone => ({
  id: `id-${key}`,
  key,
  title: `Title ${key}`,
  status: "planned",
  startDate: null,
  dueDate: null,
  earliestStart: "2026-03-05",
  earliestFinish: "2026-03-06",
  slipDays: 0,
  dependsOn: [],
  atRiskBecause: [],
  ...over,
});

const layout = layoutTimeline({
  today: "2026-03-05",
  criticalPath: ["P-2"],
  milestones: [
    milestone("P-1", { status: "done", title: `<img src=x onerror="alert(1)"> & 'co'`, startDate: "2026-03-01", dueDate: "2026-03-04", earliestStart: "2026-03-01", earliestFinish: "2026-03-04" }),
    milestone("P-2", { status: "blocked", dependsOn: ["P-1"], dueDate: "2026-03-05", earliestFinish: "2026-03-08", slipDays: 3 }),
    milestone("P-3", { dependsOn: ["P-2"], dueDate: "2026-03-20", earliestStart: "2026-03-09", earliestFinish: "2026-03-10", atRiskBecause: ["P-2"] }),
  ],
});

describe("labelsMarkup", () => {
  const html = labelsMarkup(layout, "/projects/P/milestones", classes);

  it("links each row to its milestone, key first, and escapes what users wrote", () => {
    expect(html).toContain(`<a href="/projects/P/milestones/id-P-1" title="P-1 &lt;img src=x onerror=&quot;alert(1)&quot;&gt; &amp; &#39;co&#39;"><span>P-1</span> &lt;img src=x onerror=&quot;alert(1)&quot;&gt; &amp; &#39;co&#39;</a>`);
    expect(html).not.toContain("<img");
    expect(html.match(/<li>/g)).toHaveLength(3);
  });

  it("marks done, blocked and at-risk rows", () => {
    expect(html).toContain(`aria-label="Done"`);
    expect(html).toContain(`<span class="fl" data-tone="red">Blocked</span>`);
    expect(html).toContain(`<span class="fl" data-tone="amber" title="At risk because of P-2">At risk</span>`);
    const cancelled = layoutTimeline({ today: "2026-03-05", criticalPath: [], milestones: [milestone("P-9", { status: "cancelled" })] });
    expect(labelsMarkup(cancelled, "/m", classes)).toContain(`<span class="fl" data-tone="muted">Cancelled</span>`);
  });
});

describe("barsMarkup", () => {
  const svg = barsMarkup(layout, classes);
  const bar = (key: string) => svg.slice(svg.indexOf(`data-key="${key}"`), svg.indexOf("</g>", svg.indexOf(`data-key="${key}"`)));

  it("names every bar by its description, escaped", () => {
    expect(svg.match(/<g role="img"/g)).toHaveLength(3);
    expect(bar("P-1")).toContain("<title>P-1 &lt;img src=x onerror=&quot;alert(1)&quot;&gt; &amp; &#39;co&#39;: done; planned 1 Mar 2026 to 4 Mar 2026</title>");
    expect(svg).not.toContain("<img");
  });

  it("draws the slip with its label, the critical outline, the due mark and the risk underline", () => {
    expect(bar("P-2")).toContain(`data-status="blocked" data-kind="computed" data-slip="3"`);
    expect(bar("P-2")).toContain(`class="s"`);
    expect(bar("P-2")).toContain(`>+3 d</text>`);
    expect(bar("P-2")).toContain(`class="c"`);
    expect(bar("P-2")).toContain("slipping 3 d past its due date 5 Mar 2026 (earliest finish 8 Mar 2026); on the critical path");
    expect(bar("P-3")).toContain(`class="d"`);
    expect(bar("P-3")).toContain(`class="r"`);
    expect(bar("P-3")).toContain("due 20 Mar 2026; at risk because of P-2");
    expect(bar("P-1")).not.toContain(`class="c"`);
  });
});

describe("dayLabel", () => {
  it("writes a day as formatDate does, remembered or not", () => {
    const remembered = dayLabeler();
    for (let day = 0; day < 100_000; day += 97) {
      expect(dayLabel(day)).toBe(formatDate(day * 86_400_000));
      expect(remembered(day)).toBe(dayLabel(day));
    }
  });
});
