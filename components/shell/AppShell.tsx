// The signed-in frame: sidebar (brand, navigation, projects), top bar (current project,
// theme, user menu) and the page. A server component; only the links and menus hydrate.
import Link from "next/link";
import { cookies } from "next/headers";
import type { ReactNode } from "react";
import { Button } from "@/components/ui/Button";
import { IconFileText, IconFlag, IconGrid, IconNetwork, IconServer, IconShield } from "@/components/ui/icons";
import { IconGauge } from "@/components/dashboard/icons";
import { LogoMark } from "./LogoMark";
import { CurrentProject, NavLink, ProjectLink } from "./NavLink";
import { parseTheme, THEME_COOKIE } from "./theme";
import { ThemeToggle } from "./ThemeToggle";
import { UserMenu } from "./UserMenu";
import styles from "./AppShell.module.css";

export type ShellUser = { name: string; email: string; isAdmin: boolean };
export type ShellProject = { key: string; name: string };

export type AppShellProps = {
  user: ShellUser | null;
  /** The user's projects, listed in the sidebar as the project switcher. */
  projects?: ShellProject[];
  /** Project to point Handoffs/Map/Milestones at when the URL is not inside one. */
  currentProjectKey?: string;
  /** Replaces the current-project label at the left of the top bar. */
  topbar?: ReactNode;
  children: ReactNode;
};

export async function AppShell({ user, projects = [], currentProjectKey, topbar, children }: AppShellProps) {
  const theme = parseTheme((await cookies()).get(THEME_COOKIE)?.value);
  return (
    <div className={styles.shell}>
      <a href="#main" className="skip-link">
        Skip to content
      </a>
      <aside className={styles.sidebar} data-chrome="sidebar">
        <div className={styles.sidebarInner}>
          <Link href="/projects" className={styles.brand} aria-label="Legible home">
            <LogoMark size={22} />
            <span className={styles.brandName}>Legible</span>
          </Link>
          <div className={styles.sidebarScroll}>
            <PrimaryNav isAdmin={user?.isAdmin ?? false} projectKey={currentProjectKey} hasProjects={projects.length > 0} />
            <ProjectList projects={projects} projectKey={currentProjectKey} />
          </div>
        </div>
      </aside>
      <div className={styles.main}>
        <header className={styles.topbar} data-chrome="topbar">
          <div className={styles.topbarStart}>
            {topbar ?? <CurrentProject projects={projects} fallbackKey={currentProjectKey} />}
          </div>
          <div className={styles.topbarEnd}>
            <ThemeToggle initialTheme={theme} />
            {user ? (
              <UserMenu name={user.name} email={user.email} />
            ) : (
              <Button href="/signin" size="sm" variant="secondary">
                Sign in
              </Button>
            )}
          </div>
        </header>
        <main id="main" className={styles.content} tabIndex={-1}>
          {children}
        </main>
      </div>
    </div>
  );
}

function PrimaryNav({ isAdmin, projectKey, hasProjects }: { isAdmin: boolean; projectKey?: string; hasProjects: boolean }) {
  return (
    <nav aria-label="Primary">
      <ul className={styles.navList}>
        <li>
          <NavLink href="/projects" match="projects" label="Projects" icon={<IconGrid />} />
        </li>
        {hasProjects && (
          <li>
            <NavLink href="/dashboard" label="Dashboard" icon={<IconGauge />} />
          </li>
        )}
        <li>
          <NavLink section="handoffs" projectKey={projectKey} label="Handoffs" icon={<IconFileText />} />
        </li>
        <li>
          <NavLink section="map" projectKey={projectKey} label="Map" icon={<IconNetwork />} />
        </li>
        <li>
          <NavLink section="milestones" projectKey={projectKey} label="Milestones" icon={<IconFlag />} />
        </li>
        <li>
          <NavLink href="/services" label="Services" icon={<IconServer />} />
        </li>
        {isAdmin && (
          <li>
            <NavLink href="/admin" label="Admin" icon={<IconShield />} />
          </li>
        )}
      </ul>
    </nav>
  );
}

function ProjectList({ projects, projectKey }: { projects: ShellProject[]; projectKey?: string }) {
  if (projects.length === 0) return null;
  return (
    <nav aria-labelledby="shell-projects-heading" className={styles.projects}>
      <h2 id="shell-projects-heading" className={styles.sectionHeading}>
        Your projects
      </h2>
      <ul className={styles.navList}>
        {projects.map((project) => (
          <li key={project.key}>
            <ProjectLink projectKey={project.key} name={project.name} fallbackKey={projectKey} />
          </li>
        ))}
      </ul>
    </nav>
  );
}
