// Asserts every cell of the permission matrix (lib/auth/permissions.ts, rendered in
// docs/permissions.md) against a real database, by calling the data access layer directly:
// allowed cells succeed, denied cells throw ForbiddenError (or NotFoundError where the matrix
// says hidden), outsiders get NotFoundError and signed-out callers UnauthenticatedError.
// Each denial must leave an audit event behind.
import { planComposeImport } from "@/lib/data/compose-import";
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor, Caller } from "@/lib/auth/actor";
import { INSTANCE_MATRIX, PROJECT_MATRIX, ROLES, roleAllows, type InstanceAudience, type ProjectRole } from "@/lib/auth/permissions";
import { ForbiddenError, NotFoundError, UnauthenticatedError } from "@/lib/errors";
import { getProjectOverview, updateProject, setProjectArchived, createProject, listProjects } from "@/lib/data/projects";
import { addMember, listMembers } from "@/lib/data/memberships";
import { createHandoff, deleteHandoff, getHandoff, transitionHandoff, updateHandoff } from "@/lib/data/handoffs";
import { addComment, deleteComment, editComment } from "@/lib/data/comments";
import { createMilestone, deleteMilestone, getMilestone, updateMilestone, updateMilestoneStatus } from "@/lib/data/milestones";
import { createService, deleteService, listServices, updateService } from "@/lib/data/services";
import { createToken, revokeToken } from "@/lib/data/tokens";
import { createUser, listUsers } from "@/lib/data/users";
import { listAuditEvents } from "@/lib/data/audit";
import { setMapPins } from "@/lib/data/map-pins";
import { createTemplate, listTemplates } from "@/lib/data/templates";
import { resetEnvForTests } from "@/lib/env";
import { encode } from "next-auth/jwt";
import * as projectsRoute from "@/app/api/v1/projects/route";
import * as servicesRoute from "@/app/api/v1/services/route";
import * as serviceRoute from "@/app/api/v1/services/[name]/route";
import { createTestDatabase, describeEachProvider, type TestDb } from "../helpers/db";

const uid = () => randomBytes(4).toString("hex");

type Subject = ProjectRole | "outsider" | "admin";
const SUBJECTS: Subject[] = [...ROLES, "outsider", "admin"];
/** Instance-wide cells add the owner of the service an attempt acts on (no project role anywhere). */
type InstanceSubject = Subject | "service owner";
const INSTANCE_SUBJECTS: InstanceSubject[] = [...SUBJECTS, "service owner"];

