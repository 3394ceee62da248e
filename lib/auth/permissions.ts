// The permission matrix: role × resource × action. docs/permissions.md is rendered from this
// table (npm run docs:permissions) and a test keeps the two identical. lib/data/ checks every
// read and write against it; nothing else grants access.
import { joinList } from "@/components/ui/format";
import type { Role } from "@/lib/db/generated/sqlite/enums";
import type { HandoffStatusValue } from "@/lib/validation/handoff";

export const ROLES = ["viewer", "researcher", "engineer", "manager", "owner"] as const satisfies readonly Role[];
export type ProjectRole = (typeof ROLES)[number];

export const ROLE_LABELS: Record<ProjectRole, string> = {
  viewer: "Viewer",
  researcher: "Researcher",
  engineer: "Engineer",
  manager: "Manager",
  owner: "Owner",
};

type Grant = readonly ProjectRole[];
const everyone: Grant = ROLES;

/** Project-scoped permissions: who, by project role, may do what. Instance admins act as owners. */
export const PROJECT_MATRIX = {
  project: {
    read: everyone,
    update: ["owner"],
    archive: ["owner"],
    // A compose import into the project (lib/data/compose-import.ts): planning it, as milestones
    // are planned. Each service it adds or changes also needs the catalog's own permission.
    importServices: ["engineer", "manager", "owner"],
  },
  membership: {
    read: everyone,
    manage: ["owner"],
  },
  handoff: {
    read: everyone,
    create: ["researcher", "manager", "owner"],
    update: ["researcher", "manager", "owner"],
    delete: ["owner"],
    comment: ["researcher", "engineer", "manager", "owner"],
    review: ["engineer", "manager", "owner"],
    accept: ["manager", "owner"],
  },
  // Comments are written with handoff.comment; afterwards their authors may change or remove
  // their own, and owners may remove anyone's (moderation). Nobody edits someone else's words.
  comment: {
    editOwn: ["researcher", "engineer", "manager", "owner"],
    deleteOwn: ["researcher", "engineer", "manager", "owner"],
    deleteAny: ["owner"],
  },
  template: {
    read: everyone,
    manage: ["owner"],
  },
  milestone: {
    read: everyone,
    create: ["engineer", "manager", "owner"],
    update: ["engineer", "manager", "owner"],
    updateStatus: ["engineer", "manager", "owner"],
    delete: ["manager", "owner"],
  },
  // Arranging the project map (dragging nodes and pinning them for the whole team, re-layout):
  // part of planning, so the same roles that plan milestones.
  map: {
    arrange: ["engineer", "manager", "owner"],
  },
} as const satisfies Record<string, Record<string, Grant>>;

/** Who moves a handoff where: each transition names the handoff permission it needs. */
export const HANDOFF_TRANSITIONS = {
  submit: { from: ["draft", "changes_requested"], to: "in_review", permission: "update" },
  requestChanges: { from: ["in_review"], to: "changes_requested", permission: "review" },
  accept: { from: ["in_review"], to: "accepted", permission: "accept" },
  archive: { from: ["draft", "changes_requested", "accepted", "in_review"], to: "archived", permission: "accept" },
  // Reopening undoes an acceptance or an archiving, so it takes the role that made that decision.
  reopen: { from: ["archived", "accepted"], to: "draft", permission: "accept" },
} as const satisfies Record<string, { from: readonly HandoffStatusValue[]; to: HandoffStatusValue; permission: "update" | "review" | "accept" }>;

export type ProjectResource = keyof typeof PROJECT_MATRIX;
export type ProjectAction<R extends ProjectResource> = keyof (typeof PROJECT_MATRIX)[R] & string;

export function roleAllows<R extends ProjectResource>(role: ProjectRole | null, resource: R, action: ProjectAction<R>): boolean {
  if (!role) return false;
  return rolesAllowed(resource, action).includes(role);
}

/** The project roles a cell of the matrix grants, weakest first: for queries ("members who may review"). */
export function rolesAllowed<R extends ProjectResource>(resource: R, action: ProjectAction<R>): readonly ProjectRole[] {
  return (PROJECT_MATRIX[resource] as Record<string, Grant>)[action];
}

