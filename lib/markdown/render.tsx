// <Markdown>: untrusted Markdown for handoffs, service descriptions, milestones and comments,
// rendered on the server. An async server component: the text is formatted by the worker pool
// with a time budget (lib/markdown/server.ts), never on the request's thread; text that is too
// large, too deeply nested or too slow to format is shown as escaped plain text with a notice.
// The pipeline and its safety properties are described in lib/markdown/pipeline.ts.
import type { ReactNode } from "react";
import { MarkdownHtml } from "./MarkdownHtml";
import type { RenderOptions } from "./options";
import { renderMarkdown } from "./server";

export type MarkdownProps = RenderOptions & {
  source: string | null | undefined;
  /** "compact" for comments and table cells: smaller type, tighter spacing. */
  variant?: "default" | "compact";
  /** Shown when the source is empty; nothing by default. */
  empty?: ReactNode;
  className?: string;
};

/** Renders untrusted Markdown safely on the server. */
export async function Markdown({ source, idPrefix, headingOffset, variant = "default", empty = null, className }: MarkdownProps) {
  const text = source ?? "";
  if (!text.trim()) return <>{empty}</>;
  const { html } = await renderMarkdown(text, { idPrefix, headingOffset });
  return <MarkdownHtml html={html} variant={variant} className={className} />;
}
