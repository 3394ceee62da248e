// The demo handoffs: each one's paper card and story (who wrote it, when it was submitted and
// accepted, which milestones it was decomposed into) as data; its text as Markdown files under
// content/<ref>/ (one file per template section, body.md, paper.bib), read at seed time.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { DEFAULT_TEMPLATE_SECTIONS } from "@/lib/validation/template";
import type { UserKey } from "@/lib/demo/users";

export type HandoffPlan = {
  /** Also the folder of its text under content/. */
  ref: string;
  title: string;
  status: "draft" | "in_review" | "accepted";
  paperTitle: string;
  authors: string[];
  venue: string;
  year: number;
  arxivId: string | null;
  doi: string | null;
  url: string | null;
  /** Days relative to seeding. */
  createdAt: number;
  submittedAt: number | null;
  acceptedAt: number | null;
  author: UserKey;
  milestones: string[];
};

export type HandoffText = { sections: Record<string, string>; body: string; bibtex: string };

export const HANDOFFS: HandoffPlan[] = [
  {
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
    createdAt: -108,
    submittedAt: -80,
    acceptedAt: -74,
    author: "researcher",
    milestones: ["FLOOR-1", "FLOOR-2", "FLOOR-4", "FLOOR-5", "FLOOR-7", "FLOOR-8", "FLOOR-10", "FLOOR-11", "FLOOR-15"],
  },
  {
    ref: "houseganpp",
    title: "House-GAN++: iterative layout refinement as baseline and \"lock and regenerate\"",
    status: "in_review",
    paperTitle: "House-GAN++: Generative Adversarial Layout Refinement Network towards Intelligent Computational Agent for Professional Architects",
    authors: ["Nelson Nauata", "Sepidehsadat Hosseini", "Kai-Hung Chang", "Hang Chu", "Chin-Yi Cheng", "Yasutaka Furukawa"],
    venue: "CVPR 2021",
    year: 2021,
    arxivId: "2103.02574",
    doi: null,
    url: "https://arxiv.org/abs/2103.02574",
    createdAt: -64,
    submittedAt: -6,
    acceptedAt: null,
    author: "researcher",
    milestones: ["FLOOR-3", "FLOOR-4", "FLOOR-6", "FLOOR-9"],
  },
  {
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
    createdAt: -12,
    submittedAt: null,
    acceptedAt: null,
    author: "researcher",
    milestones: ["FLOOR-9", "FLOOR-13"],
  },
  {
    ref: "rag",
    title: "RAG: cited answers over the project archive",
    status: "draft",
    paperTitle: "Retrieval-Augmented Generation for Knowledge-Intensive NLP Tasks",
    authors: ["Patrick Lewis", "Ethan Perez", "Aleksandra Piktus", "Fabio Petroni", "Vladimir Karpukhin", "Naman Goyal", "Heinrich Küttler", "Mike Lewis", "Wen-tau Yih", "Tim Rocktäschel", "Sebastian Riedel", "Douwe Kiela"],
    venue: "NeurIPS 2020",
    year: 2020,
    arxivId: "2005.11401",
    doi: null,
    url: "https://arxiv.org/abs/2005.11401",
    createdAt: -20,
    submittedAt: null,
    acceptedAt: null,
    author: "admin",
    milestones: ["RAG-1", "RAG-2", "RAG-3", "RAG-4"],
  },
];

const CONTENT = fileURLToPath(new URL("./content/", import.meta.url));

function readText(ref: string, file: string): string | null {
  try {
    return readFileSync(`${CONTENT}${ref}/${file}`, "utf8").replace(/\n$/, "");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
}

/** A handoff's text from content/<ref>/: the sections its files fill, in the template's order. */
export function handoffText(ref: string): HandoffText {
  const sections: Record<string, string> = {};
  for (const { key } of DEFAULT_TEMPLATE_SECTIONS) {
    const text = readText(ref, `${key}.md`);
    if (text !== null) sections[key] = text;
  }
  const body = readText(ref, "body.md");
  const bibtex = readText(ref, "paper.bib");
  if (body === null || bibtex === null) throw new Error(`lib/demo/content/${ref}/ needs body.md and paper.bib`);
  return { sections, body, bibtex };
}

/**
 * How a demo handoff came to be written, so its history has versions to compare: the research
 * core first, then the rest of the research sections and notes, then the production notes (the
 * handoff as it stands). A stage that would add nothing is left out. The first is what the
 * product records on creation ("Created").
 */
export function writingStages(h: Pick<HandoffPlan, "createdAt" | "submittedAt"> & Pick<HandoffText, "sections" | "body">) {
  const end = h.submittedAt ?? -1;
  const at = (share: number) => h.createdAt + Math.round((end - h.createdAt) * share * 10) / 10;
  const pick = (keep: (key: string) => boolean) => Object.fromEntries(Object.entries(h.sections).filter(([key]) => keep(key)));
  const core = new Set(["tldr", "problem", "method"]);
  const stages = [
    { sections: pick((key) => core.has(key)), body: "", message: "Created", at: h.createdAt },
    { sections: pick((key) => !key.startsWith("prod_")), body: h.body, message: "Results, risks and how to reproduce them", at: at(0.4) },
    { sections: h.sections, body: h.body, message: "Production notes for the engineers", at: at(0.75) },
  ];
  const size = (stage: (typeof stages)[number]) => Object.keys(stage.sections).length + (stage.body ? 1 : 0);
  return stages.filter((stage, i) => i === stages.length - 1 || size(stage) < size(stages[i + 1]));
}
