// The frame of every project page: which project, and its sections.
import type { ReactNode } from "react";
import { notFound } from "next/navigation";
import { SubNav } from "@/components/ui/SubNav";
import { StatusBadge } from "@/components/ui/Badge";
import { getActor } from "@/lib/auth/session";
import { getProjectHeader } from "@/lib/data/projects";
import { NotFoundError, UnauthenticatedError } from "@/lib/errors";
import styles from "@/components/project/project-layout.module.css";

export default async function ProjectLayout({ children, params }: { children: ReactNode; params: Promise<{ key: string }> }) {
  const { key } = await params;
  const actor = await getActor();
  // Signed out: the page itself redirects to sign-in; draw no project frame.
  if (!actor) return children;
  let header;
  try {
    header = await getProjectHeader(actor, key);
  } catch (error) {
    if (error instanceof NotFoundError || error instanceof UnauthenticatedError) notFound();
    throw error;
  }
  const base = `/projects/${header.project.key}`;
  return (
    <div className={styles.project}>
      <div className={styles.bar}>
        <div className={styles.identity}>
          <span className={styles.key}>{header.project.key}</span>
          <span className={styles.name}>{header.project.name}</span>
          <StatusBadge kind="role" value={header.role} size="sm" />
          {header.project.archivedAt && <span className={styles.archived}>Archived</span>}
        </div>
        <SubNav
          label="Project sections"
          items={[
            { href: base, label: "Overview", exact: true },
            { href: `${base}/handoffs`, label: "Handoffs" },
            { href: `${base}/map`, label: "Map" },
            { href: `${base}/milestones`, label: "Milestones" },
            { href: `${base}/board`, label: "Board" },
            { href: `${base}/timeline`, label: "Timeline" },
            { href: `${base}/settings`, label: "Settings" },
          ]}
        />
      </div>
      <div className={styles.body}>{children}</div>
    </div>
  );
}
