"use client";
// The paper block shared by the new-handoff form and the editor: paste BibTeX, fill the fields
// from it (parsed in the browser: lib/import/bibtex is pure TypeScript), or type them by hand.
// A malformed entry is pointed at by line and column, with the line itself and a caret.
import { useId, useState } from "react";
import { Button } from "@/components/ui/Button";
import { Field } from "@/components/ui/Field";
import { Input, Textarea } from "@/components/ui/Input";
import { IconCheckCircle, IconXCircle } from "@/components/ui/icons";
import { BibtexError, importBibtex } from "@/lib/import/bibtex";
import type { EditorContent } from "./content";
import styles from "./paper-fields.module.css";
import { HANDOFF_FIELD_LABELS } from "@/lib/validation/labels";

export type PaperValues = Pick<EditorContent, "paperTitle" | "authors" | "venue" | "year" | "arxivId" | "doi" | "url" | "bibtex">;

type Props = {
  value: PaperValues;
  onChange: (patch: Partial<PaperValues>) => void;
  /** Field errors from the server, by field name ("year", "arxivId", "authors.0"). */
  errors?: Record<string, string[] | undefined>;
  /** Give the inputs names, so a plain form submit carries them. */
  named?: boolean;
};

type BibtexProblem = { message: string; line?: number; column?: number; source?: string };

const LABELS: Record<keyof PaperValues, string> = {
  paperTitle: "title",
  authors: "authors",
  venue: "venue",
  year: "year",
  arxivId: "arXiv id",
  doi: "DOI",
  url: "URL",
  bibtex: "BibTeX",
};

