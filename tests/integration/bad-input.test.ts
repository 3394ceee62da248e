// Item 9 of issue 7: bad input gets a 4xx with a message, never a 500, and writes nothing.
//
// Every write route under app/api/v1 (found on disk, so a new route without a case fails here)
// and every server action beside the pages (likewise) is sent each bad value in each field that
// reaches the data layer: a NUL byte (PostgreSQL refuses it in text and JSON) and a lone
// surrogate (\ud800, which neither database can store faithfully). Path ids and the audit log's
// filters get the same treatment. After each call the database must hold exactly what it held
// before (row counts and last-change times of every domain table).
//
// A lone surrogate can only arrive in JSON or as a server action's argument: FormData, URLs and
// file names are USVStrings, which turn it into U+FFFD (a storable character) on the way in, so
// form fields, query strings and file names are sent the NUL byte only.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import type { ActionState } from "@/lib/actions";
import { authOptions } from "@/lib/auth/options";
import { createToken } from "@/lib/data/tokens";
import { signInEmail } from "@/lib/validation/user";
import { ensureBuiltInTemplate } from "@/lib/data/templates";
import { createTestDatabase, describeEachProvider, type TestDb } from "../helpers/db";

// Server actions resolve their caller through next-auth and next/headers, which need a running
// Next.js request; here the caller is set by the test and everything else is the real code.
const session = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock("@/lib/auth/session", () => ({
  getActor: async () => session.actor,
  requireActorOrRedirect: async () => session.actor,
}));
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ "user-agent": "vitest", host: "legible.test" }),
  cookies: async () => ({ getAll: () => [], get: () => undefined }),
}));

const BAD = { nul: "\u0000", "lone surrogate": "\ud800" } as const;
type BadName = keyof typeof BAD;
const GENERIC_500 = "Something went wrong on our side. It has been logged.";

const routeModules = import.meta.glob<Record<string, unknown>>("/app/api/v1/**/route.ts");
const actionModules = import.meta.glob<Record<string, unknown>>("/app/**/actions.ts");
const WRITE_METHODS = ["POST", "PUT", "PATCH", "DELETE"] as const;
type Method = "GET" | (typeof WRITE_METHODS)[number];

/** Which bad values a transport can carry at all (see the file comment). */
const carried = (usv: boolean) => (Object.entries(BAD) as [BadName, string][]).filter(([name]) => !usv || name === "nul");
const usvPlace = (place: string) => place.startsWith("query.") || place === "file.filename";

/** Inserts the bad value in the middle of a string, so it is the only thing wrong with it. */
function spoil(value: string, bad: string): string {
  const at = Math.max(1, Math.floor(value.length / 2));
  return value.slice(0, at) + bad + value.slice(at);
}

/**
 * Spoils one place in a plain object: "a.b.0" is a value, "a.@k" renames key k of a.a record.
 * Returns a copy.
 */
function spoilAt<T>(input: T, path: string, bad: string): T {
  const copy = structuredClone(input) as Record<string, unknown>;
  const parts = path.split(".");
  let node = copy as Record<string, unknown>;
  for (const part of parts.slice(0, -1)) node = node[part] as Record<string, unknown>;
  const last = parts.at(-1)!;
  if (last.startsWith("@")) {
    const key = last.slice(1);
    const value = node[key];
    delete node[key];
    node[spoil(key, bad)] = value;
  } else {
    if (typeof node[last] !== "string") throw new Error(`${path} is not a string in the valid input`);
    node[last] = spoil(node[last] as string, bad);
  }
  return copy as T;
}

type Fixture = {
  key: string;
  handoffId: string;
  milestoneId: string;
  commentId: string;
  attachmentId: string;
  serviceName: string;
  interfaceId: string;
  dependencyId: string;
  templateId: string;
  memberId: string;
  tokenId: string;
  token: string;
  admin: Actor;
};

type ApiCase = {
  method: Method;
  /** The route file, relative to the repository. */
  file: string;
  params: (f: Fixture) => Record<string, string>;
  body?: (f: Fixture) => unknown;
  multipart?: (f: Fixture) => { filename: string; text: string };
  query?: (f: Fixture) => Record<string, string>;
  /** Places to spoil: "params.id", "body.title", "body.sections.@tldr", "query.action", "file.filename". */
  spoil: string[];
};

const handoffContent = (_f?: Fixture) => ({
  title: "Diffusion for floor plans",
  paperTitle: "HouseDiffusion",
  authors: ["Mohammad Amin Shabani"],
  venue: "CVPR",
  arxivId: "2211.13287",
  doi: "10.1109/CVPR.2023.12345",
  url: "https://example.org/paper",
  bibtex: "@inproceedings{x, title={y}}",
  sections: { tldr: "Short summary.", method: "How it works." },
  body: "Free notes.",
});
const contentFields = ["title", "paperTitle", "authors.0", "venue", "arxivId", "doi", "url", "bibtex", "sections.tldr", "sections.@tldr", "body"].map((p) => `body.${p}`);

/** A small valid OpenAPI document, for the interface import's cases. */
const OPENAPI_TEXT = 'openapi: 3.1.0\ninfo: {title: Layout, version: "1"}\npaths:\n  /v1/layouts:\n    get:\n      operationId: listLayouts\n      summary: List the layouts\n      responses: {"200": {description: ok}}\n';

