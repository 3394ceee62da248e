// Input hygiene found by the hostile review (issue 8, item 4), through the data layer that forms
// and the API share, and through the REST route handlers and proxy.ts:
//   - one date schema: a real calendar day, years 1970–2200, refused with the field's label;
//   - single-line fields (titles, names, labels) refuse line breaks and bidi controls; uploaded
//     file names have bidi controls removed;
//   - service names the /services pages use as path segments are reserved;
//   - unknown /api/v1 paths answer 404 problem JSON, a wrong method 405 with Allow.
import { randomBytes } from "node:crypto";
import { readdirSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import type { Actor } from "@/lib/auth/actor";
import { createToken } from "@/lib/data/tokens";
import { createMilestone } from "@/lib/data/milestones";
import { createHandoff } from "@/lib/data/handoffs";
import { createProject } from "@/lib/data/projects";
import { createService } from "@/lib/data/services";
import { uploadAttachment } from "@/lib/data/attachments";
import { API_ROUTES } from "@/lib/api/routes";
import { RESERVED_SERVICE_NAMES } from "@/lib/validation/service";
import * as milestonesRoute from "@/app/api/v1/projects/[key]/milestones/route";
import * as catchAll from "@/app/api/v1/[[...path]]/route";
import { proxy } from "@/proxy";
import { createTestDatabase, describeEachProvider, type TestDb } from "../helpers/db";

const params = <P>(p: P) => ({ params: Promise.resolve(p) });
const routeModules = import.meta.glob<Record<string, unknown>>("/app/api/v1/**/route.ts");

/** The error a call throws (the test fails if it does not throw). */
async function refusal(run: () => Promise<unknown>): Promise<Error & { status?: number }> {
  try {
    await run();
  } catch (error) {
    return error as Error & { status?: number };
  }
  throw new Error("expected the call to be refused");
}

describeEachProvider("input hygiene", (provider) => {
  let t: TestDb;
  let admin: Actor;
  let token = "";
  let handoffId = "";

  beforeAll(async () => {
    t = await createTestDatabase(provider);
    const u = await t.db.user.create({ data: { email: `a-${randomBytes(3).toString("hex")}@example.test`, name: "Admin", isAdmin: true } });
    admin = { id: u.id, email: u.email, name: u.name, isAdmin: true, ip: "127.0.0.1", userAgent: "vitest" };
    await createProject(admin, { key: "HYG", name: "Hygiene" });
    handoffId = (await createHandoff(admin, "HYG", { title: "A handoff" })).id;
    token = (await createToken(admin, { name: "script" })).token;
  });
  afterAll(() => t?.drop());

  describe("dates", () => {
    const post = (body: unknown) =>
      milestonesRoute.POST(
        new Request("http://test/api/v1/projects/HYG/milestones", { method: "POST", body: JSON.stringify(body), headers: { authorization: `Bearer ${token}`, "content-type": "application/json" } }),
        params({ key: "HYG" }),
      );

    it("refuses a day that does not exist and a year out of range, naming the field by its label, writing nothing", async () => {
      const cases: [string, Record<string, string>, RegExp][] = [
        ["dueDate", { dueDate: "2026-02-31" }, /^Due date must be a real calendar day \(2026-02-31 does not exist\)\.$/],
        ["startDate", { startDate: "99999-01-01" }, /^Start date must be a date from year 1970 to 2200 \(this is 99999\)\.$/],
        ["startDate", { startDate: "1969-12-31" }, /^Start date must be a date from year 1970/],
        ["dueDate", { dueDate: "31/01/2026" }, /^Due date must be a date like 2026-03-31\.$/],
      ];
      for (const [field, dates, message] of cases) {
        const res = await post({ key: `HYG-${Math.floor(Math.random() * 1000)}`, title: "Dated", ...dates });
        expect(res.status).toBe(422);
        expect(res.headers.get("content-type")).toBe("application/problem+json");
        const problem = await res.json();
        expect(problem.detail).toMatch(message);
        expect(Object.keys(problem.errors)).toEqual([field]);
      }
      expect(await t.db.milestone.count()).toBe(0);
      // The form's path: the same data function, the same message.
      const error = await refusal(() => createMilestone(admin, "HYG", { key: "HYG-1", title: "Dated", dueDate: "2026-02-31" }));
      expect(error.message).toBe("Due date must be a real calendar day (2026-02-31 does not exist).");
    });

    it("takes a real day, a leap day, an empty field, and an ISO date-time read back from the API", async () => {
      const res = await post({ key: "HYG-2", title: "Dated", startDate: "2028-02-29", dueDate: "2028-03-01T00:00:00.000Z" });
      expect(res.status, await res.clone().text()).toBe(201);
      const m = await t.db.milestone.findFirstOrThrow({ where: { key: "HYG-2" } });
      expect([m.startDate?.toISOString(), m.dueDate?.toISOString()]).toEqual(["2028-02-29T00:00:00.000Z", "2028-03-01T00:00:00.000Z"]);
      const empty = await createMilestone(admin, "HYG", { key: "HYG-3", title: "Undated", startDate: "", dueDate: null });
      expect([empty.startDate, empty.dueDate]).toEqual([null, null]);
    });
  });

  describe("single-line fields", () => {
    it("refuse a line break or a bidi control, naming the field by its label", async () => {
      const cases: [() => Promise<unknown>, RegExp][] = [
        [() => createHandoff(admin, "HYG", { title: "Two\nlines" }), /^Handoff title must be on one line/],
        [() => createHandoff(admin, "HYG", { title: "Paper \u202Egnp.exe" }), /^Handoff title contains an invisible text-direction control character \(U\+202E\)/],
        [() => createHandoff(admin, "HYG", { title: "Fine", paperTitle: "A\u2066B" }), /^Paper title contains an invisible text-direction control character \(U\+2066\)/],
        [() => createProject(admin, { key: "HYGB", name: "Name\r\nsplit" }), /^Name must be on one line/],
        [() => createService(admin, { name: "layout-api", layer: "api", displayName: "Layout\u202BAPI" }), /^Display name contains an invisible text-direction control character \(U\+202B\)/],
        [() => createMilestone(admin, "HYG", { key: "HYG-9", title: "Line\u2028separator" }), /^Title must be on one line/],
      ];
      for (const [run, message] of cases) {
        const error = await refusal(run);
        expect(error.message).toMatch(message);
        expect(error.status).toBe(422);
      }
      expect(await t.db.project.count()).toBe(1);
      expect(await t.db.service.count()).toBe(0);
    });

    it("still take multi-line Markdown and a title whose surrounding whitespace is trimmed", async () => {
      const h = await createHandoff(admin, "HYG", { title: "  Trimmed title\n", sections: { tldr: "Line one\nLine two \u202Equoted" } });
      expect(h.title).toBe("Trimmed title");
    });

    it("uploaded file names lose their bidi controls", async () => {
      const a = await uploadAttachment(admin, handoffId, { filename: "invoice\u202Egpj.exe", contentType: "application/octet-stream", bytes: new Uint8Array([1, 2, 3]) });
      expect(a.filename).toBe("invoicegpj.exe");
    });
  });

  describe("service names", () => {
    it("refuses every path segment the /services pages use, with a message", async () => {
      for (const name of ["new", "edit", "NEW"]) {
        const error = await refusal(() => createService(admin, { name, layer: "api" }));
        expect(error.status).toBe(422);
        expect(error.message).toBe(`Name “${name.toLowerCase()}” is reserved: the service pages use it in their addresses (/services/new, /services/…/edit). Choose another name.`);
      }
      expect(await t.db.service.count()).toBe(0);
      await createService(admin, { name: "newsletter", layer: "api" });
      expect(await t.db.service.count()).toBe(1);
    });
  });
});

describe("reserved service names match the route folders", () => {
  it("reserves every static folder under app/(app)/services", () => {
    const segments = new Set<string>();
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        if (!entry.isDirectory()) continue;
        if (!entry.name.startsWith("[") && !entry.name.startsWith("_") && !entry.name.startsWith("(")) segments.add(entry.name);
        walk(path.join(dir, entry.name));
      }
    };
    walk(path.join(process.cwd(), "app", "(app)", "services"));
    expect(segments.size).toBeGreaterThan(0);
    for (const segment of segments) expect(RESERVED_SERVICE_NAMES as readonly string[]).toContain(segment);
  });
});

