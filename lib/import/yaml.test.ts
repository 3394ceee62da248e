// The limits every YAML import shares, against the pathological inputs that motivated them. Each
// must be refused quickly with a message naming the file (and the place, where there is one).
import { describe, expect, it } from "vitest";
import { ImportFileError, YAML_LIMITS, readYaml, scanNesting } from "./yaml";

const refuse = (text: string) => {
  try {
    readYaml(text, { filename: "compose.yaml" });
  } catch (error) {
    expect(error).toBeInstanceOf(ImportFileError);
    return (error as ImportFileError).message;
  }
  throw new Error("expected the file to be refused");
};

describe("readYaml", () => {
  it("reads anchors, merge keys and JSON, and says where a value starts", () => {
    const file = readYaml("x: &base {image: nginx}\nservices:\n  web:\n    <<: *base\n    ports: [80]\n", { filename: "c.yaml" });
    expect(file.value).toEqual({ x: { image: "nginx" }, services: { web: { image: "nginx", ports: [80] } } });
    expect(file.positionOf(["services", "web", "ports"])).toEqual({ line: 5, column: 12 });
    expect(file.positionOf(["services", "nope"])).toBeUndefined();
    expect(readYaml('{"a": [1, 2]}', { filename: "a.json" }).value).toEqual({ a: [1, 2] });
  });

  it("refuses a line of nested block indicators before the parser sees it (it would abort the process)", () => {
    expect(refuse("- ".repeat(50_000) + "x")).toMatch(/^compose\.yaml, line 1, column 1: a line is indented or nested more than \d+ columns deep/);
    expect(refuse("? ".repeat(1_000) + "x")).toMatch(/nested more than/);
    expect(refuse("a:\n" + " ".repeat(500) + "b: 1\n")).toMatch(/line 2, column 1/);
  });

  it("refuses deep flow nesting with its place", () => {
    expect(refuse("[".repeat(100_000) + "]".repeat(100_000))).toMatch(/line 1, column 65: collections are nested more than 64 deep/);
    expect(refuse('a: "[[[[["\nb: ' + "{a: ".repeat(70) + "1" + "}".repeat(70))).toMatch(/line 2/);
  });

  it("does not count brackets inside quotes or comments", () => {
    expect(scanNesting(`a: "${"[".repeat(200)}"\n# ${"{".repeat(200)}\nb: '${"[".repeat(200)}'\n`, 120, 64)).toBeNull();
  });

  it("refuses an alias bomb", () => {
    const levels = ["a: &a [x,x,x,x,x,x,x,x,x]"];
    for (const [prev, next] of [["a", "b"], ["b", "c"], ["c", "d"], ["d", "e"], ["e", "f"], ["f", "g"]]) levels.push(`${next}: &${next} [${Array(9).fill(`*${prev}`).join(",")}]`);
    expect(refuse(levels.join("\n"))).toMatch(/aliases \(\*name\) expand too far/);
  });

  it("refuses files over the size cap before parsing", () => {
    expect(refuse("a: " + "x".repeat(YAML_LIMITS.maxBytes))).toMatch(/the file is 1\.0 MB; the limit is 1\.0 MB|the limit is/);
  });

  it("refuses duplicate keys and syntax errors with line and column", () => {
    expect(refuse("services:\n  api: {}\n  api: {}\n")).toBe("compose.yaml, line 3, column 3: the key api appears twice in the same map; each key may appear once.");
    expect(refuse("services:\n  a: [1, 2\n  b: 3\n")).toMatch(/^compose\.yaml, line \d+, column \d+: /);
    expect(refuse("  \n")).toBe("compose.yaml: the file is empty.");
  });

  it("refuses a document that expands past the node cap", () => {
    const big = Array.from({ length: 2_000 }, (_, i) => `k${i}: [${Array(10).fill(1).join(",")}]`).join("\n");
    expect(() => readYaml(big, { filename: "x.yaml", maxNodes: 10_000 })).toThrow(/expands to more than 10,000 values/);
  });
});
