import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { readInterfaces } from "./openapi";
import { ImportFileError } from "./yaml";
import { LIMITS } from "@/lib/validation/limits";

const fixture = (name: string) => readFileSync(path.join(process.cwd(), "tests", "fixtures", name), "utf8");

async function refusal(text: string, filename = "spec.yaml"): Promise<ImportFileError> {
  try {
    await readInterfaces(text, { filename });
  } catch (error) {
    expect(error).toBeInstanceOf(ImportFileError);
    return error as ImportFileError;
  }
  throw new Error("expected the file to be refused");
}

const head = (version = "3.0.3") => `openapi: ${version}\ninfo: {title: T, version: "1"}\n`;
const okResponse = (schema: string) => `      responses:\n        "200":\n          description: ok\n          content:\n            application/json:\n              schema: ${schema}\n`;

describe("readInterfaces: the real specs", () => {
  it("reads petstore's three operations with their schemas resolved", async () => {
    const doc = await readInterfaces(fixture("real/openapi-petstore.yaml"), { filename: "openapi-petstore.yaml" });
    expect(doc.format).toBe("OpenAPI 3.0");
    expect(doc.interfaces.map((i) => [i.name, i.method, i.path, i.summary])).toEqual([
      ["listPets", "GET", "/pets", "List all pets"],
      ["createPets", "POST", "/pets", "Create a pet"],
      ["showPetById", "GET", "/pets/{petId}", "Info for a specific pet"],
    ]);
    const list = doc.interfaces[0].responseSchema!;
    expect(list).toMatchObject({ type: "array", items: { $ref: "#/$defs/Pet" } });
    expect(list.$defs).toEqual({ Pet: { required: ["id", "name"], properties: { id: { type: "integer", format: "int64" }, name: { type: "string" }, tag: { type: "string" } } } });
    // createPets answers 201 with no body: no response schema; its request body is not JSON-described.
    expect(doc.interfaces[1].responseSchema).toBeNull();
  });

  it("reads kserve's six operations; the recursive tensor_data stays recursive by reference", async () => {
    const doc = await readInterfaces(fixture("real/openapi-kserve-predict-v2.yaml"), { filename: "kserve.yaml" });
    expect(doc.interfaces).toHaveLength(6);
    const infer = doc.interfaces.find((i) => i.method === "POST")!;
    expect(infer.path).toBe("/v2/models/${MODEL_NAME}/versions/${MODEL_VERSION}/infer");
    const defs = infer.requestSchema!.$defs as Record<string, { items: { anyOf: unknown[] } }>;
    expect(defs.tensor_data.items.anyOf[0]).toEqual({ $ref: "#/$defs/tensor_data" });
    expect(defs.request_input).toBeDefined();
    // Plain JSON: no cycles, no $ref outside the schema.
    const text = JSON.stringify(infer.requestSchema);
    expect(text).not.toContain("#/components/");
    expect(JSON.stringify(infer.responseSchema)).toContain('"$ref":"#/$defs/tensor_data"');
  });

  it("reads a Pydantic-style JSON Schema as one schema interface named by its title", async () => {
    const doc = await readInterfaces(fixture("openapi/floor-plan-request.schema.json"), { filename: "floor-plan-request.schema.json" });
    expect(doc.format).toBe("JSON Schema");
    expect(doc.interfaces).toHaveLength(1);
    const [schema] = doc.interfaces;
    expect(schema).toMatchObject({ name: "FloorPlanRequest", kind: "schema", method: "", path: "", responseSchema: null });
    expect(schema.summary).toBe("A bubble diagram: the rooms a floor plan must have and the doors between them.");
    expect(Object.keys(schema.requestSchema!.$defs as object).sort()).toEqual(["Door", "Room", "RoomType"]);
    expect(JSON.stringify(schema.requestSchema)).toContain('"items":{"$ref":"#/$defs/Room"}');
  });

  it("names an untitled JSON Schema after its file, and reads OpenAPI 3.1 written as JSON", async () => {
    const untitled = await readInterfaces('{"type": "object", "properties": {"a": {"type": "string"}}}', { filename: "thing.json" });
    expect(untitled.interfaces[0].name).toBe("thing");
    const json = JSON.stringify({
      openapi: "3.1.0",
      info: { title: "J", version: "1" },
      paths: { "/x": { post: { summary: "Make", requestBody: { content: { "text/plain": { schema: { type: "string" } }, "application/vnd.api+json": { schema: { type: "integer" } } } }, responses: { "204": { description: "none" }, "201": { description: "made", content: { "application/json": { schema: { type: ["string", "null"] } } } } } } } },
    });
    const [op] = (await readInterfaces(json, { filename: "j.json" })).interfaces;
    expect(op).toMatchObject({ name: "POST /x", method: "POST", summary: "Make", requestSchema: { type: "integer" }, responseSchema: { type: ["string", "null"] } });
  });
});

