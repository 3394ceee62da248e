// The demo data set: a realistic project that carries floor-plan generation research into
// an architecture product, with handoffs, a milestone DAG with history, and a service catalog.
// Written in one interactive transaction, so a failed seed leaves nothing behind.
import type { Db, Tx } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/sqlite/client";
import { hashPassword } from "@/lib/auth/password";
import { DEFAULT_TEMPLATE_NAME, DEFAULT_TEMPLATE_SECTIONS } from "@/lib/validation/template";

export const DEMO_PASSWORD = "legible-demo-2026";
export const DEMO_PROJECT_KEY = "FLOOR";
export const DEMO_SECOND_PROJECT_KEY = "RAG";

export type DemoRole = "researcher" | "engineer" | "manager" | null;

export const DEMO_USERS = [
  { email: "admin@legible.demo", name: "Sam Okafor", role: null, isAdmin: true },
  { email: "researcher@legible.demo", name: "Ada Lindqvist", role: "researcher", isAdmin: false },
  { email: "engineer@legible.demo", name: "Tomás Herrera", role: "engineer", isAdmin: false },
  { email: "manager@legible.demo", name: "Priya Raman", role: "manager", isAdmin: false },
] as const satisfies readonly { email: string; name: string; role: DemoRole; isAdmin: boolean }[];

/** Each demo user's key, in the order of DEMO_USERS. */
const USER_KEYS = ["admin", "researcher", "engineer", "manager"] as const;
type UserKey = (typeof USER_KEYS)[number];
type Status = "planned" | "in_progress" | "blocked" | "done" | "cancelled";
type Health = "on_track" | "at_risk" | "off_track";
type HandoffStatus = "draft" | "in_review" | "accepted";

