"use client";
// The editor's left column: the legibility checklist. How complete the handoff is, then every
// template section in order (written, required and empty, or optional), then the free notes;
// each entry moves to its editor.
import { ProgressBar } from "@/components/ui/ProgressBar";
import { handoffCompleteness, isSectionFilled } from "@/lib/handoff/completeness";
import type { TemplateSection } from "@/lib/validation/template";
import type { EditorContent } from "./content";
import { BODY, PAPER } from "./SectionBlock";
import styles from "./outline.module.css";

type Props = {
  content: EditorContent;
  template: TemplateSection[];
  /** The template's sections, then sections kept from an earlier template. */
  sections: TemplateSection[];
  templateName: string;
  focused: string;
  onGo: (key: string) => void;
  /** Set when the handoff can be submitted for review (a draft, or changes requested): its read view, where that is done. */
  submitHref?: string;
};

export function ChecklistOutline({ content, template, sections, templateName, focused, onGo, submitHref }: Props) {
  const completeness = handoffCompleteness(content.sections, template);
  return (
    <nav className={styles.outline} aria-label="Legibility checklist">
      <div className={styles.score}>
        <div className={styles.scoreRow}>
          <span className={styles.scoreValue} data-complete={completeness.percent === 100 || undefined} data-testid="completeness">
            {completeness.percent}%
          </span>
          <span className={styles.scoreText}>
            {completeness.filled} of {completeness.required} required
            <br />
            {completeness.optionalFilled} of {completeness.optional} optional
          </span>
        </div>
        <ProgressBar
          value={completeness.filled}
          max={completeness.required}
          label="Required sections written"
          valueText={`${completeness.filled} of ${completeness.required}`}
          tone={completeness.percent === 100 ? "green" : completeness.percent >= 60 ? "accent" : "amber"}
          size="sm"
        />
        {submitHref && completeness.missing.length === 0 && (
          <p className={styles.ready}>
            Every required section is written. Save, then <a href={submitHref}>submit it for review</a> from the handoff&apos;s page.
          </p>
        )}
      </div>
      <p className={styles.outlineLabel}>{templateName}</p>
      <ol className={styles.outlineList}>
        <li>
          <button type="button" className={styles.outlineItem} onClick={() => onGo(PAPER)}>
            <span className={styles.mark} data-state={content.paperTitle.trim() ? "filled" : "optional"} aria-hidden />
            <span className={styles.outlineTitle}>Paper</span>
          </button>
        </li>
        {sections.map((s) => {
          const filled = isSectionFilled(content.sections[s.key]);
          const markState = filled ? "filled" : s.required ? "required" : "optional";
          return (
            <li key={s.key}>
              <button
                type="button"
                className={styles.outlineItem}
                onClick={() => onGo(s.key)}
                aria-current={focused === s.key ? "true" : undefined}
                data-testid={`outline-${s.key}`}
                data-state={markState}
              >
                <span className={styles.mark} data-state={markState} aria-hidden />
                <span className={styles.outlineTitle}>{s.title}</span>
                <span className="sr-only">{filled ? " (written)" : s.required ? " (required, empty)" : " (empty)"}</span>
              </button>
            </li>
          );
        })}
        <li>
          <button type="button" className={styles.outlineItem} onClick={() => onGo(BODY)} aria-current={focused === BODY ? "true" : undefined}>
            <span className={styles.mark} data-state={isSectionFilled(content.body) ? "filled" : "optional"} aria-hidden />
            <span className={styles.outlineTitle}>Notes</span>
          </button>
        </li>
      </ol>
      <ul className={styles.legend} aria-hidden>
        <li>
          <span className={styles.mark} data-state="filled" /> Written
        </li>
        <li>
          <span className={styles.mark} data-state="required" /> Required
        </li>
        <li>
          <span className={styles.mark} data-state="optional" /> Optional
        </li>
      </ul>
    </nav>
  );
}
