// Writes the demo as its users would have made it: every act goes through the lib/data function
// the product's pages and API call, as the demo user who did it, on the clock of its day
// (clock.ts). write-direct.ts writes the few facts no lib/data function writes yet.
// Runs against the database db() returns (lib/demo/scratch.ts points it at a scratch one).
import { db } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/actor";
import { roleAllows } from "@/lib/auth/permissions";
import { createProject } from "@/lib/data/projects";
import { addMember } from "@/lib/data/memberships";
import { createService } from "@/lib/data/services";
import { createMilestone, updateMilestoneStatus } from "@/lib/data/milestones";
import { createHandoff, transitionHandoff, updateHandoff } from "@/lib/data/handoffs";
import { setHandoffMilestones } from "@/lib/data/handoff-milestones";
import { approveHandoff, setCommentResolved, setReviewers } from "@/lib/data/handoff-review";
import { addComment } from "@/lib/data/comments";
import { ensureBuiltInTemplate } from "@/lib/data/templates";
import { DEMO_USERS, type UserKey } from "@/lib/demo/users";
import { HANDOFFS, handoffText, writingStages, type HandoffPlan } from "@/lib/demo/handoffs";
import { PROJECTS, type ProjectPlan } from "@/lib/demo/plan/projects";
import { SERVICE_EDGES, SERVICES } from "@/lib/demo/plan/services";
import { createDemoUsers } from "@/lib/demo/write-direct";
import { createInterface } from "@/lib/data/service-interfaces";
import { addServiceDependency } from "@/lib/data/service-dependencies";
import { applyInterfaceImport } from "@/lib/data/interface-import";
import { applyComposeImport } from "@/lib/data/compose-import";
import { DEMO_MONOREPO, demoMonorepoFile } from "@/lib/demo/monorepo";
import { addDependency, setMilestoneServices } from "@/lib/data/milestone-plan";
import { linkServiceMilestone } from "@/lib/data/service-milestones";
import type { DemoClock } from "@/lib/demo/clock";

/** Where the demo's own writes say they came from in the audit log. */
const DEMO_CONTEXT = { ip: "", userAgent: "legible-demo" };

type Ids = Record<string, string>;

export async function writeDemoPlan(passwordHash: string, now: Date, clock: DemoClock): Promise<void> {
  const days = (n: number) => new Date(now.getTime() + n * 86_400_000);
  const userIds = await createDemoUsers(db(), passwordHash, days(-130));
  const as = Object.fromEntries(
    DEMO_USERS.map((u) => [u.key, { id: userIds[u.key], email: u.email, name: u.name, isAdmin: u.isAdmin, ...DEMO_CONTEXT } satisfies Actor]),
  ) as Record<UserKey, Actor>;

  /** One act, on day `day` of the demo's story. */
  const act = <T>(day: number, fn: () => Promise<T>) => clock.act(days(day), fn);

  const templateId = await ensureBuiltInTemplate();

  // The organisation-wide service catalog, added by the admin, each entry owned by its team lead.
  const services: Ids = {};
  for (const s of SERVICES) {
    const { interfaces: _, owner, ...fields } = s;
    const row = await act(-115, () => createService(as.admin, { ...fields, ownerId: userIds[owner] }));
    services[s.name] = row.id;
  }
  // Each owner imports their service's interfaces from its OpenAPI spec in the monorepo
  // (docs/examples/demo-monorepo/openapi/); the two with no HTTP interface (a queue consumer and the
  // database) are described by hand on the service's page.
  for (const s of SERVICES) {
    const spec = DEMO_MONOREPO.openapi[s.name];
    if (spec) {
      await act(-114, () => applyInterfaceImport(as[s.owner], s.name, { text: demoMonorepoFile(spec), filename: spec.split("/").pop() }));
      continue;
    }
    for (const i of s.interfaces) {
      await act(-114, () => createInterface(as[s.owner], s.name, { kind: "operation", ...i }));
    }
  }
  // How the services reach each other, each said by the caller's owner, with what travels along it.
  for (const e of SERVICE_EDGES) {
    const owner = SERVICES.find((s) => s.name === e.from)!.owner;
    await act(-114, () => addServiceDependency(as[owner], e.from, { to: e.to, kind: e.kind, description: e.description }));
  }

  for (const p of PROJECTS) await writeProject(p, { as, userIds, services, templateId, days, act });
}

type Context = {
  as: Record<UserKey, Actor>;
  userIds: Record<UserKey, string>;
  services: Ids;
  templateId: string;
  days: (n: number) => Date;
  act: <T>(day: number, fn: () => Promise<T>) => Promise<T>;
};

