// Every field of every schema a person or client sends names itself, when refused, by the label its
// form shows: walks each exported schema in lib/validation, sends a wrong value to each field in
// turn, and checks the sentence a form banner and an API problem `detail` would show.
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { z, ZodError } from "zod";
import { ValidationError, parseInput } from "@/lib/errors";
import { labelAt, plainIssue } from "./field-label";
import * as date from "./date";
import * as handoff from "./handoff";
import * as milestone from "./milestone";
import * as project from "./project";
import * as service from "./service";
import * as serviceInterface from "./service-interface";
import * as template from "./template";
import * as interfaceImport from "./interface-import";
import * as text from "./text";
import * as user from "./user";
import { MILESTONE_LABELS } from "./labels";

const modules = { date, handoff, interfaceImport, milestone, project, service, serviceInterface, template, text, user };
/** Schemas made per handoff template: checked with the default one. */
const builders: Record<string, () => z.ZodType> = {
  handoffContentSchemaFor: () => handoff.handoffContentSchemaFor(),
  updateHandoffSchemaFor: () => handoff.updateHandoffSchemaFor(),
  draftSchemaFor: () => handoff.draftSchemaFor(),
};
/** Read-back of stored data (never refuses: it falls back) and fields any value satisfies. */
const exempt = new Set(["storedContentSchema", "createUserSchema.isAdmin"]);

type Def = { type: string; shape?: Record<string, z.ZodType>; innerType?: z.ZodType; in?: z.ZodType; out?: z.ZodType };
/** The object a schema parses, through optional/default/pipe wrappers and refinements. */
function objectOf(schema: z.ZodType): z.ZodObject | undefined {
  const def = schema._zod.def as unknown as Def;
  if (def.type === "object") return schema as z.ZodObject;
  for (const inner of [def.innerType, def.in, def.out]) {
    const found = inner && objectOf(inner);
    if (found) return found;
  }
  return undefined;
}

/** Each leaf field's path in an object schema, nested objects (a draft's content) walked into. */
function leaves(schema: z.ZodType, prefix: string[] = []): string[][] {
  const object = objectOf(schema);
  if (!object) return [prefix];
  return Object.entries(object.shape).flatMap(([key, field]) => (objectOf(field as z.ZodType) ? leaves(field as z.ZodType, [...prefix, key]) : [[...prefix, key]]));
}

const schemas: [string, z.ZodType][] = [
  ...Object.entries(modules).flatMap(([, mod]) => Object.entries(mod).filter((e): e is [string, z.ZodType] => e[1] instanceof z.ZodType)),
  ...Object.entries(builders).map(([name, make]): [string, z.ZodType] => [name, make()]),
].filter(([name]) => !exempt.has(name));

const objectSchemas = schemas.filter(([, s]) => objectOf(s));
/** Wrong for every kind of field: not text, not a number, not a date, not a list. */
const WRONG = { not: 5 };
/**
 * A field's code name (estimateDays, content.title) or zod's own wording. Lists of allowed values
 * ("in_progress") are what an API client sends, and may appear.
 */
function codeNames(schema: z.ZodType): RegExp {
  const keys = leaves(schema).flatMap((p) => [p.join("."), ...p]).filter((k) => /[A-Z._]/.test(k));
  const escaped = [...new Set(keys)].map((k) => k.replaceAll(".", "\\."));
  return new RegExp(`\\b(${[...escaped, "Invalid input"].join("|")})\\b`);
}

