import { randomBytes } from "node:crypto";
import { readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb, createDb, type Db } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrate";
import { verifyPassword } from "@/lib/auth/password";
import { DEFAULT_TEMPLATE_NAME, DEFAULT_TEMPLATE_SECTIONS, templateSectionsSchema } from "@/lib/validation/template";
import { roleAllows, type ProjectRole } from "@/lib/auth/permissions";
import { ensureBuiltInTemplate } from "@/lib/data/templates";
import { DEMO_PASSWORD, DEMO_PROJECT_KEY, DEMO_USERS, isDatabaseEmpty, seedDemo } from "./seed";
import { HANDOFFS, handoffText } from "./handoffs";

const DAY = 86_400_000;

describe("default handoff template", () => {
  it("parses, in the documented order", () => {
    const sections = templateSectionsSchema.parse(DEFAULT_TEMPLATE_SECTIONS);
    expect(sections.map((s) => s.key)).toEqual([
      "tldr", "problem", "method", "key_results", "assumptions", "risks", "open_questions",
      "repro_code", "repro_notebooks", "repro_data", "repro_checkpoints",
      "prod_io", "prod_compute", "prod_latency", "prod_data",
    ]);
    expect(sections.filter((s) => s.required).map((s) => s.key)).toEqual([
      "tldr", "problem", "method", "key_results", "assumptions", "risks", "prod_io", "prod_compute", "prod_latency",
    ]);
  });

  it("rejects a duplicate key, naming it", () => {
    const result = templateSectionsSchema.safeParse([...DEFAULT_TEMPLATE_SECTIONS, DEFAULT_TEMPLATE_SECTIONS[2]]);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0].message).toContain("“method”");
  });
});

