"use client";
// The editor's live preview of one section. The server renders the page with HTML that its worker
// pool made for the section shown first (`initial`), so no Markdown is ever formatted on the
// server's request thread; after that, the browser formats each new text in a Web Worker with a
// deadline (lib/markdown/browser.ts) and keeps showing the last result until the next is ready.
import { useEffect, useState, type ReactNode } from "react";
import { preparePreview, renderPreview } from "@/lib/markdown/browser";
import { MarkdownHtml } from "@/lib/markdown/MarkdownHtml";

export type MarkdownPreviewProps = {
  source: string;
  idPrefix: string;
  headingOffset: number;
  /** A text and its HTML rendered on the server: shown as long as `source` is that text. */
  initial?: { source: string; html: string } | null;
  /** Shown when the source is empty. */
  empty?: ReactNode;
};

export function MarkdownPreview({ source, idPrefix, headingOffset, initial, empty = null }: MarkdownPreviewProps) {
  const [rendered, setRendered] = useState<{ source: string; html: string } | null>(initial ?? null);
  const blank = !source.trim();

  useEffect(preparePreview, []);

  useEffect(() => {
    if (blank || rendered?.source === source) return;
    let current = true;
    void renderPreview(source, { idPrefix, headingOffset }).then((result) => {
      // "busy" means a newer text replaced this one before it was done.
      if (current && result.fallback !== "busy") setRendered({ source, html: result.html });
    });
    return () => {
      current = false;
    };
  }, [source, idPrefix, headingOffset, blank, rendered?.source]);

  if (blank) return <>{empty}</>;
  if (!rendered) return null;
  return <MarkdownHtml html={rendered.html} />;
}
