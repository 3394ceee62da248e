// The second demo project's milestones: retrieval-augmented search over the project archive.
import { md } from "@/lib/demo/md";
import { created, type Edge, type MilestoneSeed } from "@/lib/demo/plan/types";

export const RAG_MILESTONES: MilestoneSeed[] = [
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
      created(-35, "admin"),
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
      created(-35, "admin"),
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
    history: [created(-35, "admin")],
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
    history: [created(-35, "admin")],
    services: ["ai-gateway"],
  },
];

export const RAG_EDGES: Edge[] = [
  ["RAG-2", "RAG-1"],
  ["RAG-3", "RAG-1"],
  ["RAG-4", "RAG-2"],
  ["RAG-4", "RAG-3"],
];
