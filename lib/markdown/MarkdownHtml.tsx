// Shows Markdown that was already rendered to sanitised HTML (by lib/markdown/server.ts on the
// server, or by the preview's Web Worker in the browser) in the app's prose style. Usable on both
// sides: no rendering happens here.
import "katex/dist/katex.min.css";
import styles from "./markdown.module.css";

export type MarkdownHtmlProps = {
  /** HTML from renderMarkdown() or the preview worker: sanitised, or the escaped fallback. */
  html: string;
  /** "compact" for comments and table cells: smaller type, tighter spacing. */
  variant?: "default" | "compact";
  className?: string;
};

export function markdownClassName(variant: MarkdownHtmlProps["variant"] = "default", className?: string): string {
  return [styles.prose, variant === "compact" ? styles.compact : "", className ?? ""].filter(Boolean).join(" ");
}

export function MarkdownHtml({ html, variant = "default", className }: MarkdownHtmlProps) {
  return <div className={markdownClassName(variant, className)} dangerouslySetInnerHTML={{ __html: html }} />;
}
