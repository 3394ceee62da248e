import { describe, expect, it } from "vitest";
import { parseInput } from "@/lib/errors";
import { dependencySchema, interfaceSchema, readSchemaValue, updateInterfaceSchema } from "./service-interface";

const refused = (input: unknown) => {
  try {
    parseInput(interfaceSchema, input);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error("accepted");
};

describe("interface schemas", () => {
  it("takes JSON text or a JSON value; empty text and null are none", () => {
    expect(parseInput(interfaceSchema, { name: "a", requestSchema: '{"type": "object"}', responseSchema: "" })).toMatchObject({ kind: "operation", requestSchema: { type: "object" }, responseSchema: null });
    expect(parseInput(interfaceSchema, { name: "a", method: "get", responseSchema: { type: "array", items: { $ref: "#/$defs/X" } } })).toMatchObject({ method: "GET", responseSchema: { type: "array" } });
    expect(parseInput(interfaceSchema, { kind: "schema", name: "Room", dataSchema: '{"type": "object"}' })).toMatchObject({ kind: "schema", requestSchema: { type: "object" }, responseSchema: null });
  });

  it("names a JSON syntax error by line and column", () => {
    expect(refused({ name: "a", responseSchema: '{\n  "type": "object",\n  "required": ["a",]\n}' })).toBe("Response schema is not valid JSON: line 3, column 20: unexpected ']'.");
  });

  it("refuses keywords of the wrong shape, saying where (a JSON pointer)", () => {
    expect(refused({ name: "a", requestSchema: { type: "object", properties: { plan: { type: "strin" } } } })).toBe(
      'Request schema: at /properties/plan, "type" must be one of string, number, integer, boolean, object, array, null (or a list of them).',
    );
    expect(refused({ name: "a", requestSchema: { properties: [] } })).toBe("Request schema: /properties must be an object of schemas.");
    expect(refused({ name: "a", requestSchema: { required: "a" } })).toBe('Request schema: at the top, "required" must be a list of property names.');
    expect(refused({ name: "a", requestSchema: { anyOf: [{ type: "string" }, 5] } })).toBe("Request schema: /anyOf/1 must be a schema (a JSON object), not 5.");
    // Values under enum, const, default and examples are data, not schemas.
    expect(readSchemaValue({ enum: [1, "a", null], default: { type: 5 }, examples: [{ required: 1 }] }, "X")).toEqual({ value: { enum: [1, "a", null], default: { type: 5 }, examples: [{ required: 1 }] } });
  });

  it("caps size and nesting", () => {
    expect(refused({ name: "a", requestSchema: `{"description": "${"x".repeat(200_000)}"}` })).toMatch(/^Request schema must be at most 200,000 characters of JSON/);
    let deep = "{}";
    for (let i = 0; i < 70; i++) deep = `{"items": ${deep}}`;
    expect(refused({ name: "a", requestSchema: deep })).toMatch(/^Request schema nests objects and lists more than 64 deep/);
  });

  it("keeps a data schema a schema: no method, no response, one schema", () => {
    expect(refused({ kind: "schema", name: "S", method: "GET" })).toBe("A data schema is not an endpoint; leave Method empty.");
    expect(refused({ kind: "schema", name: "S", responseSchema: { type: "object" } })).toBe("A data schema has one schema, the Data schema; leave Response schema empty.");
    expect(refused({ kind: "schema", name: "S", dataSchema: {}, requestSchema: {} })).toBe("Send the Data schema once, as dataSchema or as requestSchema.");
    expect(refused({ name: "S", dataSchema: {} })).toMatch(/^Data schema is for a data schema/);
  });

  it("an update needs the version read and changes only what it sends", () => {
    expect(parseInput(updateInterfaceSchema, { summary: "x", version: "3" })).toEqual({ summary: "x", version: 3 });
    expect(() => parseInput(updateInterfaceSchema, { summary: "x" })).toThrow(/^Version/);
  });

  it("a dependency names the other service, its kind and why", () => {
    expect(parseInput(dependencySchema, { to: " Postgres " })).toEqual({ to: "postgres", kind: "calls", description: "" });
    expect(() => parseInput(dependencySchema, { to: "" })).toThrow("Service is required.");
  });
});