describe("/api/v1: unknown paths and wrong methods", () => {
  it("answers 404 problem JSON for a path no endpoint has, whatever the method", async () => {
    for (const method of ["GET", "POST", "DELETE"] as const) {
      const res = await catchAll[method](new Request("http://test/api/v1/handoffs/x/nope", { method }));
      expect(res.status).toBe(404);
      expect(res.headers.get("content-type")).toBe("application/problem+json");
      expect(await res.json()).toMatchObject({ status: 404, title: "Not Found", detail: "There is no API endpoint at /api/v1/handoffs/x/nope. The endpoints are listed in docs/api.md." });
    }
    // The optional catch-all also answers /api/v1 itself.
    expect((await catchAll.GET(new Request("http://test/api/v1"))).status).toBe(404);
  });

  it("answers 405 problem JSON with Allow for a known path and a method it does not take (proxy.ts)", async () => {
    const res = await proxy(new NextRequest("http://test/api/v1/audit", { method: "POST" }));
    expect(res.status).toBe(405);
    expect(res.headers.get("allow")).toBe("GET, HEAD, OPTIONS");
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    expect(await res.json()).toMatchObject({ status: 405, title: "Method Not Allowed", detail: "/api/v1/audit does not take POST; it takes GET." });
    const comment = await proxy(new NextRequest("http://test/api/v1/handoffs/abc/comments/def", { method: "GET" }));
    expect([comment.status, comment.headers.get("allow")]).toEqual([405, "DELETE, OPTIONS, PATCH"]);
    // A method the path takes, and an unknown path, go on to the route.
    expect((await proxy(new NextRequest("http://test/api/v1/audit", { method: "GET" }))).status).toBe(200);
    expect((await proxy(new NextRequest("http://test/api/v1/nope", { method: "POST" }))).status).toBe(200);
  });

  it("knows every route on disk and the methods each exports", async () => {
    const onDisk: Record<string, string[]> = {};
    for (const [file, load] of Object.entries(routeModules)) {
      if (file.includes("[...")) continue;
      const mod = await load();
      const route = file.replace(/^\/app\/api\/v1/, "").replace(/\/route\.ts$/, "") || "/";
      onDisk[route] = ["GET", "POST", "PUT", "PATCH", "DELETE"].filter((m) => typeof mod[m] === "function");
    }
    expect(Object.fromEntries(Object.entries(API_ROUTES).map(([k, v]) => [k, [...v]]))).toEqual(onDisk);
  });
});