const API_CASES: ApiCase[] = [
  { method: "GET", file: "app/api/v1/audit/route.ts", params: () => ({}), query: () => ({ action: "handoff", actor: "admin", before: "cmabcdefghijklmnopqrstuvw", outcome: "success" }), spoil: ["query.action", "query.actor", "query.before", "query.outcome"] },
  { method: "POST", file: "app/api/v1/projects/route.ts", params: () => ({}), body: () => ({ key: "NEWP", name: "New project", description: "About it." }), spoil: ["body.key", "body.name", "body.description"] },
  { method: "GET", file: "app/api/v1/projects/[key]/route.ts", params: (f) => ({ key: f.key }), spoil: ["params.key"] },
  { method: "PATCH", file: "app/api/v1/projects/[key]/route.ts", params: (f) => ({ key: f.key }), body: () => ({ name: "Renamed", description: "Described." }), spoil: ["params.key", "body.name", "body.description"] },
  { method: "POST", file: "app/api/v1/projects/[key]/members/route.ts", params: (f) => ({ key: f.key }), body: () => ({ email: "someone@example.test", role: "viewer" }), spoil: ["params.key", "body.email", "body.role"] },
  {
    method: "POST",
    file: "app/api/v1/projects/[key]/milestones/route.ts",
    params: (f) => ({ key: f.key }),
    body: (f) => ({ key: `${f.key}-77`, title: "Serve it", description: "What.", acceptanceCriteria: "When.", ownerId: f.admin.id }),
    spoil: ["params.key", "body.key", "body.title", "body.description", "body.acceptanceCriteria", "body.ownerId"],
  },
  {
    method: "POST",
    file: "app/api/v1/projects/[key]/imports/compose/route.ts",
    params: (f) => ({ key: f.key }),
    query: () => ({ apply: "1" }),
    body: () => ({ text: "services:\n  web-app:\n    image: nginx\n    environment: [API_KEY]\n", filename: "compose.yaml", layers: { "web-app": "gateway" } }),
    spoil: ["params.key", "query.apply", "body.text", "body.filename", "body.layers.web-app", "body.layers.@web-app"],
  },
  { method: "POST", file: "app/api/v1/projects/[key]/handoffs/route.ts", params: (f) => ({ key: f.key }), body: (f) => handoffContent(f), spoil: ["params.key", ...contentFields] },
  { method: "POST", file: "app/api/v1/milestones/[id]/status/route.ts", params: (f) => ({ id: f.milestoneId }), body: () => ({ status: "in_progress", health: "on_track", note: "Started.", version: 1 }), spoil: ["params.id", "body.status", "body.note"] },
  {
    method: "PATCH",
    file: "app/api/v1/milestones/[id]/route.ts",
    params: (f) => ({ id: f.milestoneId }),
    body: (f) => ({ key: `${f.key}-1`, title: "Serve it", description: "What.", acceptanceCriteria: "- [ ] When.", ownerId: f.admin.id, startDate: "2026-01-01", version: 1 }),
    spoil: ["params.id", "body.key", "body.title", "body.description", "body.acceptanceCriteria", "body.ownerId", "body.startDate"],
  },
  { method: "DELETE", file: "app/api/v1/milestones/[id]/route.ts", params: (f) => ({ id: f.milestoneId }), spoil: ["params.id"] },
  { method: "POST", file: "app/api/v1/milestones/[id]/dependencies/route.ts", params: (f) => ({ id: f.milestoneId }), body: (f) => ({ dependsOn: `${f.key}-2` }), spoil: ["params.id", "body.dependsOn"] },
  { method: "DELETE", file: "app/api/v1/milestones/[id]/dependencies/[dependsOnId]/route.ts", params: (f) => ({ id: f.milestoneId, dependsOnId: f.milestoneId }), spoil: ["params.id", "params.dependsOnId"] },
  { method: "PUT", file: "app/api/v1/projects/[key]/map/pins/route.ts", params: (f) => ({ key: f.key }), body: (f) => ({ pins: [{ node: `milestone:${f.milestoneId}`, x: 10, y: 20 }] }), spoil: ["params.key", "body.pins.0.node"] },
  { method: "DELETE", file: "app/api/v1/projects/[key]/map/pins/route.ts", params: (f) => ({ key: f.key }), spoil: ["params.key"] },
  { method: "DELETE", file: "app/api/v1/projects/[key]/map/pins/[node]/route.ts", params: (f) => ({ key: f.key, node: `milestone:${f.milestoneId}` }), spoil: ["params.key", "params.node"] },
  { method: "PUT", file: "app/api/v1/milestones/[id]/services/route.ts", params: (f) => ({ id: f.milestoneId }), body: (f) => ({ services: [f.serviceName] }), spoil: ["params.id", "body.services.0"] },
  { method: "GET", file: "app/api/v1/handoffs/[id]/route.ts", params: (f) => ({ id: f.handoffId }), spoil: ["params.id"] },
  { method: "PUT", file: "app/api/v1/handoffs/[id]/route.ts", params: (f) => ({ id: f.handoffId }), body: (f) => ({ ...handoffContent(f), version: 1, message: "Saved." }), spoil: ["params.id", ...contentFields, "body.message"] },
  { method: "DELETE", file: "app/api/v1/handoffs/[id]/route.ts", params: (f) => ({ id: f.handoffId }), spoil: ["params.id"] },
  { method: "POST", file: "app/api/v1/handoffs/[id]/transitions/route.ts", params: (f) => ({ id: f.handoffId }), body: () => ({ transition: "archive", note: "Superseded." }), spoil: ["params.id", "body.transition", "body.note"] },
  { method: "POST", file: "app/api/v1/handoffs/[id]/approvals/route.ts", params: (f) => ({ id: f.handoffId }), body: () => ({ version: "1", note: "Checks out." }), spoil: ["params.id", "body.version", "body.note"] },
  { method: "POST", file: "app/api/v1/handoffs/[id]/decompose/route.ts", params: (f) => ({ id: f.handoffId }), body: () => ({ list: "Data loader (3d)\nTrain it after 1" }), spoil: ["params.id", "body.list"] },
  { method: "PUT", file: "app/api/v1/handoffs/[id]/milestones/route.ts", params: (f) => ({ id: f.handoffId }), body: (f) => ({ milestoneIds: [f.milestoneId] }), spoil: ["params.id", "body.milestoneIds.0"] },
  {
    method: "POST",
    file: "app/api/v1/handoffs/[id]/comments/route.ts",
    params: (f) => ({ id: f.handoffId }),
    body: (f) => ({ sectionKey: "tldr", body: "Please clarify.", parentId: f.commentId }),
    spoil: ["params.id", "body.sectionKey", "body.body", "body.parentId"],
  },
  {
    method: "PATCH",
    file: "app/api/v1/handoffs/[id]/comments/[commentId]/route.ts",
    params: (f) => ({ id: f.handoffId, commentId: f.commentId }),
    body: () => ({ body: "Edited text." }),
    spoil: ["params.id", "params.commentId", "body.body"],
  },
  { method: "DELETE", file: "app/api/v1/handoffs/[id]/comments/[commentId]/route.ts", params: (f) => ({ id: f.handoffId, commentId: f.commentId }), spoil: ["params.id", "params.commentId"] },
  { method: "POST", file: "app/api/v1/handoffs/[id]/attachments/route.ts", params: (f) => ({ id: f.handoffId }), multipart: () => ({ filename: "notes.txt", text: "Some notes." }), spoil: ["params.id", "file.filename"] },
  { method: "GET", file: "app/api/v1/handoffs/[id]/attachments/[attachmentId]/route.ts", params: (f) => ({ id: f.handoffId, attachmentId: f.attachmentId }), spoil: ["params.id", "params.attachmentId"] },
  { method: "GET", file: "app/api/v1/handoffs/[id]/revisions/route.ts", params: (f) => ({ id: f.handoffId }), spoil: ["params.id"] },
  { method: "GET", file: "app/api/v1/handoffs/[id]/export/route.ts", params: (f) => ({ id: f.handoffId }), spoil: ["params.id"] },
  { method: "GET", file: "app/api/v1/projects/[key]/map-export/route.ts", params: (f) => ({ key: f.key }), spoil: ["params.key"] },
  {
    method: "POST",
    file: "app/api/v1/map-imports/route.ts",
    params: () => ({}),
    query: () => ({ apply: "1" }),
    body: (f) => ({ text: `format: 1\nproject:\n  key: ${f.key}\n  name: From a map file\nmilestones:\n  - key: ${f.key}-77\n    title: Planned in a map\n`, filename: "map.yaml" }),
    spoil: ["query.apply", "body.text", "body.filename"],
  },
  {
    method: "POST",
    file: "app/api/v1/services/route.ts",
    params: () => ({}),
    body: (f) => ({ name: "new-service", displayName: "New", description: "Does things.", layer: "api", ownerId: f.admin.id, repositoryPath: "services/new", image: "new:1" }),
    spoil: ["body.name", "body.displayName", "body.description", "body.layer", "body.ownerId", "body.repositoryPath", "body.image"],
  },
  { method: "GET", file: "app/api/v1/services/[name]/route.ts", params: (f) => ({ name: f.serviceName }), spoil: ["params.name"] },
  {
    method: "PATCH",
    file: "app/api/v1/services/[name]/route.ts",
    params: (f) => ({ name: f.serviceName }),
    body: (f) => ({ displayName: "Layout", description: "Lays out.", layer: "api", ownerId: f.admin.id, repositoryPath: "services/layout", image: "layout:2", version: 1 }),
    spoil: ["params.name", "body.displayName", "body.description", "body.layer", "body.ownerId", "body.repositoryPath", "body.image"],
  },
  { method: "DELETE", file: "app/api/v1/services/[name]/route.ts", params: (f) => ({ name: f.serviceName }), spoil: ["params.name"] },
  {
    method: "POST",
    file: "app/api/v1/services/[name]/imports/openapi/route.ts",
    params: (f) => ({ name: f.serviceName }),
    query: () => ({ apply: "1" }),
    body: () => ({ text: OPENAPI_TEXT, filename: "layout.yaml" }),
    spoil: ["params.name", "query.apply", "body.text", "body.filename"],
  },
  { method: "POST", file: "app/api/v1/services/[name]/retire/route.ts", params: (f) => ({ name: f.serviceName }), body: () => ({ version: 1 }), spoil: ["params.name"] },
  {
    method: "POST",
    file: "app/api/v1/services/[name]/interfaces/route.ts",
    params: (f) => ({ name: f.serviceName }),
    body: () => ({ kind: "operation", name: "getLayout", method: "GET", path: "/v1/layouts/{id}", summary: "One layout.", requestSchema: { type: "object", description: "The query." }, responseSchema: '{"type": "object"}' }),
    spoil: ["params.name", "body.kind", "body.name", "body.method", "body.path", "body.summary", "body.requestSchema.description", "body.requestSchema.@type", "body.responseSchema"],
  },
  {
    method: "PATCH",
    file: "app/api/v1/services/[name]/interfaces/[interfaceId]/route.ts",
    params: (f) => ({ name: f.serviceName, interfaceId: f.interfaceId }),
    body: () => ({ name: "renamed", summary: "Changed.", requestSchema: { type: "object", title: "Query" }, version: 1 }),
    spoil: ["params.name", "params.interfaceId", "body.name", "body.summary", "body.requestSchema.title"],
  },
  { method: "DELETE", file: "app/api/v1/services/[name]/interfaces/[interfaceId]/route.ts", params: (f) => ({ name: f.serviceName, interfaceId: f.interfaceId }), spoil: ["params.name", "params.interfaceId"] },
  {
    method: "POST",
    file: "app/api/v1/services/[name]/dependencies/route.ts",
    params: (f) => ({ name: f.serviceName }),
    body: () => ({ to: "render-worker", kind: "publishes", description: "Render jobs." }),
    spoil: ["params.name", "body.to", "body.kind", "body.description"],
  },
  { method: "DELETE", file: "app/api/v1/services/[name]/dependencies/[dependencyId]/route.ts", params: (f) => ({ name: f.serviceName, dependencyId: f.dependencyId }), spoil: ["params.name", "params.dependencyId"] },
];

