// The map as plain tables: every node and every link, usable without a mouse or a canvas,
// and what tests and screen readers read.
import Link from "next/link";
import { StatusBadge } from "@/components/ui/Badge";
import { Table } from "@/components/ui/Table";
import type { MapEdge, MapNode, MapNodeKind } from "@/lib/graph/types";
import { EDGE_LABEL, KIND_LABEL, STATUS_KIND } from "./map-model";
import styles from "./ProjectMap.module.css";

type Props = {
  id: string;
  kinds: MapNodeKind[];
  nodes: MapNode[];
  edges: MapEdge[];
  byId: Map<string, MapNode>;
  focusId: string | null;
  onFocus: (id: string) => void;
};

export function MapList({ id, kinds, nodes, edges, byId, focusId, onFocus }: Props) {
  const name = (nodeId: string) => {
    const node = byId.get(nodeId);
    if (!node) return nodeId;
    return node.kind === "milestone" ? `${node.sublabel} ${node.label}` : node.label;
  };
  return (
    <section id={id} className={styles.list} aria-label="Map as a list">
      {kinds.map((kind) => {
        const ofKind = nodes.filter((n) => n.kind === kind);
        if (ofKind.length === 0) return null;
        return (
          <Table key={kind} caption={`${KIND_LABEL[kind].many} (${ofKind.length})`} captionVisible density="compact">
            <thead>
              <tr>
                <th scope="col">{KIND_LABEL[kind].one}</th>
                <th scope="col">{kind === "milestone" ? "Key" : kind === "service" ? "Layer" : "Venue"}</th>
                <th scope="col">Status</th>
                <th scope="col">{kind === "handoff" ? "Author" : "Owner"}</th>
                <th scope="col">
                  <span className="sr-only">Focus on the map</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {ofKind.map((node) => (
                <tr key={node.id} aria-current={node.id === focusId ? "true" : undefined} className={node.id === focusId ? styles.currentRow : undefined}>
                  <td>
                    <Link href={node.href}>{node.label}</Link>
                  </td>
                  <td className={kind === "milestone" ? styles.mono : undefined}>{node.sublabel || "—"}</td>
                  <td>
                    <StatusBadge kind={STATUS_KIND[node.kind]} value={node.status} size="sm" />
                    {node.health && node.health !== "on_track" && <StatusBadge kind="health" value={node.health} size="sm" className={styles.healthBadge} />}
                  </td>
                  <td>{node.owner ?? "—"}</td>
                  <td data-align="right">
                    <button type="button" className={styles.linkButton} onClick={() => onFocus(node.id)} aria-label={`Focus ${name(node.id)} on the map`}>
                      Focus
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </Table>
        );
      })}
      <Table caption={`Links (${edges.length})`} captionVisible density="compact">
        <thead>
          <tr>
            <th scope="col">From</th>
            <th scope="col">Relation</th>
            <th scope="col">To</th>
          </tr>
        </thead>
        <tbody>
          {edges.map((edge) => (
            <tr key={edge.id} data-kind={edge.kind}>
              <td>{name(edge.source)}</td>
              <td className={styles.relation}>{EDGE_LABEL[edge.kind]}</td>
              <td>{name(edge.target)}</td>
            </tr>
          ))}
        </tbody>
      </Table>
    </section>
  );
}
