// What changed between two revisions, field by field and section by section: each changed one
// as a line diff (added lines green with +, removed red with −, both also marked as <ins>/<del>
// and announced as "Added"/"Removed"), unchanged stretches folded, unchanged sections counted.
// Bounded (limitShown): past the page's line and character limits the rest is counted, with links
// to download either whole version; a part too different to compare line by line says so, with sizes.
import type { ReactNode } from "react";
import { Badge } from "@/components/ui/Badge";
import { diffBudget, diffWords, limitShown, pairChangedLines, type DiffBudget, type DiffLine, type FieldDiff, type ShownField, type WordPart } from "@/lib/handoff/diff";
import styles from "./diff.module.css";

const GROUP_LABEL = { paper: "Paper", section: "Section", body: "Notes" } as const;
const STATUS_TONE = { added: "green", removed: "red", changed: "blue", unchanged: "gray" } as const;
const STATUS_LABEL = { added: "Added", removed: "Emptied", changed: "Changed", unchanged: "Unchanged" } as const;

export function DiffSummary({ diffs }: { diffs: FieldDiff[] }) {
  const changed = diffs.filter((d) => d.changed);
  const added = changed.reduce((n, d) => n + d.stats.added, 0);
  const removed = changed.reduce((n, d) => n + d.stats.removed, 0);
  return (
    <p className={styles.summary}>
      <strong>
        {changed.length} {changed.length === 1 ? "part" : "parts"} changed
      </strong>
      <span className={styles.added}>+{added}</span>
      <span className={styles.removed}>−{removed}</span>
      <span className={styles.muted}>lines</span>
      <ChangeBar added={added} removed={removed} />
    </p>
  );
}

/** Five squares split between added and removed, as GitHub draws it: seen, not read. */
function ChangeBar({ added, removed }: { added: number; removed: number }) {
  const total = added + removed;
  const green = total === 0 ? 0 : Math.round((added / total) * 5);
  const red = total === 0 ? 0 : Math.min(5 - green, Math.max(removed > 0 ? 1 : 0, Math.round((removed / total) * 5)));
  return (
    <span className={styles.bar} aria-hidden>
      {Array.from({ length: 5 }, (_, i) => (
        <span key={i} data-kind={i < green ? "added" : i < green + red ? "removed" : "none"} />
      ))}
    </span>
  );
}

/** Where to download each compared version whole (Markdown), for what the page does not show. */
export type VersionDownloads = { from: { version: number; href: string }; to: { version: number; href: string } };

