// A handoff as one Markdown file: YAML front matter with the paper's metadata, then each
// section under its heading in template order, then the free body.
import type { TemplateSection } from "@/lib/validation/template";
import { readSections } from "@/lib/handoff/completeness";
import { authorsOf } from "@/lib/handoff/paper";

export type ExportableHandoff = {
  id: string;
  title: string;
  status: string;
  version: number;
  paperTitle: string;
  authors: unknown;
  venue: string;
  year: number | null;
  arxivId: string | null;
  doi: string | null;
  url: string | null;
  bibtex: string;
  sections: unknown;
  body: string;
  updatedAt: Date;
  author?: { name: string } | null;
  project: { key: string; name: string };
};

// JSON strings are valid YAML double-quoted scalars, escapes and all.
const yaml = (value: string) => JSON.stringify(value);

export function handoffToMarkdown(h: ExportableHandoff, template: readonly TemplateSection[]): string {
  const sections = readSections(h.sections);
  const authors = authorsOf(h.authors);
  const front = [
    "---",
    `title: ${yaml(h.title)}`,
    `project: ${yaml(h.project.key)}`,
    `status: ${yaml(h.status)}`,
    `version: ${h.version}`,
    `updated: ${yaml(h.updatedAt.toISOString())}`,
    ...(h.author ? [`author: ${yaml(h.author.name)}`] : []),
    "paper:",
    `  title: ${yaml(h.paperTitle)}`,
    `  authors: [${authors.map(yaml).join(", ")}]`,
    `  venue: ${yaml(h.venue)}`,
    ...(h.year ? [`  year: ${h.year}`] : []),
    ...(h.arxivId ? [`  arxiv: ${yaml(h.arxivId)}`] : []),
    ...(h.doi ? [`  doi: ${yaml(h.doi)}`] : []),
    ...(h.url ? [`  url: ${yaml(h.url)}`] : []),
    "---",
    "",
    `# ${h.title}`,
    "",
  ];
  const known = new Set(template.map((s) => s.key));
  const parts: string[] = [];
  for (const section of template) {
    const text = sections[section.key]?.trim();
    parts.push(`## ${section.title}`, "", text ? text : "_Not written yet._", "");
  }
  for (const [key, text] of Object.entries(sections)) {
    if (!known.has(key) && text.trim()) parts.push(`## ${key}`, "", text.trim(), "");
  }
  if (h.body.trim()) parts.push("## Notes", "", h.body.trim(), "");
  if (h.bibtex.trim()) parts.push("## BibTeX", "", "```bibtex", h.bibtex.trim(), "```", "");
  return [...front, ...parts].join("\n");
}

/** A file name made of the title: lowercase words joined by hyphens. */
export function exportFilename(title: string): string {
  const slug = title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80);
  return `${slug || "handoff"}.md`;
}