type Form = Record<string, string | string[]>;
type ActionCase = {
  file: string;
  name: string;
  /** A valid submission; spoiled fields must be refused. */
  form?: (f: Fixture) => Form;
  /** For actions called with arguments (the editor's): each spoiled call by place. */
  call?: (mod: Record<string, unknown>, f: Fixture, place: string, bad: string) => Promise<unknown>;
  spoil: string[];
};

const A = (dir: string) => `app/${dir}/actions.ts`;
const HANDOFF = A("(app)/projects/[key]/handoffs/[id]");

const ACTION_CASES: ActionCase[] = [
  { file: A("(auth)/setup"), name: "setupAction", form: () => ({ name: "First Admin", email: "first@example.test", password: "long-enough-password", confirm: "long-enough-password" }), spoil: ["name", "email"] },
  { file: A("(auth)/invite/[token]"), name: "acceptInviteAction", form: () => ({ token: "x".repeat(32), password: "long-enough-password", confirm: "long-enough-password" }), spoil: ["token"] },
  { file: A("(app)/admin/users"), name: "createUserAction", form: () => ({ name: "New Person", email: "new.person@example.test" }), spoil: ["name", "email"] },
  { file: A("(app)/admin/users"), name: "reissueInviteAction", form: (f) => ({ userId: f.memberId, name: "Member" }), spoil: ["userId"] },
  { file: A("(app)/admin/users"), name: "setAdminAction", form: (f) => ({ userId: f.memberId, isAdmin: "true" }), spoil: ["userId"] },
  { file: A("(app)/admin/users"), name: "setDisabledAction", form: (f) => ({ userId: f.memberId, disabled: "true" }), spoil: ["userId"] },
  { file: A("(app)/admin/users"), name: "unlockSignInAction", form: (f) => ({ userId: f.memberId }), spoil: ["userId"] },
  {
    file: A("(app)/projects/import"),
    name: "mapImportAction",
    form: (f) => ({ text: `format: 1\nproject:\n  key: ${f.key}\n  name: From a map file\nmilestones:\n  - key: ${f.key}-78\n    title: Planned in a map\n`, filename: "map.yaml", apply: "1" }),
    spoil: ["text", "filename"],
  },
  { file: A("(app)/projects"), name: "createProjectAction", form: () => ({ key: "ACTP", name: "Action project", description: "About it." }), spoil: ["key", "name", "description"] },
  {
    file: A("(app)/projects/[key]/handoffs/new"),
    name: "createHandoffAction",
    form: (f) => ({ key: f.key, templateId: f.templateId, title: "A new paper", paperTitle: "Paper", authors: "Ada\nGrace", venue: "ICML", arxivId: "2211.13287", doi: "10.1109/CVPR.2023.12345", url: "https://example.org/x", bibtex: "@article{x}" }),
    spoil: ["key", "templateId", "title", "paperTitle", "authors", "venue", "arxivId", "doi", "url", "bibtex"],
  },
  {
    file: A("(app)/projects/[key]/handoffs/[id]/edit"),
    name: "saveHandoffAction",
    call: (mod, f, place, bad) => {
      const input = { ...handoffContent(f), version: 1, message: "Saved." };
      return (mod.saveHandoffAction as (id: string, input: unknown) => Promise<unknown>)(place === "id" ? spoil(f.handoffId, bad) : f.handoffId, place === "id" ? input : spoilAt(input, place, bad));
    },
    spoil: ["id", "title", "sections.tldr", "sections.@tldr", "body", "message", "authors.0"],
  },
  {
    file: A("(app)/projects/[key]/handoffs/[id]/edit"),
    name: "saveDraftAction",
    call: (mod, f, place, bad) => {
      const content = handoffContent(f);
      return (mod.saveDraftAction as (id: string, base: number, c: unknown) => Promise<unknown>)(place === "id" ? spoil(f.handoffId, bad) : f.handoffId, 1, place === "id" ? content : spoilAt(content, place, bad));
    },
    spoil: ["id", "title", "sections.tldr", "sections.@tldr", "body", "bibtex"],
  },
  { file: A("(app)/projects/[key]/handoffs/[id]/edit"), name: "discardDraftAction", call: (mod, f, _place, bad) => (mod.discardDraftAction as (id: string) => Promise<unknown>)(spoil(f.handoffId, bad)), spoil: ["id"] },
  {
    file: A("(app)/projects/[key]/board"),
    name: "moveCardAction",
    call: (mod, f, place, bad) => {
      const move = { id: f.milestoneId, status: "in_progress", health: "on_track", note: "Started.", version: "1" };
      return (mod.moveCardAction as (m: unknown) => Promise<unknown>)(spoilAt(move, place, bad));
    },
    spoil: ["id", "status", "health", "note", "version"],
  },
  { file: HANDOFF, name: "transitionAction", form: (f) => ({ id: f.handoffId, transition: "archive", note: "Superseded." }), spoil: ["id", "transition", "note"] },
  { file: HANDOFF, name: "approveAction", form: (f) => ({ id: f.handoffId, version: "1", note: "Checks out." }), spoil: ["id", "version", "note"] },
  { file: HANDOFF, name: "commentAction", form: (f) => ({ id: f.handoffId, sectionKey: "tldr", body: "Please clarify.", parentId: f.commentId }), spoil: ["id", "sectionKey", "body", "parentId"] },
  { file: HANDOFF, name: "editCommentAction", form: (f) => ({ id: f.handoffId, commentId: f.commentId, body: "Edited text." }), spoil: ["id", "commentId", "body"] },
  { file: HANDOFF, name: "deleteCommentAction", form: (f) => ({ id: f.handoffId, commentId: f.commentId }), spoil: ["id", "commentId"] },
  { file: HANDOFF, name: "resolveAction", form: (f) => ({ commentId: f.commentId, resolved: "true" }), spoil: ["commentId"] },
  { file: HANDOFF, name: "reviewersAction", form: (f) => ({ id: f.handoffId, userIds: [f.admin.id] }), spoil: ["id", "userIds"] },
  { file: A("(app)/projects/[key]/handoffs/[id]/decompose"), name: "previewDecomposeAction", form: (f) => ({ id: f.handoffId, list: "Data loader (3d)\nTrain it after 1" }), spoil: ["id", "list"] },
  { file: A("(app)/projects/[key]/handoffs/[id]/decompose"), name: "decomposeAction", form: (f) => ({ id: f.handoffId, list: "Data loader (3d)\nTrain it after 1" }), spoil: ["id", "list"] },
  { file: HANDOFF, name: "milestonesAction", form: (f) => ({ id: f.handoffId, milestoneIds: [f.milestoneId] }), spoil: ["id", "milestoneIds"] },
  { file: HANDOFF, name: "deleteAttachmentAction", form: (f) => ({ id: f.handoffId, attachmentId: f.attachmentId }), spoil: ["id", "attachmentId"] },
  {
    file: HANDOFF,
    name: "uploadAction",
    call: (mod, f, place, bad) => {
      const form = new FormData();
      form.set("id", place === "id" ? spoil(f.handoffId, bad) : f.handoffId);
      form.set("file", new File(["Some notes."], place === "filename" ? spoil("notes.txt", bad) : "notes.txt", { type: "text/plain" }));
      return (mod.uploadAction as (s: ActionState, form: FormData) => Promise<unknown>)(null, form);
    },
    spoil: ["id", "filename"],
  },
  { file: A("(app)/projects/[key]/handoffs/[id]/history"), name: "restoreAction", form: (f) => ({ id: f.handoffId, revision: "1", version: "1", key: f.key }), spoil: ["id"] },
  { file: A("(app)/projects/[key]/settings"), name: "updateProjectAction", form: (f) => ({ key: f.key, name: "Renamed", description: "Described." }), spoil: ["key", "name", "description"] },
  { file: A("(app)/projects/[key]/settings"), name: "setArchivedAction", form: (f) => ({ key: f.key, archived: "false" }), spoil: ["key"] },
  { file: A("(app)/projects/[key]/settings"), name: "addMemberAction", form: (f) => ({ key: f.key, email: "someone@example.test", role: "viewer" }), spoil: ["key", "email", "role"] },
  { file: A("(app)/projects/[key]/settings"), name: "changeRoleAction", form: (f) => ({ key: f.key, userId: f.memberId, role: "engineer" }), spoil: ["key", "userId", "role"] },
  { file: A("(app)/projects/[key]/settings"), name: "removeMemberAction", form: (f) => ({ key: f.key, userId: f.memberId }), spoil: ["key", "userId"] },
  { file: A("(app)/projects/[key]/settings"), name: "leaveProjectAction", form: (f) => ({ key: f.key, userId: f.memberId }), spoil: ["key", "userId"] },
  {
    file: A("(app)/projects/[key]/settings/templates"),
    name: "createTemplateAction",
    form: (f) => ({ key: f.key, name: "Short note", description: "One section.", sections: JSON.stringify([{ key: "summary", title: "Summary", guidance: "One paragraph.", required: true }]) }),
    spoil: ["key", "name", "description", "sections"],
  },
  {
    file: A("(app)/projects/[key]/settings/templates"),
    name: "updateTemplateAction",
    form: (f) => ({ key: f.key, id: f.templateId, name: "Short note", description: "One section.", sections: JSON.stringify([{ key: "summary", title: "Summary", guidance: "One paragraph.", required: true }]) }),
    // The project key only names the page to return to; the template is found by its id.
    spoil: ["id", "name", "description", "sections"],
  },
  { file: A("(app)/projects/[key]/settings/templates"), name: "deleteTemplateAction", form: (f) => ({ key: f.key, id: f.templateId, name: "Short note" }), spoil: ["id"] },
  {
    file: A("(app)/projects/[key]/milestones/new"),
    name: "createMilestoneAction",
    form: (f) => ({ project: f.key, key: `${f.key}-88`, title: "Serve it", description: "What.", acceptanceCriteria: "When.", ownerId: f.admin.id }),
    spoil: ["project", "key", "title", "description", "acceptanceCriteria", "ownerId"],
  },
  { file: A("(app)/projects/[key]/milestones/[id]"), name: "updateStatusAction", form: (f) => ({ id: f.milestoneId, status: "in_progress", health: "on_track", note: "Started.", version: "1" }), spoil: ["id", "status", "health", "note"] },
  {
    file: A("(app)/projects/[key]/milestones/[id]/edit"),
    name: "editMilestoneAction",
    form: (f) => ({ id: f.milestoneId, project: f.key, key: `${f.key}-1`, title: "Serve it", description: "What.", acceptanceCriteria: "- [ ] When.", ownerId: f.admin.id, startDate: "2026-01-01", dueDate: "", estimateDays: "2", version: "1" }),
    spoil: ["id", "key", "title", "description", "acceptanceCriteria", "ownerId", "startDate", "estimateDays", "version"],
  },
  { file: A("(app)/projects/[key]/milestones/[id]/edit"), name: "deleteMilestoneAction", form: (f) => ({ id: f.milestoneId }), spoil: ["id"] },
  { file: A("(app)/projects/[key]/milestones/[id]"), name: "tickCriterionAction", form: (f) => ({ id: f.milestoneId, index: "0", checked: "true", version: "1" }), spoil: ["id", "index", "version"] },
  { file: A("(app)/projects/[key]/milestones/[id]"), name: "addDependencyAction", form: (f) => ({ id: f.milestoneId, dependsOn: `${f.key}-2` }), spoil: ["id", "dependsOn"] },
  { file: A("(app)/projects/[key]/milestones/[id]"), name: "removeDependencyAction", form: (f) => ({ id: f.milestoneId, dependsOnId: f.milestoneId }), spoil: ["id", "dependsOnId"] },
  { file: A("(app)/projects/[key]/milestones/[id]"), name: "servicesAction", form: (f) => ({ id: f.milestoneId, services: [f.serviceName] }), spoil: ["id", "services"] },
  { file: A("(app)/settings"), name: "changePasswordAction", form: () => ({ current: "not-the-password", password: "long-enough-password", confirm: "long-enough-password" }), spoil: ["current", "password"] },
  { file: A("(app)/settings/tokens"), name: "createTokenAction", form: () => ({ name: "CI" }), spoil: ["name"] },
  {
    file: A("(app)/services"),
    name: "createServiceAction",
    form: () => ({ name: "action-service", displayName: "Action", description: "Does things.", layer: "api", lifecycle: "experimental", repositoryPath: "services/a", image: "a:1", ownerEmail: "" }),
    spoil: ["name", "displayName", "description", "repositoryPath", "image", "ownerEmail"],
  },
  {
    file: A("(app)/services"),
    name: "updateServiceAction",
    form: (f) => ({ service: f.serviceName, displayName: "Layout", description: "Lays out.", layer: "api", lifecycle: "production", repositoryPath: "services/layout", image: "layout:2", version: "1" }),
    spoil: ["service", "displayName", "description", "repositoryPath", "image"],
  },
  { file: A("(app)/settings/tokens"), name: "revokeTokenAction", form: (f) => ({ tokenId: f.tokenId }), spoil: ["tokenId"] },
  { file: A("(app)/services/[name]"), name: "linkMilestoneAction", form: (f) => ({ service: f.serviceName, milestone: f.milestoneId }), spoil: ["service", "milestone"] },
  { file: A("(app)/services/[name]"), name: "unlinkMilestoneAction", form: (f) => ({ service: f.serviceName, milestone: f.milestoneId }), spoil: ["service", "milestone"] },
  { file: A("(app)/services/[name]/import"), name: "previewOpenApiImportAction", form: (f) => ({ service: f.serviceName, text: OPENAPI_TEXT, filename: "layout.yaml" }), spoil: ["service", "text", "filename"] },
  { file: A("(app)/services/[name]/import"), name: "applyOpenApiImportAction", form: (f) => ({ service: f.serviceName, text: OPENAPI_TEXT, filename: "layout.yaml" }), spoil: ["service", "text", "filename"] },
  {
    file: A("(app)/services/[name]"),
    name: "createInterfaceAction",
    form: (f) => ({ service: f.serviceName, kind: "operation", name: "listLayouts", method: "GET", path: "/v1/layouts", summary: "All layouts.", requestSchema: '{"type": "object", "description": "The query."}', responseSchema: "" }),
    spoil: ["service", "kind", "name", "method", "path", "summary", "requestSchema"],
  },
  {
    file: A("(app)/services/[name]"),
    name: "updateInterfaceAction",
    form: (f) => ({ service: f.serviceName, interfaceId: f.interfaceId, kind: "operation", name: "renamed", method: "POST", path: "/v1/x", summary: "Changed.", requestSchema: '{"title": "Query"}', responseSchema: "", version: "1" }),
    spoil: ["service", "interfaceId", "kind", "name", "method", "path", "summary", "requestSchema", "version"],
  },
  { file: A("(app)/services/[name]"), name: "deleteInterfaceAction", form: (f) => ({ service: f.serviceName, interfaceId: f.interfaceId }), spoil: ["service", "interfaceId"] },
  { file: A("(app)/services/[name]"), name: "addDependencyAction", form: (f) => ({ service: f.serviceName, to: "render-worker", kind: "publishes", description: "Render jobs." }), spoil: ["service", "to", "kind", "description"] },
  { file: A("(app)/services/[name]"), name: "removeDependencyAction", form: (f) => ({ service: f.serviceName, dependencyId: f.dependencyId }), spoil: ["service", "dependencyId"] },
  { file: A("(app)/services/[name]"), name: "retireServiceAction", form: (f) => ({ service: f.serviceName, version: "1" }), spoil: ["service", "version"] },
];

