import { describe, expect, it } from "vitest";
import { auditTargets, type AuditTargetRows } from "./audit-targets";

const rows: AuditTargetRows = {
  handoffs: [{ id: "h1", title: "HouseDiffusion", project: { key: "FLOOR" } }],
  projects: [{ id: "p1", key: "FLOOR", name: "Floor-plan generation" }],
  milestones: [{ id: "m1", key: "FLOOR-3", title: "Baseline", project: { key: "FLOOR" } }],
  services: [{ id: "s1", name: "layout-api" }],
  users: [{ id: "u1", name: "Ada Lindqvist", email: "ada@example.test" }],
  memberships: [{ id: "ms1", project: { key: "FLOOR" }, user: { name: "Ada Lindqvist" } }],
};

describe("auditTargets", () => {
  const target = auditTargets(rows);

  it("names each target type and links it to its page", () => {
    expect(target("handoff", "h1")).toEqual({ name: "HouseDiffusion", href: "/projects/FLOOR/handoffs/h1", context: "FLOOR" });
    expect(target("project", "p1")).toEqual({ name: "Floor-plan generation", href: "/projects/FLOOR", context: "FLOOR" });
    expect(target("milestone", "m1")).toEqual({ name: "FLOOR-3 Baseline", href: "/projects/FLOOR/milestones/m1", context: "FLOOR" });
    expect(target("service", "s1")).toEqual({ name: "layout-api", href: "/services/layout-api" });
    expect(target("user", "u1")).toEqual({ name: "Ada Lindqvist", href: "/admin/users", context: "ada@example.test" });
    expect(target("membership", "ms1")?.href).toBe("/projects/FLOOR/settings");
  });

  it("finds a project by key and a service by name, as refusals log them", () => {
    expect(target("project", "FLOOR")?.name).toBe("Floor-plan generation");
    expect(target("service", "layout-api")?.href).toBe("/services/layout-api");
  });

  it("leaves unknown ids and ids of another type unnamed", () => {
    expect(target("handoff", "gone")).toBeUndefined();
    expect(target("milestone", "h1")).toBeUndefined();
    expect(target("template", "t1")).toBeUndefined();
  });
});
