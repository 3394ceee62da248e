// FLOOR milestones 1 to 8: data licensing, reproducing the papers, the evaluation harness, the
// request contract, serving and latency. Plain data; lib/demo/write.ts writes it.
import { md } from "@/lib/demo/md";
import { created, type MilestoneSeed } from "@/lib/demo/plan/types";

export const FLOOR_RESEARCH_MILESTONES: MilestoneSeed[] = [
  {
    key: "FLOOR-1",
    title: "RPLAN licence review and ingestion",
    owner: "manager",
    description: md`
      Confirm what RPLAN's terms allow, then ingest it so research can start. RPLAN is obtained by request
      and is licensed for research; production training data is a separate track (FLOOR-10).
    `,
    acceptanceCriteria: md`
      - [x] Legal opinion on RPLAN use recorded (evaluation and internal prototypes only)
      - [x] Raw dataset stored in \`research-datasets/rplan/v1/\` with access limited to research
      - [x] Conversion to polygon JSON, with counts per room-count group
    `,
    start: -120,
    due: -100,
    estimateDays: 6,
    history: [
      created(-122, "manager"),
      { at: -120, status: "in_progress", health: "on_track", by: "manager", note: "Request form sent to the RPLAN authors; legal review opened." },
      {
        at: -103,
        status: "done",
        health: "on_track",
        by: "manager",
        note: "Legal: research use, evaluation and internal prototypes are fine; no shipped weights. Dataset converted (about 1 % of plans dropped by validity checks). Commercial data split out as FLOOR-10.",
      },
    ],
    services: ["object-store"],
  },
  {
    key: "FLOOR-2",
    title: "Reproduce HouseDiffusion on RPLAN",
    owner: "researcher",
    description: md`
      Train HouseDiffusion on the four held-out room-count groups and match the paper's FID and GED within
      noise, with our own renderer. Produces the checkpoint used for serving and load tests in staging.
    `,
    acceptanceCriteria: md`
      - [x] Training runs for groups 5, 6, 7 and 8 complete
      - [x] FID and GED within a few points of the paper, gap to House-GAN++ reproduced
      - [x] Checkpoint \`hd-rplan-r3\` stored with checksum and training config
    `,
    start: -103,
    due: -75,
    estimateDays: 15,
    history: [
      created(-110, "manager"),
      { at: -103, status: "in_progress", health: "on_track", by: "manager", note: "First training run started on the 8-room group." },
      {
        at: -90,
        status: "in_progress",
        health: "at_risk",
        by: "manager",
        note: "Run diverged after 300k steps: our converter emitted corners counter-clockwise for balconies. Fixed the converter and restarted; about a week lost.",
      },
      { at: -76, status: "done", health: "on_track", by: "manager", note: "All four groups trained; numbers match the paper's ordering and gap. Checkpoint hd-rplan-r3." },
    ],
    services: ["floorplan-generator"],
  },
  {
    key: "FLOOR-3",
    title: "Reproduce House-GAN++ as the baseline",
    owner: "researcher",
    description: md`
      Train House-GAN++ on the same converted RPLAN and held-out groups, so the harness has a baseline whose
      numbers we produced ourselves.
    `,
    acceptanceCriteria: md`
      - [x] Generator checkpoints for groups 5 to 8
      - [x] Refinement with locked rooms demonstrated in a notebook
    `,
    start: -100,
    due: -80,
    estimateDays: 8,
    history: [
      created(-110, "manager"),
      { at: -100, status: "in_progress", health: "on_track", by: "manager", note: "Using our converter, not the repository's preprocessed files." },
      { at: -79, status: "done", health: "on_track", by: "manager", note: "Two of five runs collapsed and were restarted from earlier checkpoints; final numbers in the handoff." },
    ],
    services: [],
  },
  {
    key: "FLOOR-4",
    title: "Evaluation harness: FID, GED and constraint violations",
    owner: "engineer",
    description: md`
      One command that evaluates any generator on the held-out groups with a fixed renderer: FID, graph edit
      distance to the input diagram, and violation rates from the constraint rules. Runs nightly in CI
      against the current candidate and the House-GAN++ baseline.
    `,
    acceptanceCriteria: md`
      - [x] \`floorplan_eval\` package with FID, GED and overlap metrics, unit-tested
      - [x] Renderer fixed and versioned, shared by all models
      - [x] Nightly CI job posts a comparison table
      - [x] Reproduces FLOOR-2 and FLOOR-3 numbers within 0.5 FID
    `,
    start: -78,
    due: -60,
    estimateDays: 10,
    history: [
      created(-100, "engineer"),
      { at: -78, status: "in_progress", health: "on_track", by: "engineer", note: "GED implementation started from networkx, with room-type node labels." },
      {
        at: -62,
        status: "in_progress",
        health: "at_risk",
        by: "engineer",
        note: "Exact GED is too slow on 10-node graphs with doors (minutes per plan). Switching to an upper bound with a timeout; checking agreement with exact GED on a sample.",
      },
      { at: -52, status: "done", health: "on_track", by: "engineer", note: "Bounded GED agrees with exact on 99 % of a 500-plan sample. Nightly job live. Eight days late." },
    ],
    services: ["floorplan-generator"],
  },
  {
    key: "FLOOR-5",
    title: "Layout request and response contract",
    owner: "engineer",
    description: md`
      Pydantic models for the generation request and response (bubble diagram, target area, candidates,
      polygons in millimetres), published as JSON Schema in the OpenAPI of \`layout-api\` and
      \`floorplan-generator\`. Fixing the contract early lets serving, checker and UI work proceed in parallel.
    `,
    acceptanceCriteria: md`
      - [x] \`GenerateRequest\` and \`GenerateResponse\` models in \`libs/layout_schema\`
      - [x] JSON Schema exported and checked in CI for breaking changes
      - [x] Example requests in the handoff validate against the schema
    `,
    start: -74,
    due: -62,
    estimateDays: 4,
    history: [
      created(-100, "engineer"),
      { at: -74, status: "in_progress", health: "on_track", by: "engineer", note: "Draft reviewed with Ada: doors derived from edges, corner counts optional." },
      { at: -61, status: "done", health: "on_track", by: "engineer", note: "v1 of the schema published; breaking-change check in CI." },
    ],
    services: ["layout-api", "floorplan-generator"],
  },
  {
    key: "FLOOR-6",
    title: "Raster-to-vector post-processing for House-GAN++ masks",
    owner: "researcher",
    description: md`
      Trace room masks into polygons, snap to a grid and close gaps between rooms, so a raster generator can
      feed the editor. Cancelled: HouseDiffusion outputs vector polygons directly.
    `,
    acceptanceCriteria: md`
      - [ ] Shared walls coincide after snapping in 95 % of plans
      - [ ] Under 200 ms per plan on CPU
    `,
    start: -78,
    due: -55,
    estimateDays: 8,
    history: [
      created(-100, "manager"),
      { at: -78, status: "in_progress", health: "on_track", by: "manager", note: "Contour tracing plus Douglas-Peucker prototype." },
      {
        at: -70,
        status: "cancelled",
        health: "on_track",
        by: "manager",
        note: "Cancelled after FLOOR-2's results: HouseDiffusion produces vectors directly. The prototype stays in the notebooks for the harness.",
      },
    ],
    services: [],
  },
  {
    key: "FLOOR-7",
    title: "Serve HouseDiffusion in floorplan-generator",
    owner: "engineer",
    description: md`
      Container that loads a checkpoint from the object store at start-up and serves \`POST /v1/sample\` with
      the FLOOR-5 contract: request batching, health and readiness probes, and a model-version header. At
      risk: staging has one L4 GPU, and at 1,000 steps a load test of 4 requests/s saturates it; the plan
      depends on FLOOR-8's step reduction or a second GPU node.
    `,
    acceptanceCriteria: md`
      - [x] Container builds in CI and loads \`hd-rplan-r3\` from the object store
      - [x] Contract tests against the FLOOR-5 schema pass
      - [ ] Dynamic batching of concurrent requests
      - [ ] Load test: 4 requests/s sustained for 10 minutes with p95 within the FLOOR-8 budget
      - [ ] Readiness probe fails until the checkpoint's checksum is verified
    `,
    start: -50,
    due: 12,
    estimateDays: 20,
    history: [
      created(-100, "engineer"),
      { at: -50, status: "in_progress", health: "on_track", by: "engineer", note: "Skeleton service with the FLOOR-5 models; checkpoint download with checksum." },
      {
        at: -20,
        status: "in_progress",
        health: "at_risk",
        by: "engineer",
        note: "Load test at 4 requests/s saturates the single staging L4 at 1,000 steps. Asked platform for a second node; meanwhile waiting on FLOOR-8.",
      },
    ],
    services: ["floorplan-generator", "object-store"],
  },
  {
    key: "FLOOR-8",
    title: "Sampling latency: fewer denoising steps and fp16",
    owner: "researcher",
    description: md`
      Bring a 4-candidate request under 2.0 s p95 for the first candidate on one L4 without losing more than
      5 % GED on the 8-room group: DDIM-style step reduction with a short discrete-denoising tail, fp16, and
      batching candidates into one forward pass. Overdue: 250 steps meets quality but not latency yet.
    `,
    acceptanceCriteria: md`
      - [x] Step sweep from 1,000 to 25 steps in the harness
      - [ ] GED within 5 % of 1,000 steps on every held-out group
      - [ ] p95 first candidate under 2.0 s, all four under 4 s, on one L4
      - [ ] Sampler change merged into floorplan-generator behind a flag
    `,
    start: -45,
    due: -4,
    estimateDays: 12,
    history: [
      created(-90, "manager"),
      { at: -45, status: "in_progress", health: "on_track", by: "manager", note: "Step sweep running in 04_step_sweep.ipynb." },
      {
        at: -25,
        status: "in_progress",
        health: "at_risk",
        by: "manager",
        note: "100 DDIM steps is 9x faster but GED +18 % on 8-room plans. Trying 250 steps with a 10-step discrete tail.",
      },
      {
        at: -3,
        status: "in_progress",
        health: "off_track",
        by: "manager",
        note: "Missed the due date. 250 steps keeps GED within 4 %, but p95 is 2.9 s against a 2.0 s budget. Next: fp16 and batching the four candidates; new estimate 10 more days.",
      },
    ],
    services: ["floorplan-generator"],
  },
];
