import { describe, expect, it } from "vitest";
import { DEFAULT_TEMPLATE_SECTIONS } from "@/lib/validation/template";
import { exportFilename, handoffToMarkdown } from "./export";

const handoff = {
  id: "h1",
  title: 'HouseDiffusion: "vector" plans',
  status: "accepted",
  version: 3,
  paperTitle: "HouseDiffusion: Vector Floorplan Generation via a Diffusion Model",
  authors: ["Mohammad Amin Shabani", "Sepidehsadat Hosseini", "Yasutaka Furukawa"],
  venue: "CVPR",
  year: 2023,
  arxivId: "2211.13287",
  doi: null,
  url: null,
  bibtex: "@inproceedings{shabani2023,\n  title={HouseDiffusion}\n}",
  sections: { tldr: "Diffusion over **room corners**.", method: "$x_t$ denoised.", custom_note: "Kept." },
  body: "Free notes.",
  updatedAt: new Date("2026-11-26T12:00:00Z"),
  author: { name: "Ada Lindqvist" },
  project: { key: "FLOOR", name: "Floor-plan generation" },
};

describe("handoffToMarkdown", () => {
  const md = handoffToMarkdown(handoff, DEFAULT_TEMPLATE_SECTIONS);

  it("starts with front matter that escapes quotes", () => {
    expect(md.startsWith("---\ntitle: \"HouseDiffusion: \\\"vector\\\" plans\"\n")).toBe(true);
    expect(md).toContain('  authors: ["Mohammad Amin Shabani", "Sepidehsadat Hosseini", "Yasutaka Furukawa"]');
    expect(md).toContain('  arxiv: "2211.13287"');
    expect(md).toContain("  year: 2023");
    expect(md).not.toContain("doi:");
  });

  it("puts sections in template order, marks empty ones, and keeps unknown ones", () => {
    expect(md.indexOf("## TL;DR")).toBeLessThan(md.indexOf("## Method"));
    expect(md).toContain("## TL;DR\n\nDiffusion over **room corners**.");
    expect(md).toContain("## Problem\n\n_Not written yet._");
    expect(md).toContain("## custom_note\n\nKept.");
    expect(md).toContain("```bibtex\n@inproceedings{shabani2023,");
  });
});

describe("exportFilename", () => {
  it("slugs titles", () => {
    expect(exportFilename("HouseDiffusion: Vector Floor-plans (CVPR '23)")).toBe("housediffusion-vector-floor-plans-cvpr-23.md");
    expect(exportFilename("Déjà vu")).toBe("deja-vu.md");
    expect(exportFilename("!!!")).toBe("handoff.md");
  });
});