export function PaperFields({ value, onChange, errors = {}, named }: Props) {
  const [problem, setProblem] = useState<BibtexProblem | null>(null);
  const [filled, setFilled] = useState<string | null>(null);
  const bibtexId = useId();
  const n = (name: string) => (named ? name : undefined);
  const err = (name: string) => {
    const list = Object.entries(errors)
      .filter(([k]) => k === name || k.startsWith(`${name}.`))
      .flatMap(([, v]) => v ?? []);
    return list.length ? list : undefined;
  };

  function fill() {
    setFilled(null);
    try {
      const paper = importBibtex(value.bibtex);
      const patch: Partial<PaperValues> = {
        paperTitle: paper.paperTitle || value.paperTitle,
        authors: paper.authors.length ? paper.authors.join("\n") : value.authors,
        venue: paper.venue || value.venue,
        year: paper.year ? String(paper.year) : value.year,
        arxivId: paper.arxivId ?? value.arxivId,
        doi: paper.doi ?? value.doi,
        url: paper.url ?? value.url,
        bibtex: paper.bibtex,
      };
      const got = (["paperTitle", "authors", "venue", "year", "arxivId", "doi", "url"] as const).filter((k) =>
        k === "authors" ? paper.authors.length > 0 : k === "year" ? !!paper.year : !!paper[k],
      );
      setProblem(null);
      onChange(patch);
      setFilled(got.length ? `Filled ${list(got.map((k) => LABELS[k]))} from the entry.` : "The entry has none of the paper fields.");
    } catch (error) {
      if (error instanceof BibtexError) {
        const positioned = /^line \d+, column \d+: /.test(error.message);
        const lines = value.bibtex.split(/\r\n|\r|\n/);
        setProblem({
          message: positioned ? error.detail : error.message,
          line: positioned ? error.line : undefined,
          column: positioned ? error.column : undefined,
          source: positioned ? lines[error.line - 1] : undefined,
        });
      } else {
        setProblem({ message: "This BibTeX could not be read." });
      }
    }
  }

  return (
    <div className={styles.paperFields}>
      <div className={styles.bibtexBlock}>
        <Field
          label="Paste BibTeX"
          id={bibtexId}
          hint="One entry, as copied from Google Scholar, DBLP, arXiv or OpenReview. LaTeX accents and braces are decoded."
          error={err("bibtex")}
        >
          <Textarea
            name={n("bibtex")}
            mono
            rows={6}
            spellCheck={false}
            value={value.bibtex}
            aria-invalid={problem ? true : undefined}
            aria-errormessage={problem ? `${bibtexId}-problem` : undefined}
            onChange={(e) => {
              onChange({ bibtex: e.target.value });
              setProblem(null);
              setFilled(null);
            }}
            placeholder={"@inproceedings{hu2022lora,\n  title = {LoRA: Low-Rank Adaptation of Large Language Models},\n  author = {Hu, Edward J. and Shen, Yelong and ...},\n  year = {2022}\n}"}
          />
        </Field>
        <div className={styles.bibtexActions}>
          <Button type="button" size="sm" onClick={fill} disabled={!value.bibtex.trim()}>
            Fill from BibTeX
          </Button>
          {filled && (
            <span className={styles.bibtexFilled} role="status">
              <IconCheckCircle size={14} /> {filled}
            </span>
          )}
        </div>
        {problem && (
          <div className={styles.bibtexProblem} id={`${bibtexId}-problem`} role="alert">
            <IconXCircle size={16} className={styles.bibtexProblemIcon} />
            <div>
              <p className={styles.bibtexProblemText}>
                {problem.line !== undefined && (
                  <strong>
                    Line {problem.line}, column {problem.column}:{" "}
                  </strong>
                )}
                {problem.message}
              </p>
              {problem.source !== undefined && problem.column !== undefined && (
                <pre className={styles.bibtexExcerpt} aria-hidden>
                  <span className={styles.bibtexLineNo}>{problem.line}</span>
                  {problem.source}
                  {"\n"}
                  <span className={styles.bibtexLineNo}>{" ".repeat(String(problem.line).length)}</span>
                  <span className={styles.bibtexCaret}>{caretLine(problem.source, problem.column)}</span>
                </pre>
              )}
            </div>
          </div>
        )}
      </div>

      <div className={styles.paperGrid}>
        <Field label={HANDOFF_FIELD_LABELS.paperTitle} error={err("paperTitle")} className={styles.spanAll}>
          <Input name={n("paperTitle")} value={value.paperTitle} onChange={(e) => onChange({ paperTitle: e.target.value })} />
        </Field>
        <Field label={HANDOFF_FIELD_LABELS.authors} hint="One per line, in the paper's order." error={err("authors")} className={styles.spanAll}>
          <Textarea name={n("authors")} rows={3} value={value.authors} onChange={(e) => onChange({ authors: e.target.value })} />
        </Field>
        <Field label={HANDOFF_FIELD_LABELS.venue} error={err("venue")}>
          <Input name={n("venue")} value={value.venue} onChange={(e) => onChange({ venue: e.target.value })} placeholder="e.g. NeurIPS" />
        </Field>
        <Field label={HANDOFF_FIELD_LABELS.year} error={err("year")}>
          <Input name={n("year")} inputMode="numeric" value={value.year} onChange={(e) => onChange({ year: e.target.value })} placeholder="e.g. 2024" />
        </Field>
        <Field label={HANDOFF_FIELD_LABELS.arxivId} error={err("arxivId")}>
          <Input name={n("arxivId")} value={value.arxivId} onChange={(e) => onChange({ arxivId: e.target.value })} placeholder="e.g. 2106.09685" spellCheck={false} />
        </Field>
        <Field label={HANDOFF_FIELD_LABELS.doi} error={err("doi")}>
          <Input name={n("doi")} value={value.doi} onChange={(e) => onChange({ doi: e.target.value })} placeholder="e.g. 10.1109/CVPR.2016.90" spellCheck={false} />
        </Field>
        <Field label={HANDOFF_FIELD_LABELS.url} error={err("url")} className={styles.spanAll}>
          <Input name={n("url")} type="url" value={value.url} onChange={(e) => onChange({ url: e.target.value })} placeholder="https://" spellCheck={false} />
        </Field>
      </div>
    </div>
  );
}

/** Spaces up to the column (keeping tabs, so the caret lines up), then a caret. */
function caretLine(source: string, column: number): string {
  const before = Array.from(source).slice(0, column - 1);
  return `${before.map((c) => (c === "\t" ? "\t" : " ")).join("")}^`;
}

function list(items: string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
}