/** Markdown from an indented template literal: raw text (LaTeX backslashes survive), \` becomes `, common indentation removed. */
function md(strings: TemplateStringsArray, ...values: unknown[]): string {
  const text = String.raw({ raw: strings.raw }, ...values).replace(/\\`/g, "`");
  const lines = text.replace(/^\n/, "").replace(/\n[ \t]*$/, "").split("\n");
  const indents = lines.filter((l) => l.trim() !== "").map((l) => l.match(/^ */)![0].length);
  const cut = indents.length ? Math.min(...indents) : 0;
  return lines.map((l) => l.slice(cut)).join("\n");
}

export async function isDatabaseEmpty(db: Db): Promise<boolean> {
  return (await db.user.count()) === 0;
}

// ---------------------------------------------------------------------------------------------
// Handoffs
// ---------------------------------------------------------------------------------------------

type HandoffSeed = {
  ref: string;
  title: string;
  status: HandoffStatus;
  paperTitle: string;
  authors: string[];
  venue: string;
  year: number;
  arxivId: string | null;
  doi: string | null;
  url: string | null;
  bibtex: string;
  sections: Record<string, string>;
  body: string;
  createdAt: number;
  submittedAt: number | null;
  acceptedAt: number | null;
  author: UserKey;
  milestones: string[];
};

const HOUSE_DIFFUSION: HandoffSeed = {
  ref: "housediffusion",
  title: "HouseDiffusion: vector floor plans from a bubble diagram",
  status: "accepted",
  paperTitle: "HouseDiffusion: Vector Floorplan Generation via a Diffusion Model with Discrete and Continuous Denoising",
  authors: ["Mohammad Amin Shabani", "Sepidehsadat Hosseini", "Yasutaka Furukawa"],
  venue: "CVPR 2023",
  year: 2023,
  arxivId: "2211.13287",
  doi: null,
  url: "https://arxiv.org/abs/2211.13287",
  bibtex: md`
    @inproceedings{shabani2023housediffusion,
      title     = {HouseDiffusion: Vector Floorplan Generation via a Diffusion Model with Discrete and Continuous Denoising},
      author    = {Shabani, Mohammad Amin and Hosseini, Sepidehsadat and Furukawa, Yasutaka},
      booktitle = {Proceedings of the IEEE/CVF Conference on Computer Vision and Pattern Recognition (CVPR)},
      year      = {2023},
      eprint    = {2211.13287},
      archivePrefix = {arXiv}
    }
  `,
  createdAt: -108,
  submittedAt: -80,
  acceptedAt: -74,
  author: "researcher",
  milestones: ["FLOOR-1", "FLOOR-2", "FLOOR-4", "FLOOR-5", "FLOOR-7", "FLOOR-8", "FLOOR-10", "FLOOR-11", "FLOOR-15"],
  sections: {
    tldr: md`
      HouseDiffusion generates **vector** floor plans (one polygon per room and per door) directly from a
      bubble diagram, the graph of rooms and door connections an architect sketches first. A transformer
      denoises 2D corner coordinates; in the last steps it also predicts each coordinate as discrete bits,
      so corners land exactly on an integer grid and shared walls coincide. Because it returns polygons
      rather than raster masks, its output maps onto our editor's wall model without a vectorisation step.

      In the paper and in our reproduction it clearly beats House-GAN++ on diversity (FID) and on matching
      the input graph (graph edit distance). **Recommendation: build the first "suggest layouts" feature on
      it**, with two constraints that shape the plan: RPLAN-trained weights cannot ship (research-only data),
      and 1,000-step sampling is too slow for an interactive editor.
    `,
    problem: md`
      Our users start a residential plan from a *program*: which rooms, roughly how large, and which connect
      through doors. Turning that into a first layout is manual and takes a designer an hour or more for a
      typical apartment; in the last customer round, "give me a few starting layouts I can edit" was the most
      requested feature.

      In the paper's terms: given a bubble diagram $G = (V, E)$, where each node $v \in V$ is a room or a door
      with a type and each edge joins two rooms through a door, generate a set of room polygons that

      - have the adjacency graph $G$ (compatibility),
      - look like plans a professional would draw (realism), and
      - differ meaningfully from one sample to the next (diversity), so the user has real alternatives.
    `,
    method: md`
      **Representation.** Every room and every door is a polygon; a house is the set of all polygon corners.
      Each corner is a token whose embedding combines its coordinate (normalised to $[-1, 1]$ on a 256 × 256
      canvas), the room type, the room index and the corner index, plus the diffusion timestep.

      **Denoiser.** A transformer whose attention is restricted by three masks in each layer:

      1. *Component-wise self-attention*: corners of the same room attend to each other (polygon shape).
      2. *Global self-attention*: all corners attend to all corners (overall arrangement, no overlaps).
      3. *Relational cross-attention*: corners of two rooms attend to each other only if the bubble diagram
         connects them through a door (adjacency).

      **Continuous denoising.** A standard DDPM over the corner coordinates $x_0$ with $T = 1000$ steps:

      $$
      q(x_t \mid x_0) = \mathcal{N}\!\left(x_t;\ \sqrt{\bar\alpha_t}\,x_0,\ (1 - \bar\alpha_t)\,\mathbf{I}\right),
      \qquad
      \mathcal{L} = \mathbb{E}_{t, x_0, \epsilon}\,\big\lVert \epsilon - \epsilon_\theta(x_t, t, G) \big\rVert^2 .
      $$

      **Discrete denoising.** For the final steps the network additionally predicts every coordinate as an
      8-bit binary code (256 grid positions), and the sampler uses the rounded values. This is what makes
      walls exactly axis-aligned and lets adjacent rooms share a wall to the pixel, which the purely
      continuous variant in the ablation does not achieve.

      The number of corners of each room is an *input* to the model (in the paper's experiments it comes
      from the ground-truth plan); see Assumptions.
    `,
    key_results: md`
      Evaluation follows House-GAN++: RPLAN plans are grouped by room count, and for each group of 5, 6, 7
      and 8 rooms a model is trained without that group and tested on it. **Diversity** is FID between
      rendered samples and rendered ground truth; **compatibility** is the graph edit distance (GED) between
      the input bubble diagram and the graph recovered from the generated plan. The paper reports that
      HouseDiffusion improves on House-GAN++ by large margins on both, and wins a user study on realism.

      Our reproduction (FLOOR-2, FLOOR-4; harness from FLOOR-4, 1,000 samples per group, 1,000 sampling steps):

      | Model | FID, 5 rooms | FID, 6 rooms | FID, 7 rooms | FID, 8 rooms | GED (mean) | Overlap > 2 % area |
      | --- | ---: | ---: | ---: | ---: | ---: | ---: |
      | House-GAN++ (our run) | 27.9 | 31.6 | 25.4 | 28.8 | 3.4 | 11.8 % |
      | HouseDiffusion (our run) | 12.1 | 11.4 | 11.9 | 10.7 | 1.9 | 2.3 % |
      | HouseDiffusion, 250 DDIM steps | 13.0 | 12.2 | 12.6 | 11.9 | 2.0 | 2.9 % |

      Our FID values are a few points above the paper's; the difference traces to our renderer's line width
      and colour map, which we fixed for both models rather than copying the authors' script. The ordering
      and the size of the gap match the paper.
    `,
    assumptions: md`
      - **Corner counts are given.** The model needs the number of corners of every room. Users will not type
        these. We default to 4 (rectangular rooms) and let the editor offer 6 for L-shaped living rooms; a
        small corner-count predictor is an open question.
      - **No building boundary.** The outer footprint is an output, not a constraint. Architects almost always
        know the footprint; until we add boundary conditioning, suggestions are for early massing only.
        Graph2Plan (see its handoff) addresses exactly this.
      - **No metric scale.** Coordinates live on a 256 × 256 canvas. We scale to millimetres from the requested
        gross floor area; room areas are not conditioned, so a "small study" can come out large.
      - **Manhattan geometry only.** RPLAN plans are rectilinear; angled or curved walls are out of scope.
      - **Training distribution.** RPLAN is single-floor residential apartments from one market. Plans with
        more rooms than seen in training, or with non-residential programs, are out of distribution.
      - **Doors are nodes.** The bubble diagram must include door nodes, including the front door. The API
        derives them from the edges so users never see this.
    `,
    risks: md`
      | Risk | Likelihood | Impact | Mitigation | Owner |
      | --- | --- | --- | --- | --- |
      | RPLAN's terms allow research use only, so RPLAN-trained weights cannot ship | certain | high | Licensed in-house corpus (FLOOR-10), retrain or fine-tune (FLOOR-11) | Priya |
      | 1,000-step sampling misses the editor's latency budget | high | high | DDIM-style step reduction and fp16 (FLOOR-8) | Ada |
      | Invalid plans (overlaps, doors not on shared walls) reach users | medium | medium | Constraint checker rejects and resamples (FLOOR-9) | Tomás |
      | Style mismatch: suggestions look unlike plans in our customers' market | medium | medium | Fine-tune on in-house plans; collect accept/reject feedback in beta | Ada |
      | Reference code licence unclear for vendoring | low | medium | Serving code is our own implementation of the paper; no vendored files | Tomás |
    `,
    open_questions: md`
      - How few sampling steps keep GED within 5 % of the 1,000-step model on the 8-room group? (FLOOR-8)
      - Can we condition on a fixed footprint by inpainting, i.e. fixing the outer-wall corners during
        sampling, without retraining? A one-week spike would answer it.
      - Is a corner-count predictor (room type and target area in, corner count out) worth it, or is "4
        unless the user says otherwise" enough for beta?
      - How many candidates do users want per request: 4 or 8? This sets the batch size and the GPU budget.
    `,
    repro_code: md`
      - Reference implementation: \`github.com/aminshabani/house_diffusion\`, built on OpenAI's
        improved-diffusion code. Our fork lives in \`research/floorplan/house_diffusion\` in the monorepo.
      - Environment: Python 3.10, PyTorch 2.1, CUDA 12.1; \`research/floorplan/environment.yml\` pins the rest.
      - Train and evaluate one held-out group:

      \`\`\`bash
      cd research/floorplan/house_diffusion
      python scripts/image_train.py --dataset rplan --target_set 8 --set_name train
      python scripts/image_sample.py --dataset rplan --target_set 8 --set_name eval \
        --model_path ckpts/rplan_8/model.pt --num_samples 1000
      python -m floorplan_eval --samples outputs/rplan_8 --metrics fid,ged,overlap
      \`\`\`
    `,
    repro_notebooks: md`
      In \`research/floorplan/notebooks/\`, run in order:

      1. \`01_rplan_convert.ipynb\`: converts raw RPLAN to the polygon JSON both models read; prints the
         number of plans per room-count group and the plans dropped by validity checks.
      2. \`02_sample_and_render.ipynb\`: samples 16 plans for fixed bubble diagrams and renders them side by
         side with the ground truth; a healthy checkpoint shows no overlapping rooms in most samples.
      3. \`03_metrics.ipynb\`: FID and GED per group; reproduces the table in Key results.
      4. \`04_step_sweep.ipynb\`: quality against number of sampling steps (1,000 down to 25), the input to FLOOR-8.
    `,
    repro_data: md`
      - **RPLAN** (Wu et al., SIGGRAPH Asia 2019): about 80k annotated residential plans, obtained through the
        authors' request form. **Research use only.** Stored in \`object-store\` at
        \`research-datasets/rplan/v1/\`, access restricted to the research group.
      - Preprocessing: \`01_rplan_convert.ipynb\` extracts room and door polygons and the door graph, and drops
        plans with rooms that fail polygon validity (about 1 % of plans).
      - Splits: the House-GAN++ protocol, held-out groups of 5, 6, 7 and 8 rooms.
    `,
    repro_checkpoints: md`
      | Checkpoint | Trained on | Size | SHA-256 (prefix) | Status |
      | --- | --- | --- | --- | --- |
      | \`hd-rplan-r3/model.pt\` | RPLAN, all groups | 98 MB | \`4c1e9a07\` | research only; used for the harness and load tests |
      | \`hd-rplan-r3-g8/model.pt\` | RPLAN without 8-room plans | 98 MB | \`b7d2f310\` | evaluation only |

      Both are in \`object-store\` under \`models/floorplan-generator/\`. **No checkpoint is approved for
      production** until FLOOR-11 produces one trained on licensed data.
    `,
    prod_io: md`
      The model's native input is a padded tensor of corner tokens; \`floorplan-generator\` hides that behind
      the request below (FLOOR-5). Internally: coordinates \`float32[B, N, 2]\` in $[-1, 1]$, attention masks
      \`bool[B, N, N]\` for the three attention types, with $N$ the padded number of corner tokens per plan.

      \`\`\`python
      from typing import Literal
      from pydantic import BaseModel, Field

      RoomType = Literal["living_room", "kitchen", "bedroom", "bathroom", "balcony",
                         "entrance", "dining_room", "study", "storage"]

      class Room(BaseModel):
          id: str = Field(pattern=r"^[a-z0-9_-]{1,32}$")
          type: RoomType
          corners: int = Field(default=4, ge=4, le=12, multiple_of=2)  # axis-aligned polygons

      class Door(BaseModel):
          between: tuple[str, str]  # two room ids; "exterior" marks the front door

      class GenerateRequest(BaseModel):
          rooms: list[Room] = Field(min_length=2, max_length=10)
          doors: list[Door] = Field(min_length=1)
          gross_area_m2: float = Field(gt=15, le=400)  # sets the metric scale
          candidates: int = Field(default=4, ge=1, le=8)
          steps: int = Field(default=250, ge=25, le=1000)
          seed: int | None = None
      \`\`\`

      Response: per candidate, each room's polygon as integer millimetre coordinates (clockwise, first point
      not repeated), its area in m², the door segments, and the constraint checker's verdict.

      \`\`\`json
      {
        "rooms": [
          {"id": "living", "type": "living_room", "corners": 6},
          {"id": "kitchen", "type": "kitchen"},
          {"id": "bed1", "type": "bedroom"},
          {"id": "bath", "type": "bathroom"}
        ],
        "doors": [
          {"between": ["exterior", "living"]},
          {"between": ["living", "kitchen"]},
          {"between": ["living", "bed1"]},
          {"between": ["living", "bath"]}
        ],
        "gross_area_m2": 68,
        "candidates": 4
      }
      \`\`\`
    `,
    prod_compute: md`
      - **Model size**: about 25 M parameters; fp16 weights under 60 MB; peak GPU memory for a batch of 32
        plans at $N = 100$ tokens is about 1.5 GB. An NVIDIA L4 (24 GB) is ample; the cost is the number of
        steps, not memory.
      - **Training** (our reproduction): 1 × A100 80 GB, about 40 hours per held-out group. A production
        retrain on a 20k-plan licensed corpus should take one to two days on the same hardware.
      - **Inference cost**: at 250 steps a 4-candidate request is about 1 GPU-second on an L4. At the expected
        beta volume (5 design partners, a few thousand requests a day) one L4 suffices; general availability
        needs autoscaling between one and four.
    `,
    prod_latency: md`
      Measured on one L4, batch of 4 candidates for one 6-room diagram, fp32, warm process:

      - 1,000 steps: p50 8.7 s, p95 9.4 s, about 0.45 requests/s.
      - 250 steps (DDIM): p50 2.3 s, p95 2.9 s.
      - 100 steps: p50 0.95 s, p95 1.2 s, but GED +18 % on 8-room plans.

      **Budget**: the editor shows candidates progressively and needs the first within 2.0 s p95 and all four
      within 4 s p95; the constraint checker and rendering add about 150 ms. Levers, in order: fewer steps
      with a discrete-denoising tail, fp16, batching candidates into one forward pass, and streaming each
      candidate as soon as it passes the checker (FLOOR-8).
    `,
    prod_data: md`
      - **Training**: at least 20k single-floor residential plans with room polygons, room types and door
        positions, under a licence that allows commercial training and keeping derived weights (FLOOR-10).
        Vector sources (CAD or IFC) preferred; rasters need the RPLAN-style conversion.
      - **Inference**: only the user's bubble diagram and target area; nothing is stored beyond the request
        log unless the user saves a candidate.
      - **Feedback**: in beta, log which candidates users accept, edit or discard (no geometry of unsaved
        plans), with consent in the beta agreement; this is the data for a later preference fine-tune.
    `,
  },
  body: md`
    ## Why this paper

    We looked at three lines of work for the "suggest layouts" feature: raster GANs (House-GAN, House-GAN++),
    box-based generation from a layout graph and a boundary (Graph2Plan), and diffusion over vector
    geometry (HouseDiffusion). HouseDiffusion is the only one whose output is already the geometry our
    editor stores: polygons with shared, axis-aligned walls. Everything else needs a fragile conversion step
    between model and product, and that step is where the other prototypes lost most of their quality.

    ## What we decided

    The decomposition keeps research and engineering work moving in parallel. The evaluation harness
    (FLOOR-4) and the request contract (FLOOR-5) were done first so that serving (FLOOR-7), the constraint
    checker (FLOOR-9) and latency work (FLOOR-8) could proceed against a fixed interface while the data
    question (FLOOR-10) is settled. The RPLAN checkpoint is good enough to build and load-test the whole path
    end to end, but it never leaves staging.

    ## Reading guide for engineers

    Read *Production: inputs and outputs* and *Production: latency and throughput budgets* first; they are
    the contract. *Assumptions and limitations* lists what the model does not do (footprint, scale, corner
    counts): the product must either supply these or tell the user.
  `,
};

const HOUSE_GAN_PP: HandoffSeed = {
  ref: "houseganpp",
  title: "House-GAN++: iterative layout refinement as baseline and \"lock and regenerate\"",
  status: "in_review",
  paperTitle:
    "House-GAN++: Generative Adversarial Layout Refinement Network towards Intelligent Computational Agent for Professional Architects",
  authors: ["Nelson Nauata", "Sepidehsadat Hosseini", "Kai-Hung Chang", "Hang Chu", "Chin-Yi Cheng", "Yasutaka Furukawa"],
  venue: "CVPR 2021",
  year: 2021,
  arxivId: "2103.02574",
  doi: null,
  url: "https://arxiv.org/abs/2103.02574",
  bibtex: md`
    @inproceedings{nauata2021houseganpp,
      title     = {House-GAN++: Generative Adversarial Layout Refinement Network towards Intelligent Computational Agent for Professional Architects},
      author    = {Nauata, Nelson and Hosseini, Sepidehsadat and Chang, Kai-Hung and Chu, Hang and Cheng, Chin-Yi and Furukawa, Yasutaka},
      booktitle = {Proceedings of the IEEE/CVF Conference on Computer Vision and Pattern Recognition (CVPR)},
      year      = {2021},
      eprint    = {2103.02574},
      archivePrefix = {arXiv}
    }
  `,
  createdAt: -64,
  submittedAt: -6,
  acceptedAt: null,
  author: "researcher",
  milestones: ["FLOOR-3", "FLOOR-4", "FLOOR-6", "FLOOR-9"],
  sections: {
    tldr: md`
      House-GAN++ generates a floor plan as one raster mask per room from a bubble diagram, using a
      relational GAN whose generator passes messages between rooms along the graph (Conv-MPN). Its key idea
      is **iterative refinement**: the previously generated layout is fed back as an input constraint, so
      some rooms can be held fixed while the rest are regenerated. We reproduced it as the **baseline** in
      our evaluation harness. We do **not** recommend it as the production generator (HouseDiffusion is
      better on every metric and outputs vectors), but its "fix some rooms, regenerate the others" behaviour
      is exactly the "lock and regenerate" interaction designers asked for, and it tells us what to ask of
      HouseDiffusion next.
    `,
    problem: md`
      Same task as HouseDiffusion: from a bubble diagram (room types as nodes, door connections as edges),
      produce a plausible, diverse and graph-compatible layout. House-GAN++ adds a second problem that
      matters for the product: **refining** an existing layout. A designer who likes the kitchen and the
      living room of a suggestion wants to keep them and see alternatives for the bedrooms, rather than start
      over from a fresh sample.
    `,
    method: md`
      - **Generator**: a graph-constrained relational GAN. Each room and each door is a node with a type
        vector and a noise vector; convolutional message passing (Conv-MPN) exchanges feature maps between
        nodes connected in the graph and pools over unconnected ones, and each node decodes to a 64 × 64 mask.
      - **Conditioning on a previous layout**: each node also receives a mask channel holding its room from
        the previous iteration, or zeros. This turns the relational GAN into a conditional one.
      - **Component-wise GT-conditioning**: during training, a random subset of rooms is conditioned on its
        ground-truth mask and the rest on zeros. The paper's surprising finding is that this simple,
        non-iterative training is enough to learn a generator that refines iteratively at test time.
      - **Meta-optimisation at test time**: the refinement loop decides which rooms to pass as fixed
        constraints at each iteration, which can be steered towards a metric of choice (for example
        compatibility with the input graph).
      - **Discriminator**: relational as well; it sees the generated masks with the graph and judges
        realism per layout.
    `,
    key_results: md`
      - On RPLAN, with the room-count held-out protocol and the three standard metrics (realism by user study,
        diversity by FID, compatibility by graph edit distance), House-GAN++ clearly improved on House-GAN
        and the other baselines of its time, and in the paper's user study professional architects rated its
        layouts competitive with ground-truth plans.
      - Our reproduction (FLOOR-3): FID 25 to 32 per room-count group and mean GED 3.4, about 12 % of samples
        with overlapping rooms above 2 % of the plan area. See the comparison table in the HouseDiffusion
        handoff: HouseDiffusion halves FID and GED on the same harness.
      - **Refinement works in our hands**: locking two or three rooms and regenerating the rest for five
        iterations kept the locked rooms within 1 pixel on the 64 × 64 grid in 97 % of trials, and lowered
        GED by 0.6 on average compared with a fresh sample.
    `,
    assumptions: md`
      - **Raster output at 64 × 64.** Rooms are masks, not polygons. Turning them into walls needs contour
        tracing, snapping and repair of gaps between rooms; at 64 × 64 one pixel is about 20 cm on a
        typical apartment, too coarse for shared walls to line up.
      - Same bubble-diagram input as HouseDiffusion, with door nodes; no building boundary and no metric scale.
      - Meta-optimisation needs a scoring function; the paper uses the evaluation metrics, which for a new
        user request means GED against the input graph only.
      - RPLAN training distribution: single-floor residential apartments.
    `,
    risks: md`
      - **Raster-to-vector conversion** was the largest quality loss in our prototype; we stopped that work
        (FLOOR-6, cancelled) once HouseDiffusion produced vectors directly.
      - **GAN training instability**: two of our five training runs collapsed to near-identical layouts per
        diagram and had to be restarted from an earlier checkpoint. Acceptable for a baseline, a concern for
        anything we would retrain regularly.
      - **Licensing**: RPLAN is research-only, so this model is harness-only, like the RPLAN HouseDiffusion weights.
    `,
    open_questions: md`
      - Can HouseDiffusion reproduce "lock and regenerate" by fixing the corners of locked rooms during
        sampling (inpainting)? If yes, House-GAN++ stays a baseline only. Proposed as a spike after FLOOR-8.
      - Is GED the right signal for choosing which rooms to fix, or should the constraint checker's
        violation count drive the meta-optimisation?
      - Should the evaluation harness keep House-GAN++ permanently as a regression baseline? It costs about
        20 GPU-minutes per nightly run.
    `,
    repro_code: md`
      - Reference implementation: \`github.com/ennauata/houseganpp\` (PyTorch). Our fork with the shared data
        loader is in \`research/floorplan/houseganpp\`.
      - Python 3.10, PyTorch 2.1; the original code targets older PyTorch; two deprecated calls were patched
        (see the fork's \`CHANGES.md\`).
      - \`python main.py --target_set 8\` trains with the 8-room group held out;
        \`python test.py --checkpoint ckpts/exp_8/G.pth --num_iters 5\` samples with five refinement iterations.
    `,
    repro_notebooks: md`
      - \`research/floorplan/notebooks/05_houseganpp_refine.ipynb\`: locks chosen rooms and shows five
        refinement iterations side by side; prints how far locked rooms moved (should be at most one pixel).
      - \`03_metrics.ipynb\` (shared with HouseDiffusion) evaluates both models with the same renderer.
    `,
    repro_data: md`
      RPLAN, converted by the same \`01_rplan_convert.ipynb\` as HouseDiffusion so that both models see the same
      plans and the same held-out groups (5, 6, 7 and 8 rooms). The original House-GAN++ repository ships its
      own preprocessed files; we deliberately do not use them, because their filtering differs slightly and
      makes the two models' numbers incomparable.
    `,
    repro_checkpoints: md`
      \`object-store\`: \`models/houseganpp/exp_{5,6,7,8}/G.pth\`, about 30 MB each. Research only (RPLAN).
      The harness pins \`exp_8\` as the regression baseline.
    `,
    prod_io: md`
      - **Input**: per node, a room-type one-hot (door types included), a noise vector \`float32[128]\` and a
        condition mask \`float32[64, 64]\` (zeros, or the locked room's previous mask); the graph as an edge
        list with \`+1\` for connected and \`-1\` for unconnected pairs.
      - **Output**: \`float32[num_nodes, 64, 64]\` masks in $[-1, 1]$; threshold at 0 to get room pixels.
      - For the product this would need a vectoriser after the model and a rasteriser before it for locked
        rooms. That conversion is why we recommend against serving it.
    `,
    prod_compute: md`
      Small and cheap: the generator has a few million parameters and runs comfortably on CPU for a single
      request. One refinement iteration for an 8-room plan takes about 40 ms on an L4 and about 0.3 s on 4 CPU cores.
    `,
    prod_latency: md`
      One forward pass per iteration; five refinement iterations for 4 candidates take about 0.2 s on an L4
      (batched), well under the editor's budget. Meta-optimisation multiplies this by the number of orderings
      tried (about 10 in our runs: 2 s). The expensive part in practice was vectorisation: 0.5 to 1.5 s per
      plan on CPU in our FLOOR-6 prototype.
    `,
    prod_data: md`
      Same needs as HouseDiffusion: licensed residential plans with room polygons and doors, rasterised to
      64 × 64 for training. No additional data for refinement; component-wise GT-conditioning uses the same
      plans.
    `,
  },
  body: md`
    This handoff documents House-GAN++ for two reasons. It is the **baseline** that our evaluation harness
    compares every new generator against, so the numbers in the harness need a written source. And its
    iterative refinement showed us an interaction, **lock and regenerate**, that designers asked for in every
    interview since.

    We are not proposing to serve this model. The raster output is the problem: at 64 × 64 per room,
    shared walls do not line up, and our vectorisation prototype lost most of the quality gap between the
    model and a hand-drawn plan. HouseDiffusion works on vectors directly.

    Review request: please check that the production sections say clearly enough *why not* to serve it, and
    whether the constraint checker (FLOOR-9) covers the failure modes listed under Risks.
  `,
};

const GRAPH2PLAN: HandoffSeed = {
  ref: "graph2plan",
  title: "Graph2Plan: generating plans inside a given building boundary",
  status: "draft",
  paperTitle: "Graph2Plan: Learning Floorplan Generation from Layout Graphs",
  authors: ["Ruizhen Hu", "Zeyu Huang", "Yuhan Tang", "Oliver van Kaick", "Hao Zhang", "Hui Huang"],
  venue: "ACM Transactions on Graphics (SIGGRAPH 2020)",
  year: 2020,
  arxivId: "2004.13204",
  doi: "10.1145/3386569.3392391",
  url: "https://arxiv.org/abs/2004.13204",
  bibtex: md`
    @article{hu2020graph2plan,
      title   = {Graph2Plan: Learning Floorplan Generation from Layout Graphs},
      author  = {Hu, Ruizhen and Huang, Zeyu and Tang, Yuhan and van Kaick, Oliver and Zhang, Hao and Huang, Hui},
      journal = {ACM Transactions on Graphics},
      volume  = {39},
      number  = {4},
      year    = {2020},
      doi     = {10.1145/3386569.3392391}
    }
  `,
  createdAt: -12,
  submittedAt: null,
  acceptedAt: null,
  author: "researcher",
  milestones: ["FLOOR-9", "FLOOR-13"],
  sections: {
    tldr: md`
      Graph2Plan generates a floor plan **inside a given building boundary** from a layout graph, with the
      user in the loop: the user gives the boundary and a few constraints (for example room counts), the
      system retrieves plans with similar boundaries from a database, transfers their layout graphs to the
      new boundary, the user edits a graph, and a network turns graph and boundary into room boxes. The
      boundary is exactly what HouseDiffusion cannot take as input. *Draft*: we have read the paper and the
      code but not reproduced it yet; the recommendation below is provisional.
    `,
    problem: md`
      Architects rarely start from a blank canvas: the building footprint, the entrance and often the
      structural walls are fixed by the site. A suggestion that ignores the footprint is useful only for
      early massing. Graph2Plan's task is: given the boundary polygon (with the front door) and a layout
      graph whose nodes are rooms (type, rough position, rough size) and whose edges are spatial relations
      between rooms, produce a plan that fills the boundary and respects the graph.
    `,
    method: md`
      1. **Retrieval**: from the user's boundary and constraints, retrieve plans from RPLAN with similar
         boundaries and transfer their layout graphs to the new boundary as starting points.
      2. **Graph2Plan network**: a graph neural network embeds the layout graph; a CNN embeds the boundary
         image. Together they predict an initial box per room and a raster floor-plan image; a refinement
         stage then uses the raster features to produce the final room boxes.
      3. **Post-processing**: boxes are aligned to the boundary and to each other, overlaps are resolved by
         an ordering of rooms, and walls, doors and windows are added to give a vector plan.

      Because rooms are boxes, non-rectangular rooms arise only from overlaps being resolved by that ordering.
    `,
    key_results: md`
      - The paper shows plans that respect both boundary and graph for a wide range of boundary shapes, and
        user studies in which its results were preferred over the baselines of the time.
      - Its evaluation predates the FID and GED protocol that House-GAN++ and HouseDiffusion use, so the
        numbers are **not comparable** with our harness. Running our harness on Graph2Plan output is the
        first task if we pursue it.
      - Not yet reproduced by us.
    `,
    assumptions: md`
      - A building boundary (polygon) and the front-door position are given.
      - Rooms are axis-aligned boxes; L-shaped rooms come only from overlap resolution.
      - The retrieval step needs a database of plans with boundaries and graphs; in production this would be
        our licensed corpus (FLOOR-10), not RPLAN.
      - The layout graph carries rough room positions and sizes, which makes it more expressive than a bubble
        diagram but more work for a user to edit.
    `,
    risks: md`
      - **Pipeline complexity**: retrieval, network and a heuristic post-processor are three components to
        serve and debug instead of one model.
      - **Quality of boxes**: box output means the same conversion problems we cancelled in FLOOR-6, in a
        milder form.
      - **Data**: retrieval quality depends on corpus coverage of boundary shapes; with a 20k-plan corpus
        unusual footprints may retrieve poor starting graphs.
    `,
    open_questions: md`
      - Could boundary conditioning be added to HouseDiffusion instead (fixed outer-wall corners during
        sampling, or boundary tokens in a retrained model)? That would keep one model and vector output.
      - Is Graph2Plan's retrieval step useful on its own in the editor ("start from a similar past project")?
        It needs no learned model and could ship earlier.
      - What does the editor UI (FLOOR-13) need to show for a layout graph, beyond a bubble diagram?
    `,
    repro_code: md`
      Reference code: \`github.com/HanHan55/Graph2plan\` (network, retrieval and a demo interface). Licence not
      yet checked. Not yet run in our environment; next step is to run the pretrained model on 100 RPLAN
      test boundaries and feed the output through our harness.
    `,
    repro_notebooks: md`
      None yet. Planned: \`06_graph2plan_eval.ipynb\` running the harness metrics plus a boundary-containment
      metric (share of each plan's area outside the given boundary).
    `,
    repro_data: md`
      RPLAN (research only), as for the other two handoffs, plus the authors' preprocessed boundary and
      graph files. For retrieval in production we would index our licensed corpus.
    `,
    repro_checkpoints: md`
      The authors provide a pretrained model with the code. We have not downloaded or checked it.
    `,
    prod_io: md`
      - **Input**: boundary polygon in millimetres (closed, clockwise) with the front-door segment; layout
        graph as nodes \`{type, cx, cy, size}\` (position and size relative to the boundary's bounding box)
        and edges \`{a, b, relation}\`.
      - **Output**: per room an axis-aligned box in millimetres and a draw order, then walls and doors after
        post-processing. The constraint checker's boundary-containment rule (FLOOR-9) applies unchanged.
    `,
    prod_compute: md`
      Not yet measured. The network is small (GNN plus a CNN on a 128 × 128 boundary image); we expect CPU
      inference to be feasible. Retrieval needs an index of boundary descriptors for the corpus, a few MB
      for 20k plans.
    `,
    prod_latency: md`
      Not yet measured. Budget as for HouseDiffusion: first candidate within 2.0 s p95. Retrieval should be
      well under 100 ms with a precomputed index; post-processing is the unknown.
    `,
    prod_data: md`
      Same licensed corpus as HouseDiffusion, plus the building boundary and front door for every plan
      (available in vector sources; must be traced for rasters).
    `,
  },
  body: md`
    Draft. I am writing this up because the first question from every design partner who saw the
    HouseDiffusion prototype was "can it use my footprint?". Graph2Plan is the best-known answer in the
    literature, and its retrieval step is interesting independently of the network.

    Before asking for review I want to (1) run the reference code on RPLAN test boundaries, (2) push the
    results through our harness, and (3) compare with a quick inpainting experiment in HouseDiffusion that
    fixes the outer walls. If the inpainting works, this handoff becomes a record of why we did not adopt
    Graph2Plan, which is still worth keeping.
  `,
};

const RAG_HANDOFF: HandoffSeed = {
  ref: "rag",
  title: "RAG: cited answers over the project archive",
  status: "draft",
  paperTitle: "Retrieval-Augmented Generation for Knowledge-Intensive NLP Tasks",
  authors: [
    "Patrick Lewis",
    "Ethan Perez",
    "Aleksandra Piktus",
    "Fabio Petroni",
    "Vladimir Karpukhin",
    "Naman Goyal",
    "Heinrich Küttler",
    "Mike Lewis",
    "Wen-tau Yih",
    "Tim Rocktäschel",
    "Sebastian Riedel",
    "Douwe Kiela",
  ],
  venue: "NeurIPS 2020",
  year: 2020,
  arxivId: "2005.11401",
  doi: null,
  url: "https://arxiv.org/abs/2005.11401",
  bibtex: md`
    @inproceedings{lewis2020rag,
      title     = {Retrieval-Augmented Generation for Knowledge-Intensive {NLP} Tasks},
      author    = {Lewis, Patrick and Perez, Ethan and Piktus, Aleksandra and Petroni, Fabio and Karpukhin, Vladimir and Goyal, Naman and K{\"u}ttler, Heinrich and Lewis, Mike and Yih, Wen-tau and Rockt{\"a}schel, Tim and Riedel, Sebastian and Kiela, Douwe},
      booktitle = {Advances in Neural Information Processing Systems},
      volume    = {33},
      year      = {2020},
      eprint    = {2005.11401},
      archivePrefix = {arXiv}
    }
  `,
  createdAt: -20,
  submittedAt: null,
  acceptedAt: null,
  author: "admin",
  milestones: ["RAG-1", "RAG-2", "RAG-3", "RAG-4"],
  sections: {
    tldr: md`
      RAG pairs a dense retriever (DPR) with a sequence-to-sequence generator (BART) and trains them
      together, so answers are conditioned on retrieved passages. For us the useful part is the pattern, not
      the exact model: retrieve from the firm's project archive and building-code documents, answer with
      citations to the passages used. Draft; scope is an internal search tool first.
    `,
    problem: md`
      Designers spend hours finding how a past project solved a detail, or which clause of the building code
      applies. Keyword search over 12 years of project folders returns hundreds of hits with no answer.
      We want a question box that returns a short answer with links to the exact source pages.
    `,
    method: md`
      - A bi-encoder retriever embeds the question and every passage; the top $k$ passages by inner product
        are retrieved (the paper uses $k$ between 5 and 10 over a Wikipedia index).
      - A generator conditions on the question and each passage. *RAG-Sequence* uses one passage for the
        whole answer; *RAG-Token* can draw on a different passage for each token. Both marginalise over the
        retrieved passages.
      - Retriever query encoder and generator are fine-tuned end to end; the passage index stays fixed.
    `,
    key_results: md`
      State of the art at the time on open-domain QA (Natural Questions, TriviaQA, WebQuestions,
      CuratedTrec), and generations judged more factual and specific than a BART-only baseline. Our own
      baseline numbers come from the evaluation set in RAG-3.
    `,
    assumptions: md`
      - The answer is in the corpus; the model has no way to say "the archive does not cover this" unless we add it.
      - Passages are short (about 100 words) and self-contained; drawings and scanned PDFs need OCR first.
    `,
    risks: md`
      - Confidential client documents: retrieval must respect the same folder permissions as the file server.
      - Hallucinated citations: every answer must link to passages actually retrieved, checked in code.
    `,
    prod_io: md`
      Request \`{ "question": string, "project_ids"?: string[], "k"?: 5..20 }\`; response
      \`{ "answer": string, "citations": [{ "document_id", "page", "passage", "score" }] }\`.
    `,
    prod_compute: md`
      Embedding the archive (about 2 M passages) is a one-off batch of a few GPU-hours; queries need one
      embedding and one generation call, served by the existing AI gateway's model routing.
    `,
    prod_latency: md`
      Internal tool: p95 under 4 s for a full answer, retrieval alone under 300 ms so results can show before
      the answer.
    `,
  },
  body: md`
    Starting point for the retrieval-augmented search project. The first milestone is the archive export
    and chunking; the evaluation set (RAG-3) decides whether we need the end-to-end training of the paper or
    whether an off-the-shelf embedding model with a prompted generator is enough.
  `,
};

// ---------------------------------------------------------------------------------------------
// Milestones
// ---------------------------------------------------------------------------------------------

type HistoryEntry = { at: number; status: Status; health: Health; by: UserKey; note: string };
type MilestoneSeed = {
  key: string;
  title: string;
  owner: UserKey;
  description: string;
  acceptanceCriteria: string;
  start: number | null;
  due: number | null;
  estimateDays: number;
  /** Chronological; the last entry is the milestone's current status and health. */
  history: HistoryEntry[];
  services: string[];
};

const created = (at: number, by: UserKey, note: string): HistoryEntry => ({ at, status: "planned", health: "on_track", by, note });

const FLOOR_MILESTONES: MilestoneSeed[] = [
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
      created(-122, "manager", "Created from the HouseDiffusion handoff decomposition."),
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
      created(-110, "researcher", "Created from the HouseDiffusion handoff."),
      { at: -103, status: "in_progress", health: "on_track", by: "researcher", note: "First training run started on the 8-room group." },
      {
        at: -90,
        status: "in_progress",
        health: "at_risk",
        by: "researcher",
        note: "Run diverged after 300k steps: our converter emitted corners counter-clockwise for balconies. Fixed the converter and restarted; about a week lost.",
      },
      { at: -76, status: "done", health: "on_track", by: "researcher", note: "All four groups trained; numbers match the paper's ordering and gap. Checkpoint hd-rplan-r3." },
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
      created(-110, "researcher", "Created from the House-GAN++ review."),
      { at: -100, status: "in_progress", health: "on_track", by: "researcher", note: "Using our converter, not the repository's preprocessed files." },
      { at: -79, status: "done", health: "on_track", by: "researcher", note: "Two of five runs collapsed and were restarted from earlier checkpoints; final numbers in the handoff." },
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
      created(-100, "engineer", "Created; depends on both reproductions."),
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
      created(-100, "engineer", "Created from the HouseDiffusion handoff's production notes."),
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
      created(-100, "researcher", "Created from the House-GAN++ notes."),
      { at: -78, status: "in_progress", health: "on_track", by: "researcher", note: "Contour tracing plus Douglas-Peucker prototype." },
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
      created(-100, "engineer", "Created from the HouseDiffusion handoff."),
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
      created(-90, "researcher", "Created after the first latency measurement (8.7 s p50 at 1,000 steps)."),
      { at: -45, status: "in_progress", health: "on_track", by: "researcher", note: "Step sweep running in 04_step_sweep.ipynb." },
      {
        at: -25,
        status: "in_progress",
        health: "at_risk",
        by: "researcher",
        note: "100 DDIM steps is 9x faster but GED +18 % on 8-room plans. Trying 250 steps with a 10-step discrete tail.",
      },
      {
        at: -3,
        status: "in_progress",
        health: "off_track",
        by: "researcher",
        note: "Missed the due date. 250 steps keeps GED within 4 %, but p95 is 2.9 s against a 2.0 s budget. Next: fp16 and batching the four candidates; new estimate 10 more days.",
      },
    ],
    services: ["floorplan-generator"],
  },
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
      created(-70, "engineer", "Created; rules drawn from House-GAN++ failure modes and the harness."),
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
      created(-103, "manager", "Split out of FLOOR-1: RPLAN cannot be used for shipped weights."),
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
      created(-60, "researcher", "Created from the HouseDiffusion handoff."),
      {
        at: -10,
        status: "blocked",
        health: "at_risk",
        by: "researcher",
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
    history: [created(-60, "engineer", "Created; starts when serving and checker have stable endpoints.")],
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
    start: 22,
    due: 52,
    estimateDays: 20,
    history: [created(-60, "manager", "Created from the product brief; design mock-ups attached to the epic.")],
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
      created(-55, "engineer", "Created alongside FLOOR-7."),
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
    start: 56,
    due: 75,
    estimateDays: 10,
    history: [created(-60, "manager", "Created; target date agreed with product leadership.")],
    services: ["layout-api"],
  },
];

