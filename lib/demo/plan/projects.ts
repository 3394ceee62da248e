// The two demo projects: who is in them, their milestone graphs, handoffs, reviews and comments.
// Plain data; lib/demo/write.ts writes it as the demo users would have.
import type { ProjectRole } from "@/lib/auth/permissions";
import type { UserKey } from "@/lib/demo/users";
import type { CommentSeed, Edge, MilestoneSeed } from "@/lib/demo/plan/types";
import { FLOOR_RESEARCH_MILESTONES } from "@/lib/demo/plan/floor-research";
import { FLOOR_EDGES, FLOOR_PRODUCT_MILESTONES } from "@/lib/demo/plan/floor-product";
import { RAG_EDGES, RAG_MILESTONES } from "@/lib/demo/plan/rag";
import { COMMENTS } from "@/lib/demo/plan/comments";

export const DEMO_PROJECT_KEY = "FLOOR";
export const DEMO_SECOND_PROJECT_KEY = "RAG";

export type ProjectPlan = {
  key: string;
  name: string;
  description: string;
  /** Days relative to seeding; the creator becomes its owner, then adds the others. */
  createdAt: number;
  createdBy: UserKey;
  members: [UserKey, ProjectRole][];
  milestones: MilestoneSeed[];
  edges: Edge[];
  /** Refs of HANDOFFS (lib/demo/handoffs.ts). */
  handoffs: string[];
  /** [handoff ref, reviewer, day assigned]: assigned by the handoff's author. */
  reviewers: [string, UserKey, number][];
  comments: CommentSeed[];
  /** The monorepo's compose file imported into the project's services catalog: [by, day]. */
  composeImport?: [UserKey, number];
};

export const PROJECTS: ProjectPlan[] = [
  {
    key: DEMO_PROJECT_KEY,
    name: "Floor-plan generation",
    description:
      "Turning floor-plan generation research (House-GAN++, HouseDiffusion, Graph2Plan) into a \"suggest layouts\" feature for the plan editor: from bubble diagram to editable, constraint-checked plans.",
    createdAt: -125,
    createdBy: "admin",
    members: [
      ["researcher", "researcher"],
      ["engineer", "engineer"],
      ["manager", "manager"],
    ],
    milestones: [...FLOOR_RESEARCH_MILESTONES, ...FLOOR_PRODUCT_MILESTONES],
    edges: FLOOR_EDGES,
    handoffs: ["housediffusion", "houseganpp", "graph2plan"],
    reviewers: [["houseganpp", "engineer", -6]],
    comments: COMMENTS,
    // The project's owner records which services it runs (and how) from the monorepo's compose file.
    composeImport: ["admin", -100],
  },
  {
    key: DEMO_SECOND_PROJECT_KEY,
    name: "Retrieval-augmented search",
    description: "Question answering with citations over the firm's project archive and building-code documents.",
    createdAt: -36,
    createdBy: "admin",
    members: [["manager", "manager"]],
    milestones: RAG_MILESTONES,
    edges: RAG_EDGES,
    handoffs: ["rag"],
    reviewers: [],
    comments: [],
  },
];
