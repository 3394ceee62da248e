import { describe, expect, it } from "vitest";
import { MAX_ROWS, countFields, fieldTable } from "./schema-fields";

describe("fieldTable", () => {
  it("lists properties with type, required (first), description, enum values and constraints", () => {
    const table = fieldTable({
      type: "object",
      description: "A layout request.",
      required: ["plan"],
      properties: {
        units: { type: "string", enum: ["m", "ft"], default: "m" },
        plan: { type: "string", description: "The plan's id.", minLength: 1, maxLength: 64 },
        scale: { type: ["number", "null"], minimum: 0 },
        kind: { const: "layout" },
        at: { type: "string", format: "date-time" },
      },
    });
    expect(table).toMatchObject({ type: "object", description: "A layout request.", truncated: false });
    expect(table.rows.map((r) => [r.name, r.type, r.required])).toEqual([
      ["plan", "string", true],
      ["units", "string", false],
      ["scale", "number | null", false],
      ["kind", "string", false],
      ["at", "string (date-time)", false],
    ]);
    expect(table.rows[0]).toMatchObject({ description: "The plan's id.", constraints: ["min length 1", "max length 64"] });
    expect(table.rows[1]).toMatchObject({ enumValues: ['"m"', '"ft"'], constraints: ['default "m"'] });
    expect(table.rows[3].enumValues).toEqual(['"layout"']);
  });

  it("nests objects and arrays' item types; a $ref into $defs or definitions keeps its name", () => {
    const table = fieldTable({
      type: "object",
      properties: {
        plan: { type: "object", properties: { rooms: { type: "array", items: { $ref: "#/$defs/Room" } } } },
        tags: { type: "array", items: { type: "string" } },
        owner: { $ref: "#/definitions/User" },
        scores: { type: "object", additionalProperties: { type: "number" } },
      },
      $defs: { Room: { type: "object", description: "One room.", required: ["name"], properties: { name: { type: "string" } } } },
      definitions: { User: { type: "object", properties: { email: { type: "string", format: "email" } } } },
    });
    const [plan, tags, owner, scores] = table.rows;
    expect(plan).toMatchObject({ type: "object", children: [{ name: "rooms", type: "array of Room", ref: "Room", children: [{ name: "name", type: "string", required: true }] }] });
    expect(plan.children[0].description).toBe("");
    expect(tags).toMatchObject({ type: "array of string", children: [] });
    expect(owner).toMatchObject({ type: "User", ref: "User", children: [{ name: "email", type: "string (email)" }] });
    expect(scores).toMatchObject({ type: "map of number" });
  });

  it("stops at a definition already open above (recursive schemas), showing it by name", () => {
    const table = fieldTable({
      $ref: "#/$defs/Node",
      $defs: { Node: { type: "object", properties: { value: { type: "integer" }, children: { type: "array", items: { $ref: "#/$defs/Node" } }, parent: { anyOf: [{ $ref: "#/$defs/Node" }, { type: "null" }] } } } },
    });
    expect(table.title).toBe("Node");
    expect(table.rows.map((r) => [r.name, r.type, r.recursive ?? false])).toEqual([
      ["value", "integer", false],
      ["children", "array of Node", true],
      ["parent", "Node | null", true],
    ]);
    expect(table.rows[1].children).toEqual([]);
  });

  it("merges allOf, including a self-referencing one, without hanging", () => {
    const table = fieldTable({
      allOf: [{ $ref: "#/$defs/Base" }, { type: "object", required: ["b"], properties: { b: { type: "boolean" } } }],
      $defs: { Base: { allOf: [{ $ref: "#/$defs/Base" }], type: "object", properties: { a: { type: "string" } } } },
    });
    expect(table.rows.map((r) => [r.name, r.required])).toEqual([
      ["b", true],
      ["a", false],
    ]);
  });

  it("is bounded: shared definitions referenced many times stop at the row cap, marked truncated", () => {
    const defs: Record<string, unknown> = {};
    for (let i = 0; i < 30; i++) defs[`D${i}`] = { type: "object", properties: { x: { $ref: `#/$defs/D${i + 1}` }, y: { $ref: `#/$defs/D${i + 1}` } } };
    defs.D30 = { type: "string" };
    const table = fieldTable({ $ref: "#/$defs/D0", $defs: defs });
    expect(table.truncated).toBe(true);
    expect(countFields(table.rows)).toBeLessThanOrEqual(MAX_ROWS);
  });

  it("takes anything: a non-object, a bad $ref, an empty schema", () => {
    expect(fieldTable(null)).toMatchObject({ type: "any", rows: [] });
    expect(fieldTable({ type: "object", properties: { a: { $ref: "https://example.org/x.json" } } }).rows[0]).toMatchObject({ type: "https://example.org/x.json", children: [] });
    expect(fieldTable({ type: "array", items: { type: "integer" } })).toMatchObject({ type: "array of integer", rows: [] });
  });
});
