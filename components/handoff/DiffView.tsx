// What changed between two revisions, field by field and section by section: each changed one
// as a line diff (added lines green with +, removed red with −, both also marked as <ins>/<del>
// and announced as "Added"/"Removed"), unchanged stretches folded, unchanged sections counted.
import { Badge } from "@/components/ui/Badge";
import { diffWords, foldUnchanged, pairChangedLines, type DiffLine, type FieldDiff, type WordPart } from "@/lib/handoff/diff";
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

export function DiffView({ diffs }: { diffs: FieldDiff[] }) {
  const changed = diffs.filter((d) => d.changed);
  const unchanged = diffs.filter((d) => !d.changed && d.lines.length > 0);
  return (
    <div className={styles.diff}>
      {changed.length === 0 && <p className={styles.same}>These two versions have the same content.</p>}
      {changed.map((d) => (
        <FieldDiffView key={d.key} diff={d} />
      ))}
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

function FieldDiffView({ diff }: { diff: FieldDiff }) {
  const headingId = `diff-${diff.key}`;
  const pairs = pairChangedLines(diff.lines);
  const chunks = foldUnchanged(diff.lines, 3);
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
        <span className={styles.fieldStats}>
          <span className={styles.added} aria-label={`${diff.stats.added} ${diff.stats.added === 1 ? "line" : "lines"} added`}>
            +{diff.stats.added}
          </span>
          <span className={styles.removed} aria-label={`${diff.stats.removed} ${diff.stats.removed === 1 ? "line" : "lines"} removed`}>
            −{diff.stats.removed}
          </span>
        </span>
      </header>
      <div className={styles.lines} role="list" aria-label={`Changes to ${diff.label}`}>
        {chunks.map((chunk, i) =>
          chunk.kind === "lines" ? (
            chunk.lines.map((line, j) => <Line key={`${i}-${j}`} line={line} pair={pairs.get(line)} />)
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
      </div>
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

function Line({ line, pair }: { line: DiffLine; pair?: DiffLine }) {
  const words = pair ? (line.op === "delete" ? diffWords(line.text, pair.text) : diffWords(pair.text, line.text)) : null;
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