const routeKey = (file: string, method: string) => `${method} ${file}`;
const moduleKey = (file: string) => `/${file}`;

describeEachProvider("bad input gets 4xx and writes nothing", (provider) => {
  let t: TestDb;
  const f = {} as Fixture;
  /** What each call answered, for the summary at the end: "POST /projects body.name nul" → status. */
  const outcomes: string[] = [];

  async function fingerprint(): Promise<string> {
    const tables = ["Project", "Membership", "Handoff", "HandoffRevision", "HandoffDraft", "HandoffReviewer", "HandoffApproval", "HandoffMilestone", "HandoffTemplate", "Comment", "Attachment", "Milestone", "MilestoneDependency", "MilestoneService", "StatusUpdate", "Service", "Interface", "ServiceDependency", "User", "ApiToken", "Invite"];
    const counts = tables.map((name) => `(SELECT COUNT(*) FROM "${name}") AS "${name}"`);
    const changed = ["Project", "Handoff", "Milestone", "Service", "Interface", "Comment", "User", "HandoffTemplate", "Membership"].map((name) => `(SELECT MAX("updatedAt") FROM "${name}") AS "${name}At"`);
    const revoked = `(SELECT COUNT(*) FROM "ApiToken" WHERE "revokedAt" IS NOT NULL) AS "revoked"`;
    const rows = await t.db.$queryRawUnsafe<Record<string, unknown>[]>(`SELECT ${[...counts, ...changed, revoked].join(", ")}`);
    return JSON.stringify(rows[0], (_k, v) => (typeof v === "bigint" ? Number(v) : v instanceof Date ? v.toISOString() : v));
  }

  beforeAll(async () => {
    t = await createTestDatabase(provider);
    f.templateId = await ensureBuiltInTemplate(t.db);
    const adminUser = await t.db.user.create({ data: { email: "admin@example.test", name: "Admin", isAdmin: true } });
    f.admin = { id: adminUser.id, email: adminUser.email, name: adminUser.name, isAdmin: true, ip: "127.0.0.1", userAgent: "vitest" };
    const member = await t.db.user.create({ data: { email: "member@example.test", name: "Member" } });
    f.memberId = member.id;
    await t.db.user.create({ data: { email: "someone@example.test", name: "Someone" } });
    f.key = "BAD";
    const project = await t.db.project.create({
      data: { key: f.key, name: "Bad input", memberships: { create: [{ userId: adminUser.id, role: "owner" }, { userId: member.id, role: "researcher" }] } },
    });
    const template = await t.db.handoffTemplate.create({
      data: { projectId: project.id, name: "Short note", sections: [{ key: "summary", title: "Summary", guidance: "", required: true }] },
    });
    f.templateId = template.id;
    const handoff = await t.db.handoff.create({ data: { projectId: project.id, title: "A paper", authors: [], sections: { tldr: "Short." }, authorId: adminUser.id } });
    f.handoffId = handoff.id;
    await t.db.handoffRevision.create({ data: { handoffId: handoff.id, version: 1, snapshot: { title: "A paper", sections: { tldr: "Short." } }, authorId: adminUser.id } });
    f.commentId = (await t.db.comment.create({ data: { handoffId: handoff.id, sectionKey: "tldr", body: "First thought.", authorId: adminUser.id } })).id;
    f.attachmentId = (await t.db.attachment.create({ data: { handoffId: handoff.id, filename: "a.txt", contentType: "text/plain", size: 1, sha256: "0", data: Buffer.from("a") } })).id;
    f.milestoneId = (await t.db.milestone.create({ data: { projectId: project.id, key: `${f.key}-1`, title: "First" } })).id;
    f.serviceName = "layout-api";
    const layout = await t.db.service.create({ data: { name: f.serviceName, layer: "api" } });
    const worker = await t.db.service.create({ data: { name: "render-worker", layer: "worker" } });
    f.interfaceId = (await t.db.interface.create({ data: { serviceId: layout.id, name: "getLayout", method: "GET", path: "/v1/layouts/{id}" } })).id;
    f.dependencyId = (await t.db.serviceDependency.create({ data: { fromId: layout.id, toId: worker.id, kind: "calls" } })).id;
    const token = await createToken(f.admin, { name: "bad input" });
    f.token = token.token;
    f.tokenId = token.id;
    session.actor = f.admin;
  });
  afterAll(async () => {
    if (outcomes.length) console.log(`\n[bad-input ${provider}] ${outcomes.length} calls:\n${outcomes.join("\n")}`);
    await t?.drop();
  });

  it("has a case for every write route and every server action on disk", async () => {
    const cases = new Set(API_CASES.map((c) => routeKey(c.file, c.method)));
    for (const [path, load] of Object.entries(routeModules)) {
      // The catch-all answers 404 to everything and reads no input (tests/integration/input-hygiene.test.ts).
      if (path.includes("[...")) continue;
      const mod = await load();
      for (const method of WRITE_METHODS) if (typeof mod[method] === "function") expect(cases, `${method} ${path}`).toContain(routeKey(path.slice(1), method));
    }
    const actions = new Set(ACTION_CASES.map((c) => `${c.file}#${c.name}`));
    for (const [path, load] of Object.entries(actionModules)) {
      const mod = await load();
      for (const [name, value] of Object.entries(mod)) if (typeof value === "function") expect(actions, `${path}#${name}`).toContain(`${path.slice(1)}#${name}`);
    }
  });

  async function callRoute(c: ApiCase, place: string, bad: string): Promise<Response> {
    const mod = await routeModules[moduleKey(c.file)]();
    const handler = mod[c.method] as (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
    const params = c.params(f);
    const query = c.query?.(f) ?? {};
    const spoiled = { params, query, body: c.body?.(f) };
    const [where, ...rest] = place.split(".");
    if (where === "params" || where === "query" || where === "body") {
      (spoiled as Record<string, unknown>)[where] = spoilAt((spoiled as Record<string, unknown>)[where], rest.join("."), bad);
    }
    const url = new URL(`http://legible.test/api/v1/x`);
    for (const [k, v] of Object.entries(spoiled.query)) url.searchParams.set(k, v);
    const headers: Record<string, string> = { authorization: `Bearer ${f.token}` };
    let body: BodyInit | undefined;
    if (c.multipart) {
      const file = c.multipart(f);
      const form = new FormData();
      form.set("file", new File([file.text], place === "file.filename" ? spoil(file.filename, bad) : file.filename, { type: "text/plain" }));
      body = form;
    } else if (spoiled.body !== undefined) {
      body = JSON.stringify(spoiled.body);
      headers["content-type"] = "application/json";
    }
    return handler(new Request(url, { method: c.method, headers, body }), { params: Promise.resolve(spoiled.params) });
  }

  for (const c of API_CASES) {
    describe(`${c.method} ${c.file.replace(/^app\/api\/v1/, "").replace(/\/route\.ts$/, "") || "/"}`, () => {
      for (const place of c.spoil) {
        for (const [badName, bad] of carried(usvPlace(place))) {
          it(`${place} with a ${badName}: 4xx with a message, nothing written`, async () => {
            const before = await fingerprint();
            const res = await callRoute(c, place, bad);
            const problem = (await res.json().catch(() => ({}))) as { detail?: string };
            outcomes.push(`${res.status} ${c.method} ${c.file} ${place} ${badName}${res.status >= 500 ? "  <-- 500" : ""}`);
            expect(res.status, problem.detail).toBeGreaterThanOrEqual(400);
            expect(res.status, problem.detail).toBeLessThan(500);
            expect(problem.detail).toMatch(/\S/);
            expect(await fingerprint()).toBe(before);
          });
        }
      }
    });
  }

  // A body that is valid JSON but not an object of fields: every JSON route refuses it with 422.
  const NOT_OBJECTS: [string, string][] = [["null", "null"], ["list", "[]"], ["number", "1"], ["string", '"x"']];
  for (const c of API_CASES.filter((c) => c.body && !c.multipart)) {
    for (const [shape, raw] of NOT_OBJECTS) {
      it(`${c.method} ${c.file.replace(/^app\/api\/v1/, "").replace(/\/route\.ts$/, "")} with a JSON ${shape} for a body: 422, nothing written`, async () => {
        const before = await fingerprint();
        const mod = await routeModules[moduleKey(c.file)]();
        const handler = mod[c.method] as (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
        const headers = { authorization: `Bearer ${f.token}`, "content-type": "application/json" };
        const res = await handler(new Request("http://legible.test/api/v1/x", { method: c.method, headers, body: raw }), { params: Promise.resolve(c.params(f)) });
        const problem = (await res.json()) as { detail?: string };
        expect(res.status, problem.detail).toBe(422);
        expect(problem.detail).toMatch(/must be a JSON object/);
        expect(await fingerprint()).toBe(before);
      });
    }
  }

  // A server action is a public endpoint: a caller can send any arguments, not just a form.
  for (const c of ACTION_CASES.filter((c) => !c.call)) {
    it(`action ${c.name} called without a form: refused with a message, nothing written`, async () => {
      const before = await fingerprint();
      const mod = await actionModules[moduleKey(c.file)]();
      for (const notAForm of [undefined, null, { id: "x" }, "x"]) {
        const result = (await (mod[c.name] as (s: ActionState, form: unknown) => Promise<ActionState>)(null, notAForm)) as ActionState;
        expect(result?.ok).toBe(false);
        expect(result?.message).not.toBe(GENERIC_500);
      }
      expect(await fingerprint()).toBe(before);
    });
  }

  async function callAction(c: ActionCase, place: string, bad: string): Promise<unknown> {
    const mod = await actionModules[moduleKey(c.file)]();
    if (c.call) return c.call(mod, f, place, bad);
    const values = c.form!(f);
    const form = new FormData();
    for (const [name, value] of Object.entries(values)) {
      for (const v of [value].flat()) form.append(name, name === place ? spoil(v, bad) : v);
    }
    return (mod[c.name] as (s: ActionState, form: FormData) => Promise<ActionState>)(null, form);
  }

  for (const c of ACTION_CASES) {
    describe(`action ${c.name} (${c.file.replace(/^app\//, "").replace(/\/actions\.ts$/, "")})`, () => {
      for (const place of c.spoil) {
        // Form submissions carry USVStrings; the editor's actions take JSON-like arguments.
        for (const [badName, bad] of carried(!c.call || (c.name === "uploadAction" && place === "filename"))) {
          it(`${place} with a ${badName}: refused with a message, nothing written`, async () => {
            const before = await fingerprint();
            let result: { ok?: boolean; message?: string } | null;
            try {
              result = (await callAction(c, place, bad)) as { ok?: boolean; message?: string } | null;
            } catch (error) {
              result = { ok: true, message: `threw ${(error as Error).message}` };
            }
            const failed = result?.ok === false && Boolean(result.message) && result.message !== GENERIC_500;
            outcomes.push(`${failed ? "4xx" : result?.message === GENERIC_500 ? "500" : "ok?"} action ${c.name} ${place} ${badName}${result?.message === GENERIC_500 ? "  <-- 500" : ""}`);
            expect(result?.ok, result?.message).toBe(false);
            expect(result?.message).toMatch(/\S/);
            expect(result?.message).not.toBe(GENERIC_500);
            expect(await fingerprint()).toBe(before);
          });
        }
      }
    });
  }

  it("refuses a milestone owner who does not exist or is not a member, and a service owner who does not exist", async () => {
    const outsider = await t.db.user.create({ data: { email: `outsider-${Date.now()}@example.test`, name: "Outsider" } });
    const mod = await routeModules[moduleKey("app/api/v1/projects/[key]/milestones/route.ts")]();
    const post = mod.POST as (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
    for (const ownerId of ["cmnosuchuser0000000000000", outsider.id]) {
      const before = await fingerprint();
      const res = await post(
        new Request("http://legible.test/api/v1/projects/BAD/milestones", {
          method: "POST",
          headers: { authorization: `Bearer ${f.token}`, "content-type": "application/json" },
          body: JSON.stringify({ key: "BAD-55", title: "Owned by nobody here", ownerId }),
        }),
        { params: Promise.resolve({ key: f.key }) },
      );
      expect(res.status).toBe(422);
      expect((await res.json()).detail).toBe("Owner must be a member of this project.");
      expect(await fingerprint()).toBe(before);
    }
    const actions = await actionModules[moduleKey(A("(app)/projects/[key]/milestones/new"))]();
    const form = new FormData();
    for (const [k, v] of Object.entries({ project: f.key, key: "BAD-56", title: "Owned by nobody here", ownerId: outsider.id })) form.set(k, v);
    const state = await (actions.createMilestoneAction as (s: ActionState, form: FormData) => Promise<ActionState>)(null, form);
    expect(state).toMatchObject({ ok: false, message: "Owner must be a member of this project.", fieldErrors: { ownerId: ["Owner must be a member of this project."] } });
    const services = await routeModules[moduleKey("app/api/v1/services/route.ts")]();
    const res = await (services.POST as (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>)(
      new Request("http://legible.test/api/v1/services", {
        method: "POST",
        headers: { authorization: `Bearer ${f.token}`, "content-type": "application/json" },
        body: JSON.stringify({ name: "owned-by-nobody", layer: "api", ownerId: "cmnosuchuser0000000000000" }),
      }),
      { params: Promise.resolve({}) },
    );
    expect(res.status).toBe(422);
    expect((await res.json()).detail).toBe("Owner must be an active account on this instance.");
  });

  it("sign-in: an email with a bad character fails sign-in without being looked up or counted", async () => {
    // The sign-in route throttles by the email before next-auth runs; it now asks signInEmail()
    // first (on PostgreSQL the raw address made the throttle's lookup fail: a 500).
    const credentials = authOptions().providers.find((p) => p.id === "credentials") as unknown as {
      options: { authorize: (c: Record<string, string>, req: unknown) => Promise<unknown> };
    };
    for (const bad of Object.values(BAD)) {
      const email = `adm${bad}in@example.test`;
      expect(signInEmail(email)).toBeNull();
      const counters = await t.db.rateLimit.count();
      await expect(credentials.options.authorize({ email, password: "long-enough-password" }, { headers: {} })).resolves.toBeNull();
      expect(await t.db.rateLimit.count()).toBe(counters);
    }
    expect(signInEmail(" Admin@Example.test ")).toBe("Admin@Example.test");
  });

  it("keeps the fixture intact (a control: valid values are accepted)", async () => {
    const res = await callRoute(API_CASES.find((c) => c.method === "GET" && c.file.endsWith("handoffs/[id]/route.ts"))!, "params.id", "");
    expect(res.status).toBe(200);
  });
});
