import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { PROJECT_MATRIX, ROLES, renderPermissionsMarkdown, roleAllows } from "./permissions";

describe("permission matrix", () => {
  it("is what docs/permissions.md says (run npm run docs:permissions after changing it)", () => {
    const doc = readFileSync(path.join(process.cwd(), "docs", "permissions.md"), "utf8");
    expect(doc).toBe(renderPermissionsMarkdown());
  });

  it("lets owners do everything in a project", () => {
    for (const [resource, actions] of Object.entries(PROJECT_MATRIX)) {
      for (const action of Object.keys(actions)) expect(roleAllows("owner", resource as never, action as never)).toBe(true);
    }
  });

  it("lets every role read, and viewers do nothing else", () => {
    for (const [resource, actions] of Object.entries(PROJECT_MATRIX)) {
      for (const action of Object.keys(actions)) {
        for (const role of ROLES) if (action === "read") expect(roleAllows(role, resource as never, "read" as never)).toBe(true);
        if (action !== "read") expect(roleAllows("viewer", resource as never, action as never)).toBe(false);
      }
    }
  });

  it("gives no role to nobody", () => {
    expect(roleAllows(null, "project", "read")).toBe(false);
  });
});
