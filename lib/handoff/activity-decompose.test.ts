import { describe, expect, it } from "vitest";
import { describeActivity, type ActivityContext } from "./activity";

const ctx: ActivityContext = { sectionTitle: (key) => key, threadSection: new Map(), userName: new Map() };

describe("a decomposition in the activity feed", () => {
  it("names the milestones it created", () => {
    const item = describeActivity(
      { id: "e1", at: new Date("2026-01-02T03:04:05Z"), action: "handoff.decompose", details: { keys: ["FLOOR-5", "FLOOR-6", "FLOOR-7"], dependencies: 3 }, actorEmail: "e@example.test", actor: { name: "Eve Engineer" } },
      ctx,
    );
    expect(`${item.who} ${item.did}`).toBe("Eve Engineer decomposed it into new milestones FLOOR-5, FLOOR-6 and FLOOR-7");
  });
});
