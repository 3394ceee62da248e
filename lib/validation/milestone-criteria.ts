// Acceptance criteria as a checklist kept in the plain Markdown text field: each criterion is a
// task-list item ("- [ ] …", ticked "- [x] …"), so the text stays readable and editable as
// Markdown while the milestone page shows boxes to tick. Pure: no React, no database.

const TASK = /^(\s{0,3}[-*+]\s+)\[( |x|X)\](\s+)(.*)$/;
const BULLET = /^(\s{0,3}[-*+]\s+)(?!\[[ xX]\]\s)(\S.*)$/;

export type Criterion = { index: number; line: number; text: string; done: boolean };

/** The task-list items of the criteria, in order (index counts items, line counts lines). */
export function criteriaItems(text: string): Criterion[] {
  const items: Criterion[] = [];
  text.split("\n").forEach((raw, line) => {
    const m = TASK.exec(raw.replace(/\r$/, ""));
    if (m) items.push({ index: items.length, line, text: m[4].trim(), done: m[2] !== " " });
  });
  return items;
}

/** The criteria with item `index` ticked or unticked; null when there is no such item. */
export function tickCriterion(text: string, index: number, done: boolean): string | null {
  const item = criteriaItems(text)[index];
  if (!item) return null;
  const lines = text.split("\n");
  // A stored line may end in \r (text typed in a browser textarea arrives with CRLF).
  lines[item.line] = lines[item.line].replace(/\r$/, "").replace(TASK, (_all, lead: string, _box: string, gap: string, rest: string) => `${lead}[${done ? "x" : " "}]${gap}${rest}`);
  return lines.join("\n");
}

/** Plain bullets ("- Serves 50 requests a second") become unticked items; line ends become \n; everything else is kept. */
export function asChecklist(text: string): string {
  return text
    .split(/\r\n?|\n/)
    .map((line) => line.replace(BULLET, (_all, lead: string, rest: string) => `${lead}[ ] ${rest}`))
    .join("\n");
}

/** The criteria with its task items left out: the Markdown shown around the checklist. */
export function criteriaProse(text: string): string {
  return text
    .split("\n")
    .filter((line) => !TASK.test(line.replace(/\r$/, "")))
    .join("\n")
    .trim();
}
