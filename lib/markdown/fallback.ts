// What the renderer shows when it will not or could not format a text: the text itself, escaped,
// in a block that keeps its line breaks and wraps long lines, under a short notice that says why.
// Pure (no React, no CSS import): the server's pool and the browser's preview build the same HTML.
// The class names are fixed and styled through markdown.module.css with :global.
import type { PrecheckFailure } from "./precheck";

/** Why a text is shown as plain text. */
export type FallbackReason = PrecheckFailure | "timeout" | "too-large" | "busy" | "error";

export const FALLBACK_CLASS = "md-fallback";
export const FALLBACK_NOTICE_CLASS = "md-fallback-notice";
export const FALLBACK_TEXT_CLASS = "md-fallback-text";

export const FALLBACK_NOTICES: Record<FallbackReason, string> = {
  size: "This text is too long to format; shown as plain text.",
  nesting: "This text is too deeply nested to format; shown as plain text.",
  complexity: "This text has too many repeated markers to format; shown as plain text.",
  timeout: "This text took too long to format; shown as plain text.",
  "too-large": "This text is too large to format; shown as plain text.",
  busy: "The server is busy formatting other text; this is shown as plain text for now.",
  error: "This text could not be formatted; shown as plain text.",
};

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/** The fallback block for `source`: a notice (role="note") and the text, escaped, in a <pre>. */
export function fallbackHtml(source: string, reason: FallbackReason): string {
  return (
    `<div class="${FALLBACK_CLASS}" data-fallback="${reason}">` +
    `<p class="${FALLBACK_NOTICE_CLASS}" role="note">${escapeHtml(FALLBACK_NOTICES[reason])}</p>` +
    `<pre class="${FALLBACK_TEXT_CLASS}">${escapeHtml(source)}</pre>` +
    `</div>`
  );
}
