import { describe, expect, it } from "vitest";
import { schemaDifferences } from "./schema-diff";

describe("schemaDifferences", () => {
  it("names each changed, added and removed place by its path", () => {
    const before = { type: "object", required: ["a"], properties: { a: { type: "integer", maximum: 1000 }, b: { type: "string" } } };
    const after = { type: "object", required: ["a", "c"], properties: { a: { type: "integer", maximum: 2000 }, c: { type: "boolean" } } };
    expect(schemaDifferences(before, after)).toEqual({
      differences: [
        { path: "required", from: '["a"]', to: '["a","c"]' },
        { path: "properties › a › maximum", from: "1000", to: "2000" },
        { path: "properties › b", from: '{"type":"string"}', to: "(none)" },
        { path: "properties › c", from: "(none)", to: '{"type":"boolean"}' },
      ],
      more: false,
    });
  });

  it("stops at the cap and says there is more; a schema added as a whole is one difference", () => {
    const many = Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`p${i}`, i]));
    expect(schemaDifferences({}, many, 5)).toMatchObject({ more: true, differences: { length: 5 } });
    expect(schemaDifferences(null, { type: "string" }).differences).toEqual([{ path: "(the whole schema)", from: "null", to: '{"type":"string"}' }]);
  });
});
