// Every hot read in the source (ADR 0002, ADR 0003), found by reading the code rather than by a
// list kept by hand: each tagged template whose tag is `read` imported from lib/db/client, in
// lib/ and app/. For each one: where it is, its SQL exactly as the tag receives it, and the row
// type it declares (`read<Row>`), resolved without the type checker (too slow for a test):
// a type literal, an alias in the same file, an intersection of those, or a Prisma model by name,
// whose columns come from prisma/schema.prisma. A row type written any other way, or `read` used
// other than as a tag, is reported as a problem, so no statement escapes the hot-read tests.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";

/** What a column's declared type lets through: checked against every value a statement returns. */
export type ColumnKind = "string" | "number" | "boolean" | "Date" | "bytes" | "any" | { enum: string; values: readonly string[] };
export type Column = { name: string; nullable: boolean; kind: ColumnKind };

export type HotRead = {
  /** `file function #n`: n counts the statements of that function in source order. */
  key: string;
  file: string;
  /** The template's literal parts (cooked), as a tagged template passes them. */
  strings: readonly string[];
  /** The interpolated expressions as written, for messages. */
  params: readonly string[];
  /** The SQL with `?` for each parameter, whitespace collapsed, for messages. */
  sql: string;
  columns: readonly Column[];
};

type Schema = { models: Map<string, Column[]>; enums: Map<string, string[]> };

const SCALARS: Record<string, ColumnKind> = { String: "string", Int: "number", Float: "number", BigInt: "number", Boolean: "boolean", DateTime: "Date", Json: "any", Bytes: "bytes" };

/** Models (scalar fields only, as Prisma's model types have them) and enums of schema.prisma. */
export function readSchema(file: string): Schema {
  const text = readFileSync(file, "utf8").replace(/\/\/.*$/gm, "");
  const enums = new Map<string, string[]>();
  for (const [, name, body] of text.matchAll(/^enum\s+(\w+)\s*\{([^}]*)\}/gm)) {
    enums.set(name, body.split("\n").map((l) => l.trim()).filter((l) => /^\w+$/.test(l)));
  }
  const models = new Map<string, Column[]>();
  for (const [, name, body] of text.matchAll(/^model\s+(\w+)\s*\{([^}]*)\}/gm)) {
    const columns: Column[] = [];
    for (const line of body.split("\n")) {
      const field = line.trim().match(/^(\w+)\s+(\w+)(\?|\[\])?(\s|$)/);
      if (!field || field[3] === "[]") continue;
      const [, column, type, optional] = field;
      const values = enums.get(type);
      const kind: ColumnKind | undefined = values ? { enum: type, values } : SCALARS[type];
      if (!kind) continue; // a relation to another model
      columns.push({ name: column, nullable: optional === "?", kind });
    }
    models.set(name, columns);
  }
  return { models, enums };
}

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== "generated" && entry.name !== "node_modules") out.push(...sourceFiles(full));
    } else if (/\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) out.push(full);
  }
  return out;
}

const CLIENT = "lib/db/client";

/** Whether an import's module specifier names lib/db/client. */
function isClientModule(specifier: string, file: string, root: string): boolean {
  if (specifier === `@/${CLIENT}`) return true;
  if (!specifier.startsWith(".")) return false;
  return path.relative(root, path.resolve(path.dirname(file), specifier)).replace(/\.ts$/, "") === CLIENT;
}

/** The function a statement is written in: its own name, or the variable or property it is assigned to. */
function enclosingName(node: ts.Node): string {
  for (let n: ts.Node | undefined = node.parent; n; n = n.parent) {
    if (!ts.isFunctionLike(n)) continue;
    if ((ts.isFunctionDeclaration(n) || ts.isMethodDeclaration(n) || ts.isFunctionExpression(n)) && n.name) return n.name.getText();
    // `const f = async () => …`, `const f = cache(async () => …)`, `{ f: () => … }`
    let up: ts.Node = n.parent;
    while (ts.isCallExpression(up) || ts.isParenthesizedExpression(up) || ts.isAsExpression(up)) up = up.parent;
    if ((ts.isVariableDeclaration(up) || ts.isPropertyAssignment(up)) && ts.isIdentifier(up.name)) return up.name.text;
  }
  return "(module)";
}

function columnOf(name: string, type: ts.TypeNode, schema: Schema): Column {
  const members = ts.isUnionTypeNode(type) ? type.types : [type];
  const isNull = (t: ts.TypeNode) => ts.isLiteralTypeNode(t) && t.literal.kind === ts.SyntaxKind.NullKeyword;
  const rest = members.filter((t) => !isNull(t));
  let kind: ColumnKind = "any";
  if (rest.length === 1) {
    const t = rest[0];
    if (t.kind === ts.SyntaxKind.StringKeyword) kind = "string";
    else if (t.kind === ts.SyntaxKind.NumberKeyword) kind = "number";
    else if (t.kind === ts.SyntaxKind.BooleanKeyword) kind = "boolean";
    else if (ts.isTypeReferenceNode(t)) {
      const ref = t.typeName.getText();
      const values = schema.enums.get(ref);
      if (ref === "Date") kind = "Date";
      else if (values) kind = { enum: ref, values };
    }
  }
  // `unknown` and unrecognised names check nothing but presence; `unknown` also admits null.
  const nullable = rest.length < members.length || type.kind === ts.SyntaxKind.UnknownKeyword;
  return { name, nullable, kind };
}