describe("readInterfaces: $refs the parser resolves", () => {
  it("follows path items, request bodies and responses by $ref, and never fetches a schema's $id or $schema", async () => {
    const fetchSpy = vi.spyOn(globalThis, "fetch");
    const text = `${head("3.1.0")}paths:
  /a: {$ref: "#/components/pathItems/P"}
  /b:
    post:
      operationId: make
      requestBody: {$ref: "#/components/requestBodies/R"}
      responses: {"201": {$ref: "#/components/responses/Made"}}
components:
  pathItems:
    P:
      get:
        operationId: viaPathItem
        responses: {"200": {description: ok, content: {application/json: {schema: {$ref: "#/components/schemas/B"}}}}}
  requestBodies:
    R: {content: {application/json: {schema: {$ref: "#/components/schemas/B"}}}}
  responses:
    Made: {description: made, content: {application/json: {schema: {type: array, items: {$ref: "#/components/schemas/B"}}}}}
  schemas:
    B: {$schema: "http://169.254.169.254/schema", $id: "http://169.254.169.254/b", type: object, properties: {n: {type: string}}}
`;
    const [viaPathItem, make] = (await readInterfaces(text, { filename: "r.yaml" })).interfaces;
    expect(viaPathItem).toMatchObject({ name: "viaPathItem", method: "GET", path: "/a" });
    expect(viaPathItem.responseSchema).toMatchObject({ type: "object", properties: { n: { type: "string" } } });
    expect(make.requestSchema).toMatchObject({ type: "object" });
    expect(make.responseSchema).toMatchObject({ type: "array", items: { $ref: "#/$defs/B" } });
    expect(fetchSpy).not.toHaveBeenCalled();
    fetchSpy.mockRestore();
  });
});