/** [dependent, prerequisite]: the first depends on the second. */
const FLOOR_EDGES: [string, string][] = [
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

const RAG_MILESTONES: MilestoneSeed[] = [
  {
    key: "RAG-1",
    title: "Archive export and chunking",
    owner: "manager",
    description: "Export project documents the search may use, OCR scanned PDFs, and split them into passages of about 100 words with document and page ids.",
    acceptanceCriteria: md`
      - [x] Export job respects folder permissions
      - [x] Passages with document id, page and permission group
    `,
    start: -30,
    due: -10,
    estimateDays: 8,
    history: [
      created(-35, "admin", "Created."),
      { at: -30, status: "in_progress", health: "on_track", by: "manager", note: "Export started with the 2019 to 2025 projects." },
      { at: -9, status: "done", health: "on_track", by: "manager", note: "About 2 M passages; OCR quality spot-checked on 50 pages." },
    ],
    services: ["object-store"],
  },
  {
    key: "RAG-2",
    title: "Embedding index and retriever baseline",
    owner: "admin",
    description: "Embed all passages with an off-the-shelf embedding model and serve top-k retrieval with permission filtering.",
    acceptanceCriteria: md`
      - [ ] Index built and reproducible from the export
      - [ ] Permission filter applied before ranking
      - [ ] p95 retrieval under 300 ms
    `,
    start: -8,
    due: 12,
    estimateDays: 10,
    history: [
      created(-35, "admin", "Created."),
      { at: -8, status: "in_progress", health: "on_track", by: "admin", note: "Batch embedding running." },
    ],
    services: [],
  },
  {
    key: "RAG-3",
    title: "Evaluation set of 300 real questions",
    owner: "manager",
    description: "Collect 300 questions designers actually asked, with the documents that answer them, to measure retrieval recall and answer faithfulness.",
    acceptanceCriteria: md`
      - [ ] 300 questions with gold passages
      - [ ] Recall@10 and citation-faithfulness scripts
    `,
    start: 0,
    due: 20,
    estimateDays: 6,
    history: [created(-35, "admin", "Created.")],
    services: [],
  },
  {
    key: "RAG-4",
    title: "Search API behind the AI gateway",
    owner: "admin",
    description: "Question-answering endpoint with citations, routed and authenticated by ai-gateway.",
    acceptanceCriteria: md`
      - [ ] \`POST /v1/search/answer\` with citations
      - [ ] Every citation refers to a retrieved passage (checked in code)
    `,
    start: 20,
    due: 40,
    estimateDays: 10,
    history: [created(-35, "admin", "Created.")],
    services: ["ai-gateway"],
  },
];

const RAG_EDGES: [string, string][] = [
  ["RAG-2", "RAG-1"],
  ["RAG-3", "RAG-1"],
  ["RAG-4", "RAG-2"],
  ["RAG-4", "RAG-3"],
];

// ---------------------------------------------------------------------------------------------
// Services
// ---------------------------------------------------------------------------------------------

type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
type JsonSchema = { [key: string]: JsonValue };
type InterfaceSeed = { name: string; method: string; path: string; summary: string; requestSchema?: JsonSchema; responseSchema?: JsonSchema };
type ServiceSeed = {
  name: string;
  displayName: string;
  description: string;
  layer: "gateway" | "api" | "service" | "worker" | "model" | "data";
  lifecycle: "experimental" | "production" | "deprecated" | "retired";
  owner: UserKey;
  repositoryPath: string;
  image: string;
  interfaces: InterfaceSeed[];
};

const roomSchema: JsonSchema = {
  type: "object",
  required: ["id", "type"],
  properties: {
    id: { type: "string", pattern: "^[a-z0-9_-]{1,32}$" },
    type: { type: "string", enum: ["living_room", "kitchen", "bedroom", "bathroom", "balcony", "entrance", "dining_room", "study", "storage"] },
    corners: { type: "integer", minimum: 4, maximum: 12, multipleOf: 2, default: 4 },
  },
};
const generateRequestSchema: JsonSchema = {
  type: "object",
  required: ["rooms", "doors", "gross_area_m2"],
  properties: {
    rooms: { type: "array", minItems: 2, maxItems: 10, items: roomSchema },
    doors: {
      type: "array",
      minItems: 1,
      items: { type: "object", required: ["between"], properties: { between: { type: "array", items: { type: "string" }, minItems: 2, maxItems: 2 } } },
    },
    gross_area_m2: { type: "number", exclusiveMinimum: 15, maximum: 400 },
    candidates: { type: "integer", minimum: 1, maximum: 8, default: 4 },
    steps: { type: "integer", minimum: 25, maximum: 1000, default: 250 },
    seed: { type: ["integer", "null"] },
  },
};
const polygonSchema: JsonSchema = {
  type: "array",
  minItems: 4,
  items: { type: "array", items: { type: "integer" }, minItems: 2, maxItems: 2 },
  description: "Clockwise corners in millimetres; the first point is not repeated.",
};
const candidateSchema: JsonSchema = {
  type: "object",
  required: ["rooms", "doors"],
  properties: {
    rooms: {
      type: "array",
      items: {
        type: "object",
        required: ["id", "type", "polygon"],
        properties: { id: { type: "string" }, type: { type: "string" }, polygon: polygonSchema, area_m2: { type: "number" } },
      },
    },
    doors: {
      type: "array",
      items: { type: "object", properties: { between: { type: "array", items: { type: "string" } }, segment: polygonSchema } },
    },
    violations: { type: "array", items: { type: "string" } },
  },
};
const checkResponseSchema: JsonSchema = {
  type: "object",
  required: ["ok", "violations"],
  properties: {
    ok: { type: "boolean" },
    violations: {
      type: "array",
      items: {
        type: "object",
        required: ["rule", "rooms"],
        properties: { rule: { type: "string", enum: ["overlap", "outside_footprint", "door_not_on_shared_wall", "min_dimension"] }, rooms: { type: "array", items: { type: "string" } }, detail: { type: "string" } },
      },
    },
  },
};

const SERVICES: ServiceSeed[] = [
  {
    name: "ai-gateway",
    displayName: "AI gateway",
    description:
      "Single entry point for AI features: validates JWTs issued by the identity provider, checks scopes, applies per-tenant rate limits and routes to the API services by name. Propagates request ids for tracing.",
    layer: "gateway",
    lifecycle: "production",
    owner: "admin",
    repositoryPath: "services/ai-gateway",
    image: "ghcr.io/legible-demo/ai-gateway:2.7.1",
    interfaces: [
      {
        name: "routeLayouts",
        method: "POST",
        path: "/v1/layouts/{operation}",
        summary: "Authenticated route to layout-api; requires the layouts:generate scope.",
      },
      {
        name: "healthz",
        method: "GET",
        path: "/healthz",
        summary: "Liveness and upstream reachability.",
        responseSchema: { type: "object", properties: { status: { type: "string", enum: ["ok", "degraded"] }, upstreams: { type: "object", additionalProperties: { type: "string" } } } },
      },
    ],
  },
  {
    name: "project-api",
    displayName: "Project API",
    description: "Architecture projects, their saved plans and exports. Owns the plans schema in postgres and signed download URLs for renders in the object store.",
    layer: "api",
    lifecycle: "production",
    owner: "engineer",
    repositoryPath: "services/project-api",
    image: "ghcr.io/legible-demo/project-api:3.12.0",
    interfaces: [
      {
        name: "savePlan",
        method: "POST",
        path: "/v1/projects/{projectId}/plans",
        summary: "Save a chosen candidate as an editable plan.",
        requestSchema: { type: "object", required: ["name", "candidate"], properties: { name: { type: "string", maxLength: 120 }, candidate: candidateSchema } },
        responseSchema: { type: "object", required: ["planId"], properties: { planId: { type: "string" }, version: { type: "integer" } } },
      },
      {
        name: "requestExport",
        method: "POST",
        path: "/v1/plans/{planId}/exports",
        summary: "Queue an SVG or DXF export; returns a job whose result is a signed URL.",
        requestSchema: { type: "object", required: ["format"], properties: { format: { type: "string", enum: ["svg", "dxf"] } } },
        responseSchema: { type: "object", properties: { jobId: { type: "string" }, status: { type: "string", enum: ["queued", "done", "failed"] }, url: { type: "string", format: "uri" } } },
      },
    ],
  },
  {
    name: "layout-api",
    displayName: "Layout API",
    description:
      "Business logic of layout generation: validates requests against the layout schema, calls the generator, runs every candidate through the constraint checker, resamples failures (at most twice) and streams passing candidates.",
    layer: "api",
    lifecycle: "experimental",
    owner: "engineer",
    repositoryPath: "services/layout-api",
    image: "ghcr.io/legible-demo/layout-api:0.9.2",
    interfaces: [
      {
        name: "generateLayouts",
        method: "POST",
        path: "/v1/layouts/generate",
        summary: "Generate candidate floor plans from a bubble diagram; responds with newline-delimited JSON, one candidate per line.",
        requestSchema: generateRequestSchema,
        responseSchema: candidateSchema,
      },
      {
        name: "getGeneration",
        method: "GET",
        path: "/v1/layouts/generations/{generationId}",
        summary: "A past generation's request, candidates and checker verdicts.",
        responseSchema: { type: "object", properties: { id: { type: "string" }, request: generateRequestSchema, candidates: { type: "array", items: candidateSchema } } },
      },
    ],
  },
  {
    name: "floorplan-generator",
    displayName: "Floor-plan generator",
    description:
      "Serves the HouseDiffusion model on GPU: loads a checkpoint from the object store at start-up, batches concurrent requests, returns polygons in millimetres. Model version in the X-Model-Version header.",
    layer: "model",
    lifecycle: "experimental",
    owner: "researcher",
    repositoryPath: "services/floorplan-generator",
    image: "ghcr.io/legible-demo/floorplan-generator:1.4.0",
    interfaces: [
      {
        name: "sample",
        method: "POST",
        path: "/v1/sample",
        summary: "Sample candidate plans for one bubble diagram.",
        requestSchema: generateRequestSchema,
        responseSchema: { type: "object", required: ["candidates"], properties: { candidates: { type: "array", items: candidateSchema }, model_version: { type: "string" } } },
      },
      {
        name: "readyz",
        method: "GET",
        path: "/readyz",
        summary: "Ready once the checkpoint is downloaded, its checksum verified and a warm-up batch has run.",
      },
    ],
  },
  {
    name: "constraint-checker",
    displayName: "Constraint checker",
    description:
      "Deterministic geometry rules for generated plans: overlaps, footprint containment, doors on shared walls, minimum room dimensions. Pure functions behind a small HTTP API; no state.",
    layer: "service",
    lifecycle: "experimental",
    owner: "engineer",
    repositoryPath: "services/constraint-checker",
    image: "ghcr.io/legible-demo/constraint-checker:0.3.0",
    interfaces: [
      {
        name: "checkLayout",
        method: "POST",
        path: "/v1/check",
        summary: "Check one candidate; returns every violated rule with the rooms involved.",
        requestSchema: { type: "object", required: ["candidate"], properties: { candidate: candidateSchema, footprint: polygonSchema } },
        responseSchema: checkResponseSchema,
      },
    ],
  },
  {
    name: "render-worker",
    displayName: "Render worker",
    description: "Consumes export jobs, renders plans to SVG and DXF with the house drawing style, and writes the files to the object store.",
    layer: "worker",
    lifecycle: "production",
    owner: "engineer",
    repositoryPath: "services/render-worker",
    image: "ghcr.io/legible-demo/render-worker:1.8.3",
    interfaces: [
      {
        name: "render.requested",
        method: "",
        path: "queue:render.requested",
        summary: "Job message: plan id, version and format; the result is written to renders/{planId}/{version}.{format}.",
        requestSchema: { type: "object", required: ["planId", "version", "format"], properties: { planId: { type: "string" }, version: { type: "integer" }, format: { type: "string", enum: ["svg", "dxf"] } } },
      },
    ],
  },
  {
    name: "postgres",
    displayName: "PostgreSQL",
    description: "Primary relational store: project-api's plans schema and layout-api's generation log, in separate schemas with separate roles.",
    layer: "data",
    lifecycle: "production",
    owner: "admin",
    repositoryPath: "infra/postgres",
    image: "postgres:16.4",
    interfaces: [{ name: "sql", method: "", path: "postgres:5432", summary: "PostgreSQL wire protocol; schemas plans and generations." }],
  },
  {
    name: "object-store",
    displayName: "Object store",
    description: "S3-compatible storage for model checkpoints, research datasets (access-restricted) and rendered exports.",
    layer: "data",
    lifecycle: "production",
    owner: "admin",
    repositoryPath: "infra/object-store",
    image: "quay.io/minio/minio:RELEASE.2025-04-22T22-12-26Z",
    interfaces: [
      { name: "getObject", method: "GET", path: "/{bucket}/{key}", summary: "Read an object (checkpoints, renders)." },
      { name: "putObject", method: "PUT", path: "/{bucket}/{key}", summary: "Write an object (renders, datasets)." },
    ],
  },
];

const SERVICE_EDGES: { from: string; to: string; kind: "calls" | "reads" | "publishes"; description: string }[] = [
  { from: "ai-gateway", to: "project-api", kind: "calls", description: "Routes /v1/projects and /v1/plans after JWT validation." },
  { from: "ai-gateway", to: "layout-api", kind: "calls", description: "Routes /v1/layouts with the layouts:generate scope." },
  { from: "layout-api", to: "floorplan-generator", kind: "calls", description: "POST /v1/sample, one call per generation with all candidates batched." },
  { from: "layout-api", to: "constraint-checker", kind: "calls", description: "POST /v1/check for every candidate before it is streamed." },
  { from: "layout-api", to: "postgres", kind: "reads", description: "Generation log (requests, candidates, verdicts)." },
  { from: "project-api", to: "postgres", kind: "reads", description: "Projects and saved plans." },
  { from: "project-api", to: "render-worker", kind: "publishes", description: "render.requested jobs for SVG and DXF exports." },
  { from: "project-api", to: "object-store", kind: "reads", description: "Signs download URLs for finished renders." },
  { from: "render-worker", to: "object-store", kind: "reads", description: "Reads the symbol library and writes renders." },
  { from: "floorplan-generator", to: "object-store", kind: "reads", description: "Downloads the checkpoint at start-up." },
];

// ---------------------------------------------------------------------------------------------
// Comments
// ---------------------------------------------------------------------------------------------

type CommentSeed = {
  handoff: string;
  sectionKey: string;
  author: UserKey;
  at: number;
  body: string;
  resolved?: { by: UserKey; at: number };
  replies?: { author: UserKey; at: number; body: string }[];
};

const COMMENTS: CommentSeed[] = [
  {
    handoff: "houseganpp",
    sectionKey: "prod_latency",
    author: "engineer",
    at: -5,
    body: "The 0.2 s is for five iterations, but with meta-optimisation you try about ten orderings. For a lock-and-regenerate request with 4 candidates, what is the end-to-end number on one L4 including vectorisation? That decides whether this could ever be interactive.",
    replies: [
      {
        author: "researcher",
        at: -4,
        body: "About 2 s for the model part with ten orderings, plus 0.5 to 1.5 s per plan for vectorisation on CPU, so 4 to 8 s for four candidates. Not interactive, which is part of why I recommend against serving it. I added the vectorisation cost to the section.",
      },
    ],
  },
  {
    handoff: "houseganpp",
    sectionKey: "repro_data",
    author: "engineer",
    at: -5,
    body: "Plan counts per group in the harness differ between House-GAN++ and HouseDiffusion runs. Which preprocessing did each use?",
    resolved: { by: "researcher", at: -4 },
    replies: [
      {
        author: "researcher",
        at: -4,
        body: "The first House-GAN++ run used the repository's preprocessed files. Re-ran with our converter; counts now match FLOOR-2 exactly and the section says so.",
      },
    ],
  },
  {
    handoff: "housediffusion",
    sectionKey: "prod_io",
    author: "engineer",
    at: -82,
    body: "Are response coordinates canvas units or millimetres? The editor needs millimetres, and the model has no metric scale.",
    resolved: { by: "engineer", at: -79 },
    replies: [
      {
        author: "researcher",
        at: -81,
        body: "Millimetres: the service scales the 256 canvas by the requested gross area, so gross_area_m2 is now required in the request. Updated the Pydantic model.",
      },
    ],
  },
];

// ---------------------------------------------------------------------------------------------
// Writing it
// ---------------------------------------------------------------------------------------------

export async function seedDemo(db: Db, now = new Date()): Promise<{ projectKey: string }> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return db.$transaction((tx) => writeDemo(tx, passwordHash, now), { timeout: 60_000, maxWait: 10_000 });
}