describeEachProvider("permission matrix", (provider) => {
  let t: TestDb;
  const actors = {} as Record<InstanceSubject, Actor>;
  let projectId = "";
  const KEY = "PERM";
  let milestoneCounter = 100;

  const sys = () => t.db;

  async function makeUser(label: string, isAdmin = false): Promise<Actor> {
    const email = `${label}-${uid()}@example.test`;
    const user = await sys().user.create({ data: { email, name: `Test ${label}`, isAdmin } });
    return { id: user.id, email, name: user.name, isAdmin, ip: "127.0.0.1", userAgent: `vitest ${provider}` };
  }

  async function makeHandoff(status: "draft" | "in_review" = "draft") {
    return sys().handoff.create({ data: { projectId, title: `Handoff ${uid()}`, authors: [], sections: {}, status } });
  }

  /** A comment on a fresh handoff, written by `authorId` (as if they had the role to comment when they did). */
  async function makeComment(authorId: string) {
    const handoff = await makeHandoff();
    return sys().comment.create({ data: { handoffId: handoff.id, sectionKey: "tldr", body: "Written earlier.", authorId } });
  }

  async function makeMilestone() {
    return sys().milestone.create({ data: { projectId, key: `${KEY}-${milestoneCounter++}`, title: `Milestone ${uid()}` } });
  }

  beforeAll(async () => {
    t = await createTestDatabase(provider);
    const project = await sys().project.create({ data: { key: KEY, name: "Permissions" } });
    projectId = project.id;
    for (const role of ROLES) {
      actors[role] = await makeUser(role);
      await sys().membership.create({ data: { projectId, userId: actors[role].id, role } });
    }
    actors.outsider = await makeUser("outsider");
    actors.admin = await makeUser("admin", true);
    actors["service owner"] = await makeUser("service-owner");
  });
  afterAll(() => t?.drop());

  // One attempt per project-matrix cell. Each makes its own target, so order never matters.
  const projectAttempts: { [R in keyof typeof PROJECT_MATRIX]: Record<keyof (typeof PROJECT_MATRIX)[R], (c: Caller) => Promise<unknown>> } = {
    project: {
      read: (c) => getProjectOverview(c, KEY),
      update: (c) => updateProject(c, KEY, { name: `Permissions ${uid()}` }),
      archive: (c) => setProjectArchived(c, KEY, false),
      importServices: (c) => planComposeImport(c, KEY, { text: "services:\n  web:\n    image: nginx\n" }),
    },
    membership: {
      read: (c) => listMembers(c, KEY),
      manage: async (c) => addMember(c, KEY, { email: (await makeUser("invitee")).email, role: "viewer" }),
    },
    handoff: {
      read: async (c) => getHandoff(c, (await makeHandoff()).id),
      create: (c) => createHandoff(c, KEY, { title: `New handoff ${uid()}` }),
      update: async (c) => updateHandoff(c, (await makeHandoff()).id, { title: `Edited ${uid()}`, version: 1 }),
      delete: async (c) => deleteHandoff(c, (await makeHandoff()).id),
      comment: async (c) => addComment(c, (await makeHandoff()).id, { sectionKey: "tldr", body: "Looks right." }),
      review: async (c) => transitionHandoff(c, (await makeHandoff("in_review")).id, { transition: "requestChanges", note: "Say more about latency." }),
      accept: async (c) => transitionHandoff(c, (await makeHandoff("in_review")).id, "accept"),
    },
    // "Own" cells act on a comment the subject wrote; deleteAny on someone else's.
    comment: {
      editOwn: async (c) => {
        const mine = await makeComment(c?.id ?? actors.researcher.id);
        return editComment(c, mine.handoffId, mine.id, { body: `Edited ${uid()}` });
      },
      deleteOwn: async (c) => {
        const mine = await makeComment(c?.id ?? actors.researcher.id);
        return deleteComment(c, mine.handoffId, mine.id);
      },
      deleteAny: async (c) => {
        const theirs = await makeComment(c?.id === actors.engineer.id ? actors.researcher.id : actors.engineer.id);
        return deleteComment(c, theirs.handoffId, theirs.id);
      },
    },
    template: {
      read: (c) => listTemplates(c, KEY),
      manage: (c) => createTemplate(c, KEY, { name: `Template ${uid()}`, sections: [{ key: "summary", title: "Summary", guidance: "", required: true }] }),
    },
    milestone: {
      read: async (c) => getMilestone(c, (await makeMilestone()).id),
      create: (c) => createMilestone(c, KEY, { key: `${KEY}-${milestoneCounter++}`, title: "Created in test" }),
      update: async (c) => updateMilestone(c, (await makeMilestone()).id, { title: `Renamed ${uid()}`, version: 1 }),
      updateStatus: async (c) => updateMilestoneStatus(c, (await makeMilestone()).id, { status: "in_progress", health: "on_track", version: 1 }),
      delete: async (c) => deleteMilestone(c, (await makeMilestone()).id),
    },
    map: {
      arrange: async (c) => setMapPins(c, KEY, { pins: [{ node: `milestone:${(await makeMilestone()).id}`, x: 40, y: 80 }] }),
    },
  };

  async function signedOutCount() {
    return (await sys().anonymousDenialCount.aggregate({ _sum: { count: true } }))._sum.count ?? 0;
  }

  async function deniedEventsFor(actor: Actor | null) {
    return sys().auditEvent.count({ where: { outcome: "denied", ...(actor ? { actorId: actor.id } : { actorId: null }) } });
  }

  for (const [resource, actions] of Object.entries(PROJECT_MATRIX)) {
    for (const action of Object.keys(actions)) {
      describe(`${resource}.${action}`, () => {
        const attempt = (projectAttempts as Record<string, Record<string, (c: Caller) => Promise<unknown>>>)[resource][action];
        for (const subject of SUBJECTS) {
          const allowed =
            subject === "admin" ? true : subject === "outsider" ? false : roleAllows(subject, resource as never, action as never);
          it(`${subject}: ${allowed ? "allowed" : subject === "outsider" ? "not found" : "forbidden"}`, async () => {
            const actor = actors[subject];
            const before = await deniedEventsFor(actor);
            const result = attempt(actor);
            if (allowed) {
              await expect(result).resolves.not.toThrow();
            } else {
              await expect(result).rejects.toBeInstanceOf(subject === "outsider" ? NotFoundError : ForbiddenError);
              expect(await deniedEventsFor(actor)).toBe(before + 1);
            }
          });
        }
        it("signed out: unauthenticated", async () => {
          // Counted, not recorded one by one: anyone can send these (lib/data/anonymous-denials.ts).
          const [rowsBefore, countedBefore] = [await deniedEventsFor(null), await signedOutCount()];
          await expect(attempt(null)).rejects.toBeInstanceOf(UnauthenticatedError);
          expect(await deniedEventsFor(null)).toBe(rowsBefore);
          expect(await signedOutCount()).toBe(countedBefore + 1);
        });
      });
    }
  }

  it("covers every project-matrix cell with an attempt", () => {
    for (const [resource, actions] of Object.entries(PROJECT_MATRIX)) {
      for (const action of Object.keys(actions)) {
        expect(typeof (projectAttempts as Record<string, Record<string, unknown>>)[resource]?.[action], `${resource}.${action}`).toBe("function");
      }
    }
  });

  /** A service owned by the "service owner" subject that a milestone of this project implements, linked by an editor. */
  async function makeProjectService(layer: "api" | "worker" = "worker") {
    const service = await sys().service.create({ data: { name: `svc-${uid()}`, layer, ownerId: actors["service owner"].id } });
    await sys().milestoneService.create({ data: { milestoneId: (await makeMilestone()).id, serviceId: service.id, grantsEdit: true } });
    return service;
  }

  // Instance-wide cells, each an audience (lib/auth/permissions.ts INSTANCE_AUDIENCES).
  const instanceAttempts: { [R in keyof typeof INSTANCE_MATRIX]: Record<keyof (typeof INSTANCE_MATRIX)[R], (c: Caller) => Promise<unknown>> } = {
    project: {
      // Removed again at once, so the creator does not stay an owner (and so a catalog editor).
      create: async (c) => sys().project.delete({ where: { id: (await createProject(c, { key: `P${uid().slice(0, 6).toUpperCase()}`, name: "Made in a test" })).id } }),
    },
    service: {
      read: (c) => listServices(c),
      create: (c) => createService(c, { name: `svc-${uid()}`, layer: "api" }),
      update: async (c) => updateService(c, (await makeProjectService()).name, { layer: "service", version: 1 }),
      changeOwner: async (c) => updateService(c, (await makeProjectService()).name, { ownerId: (await makeUser("new-owner")).id, version: 1 }),
      delete: async (c) => deleteService(c, (await makeProjectService()).name),
    },
    apiToken: {
      manageOwn: (c) => createToken(c, { name: "CI" }),
      manageAny: async (c) => {
        const other = await makeUser("token-owner");
        const token = await createToken(other, { name: "theirs" });
        return revokeToken(c, token.id);
      },
    },
    user: {
      read: (c) => listUsers(c),
      manage: (c) => createUser(c, { name: "New Person", email: `new-${uid()}@example.test` }),
    },
    auditLog: { read: (c) => listAuditEvents(c) },
  };

  // Written out per audience, not derived from the code under test. For the service cells the
  // attempt's service is owned by "service owner" and implemented by a milestone of PERM.
  const planners: InstanceSubject[] = ["engineer", "manager", "owner"];
  const allowedFor: Record<InstanceAudience, (s: InstanceSubject) => boolean> = {
    member: () => true,
    // PROJECT_CREATION defaults to members; "admins" is asserted on its own below.
    "project creator": () => true,
    "catalog editor": (s) => s === "admin" || planners.includes(s),
    "service editor": (s) => s === "admin" || s === "service owner" || planners.includes(s),
    "service owner": (s) => s === "admin" || s === "service owner",
    admin: (s) => s === "admin",
  };

  for (const [resource, actions] of Object.entries(INSTANCE_MATRIX)) {
    for (const [action, audience] of Object.entries(actions)) {
      describe(`instance ${resource}.${action} (${audience})`, () => {
        const attempt = (instanceAttempts as Record<string, Record<string, (c: Caller) => Promise<unknown>>>)[resource][action];
        for (const subject of INSTANCE_SUBJECTS) {
          const allowed = allowedFor[audience as InstanceAudience](subject);
          it(`${subject}: ${allowed ? "allowed" : "denied"}`, async () => {
            const before = await deniedEventsFor(actors[subject]);
            const result = attempt(actors[subject]);
            if (allowed) await expect(result).resolves.not.toThrow();
            else {
              // Someone else's token is hidden (404) rather than forbidden.
              await expect(result).rejects.toBeInstanceOf(resource === "apiToken" ? NotFoundError : ForbiddenError);
              expect(await deniedEventsFor(actors[subject])).toBe(before + 1);
            }
          });
        }
        it("signed out: unauthenticated", async () => {
          await expect(attempt(null)).rejects.toBeInstanceOf(UnauthenticatedError);
        });
      });
    }
  }

  it("covers every instance-matrix cell with an attempt and an expectation", () => {
    for (const [resource, actions] of Object.entries(INSTANCE_MATRIX)) {
      for (const [action, audience] of Object.entries(actions)) {
        expect(typeof (instanceAttempts as Record<string, Record<string, unknown>>)[resource]?.[action], `${resource}.${action}`).toBe("function");
        expect(typeof allowedFor[audience as InstanceAudience], audience).toBe("function");
      }
    }
  });

  describe("the services catalog is not open to every member", () => {
    const params = <P>(p: P) => ({ params: Promise.resolve(p) });

    async function browser(actor: Actor) {
      const version = (await sys().user.findUniqueOrThrow({ where: { id: actor.id } })).sessionVersion;
      const token = await encode({ token: { uid: actor.id, sv: version }, secret: process.env.NEXTAUTH_SECRET! });
      return { cookie: `next-auth.session-token=${token}`, origin: "http://test", "content-type": "application/json" };
    }

    it("a viewer refused a PATCH is still refused after creating a project of their own (the reported reproduction)", async () => {
      // layout-api belongs to someone else and implements a milestone of a project the viewer is not in.
      const other = await sys().project.create({ data: { key: `L${uid().slice(0, 5).toUpperCase()}`, name: "Layout team" } });
      const m = await sys().milestone.create({ data: { projectId: other.id, key: `${other.key}-1`, title: "Serve layouts" } });
      const name = `layout-api-${uid()}`;
      const service = await sys().service.create({ data: { name, layer: "api", ownerId: actors["service owner"].id } });
      await sys().milestoneService.create({ data: { milestoneId: m.id, serviceId: service.id, grantsEdit: true } });
      const viewer = actors.viewer;
      const headers = await browser(viewer);
      const patch = () =>
        serviceRoute.PATCH(
          new Request(`http://test/api/v1/services/${name}`, { method: "PATCH", headers, body: JSON.stringify({ layer: "api", lifecycle: "retired", version: 1 }) }),
          params({ name }),
        );

      expect((await patch()).status).toBe(403);
      const key = `V${uid().slice(0, 6).toUpperCase()}`;
      const created = await projectsRoute.POST(new Request("http://test/api/v1/projects", { method: "POST", headers, body: JSON.stringify({ key, name: "Mine now" }) }), params({}));
      expect(created.status).toBe(201);
      const again = await patch();
      expect(again.status).toBe(403);
      expect((await again.json()).detail).toBe(`Only ${name}'s owner, instance admins, and the engineers, managers and owners of the projects whose milestones its owner, an admin or another of its editors linked to it can edit it.`);
      expect((await sys().service.findUniqueOrThrow({ where: { name } })).lifecycle).toBe("experimental");
      // What the new project's owner may do: add a service, which is theirs to edit.
      const own = `mine-${uid()}`;
      const added = await servicesRoute.POST(new Request("http://test/api/v1/services", { method: "POST", headers, body: JSON.stringify({ name: own, layer: "worker" }) }), params({}));
      expect(added.status).toBe(201);
      expect((await added.json()).service.ownerId).toBe(viewer.id);
      const edited = await serviceRoute.PATCH(
        new Request(`http://test/api/v1/services/${own}`, { method: "PATCH", headers, body: JSON.stringify({ description: "Mine.", version: 1 }) }),
        params({ name: own }),
      );
      expect(edited.status).toBe(200);
      await sys().project.delete({ where: { key } });
    });

    it("engineers of one project cannot edit a service only other projects' milestones use", async () => {
      const service = await sys().service.create({ data: { name: `svc-${uid()}`, layer: "api", ownerId: actors["service owner"].id } });
      await expect(updateService(actors.engineer, service.name, { layer: "worker", version: 1 })).rejects.toBeInstanceOf(ForbiddenError);
      await expect(updateService(actors.owner, service.name, { layer: "worker", version: 1 })).rejects.toBeInstanceOf(ForbiddenError);
    });

    it("an archived project's engineers no longer edit the services its milestones use", async () => {
      const archived = await sys().project.create({ data: { key: `A${uid().slice(0, 5).toUpperCase()}`, name: "Archived", archivedAt: new Date() } });
      const engineer = await makeUser("archived-engineer");
      await sys().membership.create({ data: { projectId: archived.id, userId: engineer.id, role: "engineer" } });
      const m = await sys().milestone.create({ data: { projectId: archived.id, key: `${archived.key}-1`, title: "Old work" } });
      const service = await sys().service.create({ data: { name: `svc-${uid()}`, layer: "api" } });
      await sys().milestoneService.create({ data: { milestoneId: m.id, serviceId: service.id, grantsEdit: true } });
      await expect(updateService(engineer, service.name, { layer: "worker", version: 1 })).rejects.toBeInstanceOf(ForbiddenError);
      await sys().project.update({ where: { id: archived.id }, data: { archivedAt: null } });
      await expect(updateService(engineer, service.name, { layer: "worker", version: 1 })).resolves.toMatchObject({ layer: "worker" });
    });

    it("an implementing project's engineer edits a service but cannot take it over; its owner hands it on", async () => {
      const service = await makeProjectService();
      await expect(updateService(actors.engineer, service.name, { ownerId: actors.engineer.id, version: 1 })).rejects.toThrow(`Only ${service.name}'s owner and instance admins can give it another owner.`);
      await expect(updateService(actors.engineer, service.name, { ownerId: actors["service owner"].id, description: "Same owner.", version: 1 })).resolves.toMatchObject({ version: 2 });
      const next = await makeUser("next-owner");
      await expect(updateService(actors["service owner"], service.name, { ownerEmail: next.email.toUpperCase(), version: 2 })).resolves.toMatchObject({ ownerId: next.id });
      // The former owner has no project role: the service is no longer theirs to edit.
      await expect(updateService(actors["service owner"], service.name, { layer: "api", version: 3 })).rejects.toBeInstanceOf(ForbiddenError);
    });

    it("a PATCH changes only the fields it sends", async () => {
      const service = await sys().service.create({ data: { name: `svc-${uid()}`, layer: "model", displayName: "Kept", image: "reg/kept:1", ownerId: actors["service owner"].id } });
      const updated = await updateService(actors["service owner"], service.name, { lifecycle: "production", version: 1 });
      expect(updated).toMatchObject({ layer: "model", displayName: "Kept", image: "reg/kept:1", lifecycle: "production", ownerId: actors["service owner"].id, version: 2 });
    });

    it("refuses an owner that is not an active account, naming the field", async () => {
      const service = await makeProjectService();
      await expect(updateService(actors.admin, service.name, { ownerEmail: "nobody@example.test", version: 1 })).rejects.toThrow("Owner's email must be the email of an active account on this instance; none has the email nobody@example.test.");
      await expect(createService(actors.admin, { name: `svc-${uid()}`, layer: "api", ownerId: "no-such-user" })).rejects.toThrow("Owner must be an active account on this instance.");
    });

    it("with PROJECT_CREATION=admins only admins create projects, so no one makes themselves an owner", async () => {
      process.env.PROJECT_CREATION = "admins";
      resetEnvForTests();
      try {
        for (const subject of INSTANCE_SUBJECTS.filter((s) => s !== "admin")) {
          await expect(instanceAttempts.project.create(actors[subject]), subject).rejects.toThrow("On this instance only admins create projects.");
        }
        await expect(instanceAttempts.project.create(actors.admin)).resolves.not.toThrow();
      } finally {
        delete process.env.PROJECT_CREATION;
        resetEnvForTests();
      }
    });
  });

  it("lists only the projects a user belongs to, and every project for admins", async () => {
    const other = await sys().project.create({ data: { key: `O${uid().slice(0, 5).toUpperCase()}`, name: "Other team" } });
    const outsiderProjects = await listProjects(actors.outsider);
    expect(outsiderProjects.map((p) => p.id)).not.toContain(other.id);
    expect((await listProjects(actors.viewer)).map((p) => p.key)).toContain(KEY);
    expect((await listProjects(actors.admin)).map((p) => p.id)).toContain(other.id);
  });
});
