import { describe, expect, it } from "vitest";
import { statusChangeMessage } from "./status-message";

describe("statusChangeMessage", () => {
  it("says the new status in words", () => {
    expect(statusChangeMessage({ key: "FLOOR-3", status: "in_progress" })).toBe("FLOOR-3 is now in progress.");
  });
  it("names open prerequisites of a milestone marked done", () => {
    expect(statusChangeMessage({ key: "FLOOR-9", status: "done", openPrerequisites: ["FLOOR-7"] })).toBe("FLOOR-9 is now done. Note: FLOOR-7, which it depends on, is not finished yet.");
    expect(statusChangeMessage({ key: "FLOOR-9", status: "done", openPrerequisites: ["FLOOR-7", "FLOOR-8"] })).toBe("FLOOR-9 is now done. Note: FLOOR-7 and FLOOR-8, which it depends on, are not finished yet.");
  });
});
