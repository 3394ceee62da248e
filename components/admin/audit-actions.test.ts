import { readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { HANDOFF_TRANSITIONS } from "@/lib/auth/permissions";
import { AUDIT_ACTION_LABELS, auditActionLabel, permissionActionCodes } from "./audit-actions";

const root = path.resolve(__dirname, "../..");
const RESOURCES = "api|auth|setup|project|membership|template|handoff|comment|milestone|service|apiToken|user|auditLog|audit";
const LITERAL = new RegExp(`["'\`]((?:${RESOURCES})\\.[a-zA-Z]+(?:\\.[a-zA-Z]+)*)["'\`]`, "g");

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return name === "generated" ? [] : sources(full);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [full] : [];
  });
}

describe("audit action labels", () => {
  it("name every action code written in lib/ and app/", () => {
    const found = new Set<string>();
    for (const file of [...sources(path.join(root, "lib")), ...sources(path.join(root, "app")), path.join(root, "proxy.ts")]) {
      for (const match of readFileSync(file, "utf8").matchAll(LITERAL)) found.add(match[1]);
    }
    expect(found.size).toBeGreaterThan(40);
    expect([...found].filter((code) => !auditActionLabel(code))).toEqual([]);
  });

  it("name every permission the matrices can deny and every handoff transition", () => {
    const codes = [...permissionActionCodes(), ...Object.keys(HANDOFF_TRANSITIONS).map((name) => `handoff.${name}`)];
    expect(codes.filter((code) => !auditActionLabel(code))).toEqual([]);
  });

  it("are sentences, not codes, and unknown codes have none", () => {
    for (const label of Object.values(AUDIT_ACTION_LABELS)) expect(label).toMatch(/^[A-Z][^.]*[a-z]$/);
    expect(auditActionLabel("toString")).toBeNull();
    expect(auditActionLabel("handoff.somethingNew")).toBeNull();
  });
});
