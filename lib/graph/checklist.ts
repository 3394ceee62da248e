// The share of a Markdown task list that is ticked ("- [x]" of "- [x]" and "- [ ]" items): an open
// milestone's own progress, from its acceptance criteria. Null when the text has no task list.
const TASK = /^[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+\[([ xX])\]/gm;

export function checklistFraction(markdown: string): number | null {
  let total = 0;
  let ticked = 0;
  for (const match of markdown.matchAll(TASK)) {
    total++;
    if (match[1] !== " ") ticked++;
  }
  return total === 0 ? null : ticked / total;
}
