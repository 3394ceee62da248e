// A parsed Jupyter notebook, read-only: Jupyter's layout (In [n] / Out [n] prompts, outputs under
// their cell) in the app's style. Server component, synchronous, no client JavaScript.
//
// Safety: the Notebook from parseNotebook() already holds only showable content. Markdown cells
// and Markdown outputs go through the sanitizing <Markdown>; code goes through it too (as a fenced
// block, highlighted by highlight.js, which escapes the code); plain text is React text; images
// are data: URLs built only from base64 that was checked to decode to a PNG or JPEG.
import type { ReactNode } from "react";
import { Badge, Card, IconFileText } from "@/components/ui";
import { countLines, type Notebook, type NotebookCell, type NotebookOutput } from "@/lib/import/notebook";
import { Markdown } from "@/lib/markdown/render";
import styles from "./NotebookView.module.css";

/** Outputs longer than this many lines start collapsed. */
export const LONG_OUTPUT_LINES = 200;

export type NotebookViewProps = {
  notebook: Notebook;
  /** Shown in the header, e.g. "demo.ipynb". */
  filename: string;
  /** Unique per notebook on a page: prefixes the ids that Markdown cells create (footnotes). */
  idPrefix?: string;
  /**
   * Shifts Markdown headings in the notebook down under the page's own; 3 by default, so a
   * cell's "# Title" becomes an h4 below the card's h3 filename.
   */
  headingOffset?: number;
  /** Heading level of the filename; 3 by default. */
  headingLevel?: 2 | 3;
  className?: string;
};

const LANGUAGE_LABELS: Record<string, string> = { python: "Python", r: "R", julia: "Julia", scala: "Scala", javascript: "JavaScript" };

function languageLabel(notebook: Notebook): string {
  if (!notebook.language) return "Unknown language";
  const name = LANGUAGE_LABELS[notebook.language] ?? notebook.language;
  return notebook.languageVersion ? `${name} ${notebook.languageVersion}` : name;
}

/** A fenced Markdown code block that no backtick run inside `code` can close early. */
export function codeFence(code: string, language: string | null): string {
  const longestRun = Math.max(0, ...(code.match(/`+/g) ?? []).map((run) => run.length));
  const fence = "`".repeat(Math.max(3, longestRun + 1));
  const info = language && /^[\w+#-]+$/.test(language) ? language : "text";
  return `${fence}${info}\n${code}\n${fence}`;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/** Plain text in monospace; collapsed behind a <details> when it is long. */
function TextBlock({ text, className, label }: { text: string; className?: string; label: string }) {
  const lines = countLines(text);
  const pre = <pre className={[styles.text, className ?? ""].filter(Boolean).join(" ")}>{text}</pre>;
  if (lines <= LONG_OUTPUT_LINES) return pre;
  return (
    <details className={styles.long}>
      <summary className={styles.longSummary}>
        {label}: {plural(lines, "line")}, collapsed. Show all
      </summary>
      {pre}
    </details>
  );
}

function Prompt({ children }: { children?: ReactNode }) {
  return (
    <div className={styles.prompt} aria-hidden={children === undefined ? true : undefined}>
      {children}
    </div>
  );
}

type OutputContext = { cellNumber: number; idPrefix: string; headingOffset: number };

/** For each output of a cell, its 1-based number among the cell's images (null if not an image). */
function imageNumbers(outputs: NotebookOutput[]): (number | null)[] {
  let n = 0;
  return outputs.map((output) => (output.type === "display" && output.content?.kind === "image" ? ++n : null));
}

function OutputView({ output, index, imageNumber, ctx }: { output: NotebookOutput; index: number; imageNumber: number | null; ctx: OutputContext }) {
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
            alt={`Output image ${imageNumber ?? 1} of cell ${ctx.cellNumber}`}
            width={content.width ?? undefined}
            height={content.height ?? undefined}
            loading="lazy"
            decoding="async"
          />
        );
      } else if (content?.kind === "markdown") {
        body = (
          <Markdown
            source={content.text}
            variant="compact"
            headingOffset={ctx.headingOffset}
            idPrefix={`${ctx.idPrefix}-c${ctx.cellNumber}-o${index + 1}`}
          />
        );
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

function CellView({
  cell,
  cellNumber,
  language,
  idPrefix,
  headingOffset,
}: {
  cell: NotebookCell;
  cellNumber: number;
  language: string | null;
  idPrefix: string;
  headingOffset: number;
}) {
  if (cell.type === "markdown") {
    return (
      <li className={`${styles.cell} ${styles.markdownCell}`} aria-label={`Cell ${cellNumber}, Markdown`}>
        <div className={styles.row}>
          <Prompt />
          <Markdown
            source={cell.source}
            headingOffset={headingOffset}
            idPrefix={`${idPrefix}-c${cellNumber}`}
            className={styles.markdown}
            empty={<p className={styles.emptyCell}>Empty Markdown cell</p>}
          />
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

  const ctx: OutputContext = { cellNumber, idPrefix, headingOffset };
  const numbers = imageNumbers(cell.outputs);
  const count = cell.executionCount ?? " ";
  return (
    <li className={`${styles.cell} ${styles.codeCell}`} aria-label={`Cell ${cellNumber}, code`}>
      <div className={styles.row}>
        <Prompt>
          <span className={styles.in}>In [{count}]:</span>
        </Prompt>
        <div className={styles.code}>
          {cell.source.trim() ? (
            <Markdown source={codeFence(cell.source, language)} variant="compact" idPrefix={`${idPrefix}-c${cellNumber}`} />
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
            <OutputView key={i} output={output} index={i} imageNumber={numbers[i]} ctx={ctx} />
          ))}
        </div>
      )}
    </li>
  );
}

/** Renders a parsed notebook read-only. */
export function NotebookView({ notebook, filename, idPrefix = "nb", headingOffset = 3, headingLevel = 3, className }: NotebookViewProps) {
  const prefix = idPrefix.replace(/[^\w-]/g, "") || "nb";
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
      description={`Jupyter notebook · ${plural(notebook.cells.length, "cell")} (${codeCells} code) · nbformat ${notebook.nbformat}.${notebook.nbformatMinor}`}
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
            <CellView key={i} cell={cell} cellNumber={i + 1} language={notebook.language} idPrefix={prefix} headingOffset={headingOffset} />
          ))}
        </ol>
      )}
    </Card>
  );
}