async function writeProject(p: ProjectPlan, c: Context) {
  const { as, act, days } = c;
  await act(p.createdAt, () =>
    createProject(as[p.createdBy], { key: p.key, name: p.name, description: p.description }),
  );
  for (const [user, role] of p.members) {
    await act(p.createdAt, () => addMember(as[p.createdBy], p.key, { email: as[user].email, role }));
  }

  // Milestones: created, then each status change by whoever made it.
  const milestones: Ids = {};
  for (const m of p.milestones) {
    const [first, ...changes] = m.history;
    const row = await act(first.at, () =>
      createMilestone(as[first.by], p.key, {
        key: m.key,
        title: m.title,
        description: m.description,
        acceptanceCriteria: m.acceptanceCriteria,
        ownerId: c.userIds[m.owner],
        startDate: m.start === null ? null : days(m.start),
        dueDate: m.due === null ? null : days(m.due),
        estimateDays: m.estimateDays,
      }),
    );
    milestones[m.key] = row.id;
    for (const [i, h] of changes.entries()) {
      await act(h.at, () =>
        updateMilestoneStatus(as[h.by], row.id, { status: h.status, health: h.health, note: h.note, version: i + 1 }),
      );
    }
  }
  if (p.composeImport) {
    const [by, day] = p.composeImport;
    await act(day, () => applyComposeImport(as[by], p.key, { text: demoMonorepoFile(DEMO_MONOREPO.compose), filename: "compose.yaml" }));
  }
  // Dependencies and the services each milestone names, planned by whoever created the milestone,
  // on the day the later of the two milestones existed.
  const created = (key: string) => p.milestones.find((m) => m.key === key)!.history[0];
  for (const [dependent, prerequisite] of p.edges) {
    await act(Math.max(created(dependent).at, created(prerequisite).at), () =>
      addDependency(as[created(dependent).by], milestones[dependent], { dependsOn: milestones[prerequisite] }),
    );
  }
  for (const m of p.milestones.filter((x) => x.services.length > 0)) {
    await act(m.history[0].at, () => setMilestoneServices(as[m.history[0].by], milestones[m.key], { services: m.services }));
  }
  // A link grants its project's planners editing only when one of the service's editors made it.
  // Each service's owner confirms the links others made to it, where they may plan: so the admin's
  // ai-gateway is edited by FLOOR's engineers, while the researcher's floorplan-generator is not.
  const role = (user: UserKey) => (user === p.createdBy ? "owner" : (p.members.find(([u]) => u === user)?.[1] ?? null));
  for (const m of p.milestones) {
    const by = m.history[0].by;
    for (const name of m.services) {
      const owner = SERVICES.find((s) => s.name === name)!.owner;
      if (owner === by || as[by].isAdmin || !(as[owner].isAdmin || roleAllows(role(owner), "milestone", "update"))) continue;
      await act(m.history[0].at, () => linkServiceMilestone(as[owner], name, { milestone: milestones[m.key] }));
    }
  }

  const handoffs: Ids = {};
  for (const ref of p.handoffs) {
    const h = HANDOFFS.find((x) => x.ref === ref)!;
    handoffs[ref] = await writeHandoff(p, h, c);
    // The manager links the milestones decomposed from it once they all exist.
    const linkedAt = Math.max(h.createdAt, ...h.milestones.map((key) => p.milestones.find((m) => m.key === key)!.history[0].at));
    await act(linkedAt, () =>
      setHandoffMilestones(as.manager, handoffs[ref], { milestoneIds: h.milestones.map((key) => milestones[key]) }),
    );
  }

  for (const [ref, reviewer, day] of p.reviewers) {
    const author = HANDOFFS.find((x) => x.ref === ref)!.author;
    await act(day, () => setReviewers(as[author], handoffs[ref], { userIds: [c.userIds[reviewer]] }));
  }

  for (const t of p.comments) {
    const handoffId = handoffs[t.handoff];
    const thread = await act(t.at, () => addComment(as[t.author], handoffId, { sectionKey: t.sectionKey, body: t.body }));
    for (const r of t.replies ?? []) {
      await act(r.at, () => addComment(as[r.author], handoffId, { sectionKey: t.sectionKey, body: r.body, parentId: thread.id }));
    }
    if (t.resolved) await act(t.resolved.at, () => setCommentResolved(as[t.resolved!.by], thread.id, true));
  }
}

/** A handoff written in stages by its author, then submitted and accepted as its story says. */
async function writeHandoff(p: ProjectPlan, h: HandoffPlan, c: Context): Promise<string> {
  const { as, act } = c;
  const text = handoffText(h.ref);
  const paper = { title: h.title, paperTitle: h.paperTitle, authors: h.authors, venue: h.venue, year: h.year, arxivId: h.arxivId, doi: h.doi, url: h.url, bibtex: text.bibtex };
  const [first, ...later] = writingStages({ ...h, ...text });
  const handoff = await act(first.at, () =>
    createHandoff(as[h.author], p.key, { ...paper, sections: first.sections, body: first.body, templateId: c.templateId }),
  );
  for (const [i, stage] of later.entries()) {
    await act(stage.at, () => updateHandoff(as[h.author], handoff.id, { ...paper, sections: stage.sections, body: stage.body, version: i + 1, message: stage.message }));
  }
  let status: string = handoff.status;
  if (h.submittedAt !== null) status = (await act(h.submittedAt, () => transitionHandoff(as[h.author], handoff.id, "submit"))).status;
  if (h.acceptedAt !== null) {
    // The engineer reviewing it vouches for the text first; accepting stays the manager's call.
    const version = later.length + 1;
    await act(h.acceptedAt, () => approveHandoff(as.engineer, handoff.id, { version, note: "Read it against the serving constraints: the production notes hold up." }));
    status = (await act(h.acceptedAt, () => transitionHandoff(as.manager, handoff.id, { transition: "accept", note: "Handed to the platform team for the layout API." }))).status;
  }
  if (status !== h.status) throw new Error(`lib/demo/handoffs.ts: ${h.ref} ends ${status}, not ${h.status}; check its submittedAt and acceptedAt.`);
  return handoff.id;
}