/** The same roles in words for the UI: "researchers, managers and owners" (`capital` starts a sentence). */
export function rolesPhrase<R extends ProjectResource>(resource: R, action: ProjectAction<R>, capital = false): string {
  return listRoles(rolesAllowed(resource, action), capital);
}

/** Roles in words: ["engineer", "owner"] → "engineers and owners" (or "engineers or owners"). */
export function listRoles(roles: readonly ProjectRole[], capital = false, last: "and" | "or" = "and"): string {
  const text = joinList(roles.map((r) => `${ROLE_LABELS[r].toLowerCase()}s`), last);
  return capital ? text.charAt(0).toUpperCase() + text.slice(1) : text;
}

/**
 * Instance-wide permissions, which do not depend on one project. Each cell names an audience
 * (INSTANCE_AUDIENCES says who that is). The services catalog is organisation-wide, but each
 * entry belongs to someone: a service is edited by its owner, by admins, and by the engineers,
 * managers and owners of the projects whose milestones were linked to it by one of its editors;
 * only its owner and admins hand it to another owner. Any planner may say a service implements
 * their milestone, but a link made by someone who could not edit the service grants nothing, so
 * creating a project (PROJECT_CREATION) and linking never opens the catalog.
 */
export const INSTANCE_MATRIX = {
  project: { create: "project creator" },
  service: { read: "member", create: "catalog editor", update: "service editor", changeOwner: "service owner", delete: "admin" },
  apiToken: { manageOwn: "member", manageAny: "admin" },
  user: { read: "admin", manage: "admin" },
  auditLog: { read: "admin" },
} as const;

export type InstanceResource = keyof typeof INSTANCE_MATRIX;
export type InstanceAction<R extends InstanceResource> = keyof (typeof INSTANCE_MATRIX)[R] & string;
export type InstanceAudience = "member" | "project creator" | "catalog editor" | "service editor" | "service owner" | "admin";

/** Who each audience is; instance admins belong to every one. */
export const INSTANCE_AUDIENCES: Record<InstanceAudience, string> = {
  member: "any signed-in user whose account is active",
  "project creator": "a member when `PROJECT_CREATION=members` (the default); only admins when `PROJECT_CREATION=admins`",
  "catalog editor": "a member who is engineer, manager or owner in at least one active project",
  "service editor":
    "for one service: its owner, or an engineer, manager or owner of an active project with a milestone linked to the service by someone who could already edit it (its owner, an admin or another of its editors); a link made by anyone else records that the service implements the milestone and grants nothing",
  "service owner": "for one service: its owner",
  admin: "an instance admin",
};

/** The project roles that plan work: they edit the services an editor of each linked to their milestones. */
export const CATALOG_EDITOR_ROLES: readonly ProjectRole[] = ["engineer", "manager", "owner"];

/** Who edits one service, in words for its pages: "Its owner, instance admins, and the …" (`owner` starts it). */
export function serviceEditorsPhrase(owner = "Its owner"): string {
  return `${owner}, instance admins, and the ${listRoles(CATALOG_EDITOR_ROLES)} of the projects whose milestones its owner, an admin or another of its editors linked to it`;
}

export function instanceAudience<R extends InstanceResource>(resource: R, action: InstanceAction<R>): InstanceAudience {
  return (INSTANCE_MATRIX[resource] as Record<string, InstanceAudience>)[action];
}

/** What lib/data/access.ts found out about the caller; only what the audience asks about is needed. */
export type InstanceFacts = {
  isAdmin: boolean;
  /** PROJECT_CREATION is "members". */
  membersCreateProjects?: boolean;
  /** Engineer, manager or owner in at least one active project. */
  editsSomeProject?: boolean;
  /** The service's owner (for one service). */
  ownsService?: boolean;
  /** Engineer, manager or owner of an active project with a milestone an editor of the service linked to it. */
  editsImplementingProject?: boolean;
};

