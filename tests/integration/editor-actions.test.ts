// The editor's save action answers a lost race with the other person's saved text, the text both
// started from and who saved it (the conflict view). The winning handoff reaches the action as a
// ConflictError's `current`, of type unknown, and is read with a schema: if what updateHandoff
// carries ever stops matching it, the editor would lose its conflict view, and this test fails.
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { createHandoff } from "@/lib/data/handoffs";
import { ensureBuiltInTemplate } from "@/lib/data/templates";
import { createTestDatabase, describeEachProvider, type TestDb } from "../helpers/db";

const session = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock("@/lib/auth/session", () => ({ getActor: async () => session.actor, requireActorOrRedirect: async () => session.actor }));
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));

const { saveHandoffAction } = await import("@/app/(app)/projects/[key]/handoffs/[id]/edit/actions");

describeEachProvider("the editor's save action", (provider) => {
  let t: TestDb;
  const people = {} as Record<"researcher" | "manager", Actor>;

  beforeAll(async () => {
    t = await createTestDatabase(provider);
    await ensureBuiltInTemplate(t.db);
    const project = await t.db.project.create({ data: { key: "ED", name: "Editing" } });
    for (const role of ["researcher", "manager"] as const) {
      const u = await t.db.user.create({ data: { email: `${role}@example.test`, name: `The ${role}` } });
      await t.db.membership.create({ data: { projectId: project.id, userId: u.id, role } });
      people[role] = { id: u.id, email: u.email, name: u.name, isAdmin: false, ip: "127.0.0.1", userAgent: "vitest" };
    }
  });
  afterAll(() => t?.drop());

  it("answers a stale save with the winning text, the common base and who saved it", async () => {
    const h = await createHandoff(people.researcher, "ED", { title: "Diffusion for plans", sections: { tldr: "Base." } });
    session.actor = people.researcher;
    expect(await saveHandoffAction(h.id, { title: "Diffusion for plans", sections: { tldr: "First." }, version: 1, message: "tl;dr" })).toMatchObject({ ok: true, version: 2 });

    session.actor = people.manager;
    // Sent as a form would send it: the version as text. The action passes it on unparsed.
    const lost = await saveHandoffAction(h.id, { title: "Diffusion for plans", sections: { tldr: "Mine." }, version: "1" });
    expect(lost).toMatchObject({
      ok: false,
      conflict: { version: 2, theirs: { title: "Diffusion for plans", sections: { tldr: "First." } }, base: { sections: { tldr: "Base." } }, savedBy: "The researcher" },
    });
    expect((await t.db.handoff.findUniqueOrThrow({ where: { id: h.id } })).version).toBe(2);
  });
});
