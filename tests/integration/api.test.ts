// Calls the REST route handlers directly, with no proxy.ts in front, to prove that they enforce
// authentication and authorization themselves: 401 signed out, 404 for other projects' objects,
// 403 for a role that may not act, bearer tokens, and problem JSON for every error.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, expect, it } from "vitest";
import { encode } from "next-auth/jwt";
import type { Actor } from "@/lib/auth/actor";
import { createToken } from "@/lib/data/tokens";
import * as projectsRoute from "@/app/api/v1/projects/route";
import * as projectRoute from "@/app/api/v1/projects/[key]/route";
import * as statusRoute from "@/app/api/v1/milestones/[id]/status/route";
import * as handoffRoute from "@/app/api/v1/handoffs/[id]/route";
import * as attachmentsRoute from "@/app/api/v1/handoffs/[id]/attachments/route";
import * as transitionsRoute from "@/app/api/v1/handoffs/[id]/transitions/route";
import { createTestDatabase, describeEachProvider, type TestDb } from "../helpers/db";

const params = <P>(p: P) => ({ params: Promise.resolve(p) });

describeEachProvider("REST API route handlers", (provider) => {
  let t: TestDb;
  let member: Actor;
  let outsider: Actor;
  let mine = { key: "", milestoneId: "", handoffId: "" };
  let theirs = { key: "", milestoneId: "", handoffId: "" };

  async function user(label: string): Promise<Actor> {
    const u = await t.db.user.create({ data: { email: `${label}-${randomBytes(3).toString("hex")}@example.test`, name: label } });
    return { id: u.id, email: u.email, name: u.name, isAdmin: false, ip: "127.0.0.1", userAgent: "vitest" };
  }

  async function project(key: string, owner: Actor, role: "viewer" | "engineer") {
    const p = await t.db.project.create({ data: { key, name: `Project ${key}`, memberships: { create: { userId: owner.id, role } } } });
    const m = await t.db.milestone.create({ data: { projectId: p.id, key: `${key}-1`, title: "First" } });
    const h = await t.db.handoff.create({ data: { projectId: p.id, title: "Paper", authors: [], sections: {} } });
    return { key, milestoneId: m.id, handoffId: h.id };
  }

  async function sessionCookie(actor: Actor) {
    const version = (await t.db.user.findUniqueOrThrow({ where: { id: actor.id } })).sessionVersion;
    const token = await encode({ token: { uid: actor.id, sv: version }, secret: process.env.NEXTAUTH_SECRET! });
    return `next-auth.session-token=${token}`;
  }

  beforeAll(async () => {
    t = await createTestDatabase(provider);
    member = await user("member");
    outsider = await user("outsider");
    mine = await project("MINE", member, "viewer");
    theirs = await project("THEIRS", outsider, "engineer");
  });
  afterAll(() => t?.drop());

  it("answers 401 with problem JSON when signed out", async () => {
    const res = await projectsRoute.GET(new Request("http://test/api/v1/projects"), params({}));
    expect(res.status).toBe(401);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    expect((await res.json()).detail).toMatch(/Sign in/);
  });

  it("lists only the caller's projects for a session cookie", async () => {
    const res = await projectsRoute.GET(new Request("http://test/api/v1/projects", { headers: { cookie: await sessionCookie(member) } }), params({}));
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.projects.map((p: { key: string }) => p.key)).toEqual(["MINE"]);
  });

  it("answers 404 for another project's key and objects, as if they did not exist", async () => {
    const cookie = await sessionCookie(member);
    const res = await projectRoute.GET(new Request(`http://test/api/v1/projects/${theirs.key}`, { headers: { cookie } }), params({ key: theirs.key }));
    expect(res.status).toBe(404);
    const h = await handoffRoute.GET(new Request(`http://test/api/v1/handoffs/${theirs.handoffId}`, { headers: { cookie } }), params({ id: theirs.handoffId }));
    expect(h.status).toBe(404);
    const missing = await handoffRoute.GET(new Request("http://test/api/v1/handoffs/nope", { headers: { cookie } }), params({ id: "nope" }));
    expect(missing.status).toBe(404);
    expect((await h.json()).detail).toBe((await missing.json()).detail);
  });

  it("answers 403 when the caller's role may not act, and records the denial", async () => {
    const body = JSON.stringify({ status: "in_progress", health: "on_track", version: 1 });
    const res = await statusRoute.POST(
      new Request(`http://test/api/v1/milestones/${mine.milestoneId}/status`, {
        method: "POST",
        body,
        // What the app's own page sends with the session cookie (lib/api/same-origin.ts).
        headers: { cookie: await sessionCookie(member), origin: "http://test", "content-type": "application/json" },
      }),
      params({ id: mine.milestoneId }),
    );
    expect(res.status).toBe(403);
    const denied = await t.db.auditEvent.findFirst({ where: { actorId: member.id, outcome: "denied", targetId: mine.milestoneId } });
    expect(denied?.action).toBe("milestone.updateStatus");
  });

  it("accepts a bearer API token, and rejects a revoked or unknown one", async () => {
    const { token } = await createToken(outsider, { name: "script" });
    const body = JSON.stringify({ status: "blocked", health: "at_risk", version: 1, note: "Waiting on the dataset licence" });
    const ok = await statusRoute.POST(
      new Request(`http://test/api/v1/milestones/${theirs.milestoneId}/status`, { method: "POST", body, headers: { authorization: `Bearer ${token}` } }),
      params({ id: theirs.milestoneId }),
    );
    expect(ok.status).toBe(200);
    expect((await ok.json()).milestone.status).toBe("blocked");
    const stale = await statusRoute.POST(
      new Request(`http://test/api/v1/milestones/${theirs.milestoneId}/status`, { method: "POST", body, headers: { authorization: `Bearer ${token}` } }),
      params({ id: theirs.milestoneId }),
    );
    expect(stale.status).toBe(409);
    const unknown = await projectsRoute.GET(new Request("http://test/api/v1/projects", { headers: { authorization: "Bearer lgb_not-a-real-token" } }), params({}));
    expect(unknown.status).toBe(401);
  });

  it("answers 422 naming the field for bad input, and writes nothing", async () => {
    const { token } = await createToken(outsider, { name: "script 2" });
    const before = await t.db.statusUpdate.count();
    const res = await statusRoute.POST(
      new Request(`http://test/api/v1/milestones/${theirs.milestoneId}/status`, {
        method: "POST",
        body: JSON.stringify({ status: "finished", health: "on_track", version: 2 }),
        headers: { authorization: `Bearer ${token}` },
      }),
      params({ id: theirs.milestoneId }),
    );
    expect(res.status).toBe(422);
    const problem = await res.json();
    expect(problem.detail).toMatch(/^Status must be one of/);
    expect(problem.errors.status).toBeDefined();
    const broken = await statusRoute.POST(
      new Request(`http://test/api/v1/milestones/${theirs.milestoneId}/status`, { method: "POST", body: "{ status:", headers: { authorization: `Bearer ${token}` } }),
      params({ id: theirs.milestoneId }),
    );
    expect(broken.status).toBe(422);
    expect(await t.db.statusUpdate.count()).toBe(before);
  });

  it("uploads a notebook as multipart, refusing a broken one with its line and column", async () => {
    const { token } = await createToken(outsider, { name: "uploads" });
    const upload = (name: string, text: string) => {
      const form = new FormData();
      form.set("file", new File([text], name, { type: "application/json" }));
      return attachmentsRoute.POST(
        new Request(`http://test/api/v1/handoffs/${theirs.handoffId}/attachments`, { method: "POST", body: form, headers: { authorization: `Bearer ${token}` } }),
        params({ id: theirs.handoffId }),
      );
    };
    // Engineers review; only researchers, managers and owners change a handoff.
    const refused = await upload("ok.ipynb", JSON.stringify({ nbformat: 4, nbformat_minor: 2, metadata: {}, cells: [] }));
    expect(refused.status).toBe(403);
    await t.db.membership.updateMany({ where: { userId: outsider.id }, data: { role: "researcher" } });
    const ok = await upload("ok.ipynb", JSON.stringify({ nbformat: 4, nbformat_minor: 2, metadata: {}, cells: [] }));
    expect(ok.status).toBe(201);
    const bad = await upload("bad.ipynb", '{\n  "nbformat": 4,\n  "cells": [,]\n}');
    expect(bad.status).toBe(422);
    expect((await bad.json()).detail).toMatch(/line 3, column \d+/);
    expect(await t.db.attachment.count({ where: { handoffId: theirs.handoffId } })).toBe(1);
  });

  it("refuses to submit for review while required sections are empty", async () => {
    const { token } = await createToken(outsider, { name: "transitions" });
    const res = await transitionsRoute.POST(
      new Request(`http://test/api/v1/handoffs/${theirs.handoffId}/transitions`, { method: "POST", body: JSON.stringify({ transition: "submit" }), headers: { authorization: `Bearer ${token}` } }),
      params({ id: theirs.handoffId }),
    );
    expect(res.status).toBe(422);
    expect((await res.json()).detail).toMatch(/^Fill in the required sections before submitting for review: TL;DR, Problem/);
  });
});
