import { describe, expect, it } from "vitest";
import { authorsOf, venueLine } from "@/lib/handoff/paper";

describe("venueLine", () => {
  it.each([
    ["CVPR", 2023, "CVPR 2023"],
    ["CVPR 2023", 2023, "CVPR 2023"],
    ["ACM Transactions on Graphics (SIGGRAPH 2020)", 2020, "ACM Transactions on Graphics (SIGGRAPH 2020)"],
    ["NeurIPS 20230", 2023, "NeurIPS 20230 2023"],
    ["", 2021, "2021"],
    ["ICLR", null, "ICLR"],
    [null, undefined, ""],
  ])("%j, %j → %j", (venue, year, expected) => {
    expect(venueLine(venue, year)).toBe(expected);
  });
});

describe("authorsOf", () => {
  it("keeps non-empty strings in order", () => {
    expect(authorsOf([" Ada ", "", 3, null, "Grace"])).toEqual(["Ada", "Grace"]);
    expect(authorsOf({ a: 1 })).toEqual([]);
  });
});
