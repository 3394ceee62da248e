import { describe, it, expect } from "vitest";
import { isNavActive, projectKeyFromPath, sectionHref } from "./nav";

describe("projectKeyFromPath", () => {
  it("reads the key of a project path", () => {
    expect(projectKeyFromPath("/projects/VIT")).toBe("VIT");
    expect(projectKeyFromPath("/projects/VIT/map")).toBe("VIT");
  });
  it("ignores other paths and reserved segments", () => {
    expect(projectKeyFromPath("/projects")).toBeUndefined();
    expect(projectKeyFromPath("/projects/new")).toBeUndefined();
    expect(projectKeyFromPath("/services/gateway")).toBeUndefined();
  });
});

describe("sectionHref", () => {
  it("points inside the project when there is one", () => {
    expect(sectionHref("map", "VIT")).toBe("/projects/VIT/map");
    expect(sectionHref("handoffs")).toBe("/handoffs");
  });
});

describe("isNavActive", () => {
  const handoffs = { kind: "section", section: "handoffs" } as const;
  const projects = { kind: "projects" } as const;
  it("marks a project's section, not Projects, inside that section", () => {
    expect(isNavActive(handoffs, "/projects/VIT/handoffs/abc")).toBe(true);
    expect(isNavActive(projects, "/projects/VIT/handoffs/abc")).toBe(false);
  });
  it("marks Projects on the list and on a project's overview and settings", () => {
    expect(isNavActive(projects, "/projects")).toBe(true);
    expect(isNavActive(projects, "/projects/VIT")).toBe(true);
    expect(isNavActive(projects, "/projects/VIT/settings")).toBe(true);
    expect(isNavActive(handoffs, "/projects/VIT")).toBe(false);
  });
  it("matches the cross-project pages and plain prefixes", () => {
    expect(isNavActive(handoffs, "/handoffs")).toBe(true);
    expect(isNavActive({ kind: "prefix", href: "/services" }, "/services/gateway")).toBe(true);
    expect(isNavActive({ kind: "prefix", href: "/services" }, "/servicesx")).toBe(false);
  });
});