/** Whether the caller belongs to the audience. The one place the matrix's audiences are decided. */
export function audienceAdmits(audience: InstanceAudience, facts: InstanceFacts): boolean {
  if (facts.isAdmin) return true;
  switch (audience) {
    case "member":
      return true;
    case "project creator":
      return facts.membersCreateProjects === true;
    case "catalog editor":
      return facts.editsSomeProject === true;
    case "service editor":
      return facts.ownsService === true || facts.editsImplementingProject === true;
    case "service owner":
      return facts.ownsService === true;
    case "admin":
      return false;
  }
}

/** Markdown for docs/permissions.md. */
export function renderPermissionsMarkdown(): string {
  const lines = [
    "# Permission matrix",
    "",
    "Generated from `lib/auth/permissions.ts` by `npm run docs:permissions`; `lib/auth/permissions.test.ts` fails if this file drifts from the code.",
    "Every cell is enforced in `lib/data/` and asserted, allowed and denied, against a real database by `tests/integration/permissions.test.ts`.",
    "",
    "## Project roles",
    "",
    "Roles are per project. Instance admins have owner rights in every project. A user with no membership in a project",
    "cannot see it at all: its pages and API answer 404, exactly as for an id that does not exist.",
    "",
    `| resource | action | ${ROLES.map((r) => ROLE_LABELS[r]).join(" | ")} |`,
    `| --- | --- | ${ROLES.map(() => ":---:").join(" | ")} |`,
  ];
  for (const [resource, actions] of Object.entries(PROJECT_MATRIX)) {
    for (const [action, grant] of Object.entries(actions as Record<string, Grant>)) {
      lines.push(`| ${resource} | ${action} | ${ROLES.map((r) => (grant.includes(r) ? "yes" : "—")).join(" | ")} |`);
    }
  }
  lines.push(
    "",
    "## Instance-wide",
    "",
    "Each cell names an audience; instance admins belong to every one.",
    "",
    ...Object.entries(INSTANCE_AUDIENCES).map(([name, who]) => `- **${name}**: ${who}`),
    "",
    "| resource | action | who |",
    "| --- | --- | --- |",
  );
  for (const [resource, actions] of Object.entries(INSTANCE_MATRIX)) {
    for (const [action, who] of Object.entries(actions)) lines.push(`| ${resource} | ${action} | ${who} |`);
  }
  lines.push(
    "",
    "### Handoff status changes",
    "",
    "Each transition needs the handoff permission named here (the matrix above says which roles have it).",
    "",
    "| transition | from | to | needs |",
    "| --- | --- | --- | --- |",
    ...Object.entries(HANDOFF_TRANSITIONS).map(([name, t]) => `| ${name} | ${t.from.join(", ")} | ${t.to} | handoff ${t.permission} |`),
    "",
    "Approving (reviewers vouching for the version they read) needs handoff review; it changes no status.",
    "",
    "### The services catalog",
    "",
    "The catalog is organisation-wide, but each service belongs to someone. It is edited by its owner, by admins, and by",
    "the engineers, managers and owners of the projects whose milestones were linked to it by someone who could already",
    "edit it; only its owner and admins give it another owner, and only admins delete it. Whoever adds a service owns it",
    "unless they name another owner. Linking a milestone to a service is planning: any engineer, manager or owner of the",
    "milestone's project may say that a shared service implements it, and the link shows on the map, but a link made by",
    "someone who could not edit the service grants no one anything; removing a granting link removes what it granted.",
    "So a member who creates a project (when `PROJECT_CREATION=members`) can add services and link any service to their",
    "milestones, but cannot edit anyone else's. With `PROJECT_CREATION=admins` only admins create projects, so adding",
    "services takes an engineer, manager or owner role someone else gave. Links made before this rule keep granting.",
    "",
    "## Sessions",
    "",
    "Sessions are signed JWTs. Each carries the user's session version; `lib/data/` compares it with the database on",
    "every request, so disabling a user, changing their admin flag or resetting their password ends their sessions at",
    "the next request. Project role changes need no session change: roles are read from the database on every check.",
    "",
    "Signed-out page visits redirect to sign-in; signed-out API calls get 401. Denied requests are recorded in the",
    "audit log with who, what, which object, when (UTC) and from where.",
    "",
  );
  return lines.join("\n");
}
