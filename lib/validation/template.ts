// Handoff templates: an ordered list of sections, each with guidance for the researcher on
// what a production engineer needs from it. Stored in HandoffTemplate.sections (Json).
import { z } from "./zod-browser";
import { LIMITS } from "./limits";
import { text } from "./text";
import { labelled } from "./field-label";
import { TEMPLATE_LABELS as L } from "./labels";

const T = LIMITS.template;

// This module also runs in the browser (the editor measures completeness against a template),
// hence zod from ./zod-browser.
export const templateSectionSchema = z.object({
  key: text(L.sectionKey, { max: T.sectionKey }).regex(/^[a-z][a-z0-9_]*$/, "must start with a lowercase letter and use only a-z, 0-9 and _"),
  title: text(L.sectionTitle, { min: 1, max: T.sectionTitle, trim: true, singleLine: true }),
  guidance: text(L.sectionGuidance, { max: T.guidance }),
  required: labelled(z.boolean(), L.sectionRequired),
});

export type TemplateSection = z.infer<typeof templateSectionSchema>;

export const templateSectionsSchema = labelled(
  z
    .array(templateSectionSchema)
    .min(1, "must have at least one section")
    .max(T.sections, `can have at most ${T.sections} sections`)
    .superRefine((sections, ctx) => {
      const seen = new Set<string>();
      sections.forEach((section, index) => {
        if (seen.has(section.key)) {
          ctx.addIssue({
            code: "custom",
            path: [index, "key"],
            message: `“${section.key}” is used by two sections; every section needs its own key`,
          });
        }
        seen.add(section.key);
      });
    }),
  L.sections,
);

export const DEFAULT_TEMPLATE_NAME = "Paper handoff";

export const DEFAULT_TEMPLATE_SECTIONS: TemplateSection[] = [
  {
    key: "tldr",
    title: "TL;DR",
    guidance:
      "Three to five sentences an engineer can read in a minute: what the paper does, what it would let the product do, and whether you recommend building on it.",
    required: true,
  },
  {
    key: "problem",
    title: "Problem",
    guidance:
      "The task in product terms and in the paper's terms: who gives what input, what a good output looks like, and what fails today without this work.",
    required: true,
  },
  {
    key: "method",
    title: "Method",
    guidance:
      "The architecture and training procedure at the level needed to implement or debug it: model components, losses, inference procedure and the hyperparameters that matter.",
    required: true,
  },
  {
    key: "key_results",
    title: "Key results",
    guidance:
      "The numbers that justify the work, with metric definitions, datasets and baselines; separate results reported in the paper from results you reproduced.",
    required: true,
  },
  {
    key: "assumptions",
    title: "Assumptions and limitations",
    guidance:
      "What the method takes for granted (input preprocessing, data distribution, given quantities) and where it is known not to work, so engineers do not discover it in production.",
    required: true,
  },
  {
    key: "risks",
    title: "Risks",
    guidance:
      "Technical, legal (licences of code, data and weights), safety and schedule risks, each with likelihood, impact and a mitigation or an owner.",
    required: true,
  },
  {
    key: "open_questions",
    title: "Open questions",
    guidance:
      "What is not yet known and how it could be settled: experiments to run, people to ask, decisions needed from product or legal.",
    required: false,
  },
  {
    key: "repro_code",
    title: "Reproduction: code",
    guidance:
      "Repository, commit or tag, licence, environment (Python, CUDA, key package versions) and the exact commands that train and evaluate.",
    required: false,
  },
  {
    key: "repro_notebooks",
    title: "Reproduction: notebooks",
    guidance:
      "Which attached notebooks show what, in what order to run them, and what each should print or plot when it works.",
    required: false,
  },
  {
    key: "repro_data",
    title: "Reproduction: data",
    guidance:
      "Datasets with version, location, licence, splits and preprocessing steps, including any filtering that changes the numbers.",
    required: false,
  },
  {
    key: "repro_checkpoints",
    title: "Reproduction: checkpoints",
    guidance:
      "Where the weights live, their size, checksum, licence and the training run that produced them; which one is the candidate for production.",
    required: false,
  },
  {
    key: "prod_io",
    title: "Production: inputs and outputs",
    guidance:
      "Tensor shapes, dtypes, units and formats at each boundary; what the model expects and returns; an example request and response.",
    required: true,
  },
  {
    key: "prod_compute",
    title: "Production: compute budget",
    guidance:
      "Accelerator type and memory, training and inference cost, batch sizes that fit, and what a request costs at the expected volume.",
    required: true,
  },
  {
    key: "prod_latency",
    title: "Production: latency and throughput budgets",
    guidance:
      "Measured p50 and p95 latency and throughput on named hardware, the budget the product needs, and the levers (steps, precision, batching) that trade quality for speed.",
    required: true,
  },
  {
    key: "prod_data",
    title: "Production: data requirements",
    guidance:
      "What data production training and inference need, its volume, freshness, licence and privacy constraints, and how it will be collected and labelled.",
    required: false,
  },
];

export const templateInputSchema = z.object({
  name: text(L.name, { min: 2, max: T.name, trim: true, singleLine: true }),
  description: text(L.description, { max: T.description, trim: true }).default(""),
  sections: templateSectionsSchema,
});
export type TemplateInput = z.input<typeof templateInputSchema>;
