"use client";
// One section of the editor: its title, whether it is required or written, its guidance, the
// Markdown editor, a counter as the text nears its cap (docs/limits.md), and the server's error.
import { useCallback } from "react";
import { Badge } from "@/components/ui/Badge";
import { IconCheckCircle } from "@/components/ui/icons";
import { isSectionFilled } from "@/lib/handoff/completeness";
import { LIMITS, formatCount } from "@/lib/validation/limits";
import type { TemplateSection } from "@/lib/validation/template";
import { MarkdownEditor } from "./MarkdownEditor";
import styles from "./section-block.module.css";

/** The free notes after the checklist, and the paper block: not sections, but places the outline moves to. */
export const BODY = "body";
export const PAPER = "paper";

export const editorId = (key: string) => `editor-${key}`;
export const blockId = (key: string) => `edit-${key}`;

export function SectionBlock({
  section,
  value,
  onChange,
  onFocus,
  focused,
  error,
  note,
  max = LIMITS.handoff.section,
  minLines = 4,
}: {
  section: TemplateSection;
  value: string;
  onChange: (key: string, text: string) => void;
  onFocus: (key: string) => void;
  focused: boolean;
  error?: string[];
  note?: string;
  /** The field's cap (docs/limits.md); a counter appears as the text nears it. */
  max?: number;
  minLines?: number;
}) {
  const filled = isSectionFilled(value);
  const headingId = `${blockId(section.key)}-title`;
  const helpId = `${blockId(section.key)}-help`;
  const change = useCallback((text: string) => onChange(section.key, text), [onChange, section.key]);
  const focus = useCallback(() => onFocus(section.key), [onFocus, section.key]);
  return (
    <section id={blockId(section.key)} className={styles.sectionBlock} aria-labelledby={headingId} data-focused={focused || undefined}>
      <header className={styles.sectionHead}>
        <h2 id={headingId} className={styles.sectionTitle}>
          {section.title}
        </h2>
        {section.required && !filled && (
          <Badge size="sm" tone="amber">
            Required
          </Badge>
        )}
        {filled && <IconCheckCircle size={14} className={styles.sectionDone} aria-label="Written" />}
        {note && <span className={styles.sectionNote}>{note}</span>}
      </header>
      {section.guidance && (
        // Shown as the editor's placeholder while the section is empty; kept as help once written.
        <p className={filled ? styles.sectionHelp : "sr-only"} id={helpId} title={section.guidance}>
          {section.guidance}
        </p>
      )}
      <MarkdownEditor
        id={editorId(section.key)}
        label={section.title}
        value={value}
        onChange={change}
        onFocus={focus}
        placeholder={section.guidance || "Write in Markdown"}
        minLines={minLines}
        describedBy={section.guidance ? helpId : undefined}
      />
      {value.length > max * 0.9 && (
        <p className={value.length > max ? styles.fieldError : styles.sectionHelp} role="status">
          {formatCount(value.length)} of at most {formatCount(max)} characters
        </p>
      )}
      {error && <p className={styles.fieldError}>{error.join(" ")}</p>}
    </section>
  );
}
