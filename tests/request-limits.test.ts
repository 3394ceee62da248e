// scripts/request-limits.mjs: what scripts/server.mjs refuses or cuts before Next.js sees a request.
// (e2e/request-limits.spec.ts checks the same against the running server.)
import { describe, expect, it } from "vitest";
import { MAX_QUERY_PARAMETERS, MAX_USER_AGENT, badRequest, limitUserAgent, refuseTarget } from "../scripts/request-limits.mjs";

describe("request limits", () => {
  it("accepts ordinary targets, encoded ones included", () => {
    for (const target of ["/", "/projects/ABC?tab=map", "/a%20b?q=%E2%9C%93&x=1+2", "/api/v1/projects?", "/x?a&&b", "/x?" + "p=1&".repeat(MAX_QUERY_PARAMETERS)]) {
      expect(refuseTarget(target), target).toBeNull();
    }
  });

  it("refuses a malformed percent-encoding in the path or the query", () => {
    expect(refuseTarget("/signin/%E0%A4%A")).toMatch(/path/);
    expect(refuseTarget("/signin/%zz")).toMatch(/path/);
    expect(refuseTarget("/signin?callbackUrl=%E0%A4%A")).toMatch(/query/);
    expect(refuseTarget("/signin?x=%")).toMatch(/query/);
  });

  it(`refuses more than ${MAX_QUERY_PARAMETERS} query parameters`, () => {
    expect(refuseTarget("/x?" + Array.from({ length: MAX_QUERY_PARAMETERS + 1 }, (_, i) => `p${i}=1`).join("&"))).toMatch(/more than 100 query parameters/);
  });

  it("answers problem JSON under /api and plain text elsewhere", () => {
    const api = badRequest("/api/v1/projects?x=%", "bad");
    expect(api.status).toBe(400);
    expect(api.headers["content-type"]).toBe("application/problem+json");
    expect(JSON.parse(api.body)).toMatchObject({ status: 400, detail: "bad" });
    const page = badRequest("/apiary", "bad");
    expect(page.headers["content-type"]).toMatch(/^text\/plain/);
  });

  it(`cuts a User-Agent to ${MAX_USER_AGENT} characters and leaves a short one alone`, () => {
    const headers: Record<string, string> = { "user-agent": "a".repeat(16_000) };
    limitUserAgent(headers);
    expect(headers["user-agent"]).toHaveLength(MAX_USER_AGENT);
    const short = { "user-agent": "Mozilla/5.0" };
    limitUserAgent(short);
    expect(short["user-agent"]).toBe("Mozilla/5.0");
  });
});
