import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseMapFile, renderMapJsonSchema } from "./map-format";

const root = path.resolve(import.meta.dirname, "../..");

describe("docs/map-format.schema.json", () => {
  it("is what `npm run docs:map-format` writes from the zod schema (run it after changing the format)", () => {
    expect(readFileSync(path.join(root, "docs/map-format.schema.json"), "utf8")).toBe(renderMapJsonSchema());
  });
});

describe("parseMapFile", () => {
  const ok = "format: 1\nproject:\n  key: floor\n  name: Floor plans\nmilestones:\n  - key: floor-2\n    title: Train it\n    dueDate: 2026-03-31\n";

  it("reads a minimal file, normalising keys as the forms do and leaving out what the file does not say", () => {
    const { map } = parseMapFile(ok, "map.yaml");
    expect(map.project).toEqual({ key: "FLOOR", name: "Floor plans" });
    expect(map.milestones[0]).toEqual({ key: "FLOOR-2", title: "Train it", dueDate: new Date("2026-03-31T00:00:00Z"), dependsOn: [], decomposedFrom: [], implementedBy: [] });
    expect(map.services).toEqual([]);
  });

  it.each([
    ["an unknown top-level key", `${ok}owner: someone\n`, /^map\.yaml, line 9, column 8: unknown key “owner”; the map format does not have it/],
    ["an unknown key in a service", `${ok}services:\n  - name: api\n    layer: api\n    port: 80\n`, /line 12, column 11: unknown key “port” in services\[0\] \(api\)/],
    ["a bad status, by label", ok.replace("    dueDate", "    status: started\n    dueDate"), /line 8, column 13: milestones\[0\] \(floor-2\)\.status: Status must be one of planned, in_progress, blocked, done, cancelled/],
    ["a day that does not exist", ok.replace("2026-03-31", "2026-02-30"), /line 8, column 14: .*Due date must be a real calendar day/],
    ["a service name that is not DNS-safe", `${ok}services:\n  - name: My API\n    layer: api\n`, /services\[0\] \(My API\)\.name: Name must be a DNS-safe name/],
    ["a missing project", "format: 1\n", /Project is required/],
  ])("refuses %s, naming line, column and field", (_name, text, message) => {
    expect(() => parseMapFile(text, "map.yaml")).toThrow(message);
  });
});

describe("the cap on service dependencies in one file", () => {
  it("refuses a file whose services list more than 5,000 dependencies together, naming the service that passes it", () => {
    // 60 services of 100 dependencies each (6,000): each service is within its own cap of 200.
    const names = Array.from({ length: 60 }, (_, i) => `s${i}`);
    const services = names.map((name, i) => `  - name: ${name}\n    layer: api\n    dependencies:\n${Array.from({ length: 100 }, (_, j) => `      - to: ${names[(i + j + 1) % 60]}\n        kind: calls\n`).join("")}`).join("");
    const text = `format: 1\nproject:\n  key: BIG\n  name: Big\nservices:\n${services}`;
    expect(() => parseMapFile(text, "map.yaml")).toThrow(/services\[50\] \(s50\)\.dependencies: .*at most 5,000 dependencies together; s50 passes that/);
  });
});