describe("demo seed", () => {
  const file = path.join(os.tmpdir(), `legible-seed-${Date.now().toString(36)}-${randomBytes(4).toString("hex")}.db`);
  const url = `file:${file}`;
  const now = new Date("2026-03-02T10:00:00Z");
  let db: Db;

  beforeAll(async () => {
    await migrate(url);
    db = createDb(url);
  });

  afterAll(async () => {
    if (db) await closeDb(db);
    for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(file + suffix, { force: true });
  });

  it("seeds an empty database, which is then no longer empty", async () => {
    expect(await isDatabaseEmpty(db)).toBe(true);
    expect(await seedDemo(db, now)).toEqual({ projectKey: DEMO_PROJECT_KEY });
    expect(await isDatabaseEmpty(db)).toBe(false);
    // Writing the whole demo through lib/data (the OpenAPI and compose imports included) takes
    // seconds on a quiet machine; a busy shared one can take several times that.
  }, 120_000);

  it("creates the demo users with the demo password and the FLOOR memberships", async () => {
    const users = await db.user.findMany({ select: { email: true, isAdmin: true, passwordHash: true } });
    expect(users.map((u) => u.email).sort()).toEqual(DEMO_USERS.map((u) => u.email).sort());
    expect(users.filter((u) => u.isAdmin).map((u) => u.email)).toEqual(["admin@legible.demo"]);
    expect(await verifyPassword(DEMO_PASSWORD, users[0].passwordHash)).toBe(true);

    const members = await db.membership.findMany({ where: { project: { key: DEMO_PROJECT_KEY } }, include: { user: true } });
    const roles = Object.fromEntries(members.map((m) => [m.user.email, m.role]));
    expect(roles).toEqual({
      "admin@legible.demo": "owner",
      "researcher@legible.demo": "researcher",
      "engineer@legible.demo": "engineer",
      "manager@legible.demo": "manager",
    });
    expect(await db.project.count()).toBeGreaterThanOrEqual(2);
  });

  it("creates the built-in template", async () => {
    const template = await db.handoffTemplate.findFirstOrThrow({ where: { projectId: null } });
    expect(template.name).toBe(DEFAULT_TEMPLATE_NAME);
    expect(templateSectionsSchema.parse(template.sections)).toEqual(DEFAULT_TEMPLATE_SECTIONS);
  });

  it("creates three FLOOR handoffs whose required sections are all filled", async () => {
    const handoffs = await db.handoff.findMany({
      where: { project: { key: DEMO_PROJECT_KEY } },
      include: { revisions: true, milestones: true, reviewers: true, comments: true, template: true },
    });
    expect(handoffs.map((h) => h.status).sort()).toEqual(["accepted", "draft", "in_review"]);

    const all = await db.handoff.findMany();
    const required = DEFAULT_TEMPLATE_SECTIONS.filter((s) => s.required).map((s) => s.key);
    const known = new Set(DEFAULT_TEMPLATE_SECTIONS.map((s) => s.key));
    for (const h of all) {
      const sections = h.sections as Record<string, unknown>;
      expect(typeof sections).toBe("object");
      for (const [key, value] of Object.entries(sections)) {
        expect(known.has(key), `${h.title}: unknown section ${key}`).toBe(true);
        expect(typeof value).toBe("string");
      }
      for (const key of required) {
        expect(String(sections[key] ?? "").trim().length, `${h.title}: ${key}`).toBeGreaterThan(40);
      }
      expect(Array.isArray(h.authors) && h.authors.length > 0).toBe(true);
      expect(h.bibtex).toMatch(/^@\w+\{[\w-]+,[\s\S]*\}$/);
      expect(h.body.length).toBeGreaterThan(100);
    }

    for (const h of handoffs) {
      expect(h.template?.name).toBe(DEFAULT_TEMPLATE_NAME);
      // Written in stages, so History has versions to compare; the last one is the handoff itself.
      const revisions = [...h.revisions].sort((a, b) => a.version - b.version);
      expect(revisions.length).toBeGreaterThanOrEqual(2);
      expect(revisions.map((r) => r.version)).toEqual(revisions.map((_, i) => i + 1));
      expect(h.version).toBe(revisions.length);
      expect((revisions[revisions.length - 1].snapshot as { sections: unknown }).sections).toEqual(h.sections);
      expect(Object.keys((revisions[0].snapshot as { sections: object }).sections).length).toBeLessThan(Object.keys(h.sections as object).length);
      expect(revisions.map((r) => r.createdAt.getTime())).toEqual(revisions.map((r) => r.createdAt.getTime()).sort((a, b) => a - b));
      expect(h.milestones.length).toBeGreaterThanOrEqual(2);
    }
    const inReview = handoffs.find((h) => h.status === "in_review")!;
    expect(inReview.reviewers).toHaveLength(1);

    // Markdown features the renderer must handle appear somewhere.
    const text = handoffs.flatMap((h) => Object.values(h.sections as Record<string, string>)).join("\n");
    expect(text).toMatch(/^\| --- \|/m);
    expect(text).toContain("$$");
    expect(text).toMatch(/^```python$/m);
    expect(text).not.toMatch(/lorem|TODO|placeholder/i);

    // Comments anchor to real sections; threads include a reply and a resolved one.
    const comments = handoffs.flatMap((h) => h.comments);
    expect(comments.length).toBeGreaterThanOrEqual(3);
    for (const c of comments) expect(known.has(c.sectionKey)).toBe(true);
    expect(comments.some((c) => c.parentId)).toBe(true);
    expect(comments.some((c) => c.parentId === null && c.resolvedAt)).toBe(true);
  });

  it("creates 15 FLOOR milestones in an acyclic graph, with blocked and overdue work", async () => {
    const milestones = await db.milestone.findMany({
      where: { project: { key: DEMO_PROJECT_KEY } },
      include: { statusUpdates: { orderBy: { createdAt: "asc" } }, services: true },
    });
    expect(milestones).toHaveLength(15);
    expect(milestones.map((m) => m.key).sort()).toEqual(Array.from({ length: 15 }, (_, i) => `FLOOR-${i + 1}`).sort());

    const count = (status: string) => milestones.filter((m) => m.status === status).length;
    expect(count("done")).toBeGreaterThanOrEqual(3);
    expect(count("in_progress")).toBeGreaterThanOrEqual(2);
    expect(count("blocked")).toBeGreaterThanOrEqual(2);
    expect(count("planned")).toBeGreaterThanOrEqual(2);
    expect(count("cancelled")).toBe(1);
    expect(new Set(milestones.map((m) => m.health))).toEqual(new Set(["on_track", "at_risk", "off_track"]));

    const overdue = milestones.filter((m) => !["done", "cancelled"].includes(m.status) && m.dueDate && m.dueDate < now);
    expect(overdue.length).toBeGreaterThanOrEqual(2);
    for (const m of milestones.filter((m) => m.status === "done")) {
      expect(m.completedAt).not.toBeNull();
      expect(m.completedAt!.getTime()).toBeLessThan(now.getTime());
    }
    for (const m of milestones.filter((m) => m.status === "blocked")) expect(m.description).toMatch(/blocked/i);
    expect(milestones.some((m) => m.dueDate && m.dueDate.getTime() > now.getTime() + DAY)).toBe(true);

    // History: 1-4 updates, chronological, chained, ending at the current status and health.
    for (const m of milestones) {
      const updates = m.statusUpdates;
      expect(updates.length, m.key).toBeGreaterThanOrEqual(1);
      expect(updates.length, m.key).toBeLessThanOrEqual(4);
      expect(updates[0].fromStatus).toBeNull();
      for (let i = 1; i < updates.length; i++) {
        expect(updates[i].fromStatus, m.key).toBe(updates[i - 1].toStatus);
        expect(updates[i].fromHealth, m.key).toBe(updates[i - 1].toHealth);
        expect(updates[i].createdAt.getTime()).toBeGreaterThan(updates[i - 1].createdAt.getTime());
      }
      const last = updates[updates.length - 1];
      expect([last.toStatus, last.toHealth], m.key).toEqual([m.status, m.health]);
      expect(last.createdAt.getTime()).toBeLessThanOrEqual(now.getTime());
    }

    // Dependencies: acyclic (depth-first search with colours).
    const edges = await db.milestoneDependency.findMany({ where: { project: { key: DEMO_PROJECT_KEY } } });
    expect(edges.length).toBeGreaterThanOrEqual(15);
    const ids = new Set(milestones.map((m) => m.id));
    const next = new Map<string, string[]>();
    for (const e of edges) {
      expect(ids.has(e.milestoneId) && ids.has(e.dependsOnId)).toBe(true);
      next.set(e.milestoneId, [...(next.get(e.milestoneId) ?? []), e.dependsOnId]);
    }
    const colour = new Map<string, "grey" | "black">();
    const hasCycle = (id: string): boolean => {
      if (colour.get(id) === "grey") return true;
      if (colour.get(id) === "black") return false;
      colour.set(id, "grey");
      const cycle = (next.get(id) ?? []).some(hasCycle);
      colour.set(id, "black");
      return cycle;
    };
    expect([...ids].some(hasCycle)).toBe(false);

    expect(milestones.filter((m) => m.services.length > 0).length).toBeGreaterThanOrEqual(8);
  });

  it("creates the service catalog with interfaces and dependencies", async () => {
    const services = await db.service.findMany({ include: { interfaces: true, calls: true } });
    expect(services).toHaveLength(8);
    for (const s of services) {
      expect(s.name).toMatch(/^[a-z][a-z0-9-]*[a-z0-9]$/);
      expect(s.interfaces.length).toBeGreaterThanOrEqual(1);
      expect(s.interfaces.length).toBeLessThanOrEqual(3);
    }
    expect(new Set(services.map((s) => s.layer))).toEqual(new Set(["gateway", "api", "service", "worker", "model", "data"]));
    expect(await db.serviceDependency.count()).toBeGreaterThanOrEqual(8);
    const gateway = services.find((s) => s.name === "ai-gateway")!;
    expect(gateway.calls.length).toBeGreaterThanOrEqual(2);
  });

  it("was written through the product: every act is allowed to its author and audited on its day", async () => {
    const events = await db.auditEvent.findMany();
    const emails = new Set<string>(DEMO_USERS.map((u) => u.email));
    for (const e of events) {
      expect(e.outcome, e.action).toBe("success");
      expect(emails.has(e.actorEmail), e.actorEmail).toBe(true);
      // Stamped by lib/data at seeding time, then moved to the act's day: never after `now`.
      expect(e.at.getTime(), e.action).toBeLessThanOrEqual(now.getTime());
    }
    const times = events.map((e) => e.at.getTime());
    expect(Math.max(...times) - Math.min(...times)).toBeGreaterThan(100 * DAY);
    const audited = (action: string, targetId: string) => events.filter((e) => e.action === action && e.targetId === targetId).length;

    const roles = new Map((await db.membership.findMany()).map((m) => [`${m.projectId}/${m.userId}`, m.role as ProjectRole]));
    const admins = new Set((await db.user.findMany({ where: { isAdmin: true } })).map((u) => u.id));
    const role = (projectId: string, userId: string | null) => (userId && admins.has(userId) ? "owner" : (roles.get(`${projectId}/${userId}`) ?? null));

    const milestones = await db.milestone.findMany({ include: { statusUpdates: true } });
    for (const m of milestones) {
      expect(audited("milestone.create", m.id), m.key).toBe(1);
      expect(audited("milestone.updateStatus", m.id), m.key).toBe(m.statusUpdates.length - 1);
      for (const u of m.statusUpdates) expect(roleAllows(role(m.projectId, u.authorId), "milestone", "updateStatus"), m.key).toBe(true);
    }
    for (const h of await db.handoff.findMany({ include: { comments: true } })) {
      expect(audited("handoff.create", h.id), h.title).toBe(1);
      expect(audited("handoff.update", h.id), h.title).toBe(h.version - 1);
      expect(audited("handoff.submit", h.id), h.title).toBe(h.submittedAt ? 1 : 0);
      expect(audited("handoff.accept", h.id), h.title).toBe(h.acceptedAt ? 1 : 0);
      expect(roleAllows(role(h.projectId, h.authorId), "handoff", "create"), h.title).toBe(true);
      for (const c of h.comments) {
        expect(roleAllows(role(h.projectId, c.authorId), "handoff", "comment")).toBe(true);
        expect(events.filter((e) => (e.details as { commentId?: string } | null)?.commentId === c.id && e.action !== "handoff.resolve")).toHaveLength(1);
      }
    }
  });

  it("carries each handoff's text from its Markdown files in lib/demo/content", async () => {
    for (const plan of HANDOFFS) {
      const text = handoffText(plan.ref);
      const h = await db.handoff.findFirstOrThrow({ where: { title: plan.title } });
      expect(h.sections).toEqual(text.sections);
      expect(h.body).toBe(text.body);
      expect(h.bibtex).toBe(text.bibtex);
    }
  });
});

describe("demo seed on an instance prepared without the demo", () => {
  const file = path.join(os.tmpdir(), `legible-seed-${Date.now().toString(36)}-${randomBytes(4).toString("hex")}.db`);
  let db: Db;

  beforeAll(async () => {
    await migrate(`file:${file}`);
    db = createDb(`file:${file}`);
  });
  afterAll(async () => {
    if (db) await closeDb(db);
    for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(file + suffix, { force: true });
  });

  it("keeps the one built-in template, and the demo's handoffs use it", async () => {
    const id = await ensureBuiltInTemplate(db);
    await seedDemo(db);
    expect(await db.handoffTemplate.count({ where: { projectId: null } })).toBe(1);
    expect(new Set((await db.handoff.findMany()).map((h) => h.templateId))).toEqual(new Set([id]));
  });
});

describe("the sign-in page", () => {
  it("imports the demo accounts module only, which imports nothing", () => {
    const page = readFileSync(path.join(import.meta.dirname, "..", "..", "app", "(auth)", "signin", "page.tsx"), "utf8");
    expect(page.match(/from "@\/lib\/demo\/[^"]*"/g)).toEqual(['from "@/lib/demo/users"']);
    expect(readFileSync(path.join(import.meta.dirname, "users.ts"), "utf8")).not.toMatch(/^import /m);
  });
});
