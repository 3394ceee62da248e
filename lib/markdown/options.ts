// Options every Markdown renderer takes (the worker pipeline, the server's pool, the preview).

export type RenderOptions = {
  /**
   * Prefix for ids the Markdown creates (footnotes), unique per block on a page so that two
   * blocks' footnotes never collide. Letters, digits and "-".
   */
  idPrefix?: string;
  /**
   * Shift headings down so they sit under the page's own: with 2, a "# Heading" inside a section
   * (whose title is an h2) renders as an h3.
   */
  headingOffset?: number;
};

/** The id prefix as the pipeline uses it: only letters, digits, "_" and "-", then "-". */
export const markdownIdPrefix = (idPrefix: string) => `${idPrefix.replace(/[^\w-]/g, "")}-`;
