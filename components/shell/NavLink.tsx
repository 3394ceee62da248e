"use client";
// A sidebar link that knows whether it is current (aria-current="page") from the pathname.
// Per-project items (Handoffs, Map, Milestones) point into the project being viewed.
import Link from "next/link";
import { usePathname } from "next/navigation";
import type { ReactNode } from "react";
import { isNavActive, projectKeyFromPath, sectionHref, type NavMatch, type ProjectSection } from "./nav";
import styles from "./AppShell.module.css";

export type NavLinkProps = {
  label: string;
  icon: ReactNode;
} & (
  | { href: string; match?: "prefix" | "projects"; section?: undefined; projectKey?: undefined }
  | { section: ProjectSection; /** Used when the pathname is not inside a project. */ projectKey?: string; href?: undefined; match?: undefined }
);

export function NavLink(props: NavLinkProps) {
  const pathname = usePathname() ?? "";
  let href: string;
  let match: NavMatch;
  if (props.section) {
    href = sectionHref(props.section, projectKeyFromPath(pathname) ?? props.projectKey);
    match = { kind: "section", section: props.section };
  } else {
    href = props.href;
    match = props.match === "projects" ? { kind: "projects" } : { kind: "prefix", href: props.href };
  }
  const active = isNavActive(match, pathname);
  return (
    <Link href={href} className={styles.navItem} aria-current={active ? "page" : undefined} title={props.label}>
      <span className={styles.navIcon}>{props.icon}</span>
      <span className={styles.navLabel}>{props.label}</span>
    </Link>
  );
}

/** A project in the sidebar's project list; marked current anywhere inside that project. */
export function ProjectLink({ projectKey, name, fallbackKey }: { projectKey: string; name: string; fallbackKey?: string }) {
  const pathname = usePathname() ?? "";
  const currentKey = projectKeyFromPath(pathname) ?? fallbackKey;
  const href = `/projects/${encodeURIComponent(projectKey)}`;
  const inProject = currentKey === projectKey;
  const onOverview = pathname === href;
  return (
    <Link
      href={href}
      className={styles.projectItem}
      aria-current={onOverview ? "page" : inProject ? "true" : undefined}
      title={`${name} (${projectKey})`}
    >
      <ProjectTile projectKey={projectKey} />
      <span className={styles.navLabel}>{name}</span>
    </Link>
  );
}

/** The project shown in the top bar when viewing one. */
export function CurrentProject({ projects, fallbackKey }: { projects: { key: string; name: string }[]; fallbackKey?: string }) {
  const pathname = usePathname() ?? "";
  const key = projectKeyFromPath(pathname) ?? fallbackKey;
  const project = key ? projects.find((p) => p.key === key) : undefined;
  if (!project) return null;
  return (
    <Link href={`/projects/${encodeURIComponent(project.key)}`} className={styles.currentProject}>
      <ProjectTile projectKey={project.key} />
      <span className={styles.currentProjectName}>{project.name}</span>
      <span className={styles.currentProjectKey}>{project.key}</span>
    </Link>
  );
}

function ProjectTile({ projectKey }: { projectKey: string }) {
  return (
    <span className={styles.projectTile} data-tone={tileTone(projectKey)} aria-hidden>
      {projectKey.slice(0, 1).toUpperCase()}
    </span>
  );
}

const TILE_TONES = ["blue", "violet", "teal", "green", "amber", "pink", "orange", "red"] as const;
function tileTone(key: string): (typeof TILE_TONES)[number] {
  let h = 0;
  for (const ch of key) h = (h * 31 + (ch.codePointAt(0) ?? 0)) >>> 0;
  return TILE_TONES[h % TILE_TONES.length];
}
