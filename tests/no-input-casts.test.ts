// Issue 8: a route or action hands what the client sent to lib/data as it is, and the data
// function parses it with zod. A cast on the way (`(await readJson(request)) as CreateProjectInput`,
// `formValues(form) as { … }`) claims a shape nobody checked, so none is allowed. Read from the
// source (parsed, not type-checked), so a new route, action or data function is covered without a
// list kept by hand:
// - route handlers under app/api/v1 and server actions ("use server" files) have no `as` at all
//   (`as const` aside): each value there came from the client, or from the data layer;
// - nowhere under app/ is what reading a request returns cast (readJson, formValues, field, …);
// - an exported function of lib/data takes a caller-supplied object as `unknown`, never as a
//   `…Input` type or a typed `input`, so the type of what a route passes cannot matter.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "..");

function filesUnder(dir: string, keep: (file: string) => boolean): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(path.join(root, dir), { withFileTypes: true })) {
    const rel = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...filesUnder(rel, keep));
    else if (keep(rel)) out.push(rel);
  }
  return out.sort();
}

const parse = (file: string) => ts.createSourceFile(file, readFileSync(path.join(root, file), "utf8"), ts.ScriptTarget.Latest, true, file.endsWith(".tsx") ? ts.ScriptKind.TSX : ts.ScriptKind.TS);

function visit(node: ts.Node, fn: (node: ts.Node) => void) {
  fn(node);
  node.forEachChild((child) => visit(child, fn));
}

const where = (source: ts.SourceFile, node: ts.Node) => `${source.fileName}:${source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1}: ${node.getText(source).replace(/\s+/g, " ").slice(0, 140)}`;

/** Every `x as T` and `<T>x` in a file, except `as const`. */
function casts(source: ts.SourceFile): (ts.AsExpression | ts.TypeAssertion)[] {
  const found: (ts.AsExpression | ts.TypeAssertion)[] = [];
  visit(source, (node) => {
    if (!ts.isAsExpression(node) && !ts.isTypeAssertionExpression(node)) return;
    if (ts.isTypeReferenceNode(node.type) && node.type.getText(source) === "const") return;
    found.push(node);
  });
  return found;
}

const isServerActions = (source: ts.SourceFile) => {
  const first = source.statements[0];
  return Boolean(first && ts.isExpressionStatement(first) && ts.isStringLiteral(first.expression) && first.expression.text === "use server");
};

/** What reading a request gives: the JSON body, the form, one field of it. */
const REQUEST_READERS = new Set(["readJson", "readForm", "formValues", "field", "optionalField", "fieldList", "parse", "json", "formData", "get", "getAll"]);

function readsRequest(expression: ts.Expression): boolean {
  let e = expression;
  while (ts.isParenthesizedExpression(e) || ts.isAwaitExpression(e) || ts.isNonNullExpression(e) || ts.isAsExpression(e)) e = e.expression;
  if (!ts.isCallExpression(e)) return false;
  const callee = e.expression;
  const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : "";
  return REQUEST_READERS.has(name);
}

describe("no cast on what the client sent", () => {
  const appFiles = filesUnder("app", (f) => /\.tsx?$/.test(f)).map(parse);
  const boundaries = appFiles.filter((s) => (s.fileName.startsWith(path.join("app", "api", "v1")) && s.fileName.endsWith("route.ts")) || isServerActions(s));

  it("finds the routes and the server actions", () => {
    expect(boundaries.filter((s) => s.fileName.endsWith("route.ts")).length).toBeGreaterThan(10);
    expect(boundaries.filter(isServerActions).length).toBeGreaterThan(10);
  });

  it("route handlers under app/api/v1 and server actions cast nothing", () => {
    expect(boundaries.flatMap((s) => casts(s).map((c) => where(s, c)))).toEqual([]);
  });

  it("nothing under app/ casts what it read from a request", () => {
    expect(appFiles.flatMap((s) => casts(s).filter((c) => readsRequest(c.expression)).map((c) => where(s, c)))).toEqual([]);
  });

  it("lib/data functions take a caller-supplied object as unknown", () => {
    const problems: string[] = [];
    for (const source of filesUnder("lib/data", (f) => f.endsWith(".ts") && !f.endsWith(".test.ts")).map(parse)) {
      visit(source, (node) => {
        const exported = (n: ts.Node) => ts.canHaveModifiers(n) && ts.getModifiers(n)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
        const isExportedFunction =
          (ts.isFunctionDeclaration(node) && exported(node)) ||
          ((ts.isArrowFunction(node) || ts.isFunctionExpression(node)) && ts.isVariableDeclaration(node.parent) && exported(node.parent.parent.parent));
        if (!isExportedFunction) return;
        for (const param of (node as ts.SignatureDeclarationBase).parameters) {
          const type = param.type;
          const name = param.name.getText(source);
          const inputType = type && ts.isTypeReferenceNode(type) && /Input$/.test(type.typeName.getText(source));
          const typedInput = ["input", "query", "body"].includes(name) && type?.kind !== ts.SyntaxKind.UnknownKeyword;
          if (inputType || typedInput) problems.push(where(source, param));
        }
      });
    }
    expect(problems).toEqual([]);
  });
});
