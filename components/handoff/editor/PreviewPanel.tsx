"use client";
// The editor's right column: the section being edited as readers will see it, rendered by the
// read view's own pipeline (MarkdownPreview: a Web Worker with a deadline).
import { MarkdownPreview } from "./MarkdownPreview";
import styles from "./preview.module.css";

type Props = {
  title: string;
  source: string;
  /** The first section's HTML from the server, shown until the worker answers. */
  initial?: { source: string; html: string } | null;
  onClose: () => void;
};

export function PreviewPanel({ title, source, initial, onClose }: Props) {
  return (
    <aside className={styles.preview} id="handoff-preview" aria-label="Preview">
      <div className={styles.previewHead}>
        <span className={styles.previewLabel}>Preview</span>
        <span className={styles.previewTitle}>{title}</span>
        <button type="button" className={styles.previewClose} onClick={onClose} aria-label="Close preview">
          ×
        </button>
      </div>
      <div className={styles.previewBody} data-testid="preview">
        <MarkdownPreview
          source={source}
          idPrefix="preview"
          headingOffset={2}
          initial={initial}
          empty={<p className={styles.previewEmpty}>Nothing to preview yet. As you write, this section appears here as readers will see it: Markdown, tables, math between dollar signs and fenced code.</p>}
        />
      </div>
    </aside>
  );
}
