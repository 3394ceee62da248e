import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ValidationError, parseInput } from "@/lib/errors";
import { LIMITS, REFUSED_PREFIX, formatBytes, formatBytesOver, tooLargeForFormMessage } from "./limits";
import { renderLimitsMarkdown } from "./limits-doc";
import { createMilestoneSchema } from "./milestone";
import { serviceSchema } from "./service";
import { commentSchema, handoffContentSchemaFor } from "./handoff";
import { idSchema, isLookupKey, storableCopy, text, unstorable } from "./text";

const refusal = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return error as ValidationError;
  }
  throw new Error("expected a refusal");
};

describe("limits", () => {
  it("are what docs/limits.md says (run npm run docs:limits after changing them)", () => {
    expect(readFileSync(path.join(process.cwd(), "docs", "limits.md"), "utf8")).toBe(renderLimitsMarkdown());
  });

  it("name the field by its visible label, with the limit and the length sent", () => {
    const criteria = refusal(() => parseInput(createMilestoneSchema, { key: "FLOOR-1", title: "Work", acceptanceCriteria: "x".repeat(23_412) }));
    expect(criteria.message).toBe("Acceptance criteria must be at most 20,000 characters (this has 23,412).");
    expect(criteria.fieldErrors.acceptanceCriteria).toEqual([criteria.message]);
    expect(refusal(() => parseInput(serviceSchema, { name: "svc", layer: "api", description: "y".repeat(LIMITS.service.description + 1) })).message).toBe(
      "Description must be at most 20,000 characters (this has 20,001).",
    );
    expect(refusal(() => parseInput(commentSchema, { sectionKey: "tldr", body: "   " })).message).toBe("Comment is required.");
    const sections = handoffContentSchemaFor({ title: (k) => (k === "method" ? "Method" : k), allowed: new Set(["method"]) });
    expect(refusal(() => parseInput(sections, { title: "A paper", sections: { method: "z".repeat(100_001) } })).message).toBe(
      "Method must be at most 100,000 characters (this has 100,001).",
    );
    // Fields that are not text keep their code name until they get labels of their own.
    expect(refusal(() => parseInput(createMilestoneSchema, { key: "nope", title: "Work" })).message).toBe("Key must look like FLOOR-12.");
  });

  it("refuse NUL and unpaired surrogates in every text field, and ids that cannot exist", () => {
    const field = text("Venue", { max: 10 });
    expect(refusal(() => parseInput(field, "ab\u0000c")).message).toBe("Venue contains a NUL character (U+0000), which cannot be stored. Remove it and try again.");
    expect(refusal(() => parseInput(field, "ab\ud800c")).message).toMatch(/^Venue contains a broken character \(an unpaired UTF-16 surrogate\)/);
    expect(parseInput(field, "😀 ok")).toBe("😀 ok");
    expect(unstorable("a\udc00")).not.toBeNull();
    expect(storableCopy("a\u0000b\ud800")).toBe("a\ufffdb\ufffd");
    expect(isLookupKey("cmabc123")).toBe(true);
    expect(isLookupKey("cm\u0000abc")).toBe(false);
    expect(isLookupKey("x".repeat(65))).toBe(false);
    expect(refusal(() => parseInput(idSchema("Owner"), "u\u0000")).message).toBe("Owner is not a valid id.");
  });

  it("say what a form that was too large to send should show", () => {
    expect(formatBytes(12 * 1024 * 1024)).toBe("12 MB");
    expect(formatBytes(11_429_478)).toBe("10.9 MB");
    expect(formatBytesOver(10 * 1024 * 1024 + 1000, 10 * 1024 * 1024)).toBe("just over 10 MB");
    const message = tooLargeForFormMessage(12 * 1024 * 1024);
    expect(message.startsWith(REFUSED_PREFIX)).toBe(true);
    expect(message.slice(REFUSED_PREFIX.length)).toBe("This upload is 12 MB; a form can send at most 11 MB, and a file can be at most 10 MB. Nothing was stored.");
  });
});
