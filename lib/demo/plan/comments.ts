// Review threads on the demo handoffs: who wrote what, when, and which threads were resolved.
import type { CommentSeed } from "@/lib/demo/plan/types";

export const COMMENTS: CommentSeed[] = [
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
