import { describe, expect, it } from "vitest";
import { notOneLine, text, withoutBidiControls } from "./text";

describe("single-line text", () => {
  const title = text("Title", { max: 100, trim: true, singleLine: true });

  it("refuses every kind of line break and every bidi control, naming the label", () => {
    for (const br of ["\n", "\r", "\v", "\f", "\u0085", "\u2028", "\u2029"]) {
      expect(title.safeParse(`a${br}b`).error?.issues[0].message).toBe("Title must be on one line: remove the line break.");
    }
    for (const code of [0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069]) {
      const hex = code.toString(16).toUpperCase();
      expect(title.safeParse(`a${String.fromCodePoint(code)}b`).error?.issues[0].message).toBe(
        `Title contains an invisible text-direction control character (U+${hex}), which can make it read differently from what it says. Remove it.`,
      );
    }
  });

  it("takes ordinary text, right-to-left scripts and trims surrounding whitespace", () => {
    expect(title.parse("  שלום world \n")).toBe("שלום world");
    expect(notOneLine("Tab\tis fine")).toBeNull();
  });

  it("multi-line fields are unaffected", () => {
    expect(text("Description", { max: 100 }).parse("a\nb\u202Ec")).toBe("a\nb\u202Ec");
  });

  it("withoutBidiControls strips them all", () => {
    expect(withoutBidiControls("in\u202Avo\u202Eice\u2066gpj\u2069.exe")).toBe("invoicegpj.exe");
  });
});
