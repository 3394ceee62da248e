import { describe, expect, it } from "vitest";
import { DEFAULT_TEMPLATE_SECTIONS } from "@/lib/validation/template";
import { handoffView, lastChangeOf, paperOf, servicesOf, type HandoffRecord, type HandoffViewInput } from "./view-model";

const now = new Date("2026-06-01T12:00:00Z");
const day = (d: string) => new Date(`${d}T09:00:00Z`);

function service(name: string) {
  return { id: `svc-${name}`, name, displayName: "", layer: "api" };
}

function milestone(key: string, status: string, due: string | null, services: string[] = []) {
  return { milestone: { id: `m-${key}`, key, title: `Milestone ${key}`, status, health: "on_track", dueDate: due ? day(due) : null, services: services.map((n) => ({ service: service(n) })) } };
}

function thread(id: string, sectionKey: string, resolved = false) {
  return { id, sectionKey, body: "?", resolvedAt: resolved ? day("2026-05-02") : null, createdAt: day("2026-05-01"), editedAt: null, deletedAt: null, author: { id: "u-eng", name: "Tomás" }, resolvedBy: null, replies: [] };
}

function handoff(overrides: Partial<HandoffRecord> = {}): HandoffRecord {
  return {
    id: "h1",
    title: "Diffusion for layouts",
    paperTitle: "HouseDiffusion",
    authors: ["Mohammad Amin Shabani", 7, "Sepidehsadat Hosseini"],
    venue: "CVPR 2023",
    year: 2023,
    arxivId: "2211.13287",
    doi: null,
    url: "https://arxiv.org/abs/2211.13287",
    bibtex: "  @inproceedings{x}\n",
    body: "",
    sections: { tldr: "Written.", prod_latency: "2.9 s p95.", old_key: "Kept from before." },
    status: "in_review",
    version: 3,
    createdAt: day("2026-04-20"),
    template: null,
    author: { id: "u-res", name: "Ada" },
    reviewers: [{ user: { id: "u-eng", name: "Tomás" } }],
    milestones: [milestone("FLOOR-10", "planned", "2026-07-01", ["layout-api"]), milestone("FLOOR-2", "in_progress", "2026-05-01", ["layout-api", "constraint-checker"]), milestone("FLOOR-3", "done", "2026-04-01")],
    comments: [thread("c1", "tldr"), thread("c2", "gone_section", true), thread("c3", "body")],
    attachments: [],
    ...overrides,
  } as unknown as HandoffRecord;
}

const members: HandoffViewInput["members"] = [
  { role: "researcher", user: { id: "u-res", name: "Ada", disabledAt: null } },
  { role: "engineer", user: { id: "u-eng", name: "Tomás", disabledAt: null } },
  { role: "manager", user: { id: "u-man", name: "Priya", disabledAt: null } },
  { role: "engineer", user: { id: "u-gone", name: "Old Engineer", disabledAt: day("2026-01-01") } },
  { role: "viewer", user: { id: "u-view", name: "Vera", disabledAt: null } },
];

const view = (h = handoff(), role: HandoffViewInput["role"] = "engineer") => handoffView({ handoff: h, role, events: [], activityComplete: true, members, now });

describe("handoffView", () => {
  it("puts production sections first and keeps text under keys the template no longer has", () => {
    const v = view();
    expect(v.production.map((s) => s.key)).toEqual(DEFAULT_TEMPLATE_SECTIONS.filter((s) => s.key.startsWith("prod_")).map((s) => s.key));
    expect(v.research.some((s) => s.key.startsWith("prod_"))).toBe(false);
    expect(v.extra).toEqual([{ key: "old_key", title: "Old key", guidance: "", required: false }]);
  });

  it("groups threads by section and finds the ones whose section is gone", () => {
    const v = view();
    expect(v.threadsBySection.get("tldr")?.map((t) => t.id)).toEqual(["c1"]);
    expect(v.orphanThreads.map((t) => t.id)).toEqual(["c2"]);
    expect(v.openThreads).toBe(2);
    // Discussion on the notes shows the notes section even when they are empty.
    expect(v.hasBody).toBe(true);
    expect(view(handoff({ comments: [] })).hasBody).toBe(false);
  });

  it("sorts milestones by key in natural order and marks the open ones past due", () => {
    const v = view();
    expect(v.milestones.map((m) => [m.key, m.overdue])).toEqual([
      ["FLOOR-2", true],
      ["FLOOR-3", false],
      ["FLOOR-10", false],
    ]);
  });

  it("offers as reviewers only active members whose role reviews, by name", () => {
    expect(view().candidates.map((c) => c.name)).toEqual(["Priya", "Tomás"]);
  });

  it("derives what the viewer may do from the permission matrix", () => {
    expect(view(handoff(), "engineer").can).toMatchObject({ update: false, comment: true, plan: true });
    expect(view(handoff(), "researcher").can).toMatchObject({ update: true, comment: true, plan: false });
    expect(view(handoff(), "viewer").can).toMatchObject({ update: false, comment: false, plan: false });
  });
});

describe("paperOf", () => {
  it("lists each destination once and keeps only names as authors", () => {
    const p = paperOf(handoff());
    expect(p.links).toEqual([{ href: "https://arxiv.org/abs/2211.13287", label: "arXiv 2211.13287" }]);
    expect(p.authors).toEqual(["Mohammad Amin Shabani", "Sepidehsadat Hosseini"]);
    expect(p.venue).toBe("CVPR 2023");
    expect(p.bibtex).toBe("@inproceedings{x}");
  });

  it("names another site by its host", () => {
    const p = paperOf(handoff({ arxivId: null, doi: "10.1/x", url: "https://www.example.org/paper" }));
    expect(p.links.map((l) => l.label)).toEqual(["DOI 10.1/x", "example.org"]);
  });
});

describe("servicesOf", () => {
  it("lists each service once with the milestones it implements, in key order", () => {
    expect(servicesOf(handoff()).map((s) => [s.service.name, s.via])).toEqual([
      ["constraint-checker", ["FLOOR-2"]],
      ["layout-api", ["FLOOR-2", "FLOOR-10"]],
    ]);
  });
});

describe("lastChangeOf", () => {
  const events = [
    { id: "e2", at: day("2026-05-20"), action: "handoff.requestChanges", details: { note: "Add batch 8." }, actorEmail: "t@x", actor: { name: "Tomás" } },
    { id: "e1", at: day("2026-05-10"), action: "handoff.submit", details: {}, actorEmail: "a@x", actor: { name: "Ada" } },
  ];
  it("says who moved it into its status and what they said", () => {
    expect(lastChangeOf("changes_requested", events)).toEqual({ who: "Tomás", at: day("2026-05-20"), note: "Add batch 8." });
  });
  it("has nothing to say for a status no decision leads to, or when the log has no such event", () => {
    expect(lastChangeOf("in_review", events)).toBeUndefined();
    expect(lastChangeOf("accepted", events)).toBeUndefined();
  });
});
