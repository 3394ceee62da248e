// The state of the milestones table across projects (/milestones) lives in the URL, so that a link
// reproduces the view: `?project=FLOOR&status=blocked,in_progress&sort=due&dir=asc&page=2`. This
// parses the search params with zod, one filter at a time: a value that is not valid, or names
// nothing the caller can see, is left out and named in a notice; it never fails the page. Pure: no
// React, no Prisma.
import { z } from "zod";
import { MILESTONE_HEALTHS, MILESTONE_STATUSES } from "@/lib/validation/milestone";
import { MILESTONE_TABLE_LABELS as L } from "@/lib/validation/labels";
import { parsePage } from "./paging";

export type MilestoneStatus = (typeof MILESTONE_STATUSES)[number];
export type MilestoneHealth = (typeof MILESTONE_HEALTHS)[number];

export const SORT_KEYS = ["project", "milestone", "status", "health", "owner", "due", "progress", "slip", "risk"] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export type SortDir = "asc" | "desc";

/** "me" is the caller, "none" a milestone nobody owns; anything else a user's id. */
export const OWNER_ME = "me";
export const OWNER_NONE = "none";

export type TableQuery = {
  q: string;
  project: string[];
  status: MilestoneStatus[];
  owner: string | null;
  health: MilestoneHealth[];
  overdue: boolean;
  slipping: boolean;
  blockedBy: string | null;
  sort: SortKey;
  dir: SortDir;
  /** 1-based page of LIMITS.milestone.pageRows rows (lib/plan/paging.ts). */
  page: number;
};

export const DEFAULT_QUERY: TableQuery = {
  q: "",
  project: [],
  status: [],
  owner: null,
  health: [],
  overdue: false,
  slipping: false,
  blockedBy: null,
  sort: "project",
  dir: "asc",
  page: 1,
};

/** What exists for the caller, so that a filter naming anything else is reported, not applied. */
export type QueryContext = { projectKeys: readonly string[]; ownerIds: readonly string[]; milestoneKeys: readonly string[] };

export type RawParams = Record<string, string | string[] | undefined>;

export const Q_MAX = 100;
/** More values than this in one filter are not a view anyone built: the rest are ignored. */
const VALUES_MAX = 50;

const keySchema = z.string().max(64).trim().toUpperCase().regex(/^[A-Z][A-Z0-9]{1,9}$/);
const milestoneKeySchema = z.string().max(64).trim().toUpperCase().regex(/^[A-Z][A-Z0-9]{1,9}-\d{1,5}$/);
const ownerSchema = z.string().max(200).trim().regex(/^[\w-]{1,64}$/);
const statusSchema = z.enum(MILESTONE_STATUSES);
const healthSchema = z.enum(MILESTONE_HEALTHS);
const yesSchema = z.enum(["yes", "1", "true", "on"]);
const qSchema = z.string().trim().max(Q_MAX);

/** Every value of a param, whether repeated (`status=a&status=b`, as a form sends it) or comma-separated. */
function values(raw: string | string[] | undefined): string[] {
  const list = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
  return list.flatMap((v) => v.split(",")).map((v) => v.trim()).filter((v) => v !== "");
}

/** A value as the notice quotes it: short, on one line. */
function quote(value: string): string {
  const line = value.replace(/\s+/g, " ");
  return `"${line.length > 40 ? `${line.slice(0, 39)}…` : line}"`;
}