export function DiffView({ diffs, downloads }: { diffs: FieldDiff[]; downloads: VersionDownloads }) {
  const shown = limitShown(diffs);
  // Word highlighting inside changed lines, for the whole page: past it, lines show unhighlighted.
  const words = diffBudget(250);
  const unchanged = diffs.filter((d) => !d.changed && d.lines.length > 0);
  const links = (
    <>
      <a href={downloads.from.href} download>
        version {downloads.from.version}
      </a>{" "}
      or{" "}
      <a href={downloads.to.href} download>
        version {downloads.to.version}
      </a>
    </>
  );
  return (
    <div className={styles.diff}>
      {shown.fields.length === 0 && <p className={styles.same}>These two versions have the same content.</p>}
      {shown.fields.map((f) => (
        <FieldDiffView key={f.diff.key} shown={f} links={links} words={words} />
      ))}
      {shown.hiddenLines > 0 && (
        <p className={styles.notShown} role="note" data-testid="diff-not-shown">
          <strong>
            {shown.hiddenLines.toLocaleString("en")} more {shown.hiddenLines === 1 ? "line" : "lines"} not shown
          </strong>
          {shown.hiddenParts.length > 0 && <> (including {shown.hiddenParts.join(", ")})</>}: this page shows at most a few thousand lines of a comparison. Download {links} to
          read either whole.
        </p>
      )}
      {unchanged.length > 0 && (
        <details className={styles.unchanged}>
          <summary>
            {unchanged.length} unchanged {unchanged.length === 1 ? "part" : "parts"}
          </summary>
          <ul>
            {unchanged.map((d) => (
              <li key={d.key}>{d.label}</li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}

const count = (n: number, one: string, many: string) => `${n.toLocaleString("en")} ${n === 1 ? one : many}`;

function FieldDiffView({ shown, links, words }: { shown: ShownField; links: ReactNode; words: DiffBudget }) {
  const { diff, chunks } = shown;
  const headingId = `diff-${diff.key}`;
  const pairs = pairChangedLines(chunks.flatMap((c) => (c.kind === "lines" ? c.lines : [])));
  const far = diff.tooDifferent;
  return (
    <section className={styles.field} aria-labelledby={headingId}>
      <header className={styles.fieldHeader}>
        <h3 id={headingId} className={styles.fieldTitle}>
          <span className={styles.group}>{GROUP_LABEL[diff.group]}</span>
          {diff.label}
        </h3>
        <Badge tone={STATUS_TONE[diff.status]} size="sm">
          {STATUS_LABEL[diff.status]}
        </Badge>
        {!far && (
          <span className={styles.fieldStats}>
            <span className={styles.added} aria-label={`${diff.stats.added} ${diff.stats.added === 1 ? "line" : "lines"} added`}>
              +{diff.stats.added}
            </span>
            <span className={styles.removed} aria-label={`${diff.stats.removed} ${diff.stats.removed === 1 ? "line" : "lines"} removed`}>
              −{diff.stats.removed}
            </span>
          </span>
        )}
      </header>
      {far ? (
        <p className={styles.tooDifferent} data-testid="diff-too-different">
          Too different to compare line by line: {count(far.oldLines, "line", "lines")} ({count(far.oldChars, "character", "characters")}) before,{" "}
          {count(far.newLines, "line", "lines")} ({count(far.newChars, "character", "characters")}) after. Download {links} to compare them.
        </p>
      ) : (
        <div className={styles.lines} role="list" aria-label={`Changes to ${diff.label}`}>
          {chunks.map((chunk, i) =>
            chunk.kind === "lines" ? (
              chunk.lines.map((line, j) => <Line key={`${i}-${j}`} line={line} pair={pairs.get(line)} words={words} />)
            ) : (
              <details key={`fold-${i}`} className={styles.fold} role="listitem">
                <summary>
                  <span aria-hidden>⋯</span> {chunk.lines.length} unchanged {chunk.lines.length === 1 ? "line" : "lines"}
                </summary>
                <div role="list">
                  {chunk.lines.map((line, j) => (
                    <Line key={j} line={line} />
                  ))}
                </div>
              </details>
            ),
          )}
          {shown.hiddenLines > 0 && (
            <div className={styles.fieldCut} role="listitem" data-testid="field-not-shown">
              <span aria-hidden>⋯</span> {count(shown.hiddenLines, "more line", "more lines")} of {diff.label} not shown
            </div>
          )}
        </div>
      )}
    </section>
  );
}

function Words({ parts, changed }: { parts: WordPart[]; changed: "delete" | "insert" }) {
  return (
    <>
      {parts.map((p, i) =>
        p.op === changed ? (
          <span key={i} className={styles.word}>
            {p.text}
          </span>
        ) : (
          p.text
        ),
      )}
    </>
  );
}

function Line({ line, pair, words: budget }: { line: DiffLine; pair?: DiffLine; words?: DiffBudget }) {
  const words = pair ? (line.op === "delete" ? diffWords(line.text, pair.text, budget) : diffWords(pair.text, line.text, budget)) : null;
  const text = line.text === "" ? "\u00a0" : line.text;
  return (
    <div className={styles.line} data-op={line.op} role="listitem">
      <span className={styles.num} aria-hidden>
        {line.oldLine ?? ""}
      </span>
      <span className={styles.num} aria-hidden>
        {line.newLine ?? ""}
      </span>
      <span className={styles.sign} aria-hidden>
        {line.op === "insert" ? "+" : line.op === "delete" ? "−" : " "}
      </span>
      {line.op === "insert" ? (
        <ins className={styles.text}>
          <span className="sr-only">Added: </span>
          {words ? <Words parts={words.new} changed="insert" /> : text}
        </ins>
      ) : line.op === "delete" ? (
        <del className={styles.text}>
          <span className="sr-only">Removed: </span>
          {words ? <Words parts={words.old} changed="delete" /> : text}
        </del>
      ) : (
        <span className={styles.text}>{text}</span>
      )}
    </div>
  );
}
