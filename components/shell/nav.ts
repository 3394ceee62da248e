// Which navigation item is current, and where per-project items point. Pure: tested alone.

export type ProjectSection = "handoffs" | "map" | "milestones";

// Path segments under /projects/ that are pages of their own rather than project keys.
const RESERVED = new Set(["new"]);

/** "/projects/VIT/map" → "VIT"; undefined outside a project. */
export function projectKeyFromPath(pathname: string): string | undefined {
  const match = /^\/projects\/([^/?#]+)/.exec(pathname);
  if (!match) return undefined;
  const key = decodeURIComponent(match[1]);
  return RESERVED.has(key) ? undefined : key;
}

/** /projects/KEY/section inside a project; the cross-project /section otherwise. */
export function sectionHref(section: ProjectSection, projectKey?: string): string {
  return projectKey ? `/projects/${encodeURIComponent(projectKey)}/${section}` : `/${section}`;
}

function within(pathname: string, base: string): boolean {
  return pathname === base || pathname.startsWith(`${base}/`);
}

export function sectionOfPath(pathname: string): ProjectSection | undefined {
  for (const section of ["handoffs", "map", "milestones"] as const) {
    if (within(pathname, `/${section}`)) return section;
    const key = projectKeyFromPath(pathname);
    if (key && within(pathname, `/projects/${encodeURIComponent(key)}/${section}`)) return section;
  }
  return undefined;
}

export type NavMatch = { kind: "section"; section: ProjectSection } | { kind: "projects" } | { kind: "prefix"; href: string };

/** Projects is current anywhere under /projects except a project's Handoffs, Map or Milestones. */
export function isNavActive(match: NavMatch, pathname: string): boolean {
  switch (match.kind) {
    case "section":
      return sectionOfPath(pathname) === match.section;
    case "projects":
      return within(pathname, "/projects") && sectionOfPath(pathname) === undefined;
    case "prefix":
      return within(pathname, match.href);
  }
}
