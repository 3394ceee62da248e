// How a service runs, as its compose file says (Service.runtime): ports, profiles, networks and
// the names of its environment variables (never their values); and the projects that run it.
// Shown only when there is something to show.
import Link from "next/link";
import { Card } from "@/components/ui/Card";
import type { ServiceRuntime } from "@/lib/validation/service";
import { SERVICE_LABELS as L } from "@/lib/validation/labels";
import styles from "./catalog.module.css";
import services from "./services.module.css";

const LISTS = [
  ["ports", L.runtimePorts],
  ["profiles", L.runtimeProfiles],
  ["networks", L.runtimeNetworks],
  ["environment", L.runtimeEnvironment],
] as const;

export function RuntimeCard({ runtime, projects }: { runtime: ServiceRuntime | null; projects: { key: string; name: string }[] }) {
  const lists = LISTS.filter(([key]) => (runtime?.[key]?.length ?? 0) > 0);
  if (lists.length === 0 && projects.length === 0) return null;
  return (
    <Card title="Runtime" description={lists.length > 0 ? "As its compose file describes it. Environment variables by name only." : undefined}>
      <dl className={`${services.facts} ${styles.runtimeFacts}`}>
        {lists.map(([key, label]) => (
          <div key={key} className={styles.contents}>
            <dt>{label}</dt>
            <dd className={styles.chips}>
              {runtime?.[key]?.map((v) => (
                <code key={v}>{v}</code>
              ))}
            </dd>
          </div>
        ))}
        {projects.length > 0 && (
          <>
            <dt>Run by</dt>
            <dd>
              {projects.map((p, i) => (
                <span key={p.key}>
                  {i > 0 && ", "}
                  <Link href={`/projects/${encodeURIComponent(p.key)}`}>{p.name}</Link>
                </span>
              ))}
            </dd>
          </>
        )}
      </dl>
    </Card>
  );
}