describe("every schema field names itself by its visible label", () => {
  test("the walk finds the schemas", () => {
    expect(objectSchemas.map(([n]) => n)).toEqual(expect.arrayContaining(["createMilestoneSchema", "updateMilestoneStatusSchema", "serviceSchema", "templateInputSchema", "commentSchema", "createTokenSchema", "reviewersSchema", "draftSchemaFor"]));
  });

  for (const [name, schema] of objectSchemas) {
    for (const at of leaves(schema)) {
      const field = `${name}.${at.join(".")}`;
      if (exempt.has(field)) continue;
      test(field, () => {
        const label = labelAt(schema, at);
        expect(label, `${field} has no label (lib/validation/labels.ts)`).toBeTruthy();
        expect(label).not.toMatch(/^[a-z]+[A-Z]\w*$/);
        const input = at.reduceRight<unknown>((value, key) => ({ [key]: value }), WRONG);
        const result = schema.safeParse(input, { error: plainIssue });
        expect(result.success, `${field} took ${JSON.stringify(WRONG)}`).toBe(false);
        const issue = result.error!.issues.find((i) => at.every((key, n) => i.path[n] === key));
        expect(issue, `${field} was not refused`).toBeDefined();
        const message = ValidationError.fromZod(new ZodError([issue!]), schema).message;
        expect(message.startsWith(labelAt(schema, issue!.path) ?? "?"), message).toBe(true);
        expect(message, message).not.toMatch(codeNames(schema));
        expect(message).toMatch(/^[A-Za-z“"].*[.)]$/);
      });
    }
  }
});

describe("messages the milestone form shows", () => {
  const refusal = (input: unknown, schema: z.ZodType = milestone.createMilestoneSchema) => {
    try {
      parseInput(schema, input);
    } catch (error) {
      return error as ValidationError;
    }
    throw new Error("accepted");
  };

  test("a number out of range: the banner carries the label, the field's own message stays short", () => {
    const error = refusal({ key: "FLOOR-1", title: "Work", estimateDays: -1 });
    expect(error.message).toBe(`${MILESTONE_LABELS.estimateDays} must be 0 or more.`);
    expect(error.fieldErrors.estimateDays).toEqual(["must be 0 or more"]);
  });

  test("a cross-field rule names the field it sits under", () => {
    expect(refusal({ key: "FLOOR-1", title: "Work", startDate: "2027-03-10", dueDate: "2027-03-01" }).message).toBe("Due date must be on or after the start date.");
    expect(refusal({ status: "blocked", health: "on_track", version: 1 }, milestone.updateMilestoneStatusSchema).message).toBe("Note must say what blocks this milestone.");
  });

  test("zod's own wording never reaches a person", () => {
    expect(refusal({ key: "FLOOR-1", title: "Work", estimateDays: "soon" }).message).toBe("Estimate (days) must be a number.");
    expect(refusal({ title: "Work" }).message).toBe("Key is required.");
    expect(refusal({ key: "FLOOR-1", title: "Work", version: 0 }, milestone.updateMilestoneSchema).message).toBe("Version must be 1 or more.");
  });
});

describe("hand-thrown refusals in lib/data", () => {
  test("no message starts with a field's code name", () => {
    const dir = path.join(process.cwd(), "lib/data");
    const offenders = readdirSync(dir)
      .filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"))
      .flatMap((f) => [...readFileSync(path.join(dir, f), "utf8").matchAll(/new ValidationError\(\s*[`"']([a-z][A-Za-z.]*:)/g)].map((m) => `${f}: ${m[1]}`));
    expect(offenders).toEqual([]);
  });
});

describe("forms show the schema's labels", () => {
  /** Every .tsx file under app/ and components/. */
  const sources = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(path.join(dir, e.name)) : e.name.endsWith(".tsx") ? [path.join(dir, e.name)] : []));

  test("every <FormField> takes its label from lib/validation/labels.ts, under the same key as its name", () => {
    const fields = ["app", "components"].flatMap((d) => sources(path.join(process.cwd(), d))).flatMap((file) =>
      [...readFileSync(file, "utf8").matchAll(/<FormField\s+name="(\w+)"\s+label=(\{[^}]*\}|"[^"]*")/g)].map((m) => ({ file: path.relative(process.cwd(), file), name: m[1], label: m[2] })),
    );
    expect(fields.length).toBeGreaterThan(30);
    const wrong = fields.filter((f) => !new RegExp(`^\\{[A-Z_]+_LABELS\\.${f.name}\\}$`).test(f.label));
    expect(wrong).toEqual([]);
  });
});
