// Plain data shared by the graph algorithms (layout, cycles, reachability), the data layer
// that builds a project map, and the component that draws it. Nothing here knows React or Prisma.

/** A directed edge between two node ids. Extra fields (an id, a kind) are carried along untouched. */
export type GraphEdge = { source: string; target: string };

/**
 * An edge to lay out. Long edges of the same `group` (say, the same kind of link) that leave or
 * enter the same node are bundled: they share waypoints until they branch off.
 */
export type LayoutEdge = GraphEdge & { group?: string };

export type LayoutNode = {
  id: string;
  width: number;
  height: number;
  /**
   * Pins the node to this layer (column, left to right). 0 is the first; a negative value
   * counts back from the last layer of the laid-out graph (-1 is the last).
   */
  column?: number;
  /**
   * Groups layers into bands laid out left to right: every node of band b sits in a layer
   * after every node of the bands before it. Default 0. (A map puts handoffs in band 0,
   * milestones in band 1 and services in band 2, so that services come last but still
   * spread over several columns when they call each other.)
   */
  band?: number;
};

export type LayoutOptions = {
  /** Horizontal space between two layers (columns). Default 80. */
  layerGap?: number;
  /** Vertical space between two nodes of one layer. Default 24. */
  nodeGap?: number;
  /** Vertical space between two long edges passing through a layer, or an edge and a node. Default 12. */
  edgeGap?: number;
  /**
   * Bundle long edges that share an end (see LayoutEdge): all of them (true, the default), none
   * (false), or only edges of the groups listed.
   */
  bundleEdges?: boolean | readonly string[];
  /** Barycenter sweeps (one down and one up each) for crossing reduction. Default 8. */
  sweeps?: number;
};

/** Top-left corner of a node, as React Flow positions nodes, and the layer it was put in. */
export type NodePosition = { id: string; x: number; y: number; layer: number };

export type Point = { x: number; y: number };

/**
 * Where an edge spanning several layers passes between the nodes of the layers it crosses:
 * waypoints in the edge's own direction, to be joined by a smooth curve from the source's
 * handle to the target's. Edges between adjacent layers need none and get no route.
 */
export type EdgeRoute = { edge: number; points: Point[] };

export type LayoutResult = {
  /** One per input node, in input order. */
  positions: NodePosition[];
  /** Routes of long edges; `edge` is the index in the input edges array. */
  routes: EdgeRoute[];
  width: number;
  height: number;
  layerCount: number;
  /** How many edges pointed backwards (cycle or against a pinned column/band) and were reversed. */
  reversedEdges: number;
};

// ---------- The project map ----------

export type MapNodeKind = "handoff" | "milestone" | "service";

export type MapEdgeKind = "decomposed" | "depends" | "implements" | "calls" | "reads" | "publishes";

export type MapNode = {
  /** Prefixed by kind: "handoff:ID", "milestone:ID", "service:ID". */
  id: string;
  kind: MapNodeKind;
  /** Paper title (handoff), milestone title, service name. */
  label: string;
  /** "NeurIPS 2024" (handoff), milestone key, service layer label. */
  sublabel: string;
  /** Handoff review status, milestone status, or service lifecycle: the raw enum value. */
  status: string;
  /** Milestones only. */
  health?: string;
  /** Where the node opens: the handoff, the milestone, the service page. */
  href: string;
  /** Milestone owner, handoff author, service owner. */
  owner?: string;
  /** Secondary text for details panels: the handoff's own title, a service's display name. */
  detail?: string;
  /** Milestones: ISO due date. */
  dueDate?: string;
  /** Milestones, for the plan (lib/graph/map-plan): estimate in days, ISO start date, ISO completion. */
  estimateDays?: number;
  startDate?: string;
  completedAt?: string;
  /** Milestones: share of the acceptance criteria ticked, in (0, 1] (absent when none is). */
  progress?: number;
  /** Services: raw layer value (gateway, api, service, worker, model, data). */
  layer?: string;
  /**
   * Services on a project map that no milestone of it links: why they are there ("Run by this
   * project", "Reached through layout-api").
   */
  reason?: string;
  /** Services on the services map: the projects and papers using it that the viewer can see. */
  usedBy?: MapUsage;
};

/** Who uses a service: projects (by milestone link or by running it) and the papers behind those milestones. */
export type MapUsage = {
  projects: { key: string; name: string; href: string }[];
  papers: { id: string; label: string; href: string }[];
};

export type MapEdge = {
  id: string;
  source: string;
  target: string;
  kind: MapEdgeKind;
};

export type ProjectMapData = { nodes: MapNode[]; edges: MapEdge[] };
