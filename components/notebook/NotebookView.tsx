// A notebook as rendered at upload (lib/notebook/render.ts), read-only: Jupyter's layout (In [n] /
// Out [n] prompts, outputs under their cell) in the app's style. Server component, synchronous,
// no client JavaScript, and no parsing or Markdown rendering: it only lays out what was stored.
//
// Safety: parseNotebook() kept only showable content, and the stored HTML of Markdown cells, code
// cells (a fenced block, highlighted by highlight.js, which escapes the code) and Markdown outputs
// came from the sanitizing Markdown pipeline (or is its escaped plain-text fallback); plain text is
// React text; images are data: URLs built only from base64 that was checked to decode to a PNG or
// JPEG.
import type { ReactNode } from "react";
import { Badge, Card, IconFileText } from "@/components/ui";
import { count } from "@/components/ui/format";
import { countLines } from "@/lib/import/notebook";
import { MarkdownHtml } from "@/lib/markdown/MarkdownHtml";
import type { RenderedCell, RenderedNotebook, RenderedOutput } from "@/lib/notebook/rendered";
import styles from "./NotebookView.module.css";

/** Outputs longer than this many lines start folded, showing their first and last few lines. */
export const LONG_OUTPUT_LINES = 20;
/** Lines of a folded output shown from its start and from its end (a training log ends with its result). */
const PREVIEW_HEAD = 6;
const PREVIEW_TAIL = 6;

export type NotebookViewProps = {
  notebook: RenderedNotebook;
  /** Shown in the header, e.g. "demo.ipynb". */
  filename: string;
  /** Heading level of the filename; 3 by default (Markdown headings were shifted under it at upload). */
  headingLevel?: 2 | 3;
  className?: string;
};

const LANGUAGE_LABELS: Record<string, string> = { python: "Python", r: "R", julia: "Julia", scala: "Scala", javascript: "JavaScript" };

function languageLabel(notebook: RenderedNotebook): string {
  if (!notebook.language) return "Unknown language";
  const name = LANGUAGE_LABELS[notebook.language] ?? notebook.language;
  return notebook.languageVersion ? `${name} ${notebook.languageVersion}` : name;
}

/**
 * Plain text in monospace. A long one is folded: its first and last lines show, with the middle
 * behind "Show all N lines" (a <details>, so it works without JavaScript); opened, the whole text
 * replaces the preview.
 */
function TextBlock({ text, className, label }: { text: string; className?: string; label: string }) {
  const lines = countLines(text);
  const classes = [styles.text, className ?? ""].filter(Boolean).join(" ");
  if (lines <= LONG_OUTPUT_LINES) return <pre className={classes}>{text}</pre>;
  const all = text.replace(/\n$/, "").split("\n");
  const hidden = all.length - PREVIEW_HEAD - PREVIEW_TAIL;
  return (
    <div className={styles.fold}>
      <pre className={`${classes} ${styles.preview}`} aria-hidden>
        {all.slice(0, PREVIEW_HEAD).join("\n")}
        {"\n"}
        <span className={styles.elided}>⋯ {count(hidden, "more line")} ⋯</span>
        {"\n"}
        {all.slice(-PREVIEW_TAIL).join("\n")}
      </pre>
      <details className={styles.long} data-output-fold="">
        <summary className={styles.longSummary}>
          <span className={styles.showAll}>Show all {count(lines, "line")}</span>
          <span className={styles.hideAll}>Fold to the first and last {PREVIEW_TAIL} lines</span>
          <span className="sr-only"> of {label.toLowerCase()}</span>
        </summary>
        <pre className={classes}>{text}</pre>
      </details>
    </div>
  );
}

function Prompt({ children }: { children?: ReactNode }) {
  return (
    <div className={styles.prompt} aria-hidden={children === undefined ? true : undefined}>
      {children}
    </div>
  );
}

/** For each output of a cell, its 1-based number among the cell's images (null if not an image). */
function imageNumbers(outputs: RenderedOutput[]): (number | null)[] {
  let n = 0;
  return outputs.map((output) => (output.type === "display" && output.content?.kind === "image" ? ++n : null));
}

