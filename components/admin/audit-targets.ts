// How the audit log names an event's target: the names auditTargetNames found (one query per
// target type), each with a link to its page where it has one. Pure, so it is unit-tested; an id
// with no name (deleted since, or never valid) is left to the page to show raw.
import type { auditTargetNames } from "@/lib/data/audit";

export type AuditTargetRows = Awaited<ReturnType<typeof auditTargetNames>>;
/** name: what to show; href: its page, if it has one; context: a short second line (project key, email). */
export type AuditTarget = { name: string; href?: string; context?: string };

const key = (type: string, id: string) => `${type}:${id}`;
const project = (projectKey: string) => `/projects/${encodeURIComponent(projectKey)}`;

export function auditTargets(rows: AuditTargetRows): (type: string, id: string) => AuditTarget | undefined {
  const named = new Map<string, AuditTarget>();
  for (const h of rows.handoffs) named.set(key("handoff", h.id), { name: h.title, href: `${project(h.project.key)}/handoffs/${encodeURIComponent(h.id)}`, context: h.project.key });
  for (const p of rows.projects) {
    const target = { name: p.name, href: project(p.key), context: p.key };
    named.set(key("project", p.id), target);
    named.set(key("project", p.key), target);
  }
  for (const m of rows.milestones) {
    named.set(key("milestone", m.id), { name: `${m.key} ${m.title}`, href: `${project(m.project.key)}/milestones/${encodeURIComponent(m.id)}`, context: m.project.key });
  }
  for (const s of rows.services) {
    const target = { name: s.name, href: `/services/${encodeURIComponent(s.name)}` };
    named.set(key("service", s.id), target);
    named.set(key("service", s.name), target);
  }
  // People have no page of their own; the admin's Users page lists them.
  for (const u of rows.users) named.set(key("user", u.id), { name: u.name, href: "/admin/users", context: u.email });
  for (const m of rows.memberships) {
    named.set(key("membership", m.id), { name: m.user.name, href: `${project(m.project.key)}/settings`, context: `member of ${m.project.key}` });
  }
  return (type, id) => named.get(key(type, id));
}
