"use client";
// The map's side panel: the selected dependency (remove it, for planners), the focused node (its
// upstream and downstream, hops, pin, prerequisites, a paper's collapse) or a collapsed group (its
// members). At most one shows; ProjectMap decides which.
import type { Ref } from "react";
import type { Connection } from "@xyflow/react";
import type { MapGroup } from "@/lib/graph/collapse";
import type { MapEdge, MapNode } from "@/lib/graph/types";
import { MapAddPrerequisite } from "./MapAddPrerequisite";
import { MapUnpin } from "./MapArrangeControls";
import { MapGroupDetails, MapPaperCollapse } from "./MapCollapse";
import { MapDependencyDetails } from "./MapDependencyDetails";
import { MapDetails } from "./MapDetails";
import { dependencyOfEdge } from "./map-model";
import type { CollapseView } from "./useCollapse";
import type { DependencyEditing } from "./useDependencyEditing";
import type { MapArrange } from "./useMapArrange";

type Props = {
  selectedEdge: MapEdge | undefined;
  focused: MapNode | undefined;
  selectedGroup: MapGroup | undefined;
  /** Nodes drawn, and every node of the map (a group's members). */
  byId: ReadonlyMap<string, MapNode>;
  allById: ReadonlyMap<string, MapNode>;
  upstream: MapNode[];
  downstream: MapNode[];
  /** Milestones the focused one could wait for. */
  prerequisites: () => MapNode[];
  editing: DependencyEditing;
  arrange: MapArrange | null | undefined;
  rolled: CollapseView;
  hops: number | null;
  onHops: (hops: number | null) => void;
  onFocus: (id: string) => void;
  onUnfocus: () => void;
  onClearFocus: () => void;
  onClose: () => void;
  onConnect: (connection: Connection) => void;
  headingRef: Ref<HTMLHeadingElement>;
};

export function MapPanels({ selectedEdge, focused, selectedGroup, byId, allById, upstream, downstream, prerequisites, editing, arrange, rolled, hops, onHops, onFocus, onUnfocus, onClearFocus, onClose, onConnect, headingRef }: Props) {
  return (
    <>
    {selectedEdge && byId.has(selectedEdge.source) && byId.has(selectedEdge.target) && (
      <MapDependencyDetails
        key={selectedEdge.id}
        prerequisite={byId.get(selectedEdge.source)!}
        dependent={byId.get(selectedEdge.target)!}
        onRemove={editing.enabled ? () => editing.remove(dependencyOfEdge(selectedEdge)!) : null}
        pending={editing.pending}
        onFocus={onFocus}
        onClose={onClose}
        headingRef={headingRef}
      />
    )}
    {focused && (
      <MapDetails
        node={focused}
        upstream={upstream}
        downstream={downstream}
        onFocus={onFocus}
        onClose={onClearFocus}
        headingRef={headingRef}
        hops={hops}
        onHops={onHops}
        plan={
          <>
            {arrange && <MapUnpin arrange={arrange} id={focused.id} />}
            {editing.enabled && focused.kind === "milestone" ? (
              <MapAddPrerequisite node={focused} candidates={prerequisites()} pending={editing.pending} onAdd={(id) => onConnect({ source: id, target: focused.id, sourceHandle: null, targetHandle: null })} />
            ) : focused.kind === "handoff" ? (
              <MapPaperCollapse node={focused} view={rolled} onCollapsed={onFocus} />
            ) : null}
          </>
        }
      />
    )}
    {selectedGroup && (
      <MapGroupDetails
        key={selectedGroup.id}
        group={selectedGroup}
        byId={allById}
        onExpand={(groupId, member) => {
          rolled.toggle(groupId);
          if (member) onFocus(member);
          else onUnfocus();
        }}
        onClose={onClose}
        headingRef={headingRef}
      />
    )}
    </>
  );
}