function OutputView({ output, imageNumber, cellNumber }: { output: RenderedOutput; imageNumber: number | null; cellNumber: number }) {
  switch (output.type) {
    case "stream":
      return (
        <div className={styles.output}>
          <Prompt />
          <div className={styles.outputBody}>
            <TextBlock
              text={output.text}
              className={output.name === "stderr" ? styles.stderr : undefined}
              label={output.name === "stderr" ? "Error stream" : "Output"}
            />
          </div>
        </div>
      );
    case "error":
      return (
        <div className={styles.output}>
          <Prompt />
          <div className={`${styles.outputBody} ${styles.error}`} role="group" aria-label={`Error: ${output.ename}`}>
            <p className={styles.errorTitle}>
              <strong>{output.ename}</strong>
              {output.evalue ? `: ${output.evalue}` : null}
            </p>
            {output.traceback.length > 0 && <TextBlock text={output.traceback.join("\n")} className={styles.traceback} label="Traceback" />}
          </div>
        </div>
      );
    case "display": {
      const { content, notes } = output;
      let body: ReactNode = null;
      if (content?.kind === "image") {
        body = (
          // eslint-disable-next-line @next/next/no-img-element -- inline data: URL from the notebook; next/image cannot optimise it.
          <img
            className={styles.image}
            src={`data:${content.mime};base64,${content.base64}`}
            alt={`Output image ${imageNumber ?? 1} of cell ${cellNumber}`}
            width={content.width ?? undefined}
            height={content.height ?? undefined}
            loading="lazy"
            decoding="async"
          />
        );
      } else if (content?.kind === "html") {
        body = <MarkdownHtml html={content.html} variant="compact" />;
      } else if (content?.kind === "text") {
        body = <TextBlock text={content.text} label="Output" />;
      }
      if (body === null && notes.length === 0) return null;
      return (
        <div className={styles.output}>
          <Prompt>
            {output.outputType === "execute_result" ? (
              <span className={styles.out}>Out [{output.executionCount ?? " "}]:</span>
            ) : undefined}
          </Prompt>
          <div className={styles.outputBody}>
            {body}
            {notes.map((note) => (
              <p key={note} className={styles.note}>
                {note}
              </p>
            ))}
          </div>
        </div>
      );
    }
  }
}

function CellView({ cell, cellNumber }: { cell: RenderedCell; cellNumber: number }) {
  if (cell.type === "markdown") {
    return (
      <li className={`${styles.cell} ${styles.markdownCell}`} aria-label={`Cell ${cellNumber}, Markdown`}>
        <div className={styles.row}>
          <Prompt />
          {cell.html === null ? <p className={styles.emptyCell}>Empty Markdown cell</p> : <MarkdownHtml html={cell.html} className={styles.markdown} />}
        </div>
      </li>
    );
  }
  if (cell.type === "raw") {
    return (
      <li className={`${styles.cell} ${styles.rawCell}`} aria-label={`Cell ${cellNumber}, raw`}>
        <div className={styles.row}>
          <Prompt>
            <span className={styles.rawLabel}>Raw</span>
          </Prompt>
          <TextBlock text={cell.source} className={styles.raw} label="Raw cell" />
        </div>
      </li>
    );
  }

  const numbers = imageNumbers(cell.outputs);
  const executionCount = cell.executionCount ?? " ";
  return (
    <li className={`${styles.cell} ${styles.codeCell}`} aria-label={`Cell ${cellNumber}, code`}>
      <div className={styles.row}>
        <Prompt>
          <span className={styles.in}>In [{executionCount}]:</span>
        </Prompt>
        <div className={styles.code}>
          {cell.html !== null ? (
            <MarkdownHtml html={cell.html} variant="compact" />
          ) : (
            <pre className={styles.emptyCode}>
              <span className={styles.emptyCell}>Empty cell</span>
            </pre>
          )}
        </div>
      </div>
      {cell.outputs.length > 0 && (
        <div className={styles.outputs}>
          {cell.outputs.map((output, i) => (
            <OutputView key={i} output={output} imageNumber={numbers[i]} cellNumber={cellNumber} />
          ))}
        </div>
      )}
    </li>
  );
}

/** Shows a rendered notebook read-only. */
export function NotebookView({ notebook, filename, headingLevel = 3, className }: NotebookViewProps) {
  const codeCells = notebook.cells.filter((cell) => cell.type === "code").length;
  return (
    <Card
      as="article"
      padding="none"
      headingLevel={headingLevel}
      className={className}
      title={
        <span className={styles.filename}>
          <IconFileText size={16} className={styles.fileIcon} />
          <span className={styles.filenameText}>{filename}</span>
        </span>
      }
      description={`Jupyter notebook · ${count(notebook.cells.length, "cell")} (${codeCells} code) · nbformat ${notebook.nbformat}.${notebook.nbformatMinor}`}
      actions={
        <Badge tone="gray" size="sm">
          {languageLabel(notebook)}
        </Badge>
      }
    >
      {notebook.cells.length === 0 ? (
        <p className={styles.emptyNotebook}>This notebook has no cells.</p>
      ) : (
        <ol className={styles.cells} data-notebook-cells="">
          {notebook.cells.map((cell, i) => (
            <CellView key={i} cell={cell} cellNumber={i + 1} />
          ))}
        </ol>
      )}
    </Card>
  );
}