describe("readInterfaces: refusals", () => {
  it("a file with thousands of mistakes is refused at the first, with its line and column, in linear time", async () => {
    // One schema with 4,000 properties each {bad: 1}: the parser's validate() collected 12,000 errors
    // and formatted each against the whole document (22 s); 22,500 keys in one map took minutes in the
    // YAML parser's duplicate-key check. Timings are printed, not asserted.
    for (const count of [4_000, 22_500]) {
      const props = Array.from({ length: count }, (_, k) => `f${k}: {bad: 1}`).join(",");
      const text = `${head()}paths:\n  /p:\n    post:\n      operationId: op\n      requestBody:\n        content:\n          application/json:\n            schema: {type: object, properties: {${props}}}\n      responses:\n        "200": {description: ok}\n`;
      const started = Date.now();
      const error = await refusal(text);
      console.log(`${count} errors (${Math.round(text.length / 1024)} KB): refused in ${Date.now() - started} ms`);
      expect(error.position).toEqual({ line: 10, column: 59 });
      expect(error.message).toBe("spec.yaml, line 10, column 59: paths › /p › post › requestBody › content › application/json › schema › properties › f0: bad is not expected to be here (must NOT have additional properties).");
    }
  });

  it.each([
    ["/etc/passwd", "a file"],
    ["./other.yaml", "a file"],
    ["http://169.254.169.254/latest/meta-data/", "a URL"],
    ["https://example.com/schemas.yaml#/Pet", "a URL"],
    ["file:///etc/passwd", "a URL"],
  ])("refuses $ref %s without reading or fetching it", async (ref, kind) => {
    const fetchSpy = vi.spyOn(globalThis, "fetch");
    const error = await refusal(`${head()}paths:\n  /a:\n    get:\n${okResponse(`{$ref: "${ref}"}`)}`);
    expect(error.message).toContain(`$ref "${ref}" points to ${kind} outside this document`);
    expect(error.position).toEqual({ line: 11, column: 30 }); // the $ref's value
    expect(fetchSpy).not.toHaveBeenCalled();
    fetchSpy.mockRestore();
  });

  it("refuses Swagger 2.0, other OpenAPI versions and documents of another kind", async () => {
    expect((await refusal('swagger: "2.0"\ninfo: {title: x, version: "1"}\npaths: {}\n')).message).toBe(
      "spec.yaml, line 1, column 10: Swagger 2.0 is not supported; convert to OpenAPI 3 (for example with swagger2openapi, or the converter at editor.swagger.io) and import that.",
    );
    expect((await refusal("openapi: 4.0.0\ninfo: {title: x, version: '1'}\npaths: {}\n")).message).toContain('openapi is "4.0.0"; OpenAPI 3.0.x and 3.1.x can be imported.');
    const compose = await refusal("services:\n  api:\n    image: x\n", "compose.yaml");
    expect(compose.message).toBe("compose.yaml, line 2, column 3: the file is not an OpenAPI document (no openapi key) nor a JSON Schema: it has the key services, which neither has at its top level.");
    expect((await refusal("- a\n- b\n")).message).toContain("its top level must be a map");
  });

  it("names what the validator found, with the line and column in the file", async () => {
    const extra = await refusal(`${head()}paths:\n  /a:\n    get:\n      responsesx: 1\n      responses:\n        "200":\n          description: ok\n`);
    expect(extra.message).toBe("spec.yaml, line 6, column 19: paths › /a › get: responsesx is not expected to be here (must NOT have additional properties).");
    const type = await refusal(`${head()}paths:\n  /a:\n    get:\n      responses:\n        "200":\n          description: 5\n`);
    expect(type.position).toEqual({ line: 8, column: 24 });
    expect(type.detail).toContain("description: type must be string");
    const missing = await refusal(`${head()}paths:\n  /a:\n    get:\n${okResponse('{$ref: "#/components/schemas/Nope"}')}`);
    expect(missing.message).toBe('spec.yaml, line 11, column 30: $ref "#/components/schemas/Nope" points to nothing in this file.');
  });

  it("follows a $ref only through the file's own keys: Object.prototype's names point to nothing", async () => {
    for (const ref of ["#/constructor/prototype", "#/__proto__", "#/components/constructor/prototype", "#/constructor", "#/toString", "#/components/schemas/constructor", "#/paths/length"]) {
      const error = await refusal(`${head()}paths:\n  /a:\n    get:\n${okResponse(`{$ref: "${ref}"}`)}components:\n  schemas:\n    Pet: {type: object}\n`);
      expect(error.message).toBe(`spec.yaml, line 11, column 30: $ref "${ref}" points to nothing in this file.`);
    }
  });

  it("applies the interface form's rules to each name, method, path and summary, naming the operation, line and column", async () => {
    const op = (operationId: string, route = "/a", method = "get") => `${head()}paths:\n  ${JSON.stringify(route)}:\n    ${method}:\n      operationId: ${JSON.stringify(operationId)}\n      responses:\n        "200": {description: ok}\n`;
    const rlo = await refusal(op("listRooms\u202Egpj.exe"));
    expect(rlo.message).toBe('spec.yaml, line 6, column 20: the operation "GET /a": Name contains an invisible text-direction control character (U+202E), which can make it read differently from what it says. Remove it.');
    const isolate = await refusal(op("list\u2066Rooms"));
    expect(isolate.detail).toContain("(U+2066)");
    expect(isolate.position).toEqual({ line: 6, column: 20 });
    const lineBreak = await refusal(op("list\nRooms"));
    expect(lineBreak.message).toBe('spec.yaml, line 6, column 20: the operation "GET /a": Name must be on one line: remove the line break.');
    const route = await refusal(op("listRooms", "/rooms\u202E/x"));
    expect(route.message).toBe('spec.yaml, line 5, column 5: the operation "GET /rooms\\u202e/x": Path contains an invisible text-direction control character (U+202E), which can make it read differently from what it says. Remove it.');
    const trace = await refusal(op("traceRooms", "/a", "trace"));
    expect(trace.position).toEqual({ line: 6, column: 7 });
    expect(trace.detail).toContain("Method must be one of GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS");
    // A JSON Schema's title names its interface: the same rules.
    const title = await refusal(JSON.stringify({ title: "Room\u202Egpj.exe\nX", type: "object" }, null, 2), "room.schema.json");
    expect(title.message).toBe('room.schema.json, line 2, column 12: the schema "Room\\u202egpj.exe\\nX": Name must be on one line: remove the line break.');
  });

  it("refuses unknown top-level keys of an OpenAPI document (x-… extensions are allowed)", async () => {
    const error = await refusal(`${head()}paths: {}\nservices: {api: {image: x}}\nx-team: layouts\n`);
    expect(error.message).toBe("spec.yaml, line 4, column 11: services is not expected to be here (must NOT have additional properties).");
    await expect(readInterfaces(`${head()}paths: {}\nx-team: layouts\n`, { filename: "x.yaml" })).resolves.toMatchObject({ interfaces: [] });
  });

  it("refuses circular $refs that name no schema: a schema that is only a ref to itself, and a → b → a", async () => {
    const self = await refusal(`${head()}paths: {}\ncomponents:\n  schemas:\n    A:\n      $ref: "#/components/schemas/A"\n`);
    expect(self.message).toBe('spec.yaml, line 7, column 13: $ref "#/components/schemas/A" only refers to other $refs that come back to it (A → A), so it names no schema.');
    const pair = await refusal(`${head("3.1.0")}paths: {}\ncomponents:\n  schemas:\n    A:\n      $ref: "#/components/schemas/B"\n    B:\n      $ref: "#/components/schemas/A"\n`);
    expect(pair.detail).toMatch(/only refers to other \$refs that come back to it/);
  });

  it("keeps schemas that use each other (a → b → a through properties) as references", async () => {
    const text = `${head()}paths:\n  /a:\n    get:\n${okResponse('{$ref: "#/components/schemas/A"}')}components:\n  schemas:\n    A:\n      type: object\n      properties:\n        b: {$ref: "#/components/schemas/B"}\n    B:\n      type: object\n      properties:\n        a: {$ref: "#/components/schemas/A"}\n`;
    const [op] = (await readInterfaces(text, { filename: "s.yaml" })).interfaces;
    expect(op.responseSchema).toEqual({
      $ref: "#/$defs/A",
      $defs: { A: { type: "object", properties: { b: { $ref: "#/$defs/B" } } }, B: { type: "object", properties: { a: { $ref: "#/$defs/A" } } } },
    });
  });

  it("refuses a reference bomb before the validator walks it, in bounded time", async () => {
    const schemas = Array.from({ length: 40 }, (_, i) => `    A${i}:\n      type: object\n      properties:\n        a: {$ref: "#/components/schemas/A${i + 1}"}\n        b: {$ref: "#/components/schemas/A${i + 1}"}\n`).join("");
    const text = `${head()}paths:\n  /a:\n    get:\n${okResponse('{$ref: "#/components/schemas/A0"}')}components:\n  schemas:\n${schemas}    A40: {type: string}\n`;
    const error = await refusal(text);
    expect(error.detail).toContain("with every $ref written out, the document would hold more than 300,000 values");
  });

  it("caps the named schemas one stored schema carries", async () => {
    const n = LIMITS.openapi.defs + 5;
    const properties = Array.from({ length: n }, (_, i) => `        p${i}: {$ref: "#/components/schemas/L${i}"}\n`).join("");
    const leaves = Array.from({ length: n }, (_, i) => `    L${i}: {type: string}\n`).join("");
    const text = `${head()}paths:\n  /a:\n    get:\n${okResponse('{$ref: "#/components/schemas/Wide"}')}components:\n  schemas:\n    Wide:\n      type: object\n      properties:\n${properties}${leaves}`;
    const error = await refusal(text);
    expect(error.detail).toBe(`the schema of GET /a uses more than ${LIMITS.openapi.defs} named schemas; a stored schema may use at most ${LIMITS.openapi.defs} named schemas and be 200,000 characters.`);
    expect(error.position).toEqual({ line: 7, column: 9 });
  });

  it("refuses more operations than the cap, and two operations with one name", async () => {
    const many = Array.from({ length: LIMITS.openapi.operations + 1 }, (_, i) => `  /p${i}:\n    get:\n      responses: {"200": {description: ok}}\n`).join("");
    expect((await refusal(`${head()}paths:\n${many}`)).detail).toBe("the file has 501 operations; at most 500 can be imported at once. Split it by tag or path.");
    const clash = `${head()}paths:\n  /a:\n    get:\n      operationId: GET /b\n      responses: {"200": {description: ok}}\n  /b:\n    get:\n      responses: {"200": {description: ok}}\n`;
    expect((await refusal(clash)).detail).toContain("two operations are named GET /b");
  });

  it("refuses hostile YAML through readYaml: an alias bomb, deep nesting, a file over the size cap", async () => {
    const bomb = `${head()}x-a: &a [1, 2, 3, 4, 5, 6, 7, 8, 9]\nx-b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nx-c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nx-d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\nx-e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]\nx-f: [*e, *e, *e, *e, *e, *e, *e, *e, *e]\npaths: {}\n`;
    expect((await refusal(bomb)).detail).toMatch(/alias bomb|expands to more than/);
    const deep = `${head()}paths: {}\nx-deep: ${"[".repeat(200)}${"]".repeat(200)}\n`;
    expect((await refusal(deep)).detail).toContain("nested more than 64 deep");
    const big = `${head()}paths: {}\nx-pad: "${"a".repeat(1_000_001)}"\n`;
    expect((await refusal(big)).detail).toMatch(/^the file is 1\.0 MB; the limit is 1\.0 MB\./);
  });

  it("refuses a JSON Schema whose $refs leave its $defs", async () => {
    const error = await refusal('{"title": "T", "type": "object", "properties": {"a": {"$ref": "#/properties/b"}, "b": {"type": "string"}}}', "t.json");
    expect(error.message).toContain('$ref "#/properties/b" points inside another schema');
    expect(error.position).toEqual({ line: 1, column: 63 });
  });
});
