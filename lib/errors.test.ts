import { describe, expect, it } from "vitest";
import { ValidationError } from "@/lib/errors";
import { createMilestoneSchema } from "@/lib/validation/milestone";

describe("ValidationError.fromZod", () => {
  it("says the first problem in full and names every other field that needs a change by its label", () => {
    const result = createMilestoneSchema.safeParse({ key: "FLOOR-1", title: "", estimateDays: -2, startDate: "not a date" });
    expect(result.success).toBe(false);
    const error = ValidationError.fromZod(result.error!, createMilestoneSchema);
    expect(error.message).toMatch(/^Title .+\. Also check Start date and Estimate \(days\)\.$/);
    expect(Object.keys(error.fieldErrors ?? {}).sort()).toEqual(["estimateDays", "startDate", "title"]);
  });

  it("adds nothing when one field has the only problems", () => {
    const result = createMilestoneSchema.safeParse({ key: "FLOOR-1", title: "Fine", estimateDays: -2 });
    const error = ValidationError.fromZod(result.error!, createMilestoneSchema);
    expect(error.message).toBe("Estimate (days) must be 0 or more.");
  });
});
