import { describe, expect, it } from "vitest";
import { DEFAULT_AFTER_SIGN_IN, isAcceptableCallbackUrl, safeRedirectPath } from "./redirect";

const ORIGIN = "http://localhost:3000";

describe("safeRedirectPath", () => {
  it("keeps same-site paths with their query and fragment", () => {
    expect(safeRedirectPath("/projects/FLOOR")).toBe("/projects/FLOOR");
    expect(safeRedirectPath("/projects/FLOOR/handoffs?status=draft#top")).toBe("/projects/FLOOR/handoffs?status=draft#top");
    expect(safeRedirectPath("/admin/audit?actor=a%40b.test&action=user.")).toBe("/admin/audit?actor=a%40b.test&action=user.");
    expect(safeRedirectPath("/services?q=100%")).toBe("/services?q=100%");
  });

  it("falls back when there is no usable target", () => {
    for (const value of [undefined, null, 42, "", ["/projects"], "/x".repeat(2000)]) {
      expect(safeRedirectPath(value)).toBe(DEFAULT_AFTER_SIGN_IN);
    }
    expect(safeRedirectPath(undefined, { fallback: "/handoffs" })).toBe("/handoffs");
  });

  const hostile = {
    "protocol-relative": "//evil.example/phish",
    "protocol-relative with three slashes": "///evil.example/phish",
    "backslash after the slash (the reported case, decoded)": "/\\evil.example/phish",
    "two backslashes": "\\\\evil.example/phish",
    "slash and backslash mixed": "\\/evil.example/phish",
    "encoded backslash (%5C)": "/%5Cevil.example/phish",
    "encoded backslash, lower case": "/%5cevil.example/phish",
    "encoded slashes (%2F)": "/%2F%2Fevil.example/phish",
    "encoded slash after a slash": "/%2Fevil.example/phish",
    "double-encoded slashes (%252F)": "/%252F%252Fevil.example/phish",
    "double-encoded backslash (%255C)": "/%255Cevil.example/phish",
    "tab between the slashes": "/\t/evil.example/phish",
    "newline between the slashes": "/\n/evil.example/phish",
    "carriage return between the slashes": "/\r\n/evil.example/phish",
    "encoded tab between the slashes": "/%09/evil.example/phish",
    "leading space and control characters": " \u0000\u001f//evil.example/phish",
    "dot segment that collapses to //": "/.//evil.example/phish",
    "dot-dot segment that collapses to //": "/a/..//evil.example/phish",
    "absolute http URL elsewhere": "http://evil.example/phish",
    "absolute https URL elsewhere": "https://evil.example/phish",
    "absolute URL with the site as user info": "http://localhost:3000@evil.example/phish",
    "same host, other port": "http://localhost:3001/projects",
    "same host, other scheme": "https://localhost:3000/projects",
    "scheme-relative with backslashes": "https:\\\\evil.example",
    "javascript:": "javascript:alert(document.domain)",
    "javascript: in mixed case with a tab": "Java\tScript:alert(1)",
    "javascript: after a space": " javascript:alert(1)",
    "data:": "data:text/html,<script>alert(1)</script>",
    "vbscript:": "vbscript:msgbox(1)",
    "file:": "file:///etc/passwd",
    "user info on this site": "http://user:pass@localhost:3000/projects",
  };
  for (const [name, value] of Object.entries(hostile)) {
    it(`refuses ${name}`, () => {
      expect(safeRedirectPath(value, { origin: ORIGIN })).toBe(DEFAULT_AFTER_SIGN_IN);
      expect(safeRedirectPath(value)).toBe(DEFAULT_AFTER_SIGN_IN);
    });
  }

  it("reduces an absolute URL on this site to its path", () => {
    expect(safeRedirectPath("http://localhost:3000/projects/FLOOR?x=1#y", { origin: ORIGIN })).toBe("/projects/FLOOR?x=1#y");
    expect(safeRedirectPath("//localhost:3000/handoffs", { origin: ORIGIN })).toBe("/handoffs");
    // Without a known origin an absolute URL cannot be proven to be this site.
    expect(safeRedirectPath("http://localhost:3000/projects/FLOOR")).toBe(DEFAULT_AFTER_SIGN_IN);
  });

  it("normalises what it keeps, so the result is what a browser would have followed", () => {
    expect(safeRedirectPath("/projects/../handoffs")).toBe("/handoffs");
    expect(safeRedirectPath("/projects\\FLOOR")).toBe("/projects/FLOOR");
    expect(safeRedirectPath("/proj\tects")).toBe("/projects");
    expect(safeRedirectPath("projects")).toBe("/projects");
    expect(safeRedirectPath("/projects/a b")).toBe("/projects/a%20b");
  });

  it("never returns a target a browser would read as another host", () => {
    const pieces = ["/", "\\", "%2F", "%5C", "%252F", "\t", "\n", ".", "..", "evil.example", "%09", " ", "@", ":"];
    // Every three-piece combination: 2,744 targets.
    for (const a of pieces) for (const b of pieces) for (const c of pieces) {
      const result = safeRedirectPath(`${a}${b}${c}/x`, { origin: ORIGIN });
      expect(new URL(result, ORIGIN).origin).toBe(ORIGIN);
      expect(result).toMatch(/^\/(?![\\/])/);
    }
  });
});

describe("isAcceptableCallbackUrl", () => {
  it("takes a path or an http(s) URL, as next-auth does", () => {
    for (const ok of ["/projects", "//evil.example/x", "http://localhost:3000/projects", "https://evil.example/"]) expect(isAcceptableCallbackUrl(ok), ok).toBe(true);
  });

  it("refuses what next-auth would answer with a 500, and anything too long to be ours", () => {
    for (const bad of ["", "javascript:alert(1)", "abc", "%E0%A4%A", "data:text/html,x", "mailto:a@b.c", `/${"x".repeat(2048)}`]) {
      expect(isAcceptableCallbackUrl(bad), bad.slice(0, 20)).toBe(false);
    }
  });
});
