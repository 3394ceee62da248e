import { describe, expect, it } from "vitest";
import { handoffCompleteness, isSectionFilled, readSections, resolveTemplateSections } from "@/lib/handoff/completeness";
import { DEFAULT_TEMPLATE_SECTIONS, type TemplateSection } from "@/lib/validation/template";

const template: TemplateSection[] = [
  { key: "tldr", title: "TL;DR", guidance: "", required: true },
  { key: "method", title: "Method", guidance: "", required: true },
  { key: "prod_io", title: "Production: inputs and outputs", guidance: "", required: true },
  { key: "open_questions", title: "Open questions", guidance: "", required: false },
];

describe("handoffCompleteness", () => {
  it("counts written required sections and lists the missing ones in template order", () => {
    const c = handoffCompleteness({ tldr: "Short summary.", prod_io: "   ", open_questions: "Why?" }, template);
    expect(c).toMatchObject({ filled: 1, required: 3, percent: 33, optionalFilled: 1, optional: 1 });
    expect(c.missing.map((s) => s.key)).toEqual(["method", "prod_io"]);
  });

  it("is 100% when every required section is written", () => {
    const c = handoffCompleteness({ tldr: "a", method: "b", prod_io: "c" }, template);
    expect(c.percent).toBe(100);
    expect(c.missing).toEqual([]);
  });

  it("treats a template without required sections as complete", () => {
    expect(handoffCompleteness({}, [template[3]]).percent).toBe(100);
  });

  it("defaults to the built-in template and tolerates malformed JSON", () => {
    const required = DEFAULT_TEMPLATE_SECTIONS.filter((s) => s.required).length;
    expect(handoffCompleteness(null)).toMatchObject({ filled: 0, required, percent: 0 });
    expect(handoffCompleteness(["tldr"]).filled).toBe(0);
    expect(handoffCompleteness({ tldr: 42, problem: "Real text" }).filled).toBe(1);
  });
});

describe("isSectionFilled", () => {
  it.each([
    ["", false],
    ["   \n\t", false],
    ["<!-- describe the method -->", false],
    ["TODO", false],
    ["tbd.", false],
    ["TODO: measure p95 on an A10G", true],
    ["$x$", true],
    ["Text", true],
  ])("%j → %s", (text, expected) => {
    expect(isSectionFilled(text)).toBe(expected);
  });
});

describe("readSections / resolveTemplateSections", () => {
  it("keeps only string values", () => {
    expect(readSections({ a: "x", b: 1, c: null })).toEqual({ a: "x" });
    expect(readSections("nope")).toEqual({});
  });

  it("uses a valid stored template and falls back to the default otherwise", () => {
    expect(resolveTemplateSections(template)).toEqual(template);
    expect(resolveTemplateSections([{ key: "Bad Key", title: "", guidance: "", required: true }])).toBe(DEFAULT_TEMPLATE_SECTIONS);
    expect(resolveTemplateSections(undefined)).toBe(DEFAULT_TEMPLATE_SECTIONS);
  });
});
