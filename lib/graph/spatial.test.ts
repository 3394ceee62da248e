import { describe, expect, it } from "vitest";
import { arrowDirection, stepFrom, type Box } from "@/lib/graph/spatial";

const box = (id: string, x: number, y: number, width = 200, height = 80): Box => ({ id, x, y, width, height });

// Three columns: papers at x 0, milestones at x 300, services at x 600 (a taller middle column).
const boxes = [
  box("p1", 0, 0),
  box("p2", 0, 230),
  box("m1", 300, -100),
  box("m2", 300, 20),
  box("m3", 300, 140),
  box("m4", 300, 260),
  box("s1", 600, 150),
  box("far", 900, 0),
];

describe("stepFrom", () => {
  it("steps right and left to the nearest column, landing on the node closest in height", () => {
    expect(stepFrom(boxes, "p1", "right")).toBe("m2");
    expect(stepFrom(boxes, "p2", "right")).toBe("m4");
    expect(stepFrom(boxes, "m3", "right")).toBe("s1");
    expect(stepFrom(boxes, "m1", "left")).toBe("p1");
    expect(stepFrom(boxes, "s1", "left")).toBe("m3");
  });

  it("skips to the next column that has nodes, however far", () => {
    expect(stepFrom(boxes, "s1", "right")).toBe("far");
    expect(stepFrom([box("a", 0, 0), box("b", 1200, 900)], "a", "right")).toBe("b");
  });

  it("steps up and down within the column", () => {
    expect(stepFrom(boxes, "m2", "down")).toBe("m3");
    expect(stepFrom(boxes, "m2", "up")).toBe("m1");
    expect(stepFrom(boxes, "p1", "down")).toBe("p2");
  });

  it("leaves the column up or down only when it has nothing that way", () => {
    // s1 is alone in its column: down goes to m4, the only node lower; up weighs sideways
    // distance double and lands on m3, just above it in the next column, not on "far".
    expect(stepFrom(boxes, "s1", "down")).toBe("m4");
    expect(stepFrom(boxes, "s1", "up")).toBe("m3");
    expect(stepFrom(boxes, "m4", "down")).toBeNull();
  });

  it("returns null at the edges and for an unknown id", () => {
    expect(stepFrom(boxes, "p1", "left")).toBeNull();
    expect(stepFrom(boxes, "far", "right")).toBeNull();
    expect(stepFrom(boxes, "m1", "up")).toBeNull();
    expect(stepFrom(boxes, "nope", "up")).toBeNull();
  });

  it("treats nodes of different widths centred in one layer as one column", () => {
    const mixed = [box("a", 0, 0, 220), box("b", 10, 120, 200), box("c", 300, 100)];
    expect(stepFrom(mixed, "a", "down")).toBe("b");
    expect(stepFrom(mixed, "c", "left")).toBe("b");
  });
});

describe("arrowDirection", () => {
  it("maps the four arrow keys and nothing else", () => {
    expect(["ArrowLeft", "ArrowRight", "ArrowUp", "ArrowDown", "Enter"].map(arrowDirection)).toEqual(["left", "right", "up", "down", null]);
  });
});