export function parseTableQuery(raw: RawParams, context: QueryContext): { query: TableQuery; notices: string[] } {
  const notices: string[] = [];
  const query: TableQuery = { ...DEFAULT_QUERY, project: [], status: [], health: [] };

  const multi = <T extends string>(name: "project" | "status" | "health", accept: (v: string) => T | null, why: string): T[] => {
    const out: T[] = [];
    const all = values(raw[name]);
    if (all.length > VALUES_MAX) notices.push(`${L[name]}: only the first ${VALUES_MAX} values are used.`);
    for (const value of all.slice(0, VALUES_MAX)) {
      const ok = accept(value);
      if (ok === null) notices.push(`${L[name]}: ${quote(value)} ${why}; ignored.`);
      else if (!out.includes(ok)) out.push(ok);
    }
    return out;
  };

  const projects = new Set(context.projectKeys);
  query.project = multi("project", (v) => {
    const key = keySchema.safeParse(v);
    return key.success && projects.has(key.data) ? key.data : null;
  }, "is not a project you can see");
  query.status = multi("status", (v) => statusSchema.safeParse(v).data ?? null, `is not a status (${MILESTONE_STATUSES.join(", ")})`);
  query.health = multi("health", (v) => healthSchema.safeParse(v).data ?? null, `is not a health (${MILESTONE_HEALTHS.join(", ")})`);

  const owner = values(raw.owner)[0];
  if (owner !== undefined) {
    const parsed = ownerSchema.safeParse(owner);
    const known = parsed.success && (parsed.data === OWNER_ME || parsed.data === OWNER_NONE || context.ownerIds.includes(parsed.data));
    if (parsed.success && known) query.owner = parsed.data;
    else notices.push(`${L.owner}: ${quote(owner)} owns no milestone you can see; ignored.`);
  }

  for (const name of ["overdue", "slipping"] as const) {
    const value = values(raw[name])[0];
    if (value === undefined || value === "no") continue;
    if (yesSchema.safeParse(value.toLowerCase()).success) query[name] = true;
    else notices.push(`${L[name]}: ${quote(value)} is not "yes"; ignored.`);
  }

  const blockedBy = values(raw.blockedBy)[0];
  if (blockedBy !== undefined) {
    const parsed = milestoneKeySchema.safeParse(blockedBy);
    if (parsed.success && context.milestoneKeys.includes(parsed.data)) query.blockedBy = parsed.data;
    else notices.push(`${L.blockedBy}: ${quote(blockedBy)} is not a milestone you can see; ignored.`);
  }

  const q = Array.isArray(raw.q) ? raw.q[0] : raw.q;
  if (q !== undefined) {
    const parsed = qSchema.safeParse(q);
    if (parsed.success) query.q = parsed.data;
    else notices.push(`${L.q}: longer than ${Q_MAX} characters; ignored.`);
  }

  const sort = values(raw.sort)[0];
  if (sort !== undefined) {
    const parsed = z.enum(SORT_KEYS).safeParse(sort);
    if (parsed.success) query.sort = parsed.data;
    else notices.push(`${L.sort}: ${quote(sort)} is not a column (${SORT_KEYS.join(", ")}); ignored.`);
  }
  const dir = values(raw.dir)[0];
  if (dir !== undefined) {
    const parsed = z.enum(["asc", "desc"]).safeParse(dir);
    if (parsed.success) query.dir = parsed.data;
    else notices.push(`${L.dir}: ${quote(dir)} is not asc or desc; ignored.`);
  }
  const page = parsePage(raw.page);
  query.page = page.page;
  if (page.notice) notices.push(page.notice);
  return { query, notices };
}

/** Whether anything narrows the rows (the search included; sort and order do not). */
export function isFiltered(query: TableQuery): boolean {
  return (
    query.q !== "" ||
    query.project.length > 0 ||
    query.status.length > 0 ||
    query.owner !== null ||
    query.health.length > 0 ||
    query.overdue ||
    query.slipping ||
    query.blockedBy !== null
  );
}

/** The URL of a view: only what differs from the default is written, lists comma-separated. */
export function tableHref(query: TableQuery, base = "/milestones"): string {
  const params = new URLSearchParams();
  if (query.q) params.set("q", query.q);
  if (query.project.length) params.set("project", query.project.join(","));
  if (query.status.length) params.set("status", query.status.join(","));
  if (query.owner) params.set("owner", query.owner);
  if (query.health.length) params.set("health", query.health.join(","));
  if (query.overdue) params.set("overdue", "yes");
  if (query.slipping) params.set("slipping", "yes");
  if (query.blockedBy) params.set("blockedBy", query.blockedBy);
  if (query.sort !== DEFAULT_QUERY.sort || query.dir !== DEFAULT_QUERY.dir) {
    params.set("sort", query.sort);
    params.set("dir", query.dir);
  }
  if (query.page > 1) params.set("page", String(query.page));
  const qs = params.toString();
  return qs ? `${base}?${qs}` : base;
}

/**
 * The link a column header carries: sort by it ascending, or flip the order when it is the current
 * column. The filters stay; the page goes back to the first, where the new order starts.
 */
export function sortHref(query: TableQuery, column: SortKey): string {
  const dir: SortDir = query.sort === column && query.dir === "asc" ? "desc" : "asc";
  return tableHref({ ...query, sort: column, dir, page: 1 });
}
