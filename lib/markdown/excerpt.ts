// Plain text from Markdown for lists and previews. Pure: no React, no CSS, usable anywhere.

/**
 * How much of the source an excerpt looks at. The patterns below can backtrack over the text
 * after each bracket ("[" x50,000 took 14 s), so they only ever see the start of it, which is all
 * an excerpt shows anyway.
 */
const EXCERPT_SOURCE_CHARS = 2_000;

/** A plain-text excerpt of Markdown for lists: markup stripped, cut at a word boundary. */
export function markdownExcerpt(source: string, max = 160): string {
  const plain = source
    .slice(0, Math.max(EXCERPT_SOURCE_CHARS, max * 4))
    .replace(/```[\s\S]*?```/g, " ")
    .replace(/\$\$[\s\S]*?\$\$/g, " ")
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/\[([^\]]+)\]\([^)]*\)/g, "$1")
    .replace(/`([^`]*)`/g, "$1")
    .replace(/^\s{0,3}(?:#{1,6}\s+|>\s?|[-*+]\s+|\d+[.)]\s+)/gm, "")
    .replace(/[*_~|]+/g, "")
    .replace(/\s+/g, " ")
    .trim();
  if (plain.length <= max) return plain;
  const cut = plain.slice(0, max);
  const space = cut.lastIndexOf(" ");
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,.;:]+$/, "")}…`;
}
