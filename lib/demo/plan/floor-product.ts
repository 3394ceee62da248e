// FLOOR milestones 9 to 15: the constraint checker, licensed training data, the editor feature
// and its beta, and the dependencies between all FLOOR milestones. Plain data.
import { md } from "@/lib/demo/md";
import { created, type Edge, type MilestoneSeed } from "@/lib/demo/plan/types";

export const FLOOR_PRODUCT_MILESTONES: MilestoneSeed[] = [
  {
    key: "FLOOR-9",
    title: "Constraint checker service",
    owner: "engineer",
    description: md`
      Deterministic rules applied to every generated candidate before a user sees it: no overlapping rooms,
      rooms inside the footprint when one is given, every door on a wall shared by the two rooms it
      connects, minimum room dimensions per room type. Failing candidates are resampled by \`layout-api\`.
    `,
    acceptanceCriteria: md`
      - [x] Overlap and containment rules with property-based tests
      - [x] Door-on-shared-wall rule
      - [ ] Minimum dimensions per room type, agreed with the product architect
      - [ ] p95 under 30 ms per candidate
      - [ ] \`POST /v1/check\` returns rule ids and offending rooms, documented in OpenAPI
    `,
    start: -40,
    due: 14,
    estimateDays: 15,
    history: [
      created(-70, "engineer"),
      { at: -40, status: "in_progress", health: "on_track", by: "engineer", note: "Geometry on shapely; rules as pure functions." },
      {
        at: -10,
        status: "in_progress",
        health: "on_track",
        by: "engineer",
        note: "Overlap, containment and door rules done. Minimum dimensions per room type in review with the product architect.",
      },
    ],
    services: ["constraint-checker"],
  },
  {
    key: "FLOOR-10",
    title: "Licensed in-house plan corpus for commercial training",
    owner: "manager",
    description: md`
      At least 20k residential plans, in vector form, under a licence that allows commercial training and
      keeping the derived weights. **Blocked**: the data-sharing agreement with our partner architecture
      firm is unsigned. Their counsel requires deletion of any model weights derived from their plans if the
      agreement ends; our legal cannot accept that clause as drafted. Fallback under evaluation: a
      commercially licensed plan dataset (quote requested).
    `,
    acceptanceCriteria: md`
      - [ ] Signed agreement covering training and retention of derived weights
      - [ ] Plans de-identified (title blocks, addresses and client names removed)
      - [ ] Converted to the FLOOR-5 polygon format with the RPLAN converter's validity checks
      - [ ] At least 20k plans after filtering
    `,
    start: -95,
    due: -21,
    estimateDays: 5,
    history: [
      created(-103, "manager"),
      { at: -95, status: "in_progress", health: "on_track", by: "manager", note: "Negotiation opened with two partner firms; one declined, one interested." },
      {
        at: -48,
        status: "blocked",
        health: "at_risk",
        by: "manager",
        note: "Blocked: partner's counsel asks for deletion of derived weights on termination. Legal cannot accept as drafted; escalated to both general counsels.",
      },
      {
        at: -18,
        status: "blocked",
        health: "off_track",
        by: "manager",
        note: "Past due. Meeting with the partner set for next week; quote requested for a commercial dataset as fallback.",
      },
    ],
    services: [],
  },
  {
    key: "FLOOR-11",
    title: "Train the production checkpoint on licensed data",
    owner: "researcher",
    description: md`
      Retrain (or fine-tune from scratch-initialised weights, per legal) HouseDiffusion on the FLOOR-10 corpus
      and pass the harness at least as well as the RPLAN model. **Blocked**: no licensed training data
      until FLOOR-10 closes; the RPLAN checkpoint cannot ship.
    `,
    acceptanceCriteria: md`
      - [ ] Trained only on licensed data; provenance recorded with the checkpoint
      - [ ] Harness FID and GED no worse than \`hd-rplan-r3\` on a held-out split of the corpus
      - [ ] Violation rate under 3 % before resampling
      - [ ] Checkpoint approved for production in the handoff
    `,
    start: -10,
    due: 30,
    estimateDays: 15,
    history: [
      created(-60, "manager"),
      {
        at: -10,
        status: "blocked",
        health: "at_risk",
        by: "manager",
        note: "Planned start reached with no licensed data: blocked on FLOOR-10.",
      },
    ],
    services: ["floorplan-generator"],
  },
  {
    key: "FLOOR-12",
    title: "Gateway integration: /v1/layouts behind ai-gateway",
    owner: "engineer",
    description: md`
      Route \`/v1/layouts\` through \`ai-gateway\` to \`layout-api\`: JWT validation, a \`layouts:generate\` scope,
      per-tenant rate limits, and request ids propagated to the generator and checker for tracing.
    `,
    acceptanceCriteria: md`
      - [ ] Route and scope configured; requests without the scope get 403
      - [ ] Per-tenant rate limit (default 60 requests/minute)
      - [ ] End-to-end test from gateway to generator in CI with a stub model
    `,
    start: 10,
    due: 28,
    estimateDays: 8,
    history: [created(-60, "engineer")],
    services: ["ai-gateway", "layout-api"],
  },
  {
    key: "FLOOR-13",
    title: "Editor: bubble-diagram input and candidate gallery",
    owner: "engineer",
    description: md`
      In the plan editor: draw a bubble diagram (rooms, doors), set the target area, request candidates,
      see them arrive progressively in a gallery, open one as an editable plan, and export SVG or DXF through
      \`render-worker\`.
    `,
    acceptanceCriteria: md`
      - [ ] Bubble-diagram editor with room types from the FLOOR-5 schema
      - [ ] Candidates stream into the gallery as they pass the checker
      - [ ] "Open as plan" creates walls and doors in the editor's model
      - [ ] SVG and DXF export of a chosen candidate
      - [ ] Usability test with three designers
    `,
    // Planned to start before FLOOR-12 can finish: the dependency, not the date, sets its start,
    // so the critical path runs FLOOR-7 → FLOOR-12 → FLOOR-13 → FLOOR-15.
    start: 18,
    due: 52,
    estimateDays: 20,
    history: [created(-60, "manager")],
    services: ["project-api", "render-worker"],
  },
  {
    key: "FLOOR-14",
    title: "Monitoring: latency, errors and violation-rate drift",
    owner: "engineer",
    description: md`
      Dashboards and alerts for the generation path: p50 and p95 latency per service, error rates, GPU
      utilisation, and the constraint checker's violation rate per day (a rising rate is our earliest signal
      of distribution shift in user requests).
    `,
    acceptanceCriteria: md`
      - [ ] Latency and error panels for gateway, layout-api, generator and checker
      - [ ] Alert when p95 exceeds budget for 10 minutes
      - [ ] Daily violation-rate chart with an alert on a 2x rise
    `,
    start: 12,
    due: 30,
    estimateDays: 6,
    history: [
      created(-55, "engineer"),
      {
        at: -5,
        status: "planned",
        health: "at_risk",
        by: "engineer",
        note: "Platform team is migrating the metrics stack this quarter; unclear which one we build dashboards on.",
      },
    ],
    services: ["ai-gateway", "layout-api", "floorplan-generator"],
  },
  {
    key: "FLOOR-15",
    title: "Closed beta with five design partners",
    owner: "manager",
    description: md`
      Turn the feature on for five design-partner firms, with a feedback channel and logging of accepted,
      edited and discarded candidates (with consent). Needs the production checkpoint, the editor, the
      latency budget and monitoring.
    `,
    acceptanceCriteria: md`
      - [ ] Beta agreement signed by five firms, including feedback logging consent
      - [ ] Feature flag per tenant
      - [ ] Weekly review of feedback and violation rates for four weeks
      - [ ] Go or no-go decision for general availability recorded
    `,
    // Before FLOOR-13 can finish, so it waits on FLOOR-13 and ends the critical path.
    start: 40,
    due: 75,
    estimateDays: 10,
    history: [created(-60, "manager")],
    services: ["layout-api"],
  },
];

/** [dependent, prerequisite]: the first depends on the second. */
export const FLOOR_EDGES: Edge[] = [
  ["FLOOR-2", "FLOOR-1"],
  ["FLOOR-3", "FLOOR-1"],
  ["FLOOR-4", "FLOOR-2"],
  ["FLOOR-4", "FLOOR-3"],
  ["FLOOR-5", "FLOOR-2"],
  ["FLOOR-6", "FLOOR-3"],
  ["FLOOR-7", "FLOOR-4"],
  ["FLOOR-7", "FLOOR-5"],
  ["FLOOR-8", "FLOOR-4"],
  ["FLOOR-9", "FLOOR-5"],
  ["FLOOR-10", "FLOOR-1"],
  ["FLOOR-11", "FLOOR-10"],
  ["FLOOR-12", "FLOOR-7"],
  ["FLOOR-12", "FLOOR-9"],
  ["FLOOR-13", "FLOOR-12"],
  ["FLOOR-14", "FLOOR-7"],
  ["FLOOR-15", "FLOOR-13"],
  ["FLOOR-15", "FLOOR-14"],
  ["FLOOR-15", "FLOOR-11"],
  ["FLOOR-15", "FLOOR-8"],
];