/** The demo, written inside the caller's transaction (scripts/prepare-db.ts holds the start-up lock). */
export async function writeDemo(tx: Tx, passwordHash: string, now = new Date()): Promise<{ projectKey: string }> {
  const days = (n: number) => new Date(now.getTime() + n * 86_400_000);
  const users = {} as Record<UserKey, string>;
  for (const [i, u] of DEMO_USERS.entries()) {
    const user = await tx.user.create({
      data: { email: u.email, name: u.name, isAdmin: u.isAdmin, passwordHash, createdAt: days(-130) },
      select: { id: true },
    });
    users[USER_KEYS[i]] = user.id;
  }

  const template = await tx.handoffTemplate.create({
    data: {
      projectId: null,
      name: DEFAULT_TEMPLATE_NAME,
      description: "What a production engineer needs from a paper: the research summary, how to reproduce it, and the production budgets.",
      sections: DEFAULT_TEMPLATE_SECTIONS,
    },
    select: { id: true },
  });

  // Services: the organisation-wide catalog.
  const services: Record<string, string> = {};
  for (const s of SERVICES) {
    const row = await tx.service.create({
      data: {
        name: s.name,
        displayName: s.displayName,
        description: s.description,
        layer: s.layer,
        lifecycle: s.lifecycle,
        ownerId: users[s.owner],
        repositoryPath: s.repositoryPath,
        image: s.image,
        createdAt: days(-115),
        interfaces: {
          create: s.interfaces.map((i) => ({
            name: i.name,
            method: i.method,
            path: i.path,
            summary: i.summary,
            ...(i.requestSchema ? { requestSchema: i.requestSchema } : {}),
            ...(i.responseSchema ? { responseSchema: i.responseSchema } : {}),
          })),
        },
      },
      select: { id: true },
    });
    services[s.name] = row.id;
  }
  await tx.serviceDependency.createMany({
    data: SERVICE_EDGES.map((e) => ({ fromId: services[e.from], toId: services[e.to], kind: e.kind, description: e.description })),
  });

  await seedProject(tx, {
    key: DEMO_PROJECT_KEY,
    name: "Floor-plan generation",
    description:
      "Turning floor-plan generation research (House-GAN++, HouseDiffusion, Graph2Plan) into a \"suggest layouts\" feature for the plan editor: from bubble diagram to editable, constraint-checked plans.",
    createdAt: -125,
    members: [
      ["admin", "owner"],
      ["researcher", "researcher"],
      ["engineer", "engineer"],
      ["manager", "manager"],
    ],
    milestones: FLOOR_MILESTONES,
    edges: FLOOR_EDGES,
    handoffs: [HOUSE_DIFFUSION, HOUSE_GAN_PP, GRAPH2PLAN],
    reviewers: [["houseganpp", "engineer", -6]],
    comments: COMMENTS,
    users,
    services,
    templateId: template.id,
    days,
  });

  await seedProject(tx, {
    key: DEMO_SECOND_PROJECT_KEY,
    name: "Retrieval-augmented search",
    description: "Question answering with citations over the firm's project archive and building-code documents.",
    createdAt: -36,
    members: [
      ["admin", "owner"],
      ["manager", "manager"],
    ],
    milestones: RAG_MILESTONES,
    edges: RAG_EDGES,
    handoffs: [RAG_HANDOFF],
    reviewers: [],
    comments: [],
    users,
    services,
    templateId: template.id,
    days,
  });
  return { projectKey: DEMO_PROJECT_KEY };
}

