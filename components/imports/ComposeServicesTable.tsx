"use client";
// The services of the file as the preview sees them: the catalog name (and the file's, when it
// differs), what happens to it, its layer (changeable) with the reason it was suggested, image,
// repository path and dependencies.
import { Badge, StatusBadge } from "@/components/ui/Badge";
import { Select } from "@/components/ui/Input";
import { Table } from "@/components/ui/Table";
import { statusLabel } from "@/components/ui/status";
import type { ComposeServiceRow } from "@/lib/import/compose-plan";
import type { ServiceLayer } from "@/lib/import/compose-layers";
import { SERVICE_LAYERS } from "@/lib/validation/service";
import styles from "./imports.module.css";

const STATUS = { create: { label: "New", tone: "green" }, update: { label: "Changes", tone: "amber" }, unchanged: { label: "Unchanged", tone: "gray" } } as const;

export function ComposeServicesTable({ services, onLayer, disabled }: { services: ComposeServiceRow[]; onLayer: (name: string, layer: ServiceLayer) => void; disabled: boolean }) {
  return (
    <Table aria-label="Services in the file" density="compact">
        <thead>
          <tr>
            <th scope="col">Service</th>
            <th scope="col">In the catalog</th>
            <th scope="col">Layer</th>
            <th scope="col">Why this layer</th>
            <th scope="col">Image and build context</th>
            <th scope="col">Depends on</th>
          </tr>
        </thead>
        <tbody>
          {services.map((s) => (
            <tr key={s.name}>
              <td>
                <span className={`mono ${styles.name}`}>{s.name}</span>
                {s.composeName !== s.name && <div className={styles.sub}>written {s.composeName} in the file</div>}
              </td>
              <td>
                <Badge tone={STATUS[s.status].tone} size="sm">
                  {STATUS[s.status].label}
                </Badge>
                {!s.allowed && (
                  <div className={styles.refused} title="Applying is refused while this service is in the file with changes you may not make.">
                    you may not change it
                  </div>
                )}
              </td>
              <td>
                <Select aria-label={`Layer of ${s.name}`} className={styles.layerSelect} value={s.layer} disabled={disabled} onChange={(e) => {
                    const layer = SERVICE_LAYERS.find((l) => l === e.target.value);
                    if (layer) onLayer(s.name, layer);
                  }}
                  controlSize="sm"
                >
                  {SERVICE_LAYERS.map((l) => (
                    <option key={l} value={l}>
                      {statusLabel("layer", l)}
                    </option>
                  ))}
                </Select>
              </td>
              <td className={styles.reason}>
                {s.existingLayer ? (
                  <>
                    <StatusBadge kind="layer" value={s.existingLayer} size="sm" /> in the catalog
                    {s.suggestedLayer !== s.existingLayer && <div className={styles.sub}>suggested {statusLabel("layer", s.suggestedLayer)}: {s.reason}</div>}
                  </>
                ) : (
                  <>
                    suggested {statusLabel("layer", s.suggestedLayer)}: {s.reason}
                  </>
                )}
              </td>
              <td className={styles.image}>
                <span className="mono">{s.image ?? "—"}</span>
                {s.repositoryPath !== null && <div className={`${styles.sub} mono`}>{s.repositoryPath}</div>}
              </td>
              <td className={styles.deps}>
                {s.dependsOn.length
                  ? s.dependsOn.map((d) => (
                      <div key={d.name}>
                        <span className="mono">{d.name}</span> <span className={styles.sub}>{d.kind}{d.status === "create" ? ", new" : ""}</span>
                      </div>
                    ))
                  : "—"}
              </td>
            </tr>
          ))}
        </tbody>
    </Table>
  );
}
