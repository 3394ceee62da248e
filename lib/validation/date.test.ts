import { describe, expect, it } from "vitest";
import { z } from "zod";
import { optionalDate, parseCalendarDay } from "./date";

describe("parseCalendarDay", () => {
  it("takes real days, as UTC midnight, and the date part of an ISO date-time", () => {
    expect((parseCalendarDay("2026-03-31") as Date).toISOString()).toBe("2026-03-31T00:00:00.000Z");
    expect((parseCalendarDay("2028-02-29") as Date).toISOString()).toBe("2028-02-29T00:00:00.000Z");
    expect((parseCalendarDay("1970-01-01") as Date).toISOString()).toBe("1970-01-01T00:00:00.000Z");
    expect((parseCalendarDay("2200-12-31") as Date).toISOString()).toBe("2200-12-31T00:00:00.000Z");
    expect((parseCalendarDay("2026-03-31T00:00:00.000Z") as Date).toISOString()).toBe("2026-03-31T00:00:00.000Z");
  });

  it("refuses days that do not exist, years out of range, and other forms", () => {
    expect(parseCalendarDay("2026-02-31")).toBe("must be a real calendar day (2026-02-31 does not exist).");
    expect(parseCalendarDay("2027-02-29")).toBe("must be a real calendar day (2027-02-29 does not exist).");
    expect(parseCalendarDay("2026-13-01")).toBe("must be a real calendar day (2026-13-01 does not exist).");
    expect(parseCalendarDay("2026-00-10")).toBe("must be a real calendar day (2026-00-10 does not exist).");
    expect(parseCalendarDay("99999-01-01")).toBe("must be a date from year 1970 to 2200 (this is 99999).");
    expect(parseCalendarDay("1969-12-31")).toBe("must be a date from year 1970 to 2200 (this is 1969).");
    expect(parseCalendarDay("2201-01-01")).toBe("must be a date from year 1970 to 2200 (this is 2201).");
    for (const bad of ["31/01/2026", "2026-1-5", "tomorrow", "2026-03-31 junk", "1e3"]) expect(parseCalendarDay(bad)).toBe("must be a date like 2026-03-31.");
  });
});

describe("optionalDate", () => {
  const schema = z.object({ due: optionalDate("Due date") });
  it("is null when empty or missing, and names the field by its label when wrong", () => {
    expect(schema.parse({ due: "" }).due).toBeNull();
    expect(schema.parse({}).due).toBeNull();
    expect(schema.parse({ due: null }).due).toBeNull();
    const result = schema.safeParse({ due: "2026-02-31" });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0].message).toBe("Due date must be a real calendar day (2026-02-31 does not exist).");
    expect(schema.safeParse({ due: 20260331 }).error?.issues[0].message).toMatch(/Due date must be a date like 2026-03-31\./);
  });
});
