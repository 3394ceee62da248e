// Asserts every cell of the permission matrix (lib/auth/permissions.ts, rendered in
// docs/permissions.md) against a real database, by calling the data access layer directly:
// allowed cells succeed, denied cells throw ForbiddenError (or NotFoundError where the matrix
// says hidden), outsiders get NotFoundError and signed-out callers UnauthenticatedError.
// Each denial must leave an audit event behind.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor, Caller } from "@/lib/auth/actor";
import { INSTANCE_MATRIX, PROJECT_MATRIX, ROLES, roleAllows, type ProjectRole } from "@/lib/auth/permissions";
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
import { createTemplate, listTemplates } from "@/lib/data/templates";
import { createTestDatabase, describeEachProvider, type TestDb } from "../helpers/db";

const uid = () => randomBytes(4).toString("hex");

type Subject = ProjectRole | "outsider" | "admin";
const SUBJECTS: Subject[] = [...ROLES, "outsider", "admin"];

describeEachProvider("permission matrix", (provider) => {
  let t: TestDb;
  const actors = {} as Record<Subject, Actor>;
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
  });
  afterAll(() => t?.drop());

  // One attempt per project-matrix cell. Each makes its own target, so order never matters.
  const projectAttempts: { [R in keyof typeof PROJECT_MATRIX]: Record<keyof (typeof PROJECT_MATRIX)[R], (c: Caller) => Promise<unknown>> } = {
    project: {
      read: (c) => getProjectOverview(c, KEY),
      update: (c) => updateProject(c, KEY, { name: `Permissions ${uid()}` }),
      archive: (c) => setProjectArchived(c, KEY, false),
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
      review: async (c) => transitionHandoff(c, (await makeHandoff("in_review")).id, "requestChanges"),
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
  };

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
          const before = await deniedEventsFor(null);
          await expect(attempt(null)).rejects.toBeInstanceOf(UnauthenticatedError);
          expect(await deniedEventsFor(null)).toBe(before + 1);
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

  // Instance-wide cells: "member", "catalog editor" (engineer, manager or owner somewhere) or "admin".
  const instanceAttempts: { [R in keyof typeof INSTANCE_MATRIX]: Record<keyof (typeof INSTANCE_MATRIX)[R], (c: Caller) => Promise<unknown>> } = {
    project: {
      // Removed again at once, so the creator does not stay an owner (and so a catalog editor).
      create: async (c) => sys().project.delete({ where: { id: (await createProject(c, { key: `P${uid().slice(0, 6).toUpperCase()}`, name: "Made in a test" })).id } }),
    },
    service: {
      read: (c) => listServices(c),
      create: (c) => createService(c, { name: `svc-${uid()}`, layer: "api" }),
      update: async (c) => {
        const s = await sys().service.create({ data: { name: `svc-${uid()}`, layer: "worker" } });
        return updateService(c, s.name, { layer: "service", version: 1 });
      },
      delete: async (c) => deleteService(c, (await sys().service.create({ data: { name: `svc-${uid()}`, layer: "data" } })).name),
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

  const isEditor = (s: Subject) => s === "admin" || s === "engineer" || s === "manager" || s === "owner";

  for (const [resource, actions] of Object.entries(INSTANCE_MATRIX)) {
    for (const [action, audience] of Object.entries(actions)) {
      describe(`instance ${resource}.${action} (${audience})`, () => {
        const attempt = (instanceAttempts as Record<string, Record<string, (c: Caller) => Promise<unknown>>>)[resource][action];
        for (const subject of SUBJECTS) {
          const allowed = audience === "member" ? true : audience === "catalog editor" ? isEditor(subject) : subject === "admin";
          it(`${subject}: ${allowed ? "allowed" : "denied"}`, async () => {
            const result = attempt(actors[subject]);
            if (allowed) await expect(result).resolves.not.toThrow();
            // Someone else's token is hidden (404) rather than forbidden.
            else await expect(result).rejects.toBeInstanceOf(resource === "apiToken" ? NotFoundError : ForbiddenError);
          });
        }
        it("signed out: unauthenticated", async () => {
          await expect(attempt(null)).rejects.toBeInstanceOf(UnauthenticatedError);
        });
      });
    }
  }

  it("lists only the projects a user belongs to, and every project for admins", async () => {
    const other = await sys().project.create({ data: { key: `O${uid().slice(0, 5).toUpperCase()}`, name: "Other team" } });
    const outsiderProjects = await listProjects(actors.outsider);
    expect(outsiderProjects.map((p) => p.id)).not.toContain(other.id);
    expect((await listProjects(actors.viewer)).map((p) => p.key)).toContain(KEY);
    expect((await listProjects(actors.admin)).map((p) => p.id)).toContain(other.id);
  });
});