type ProjectSeed = {
  key: string;
  name: string;
  description: string;
  createdAt: number;
  members: [UserKey, "owner" | "researcher" | "engineer" | "manager" | "viewer"][];
  milestones: MilestoneSeed[];
  edges: [string, string][];
  handoffs: HandoffSeed[];
  reviewers: [string, UserKey, number][];
  comments: CommentSeed[];
  users: Record<UserKey, string>;
  services: Record<string, string>;
  templateId: string;
  days: (n: number) => Date;
};

/**
 * How a demo handoff came to be written, so its history has versions to compare: the research
 * core first, then the rest of the research sections and notes, then the production notes (the
 * handoff as it stands). A stage that would add nothing is left out.
 */
export function writingStages(h: Pick<HandoffSeed, "sections" | "body" | "createdAt" | "submittedAt">) {
  const end = h.submittedAt ?? -1;
  const at = (share: number) => h.createdAt + Math.round((end - h.createdAt) * share * 10) / 10;
  const pick = (keep: (key: string) => boolean) => Object.fromEntries(Object.entries(h.sections).filter(([key]) => keep(key)));
  const core = new Set(["tldr", "problem", "method"]);
  const stages = [
    { sections: pick((key) => core.has(key)), body: "", message: "First draft: TL;DR, problem and method", at: h.createdAt },
    { sections: pick((key) => !key.startsWith("prod_")), body: h.body, message: "Results, risks and how to reproduce them", at: at(0.4) },
    { sections: h.sections, body: h.body, message: "Production notes for the engineers", at: at(0.75) },
  ];
  const size = (stage: (typeof stages)[number]) => Object.keys(stage.sections).length + (stage.body ? 1 : 0);
  return stages.filter((stage, i) => i === stages.length - 1 || size(stage) < size(stages[i + 1]));
}