/** The columns a row type declares, or why they cannot be read from the source. */
function rowColumns(type: ts.TypeNode, file: ts.SourceFile, schema: Schema): Column[] | string {
  if (ts.isTypeLiteralNode(type)) {
    const columns: Column[] = [];
    for (const m of type.members) {
      if (!ts.isPropertySignature(m) || !m.type || m.questionToken) return `member "${m.getText()}" is not a plain column`;
      columns.push(columnOf(m.name.getText(), m.type, schema));
    }
    return columns;
  }
  if (ts.isIntersectionTypeNode(type)) {
    const columns: Column[] = [];
    for (const part of type.types) {
      const more = rowColumns(part, file, schema);
      if (typeof more === "string") return more;
      columns.push(...more);
    }
    return columns;
  }
  if (ts.isTypeReferenceNode(type) && !type.typeArguments) {
    const name = type.typeName.getText();
    const alias = file.statements.find((s): s is ts.TypeAliasDeclaration => ts.isTypeAliasDeclaration(s) && s.name.text === name);
    if (alias) return rowColumns(alias.type, file, schema);
    const model = schema.models.get(name);
    const fromPrisma = file.statements.some(
      (s) => ts.isImportDeclaration(s) && /\/lib\/db\/generated\//.test(s.moduleSpecifier.getText()) && new RegExp(`\\b${name}\\b`).test(s.importClause?.getText() ?? ""),
    );
    if (model && fromPrisma) return model;
  }
  return `row type ${type.getText()} is not a type literal, a type alias in this file or a Prisma model`;
}

/** An identifier that names a property or an import rather than using the binding. */
function isOnlyAName(node: ts.Node): boolean {
  const p = node.parent;
  if (ts.isImportSpecifier(p)) return true;
  if (ts.isPropertyAccessExpression(p) || ts.isQualifiedName(p)) return (ts.isPropertyAccessExpression(p) ? p.name : p.right) === node;
  return (ts.isPropertyAssignment(p) || ts.isPropertySignature(p) || ts.isPropertyDeclaration(p) || ts.isMethodDeclaration(p)) && p.name === node;
}

/** Every `read` statement under lib/ and app/, and anything that keeps one from being checked. */
export function findHotReads(root: string): { statements: HotRead[]; problems: string[] } {
  const schema = readSchema(path.join(root, "prisma", "schema.prisma"));
  const statements: HotRead[] = [];
  const problems: string[] = [];
  const files = ["lib", "app"].flatMap((d) => sourceFiles(path.join(root, d)));
  for (const full of files) {
    const file = path.relative(root, full);
    const text = readFileSync(full, "utf8");
    if (file === `${CLIENT}.ts` || !/db\/client|\.\/client/.test(text)) continue;
    const source = ts.createSourceFile(full, text, ts.ScriptTarget.Latest, true, full.endsWith(".tsx") ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
    // Local names bound to read: `import { read }`, `import { read as sql }`, `import * as c`.
    const names = new Set<string>();
    const namespaces = new Set<string>();
    for (const s of source.statements) {
      if (!ts.isImportDeclaration(s) || !ts.isStringLiteral(s.moduleSpecifier) || !isClientModule(s.moduleSpecifier.text, full, root)) continue;
      const bindings = s.importClause?.namedBindings;
      if (bindings && ts.isNamespaceImport(bindings)) namespaces.add(bindings.name.text);
      if (bindings && ts.isNamedImports(bindings)) {
        for (const e of bindings.elements) if ((e.propertyName ?? e.name).text === "read") names.add(e.name.text);
      }
    }
    if (names.size === 0 && namespaces.size === 0) continue;
    const perFunction = new Map<string, number>();
    const isReadTag = (n: ts.Node) =>
      (ts.isIdentifier(n) && names.has(n.text)) ||
      (ts.isPropertyAccessExpression(n) && n.name.text === "read" && ts.isIdentifier(n.expression) && namespaces.has(n.expression.text));
    const visit = (node: ts.Node): void => {
      if (ts.isTaggedTemplateExpression(node) && isReadTag(node.tag)) {
        const fn = enclosingName(node);
        const n = (perFunction.get(fn) ?? 0) + 1;
        perFunction.set(fn, n);
        const key = `${file} ${fn} #${n}`;
        const t = node.template;
        const strings = ts.isNoSubstitutionTemplateLiteral(t) ? [t.text] : [t.head.text, ...t.templateSpans.map((s) => s.literal.text)];
        const params = ts.isNoSubstitutionTemplateLiteral(t) ? [] : t.templateSpans.map((s) => s.expression.getText());
        const sql = strings.join("?").replace(/\s+/g, " ").trim();
        const typeArg = node.typeArguments?.[0];
        const columns = typeArg ? rowColumns(typeArg, source, schema) : "no row type: write read<Row>`…`";
        if (typeof columns === "string") problems.push(`${key}: ${columns}`);
        else statements.push({ key, file, strings, params, sql, columns });
        ts.forEachChild(t, visit);
        return;
      }
      // read anywhere else (called, passed on, stored): a statement this scan could not see.
      if (isReadTag(node) && !isOnlyAName(node)) {
        const { line } = source.getLineAndCharacterOfPosition(node.getStart());
        problems.push(`${file}:${line + 1}: read is used other than as a template tag; write read<Row>\`…\` so the hot-read tests see the statement`);
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return { statements, problems };
}
