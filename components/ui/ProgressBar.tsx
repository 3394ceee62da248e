// Progress as a bar. ProgressBar shows one value; SegmentedProgressBar stacks counts per
// status (e.g. milestones done / in progress / blocked) and explains them in a legend.
import { cx } from "./cx";
import { statusLabel, statusTone, statusValues, type StatusKind, type Tone } from "./status";
import styles from "./ProgressBar.module.css";

export type ProgressBarProps = {
  value: number;
  max?: number;
  /** Accessible name; shown above the bar when showLabel is set. */
  label: string;
  showLabel?: boolean;
  /** Text for the value, e.g. "3 of 5"; defaults to a percentage. Shown when showValue. */
  valueText?: string;
  showValue?: boolean;
  tone?: Tone | "accent";
  size?: "sm" | "md";
  className?: string;
};

export function ProgressBar({
  value,
  max = 100,
  label,
  showLabel,
  valueText,
  showValue,
  tone = "accent",
  size = "md",
  className,
}: ProgressBarProps) {
  const safeMax = max > 0 ? max : 1;
  const clamped = Math.min(Math.max(value, 0), safeMax);
  const percent = Math.round((clamped / safeMax) * 100);
  const text = valueText ?? `${percent}%`;
  return (
    <div className={cx(styles.root, className)}>
      {(showLabel || showValue) && (
        <div className={styles.labelRow} aria-hidden>
          {showLabel && <span className={styles.label}>{label}</span>}
          {showValue && <span className={styles.value}>{text}</span>}
        </div>
      )}
      <div
        className={cx(styles.track, styles[size])}
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={safeMax}
        aria-valuenow={clamped}
        aria-valuetext={text}
      >
        <div
          className={styles.fill}
          data-tone={tone === "accent" ? undefined : tone}
          style={{ width: `${(clamped / safeMax) * 100}%` }}
        />
      </div>
    </div>
  );
}

// Milestones read left to right from finished to not started.
const DEFAULT_ORDER: Partial<Record<StatusKind, string[]>> = {
  milestone: ["done", "in_progress", "blocked", "planned", "cancelled"],
  handoff: ["accepted", "in_review", "changes_requested", "draft", "archived"],
};

export type SegmentedProgressBarProps = {
  kind?: StatusKind;
  /** Count per status value, e.g. { done: 3, in_progress: 2, blocked: 1 }. */
  counts: Partial<Record<string, number>>;
  /** Order of segments; defaults to the kind's natural order. */
  order?: string[];
  /** Accessible name of the whole chart, e.g. "Milestones by status". */
  label: string;
  legend?: boolean;
  size?: "sm" | "md";
  className?: string;
};

export function SegmentedProgressBar({
  kind = "milestone",
  counts,
  order,
  label,
  legend = true,
  size = "md",
  className,
}: SegmentedProgressBarProps) {
  const values = order ?? DEFAULT_ORDER[kind] ?? statusValues(kind);
  const extra = Object.keys(counts).filter((v) => !values.includes(v));
  const segments = [...values, ...extra]
    .map((value) => ({ value, count: counts[value] ?? 0, label: statusLabel(kind, value), tone: statusTone(kind, value) }))
    .filter((s) => s.count > 0);
  const total = segments.reduce((sum, s) => sum + s.count, 0);
  const summary =
    total === 0 ? "None" : segments.map((s) => `${s.count} ${s.label.toLowerCase()}`).join(", ");

  return (
    <div className={cx(styles.root, className)} role="group" aria-label={label}>
      <div
        className={cx(styles.track, styles.segmented, styles[size])}
        role="img"
        aria-label={`${label}: ${summary}`}
      >
        {segments.map((s) => (
          <div
            key={s.value}
            className={styles.segment}
            data-tone={s.tone}
            style={{ flexGrow: s.count }}
            title={`${s.label}: ${s.count}`}
          />
        ))}
      </div>
      {legend && (
        <ul className={styles.legend} aria-hidden>
          {segments.length === 0 && <li className={styles.legendEmpty}>Nothing yet</li>}
          {segments.map((s) => (
            <li key={s.value} data-tone={s.tone}>
              <span className={styles.swatch} />
              {s.label}
              <span className={styles.count}>{s.count}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
