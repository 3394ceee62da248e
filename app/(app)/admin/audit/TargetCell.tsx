// An audit event's target, by name and linked to its page where it still exists (resolved for
// the whole page at once: auditTargetNames); the raw id stays in the tooltip, and is shown only
// when no name is found (deleted since, or an id that never existed in a refused request).
import Link from "next/link";
import type { AuditTarget } from "@/components/admin/audit-targets";
import styles from "./audit.module.css";

type Props = { targetType: string; targetId: string; project: { key: string; name: string } | null; named: AuditTarget | undefined };

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

export function TargetCell({ targetType, targetId, project, named }: Props) {
  const where = project ? (
    <>
      {" in "}
      <Link href={`/projects/${encodeURIComponent(project.key)}`} title={project.name}>
        {project.key}
      </Link>
    </>
  ) : null;
  if (named) {
    const tooltip = `${named.name}${named.context ? ` (${named.context})` : ""} · ${targetType} ${targetId}`;
    return (
      <span className={styles.target}>
        {named.href ? (
          <Link href={named.href} className={styles.targetName} title={tooltip}>
            {named.name}
          </Link>
        ) : (
          <span className={styles.targetName} title={tooltip}>
            {named.name}
          </span>
        )}
        <span className={styles.targetType}>
          {targetType}
          {named.context && ` · ${named.context}`}
        </span>
      </span>
    );
  }
  return (
    <span className={styles.target}>
      <span>
        {targetType}
        {where}
      </span>
      {targetId && (
        <span className={`${styles.targetType} mono`} title={targetId}>
          {truncate(targetId, 16)}
        </span>
      )}
    </span>
  );
}