async function seedProject(tx: Tx, p: ProjectSeed) {
  const { users, services, days } = p;
  const project = await tx.project.create({
    data: { key: p.key, name: p.name, description: p.description, createdAt: days(p.createdAt) },
    select: { id: true },
  });
  await tx.membership.createMany({
    data: p.members.map(([user, role]) => ({ projectId: project.id, userId: users[user], role, createdAt: days(p.createdAt) })),
  });

  const milestones: Record<string, string> = {};
  for (const m of p.milestones) {
    const last = m.history[m.history.length - 1];
    const milestone = await tx.milestone.create({
      data: {
        projectId: project.id,
        key: m.key,
        title: m.title,
        description: m.description,
        acceptanceCriteria: m.acceptanceCriteria,
        ownerId: users[m.owner],
        status: last.status,
        health: last.health,
        startDate: m.start === null ? null : days(m.start),
        dueDate: m.due === null ? null : days(m.due),
        estimateDays: m.estimateDays,
        completedAt: last.status === "done" ? days(last.at) : null,
        version: m.history.length,
        createdAt: days(m.history[0].at),
      },
      select: { id: true },
    });
    milestones[m.key] = milestone.id;
  }

  await tx.statusUpdate.createMany({
    data: p.milestones.flatMap((m) =>
      m.history.map((h, i) => ({
        milestoneId: milestones[m.key],
        authorId: users[h.by],
        fromStatus: i === 0 ? null : m.history[i - 1].status,
        toStatus: h.status,
        fromHealth: i === 0 ? null : m.history[i - 1].health,
        toHealth: h.health,
        note: h.note,
        createdAt: days(h.at),
      })),
    ),
  });
  await tx.milestoneDependency.createMany({
    data: p.edges.map(([dependent, prerequisite]) => ({
      projectId: project.id,
      milestoneId: milestones[dependent],
      dependsOnId: milestones[prerequisite],
    })),
  });
  const milestoneServices = p.milestones.flatMap((m) => m.services.map((s) => ({ milestoneId: milestones[m.key], serviceId: services[s] })));
  if (milestoneServices.length) await tx.milestoneService.createMany({ data: milestoneServices });

  const handoffs: Record<string, string> = {};
  const emailOf = (key: UserKey) => DEMO_USERS[USER_KEYS.indexOf(key)].email;
  for (const h of p.handoffs) {
    const paper = {
      title: h.title,
      paperTitle: h.paperTitle,
      authors: h.authors,
      venue: h.venue,
      year: h.year,
      arxivId: h.arxivId,
      doi: h.doi,
      url: h.url,
      bibtex: h.bibtex,
    };
    const stages = writingStages(h);
    const lastChange = Math.max(stages[stages.length - 1].at, h.submittedAt ?? -Infinity, h.acceptedAt ?? -Infinity);
    const handoff = await tx.handoff.create({
      data: {
        projectId: project.id,
        templateId: p.templateId,
        authorId: users[h.author],
        status: h.status,
        version: stages.length,
        ...paper,
        sections: h.sections,
        body: h.body,
        submittedAt: h.submittedAt === null ? null : days(h.submittedAt),
        acceptedAt: h.acceptedAt === null ? null : days(h.acceptedAt),
        createdAt: days(h.createdAt),
        updatedAt: days(lastChange),
        revisions: {
          create: stages.map((stage, i) => ({
            version: i + 1,
            snapshot: { ...paper, sections: stage.sections, body: stage.body },
            message: stage.message,
            authorId: users[h.author],
            createdAt: days(stage.at),
          })),
        },
        milestones: { create: h.milestones.map((key) => ({ milestoneId: milestones[key] })) },
      },
      select: { id: true },
    });
    handoffs[h.ref] = handoff.id;
    // The audit trail the activity feed reads: each save after the first, submission, acceptance.
    const event = (who: UserKey, action: string, at: number, details?: Prisma.InputJsonValue) => ({
      actorId: users[who],
      actorEmail: emailOf(who),
      action,
      outcome: "success" as const,
      targetType: "handoff",
      targetId: handoff.id,
      projectId: project.id,
      at: days(at),
      details,
    });
    await tx.auditEvent.createMany({
      data: [
        ...stages.slice(1).map((stage, i) => event(h.author, "handoff.update", stage.at, { version: i + 2, message: stage.message })),
        ...(h.submittedAt === null ? [] : [event(h.author, "handoff.submit", h.submittedAt)]),
        ...(h.acceptedAt === null ? [] : [event("manager", "handoff.accept", h.acceptedAt)]),
      ],
    });
  }

  if (p.reviewers.length) {
    await tx.handoffReviewer.createMany({
      data: p.reviewers.map(([ref, user, at]) => ({ handoffId: handoffs[ref], userId: users[user], assignedAt: days(at) })),
    });
  }

  for (const c of p.comments) {
    const thread = await tx.comment.create({
      data: {
        handoffId: handoffs[c.handoff],
        sectionKey: c.sectionKey,
        authorId: users[c.author],
        body: c.body,
        createdAt: days(c.at),
        resolvedAt: c.resolved ? days(c.resolved.at) : null,
        resolvedById: c.resolved ? users[c.resolved.by] : null,
      },
      select: { id: true },
    });
    for (const r of c.replies ?? []) {
      await tx.comment.create({
        data: { handoffId: handoffs[c.handoff], sectionKey: c.sectionKey, parentId: thread.id, authorId: users[r.author], body: r.body, createdAt: days(r.at) },
      });
    }
  }
}
