// A corpus of pathological Markdown: inputs that make a CommonMark/GFM parser, KaTeX or the
// highlighter take seconds to minutes, or overflow the stack. The first ones are the exact inputs
// measured in issue 7; the rest are their relatives. Pure data, shared by the corpus test
// (lib/markdown/pathological.test.ts), the benchmark (bench/handoff.bench.mjs) and the browser test.
//
// Each input is at most SECTION_SIZE characters, the size of one handoff section.

export const SECTION_SIZE = 100_000;

export type PathologicalInput = { name: string; source: string };

/** Repeats `unit` as often as fits in `size` characters. */
const fill = (unit: string, size = SECTION_SIZE) => unit.repeat(Math.floor(size / unit.length));

/** Indented list items, each nested one level deeper than the last, up to `size` characters. */
function indentedList(marker: string, size: number): string {
  const lines: string[] = [];
  let length = 0;
  for (let depth = 0; ; depth++) {
    const line = `${" ".repeat(depth * (marker.length + 1))}${marker} item ${depth}\n`;
    if (length + line.length > size) break;
    lines.push(line);
    length += line.length;
  }
  return lines.join("");
}

/** `count` footnote references in one paragraph, then their definitions. */
function footnotes(count: number): string {
  const refs = Array.from({ length: count }, (_, i) => `a[^${i + 1}]`).join(" ");
  const defs = Array.from({ length: count }, (_, i) => `[^${i + 1}]: note ${i + 1}`).join("\n");
  return `${refs}\n\n${defs}\n`;
}

export const PATHOLOGICAL: PathologicalInput[] = [
  // Measured in issue 7.
  { name: '"- " x49,990 (bullets nested on one line)', source: "- ".repeat(49_990) },
  { name: '"1. " x33,000 (ordered items nested on one line)', source: "1. ".repeat(33_000) },
  { name: '"a\\n---\\n" x16,000 (setext headings)', source: "a\n---\n".repeat(16_000) },
  { name: '">" x99,990 (blockquotes)', source: ">".repeat(99_990) },
  { name: '"*" x49,990 + letter + "*" x49,990 (emphasis run)', source: `${"*".repeat(49_990)}a${"*".repeat(49_990)}` },
  { name: "10,000 chars of nested list markers", source: "- ".repeat(5_000) },
  { name: 'comment of "- " x4,999', source: "- ".repeat(4_999) },
  // "- - - -" alone is a thematic break; a last item with text makes it 49,990 nested lists.
  { name: '"- " x49,990 + "a"', source: `${"- ".repeat(49_990)}a` },
  { name: 'comment of "- " x4,999 + "a"', source: `${"- ".repeat(4_999)}a` },
  { name: '"1. " x33,000 + "a"', source: `${"1. ".repeat(33_000)}a` },
  // Relatives.
  { name: '"> " x49,990 (spaced blockquotes)', source: "> ".repeat(49_990) },
  { name: '">- " x33,000 (quote and list, alternating)', source: ">- ".repeat(33_000) },
  { name: '"* " x25,000, then "+ " x24,990', source: `${"* ".repeat(25_000)}\n\n${"+ ".repeat(24_990)}` },
  { name: "indented nested bullets", source: indentedList("-", SECTION_SIZE) },
  { name: "indented nested ordered items", source: indentedList("1.", SECTION_SIZE) },
  { name: '"_" x49,990 + letter + "_" x49,990', source: `${"_".repeat(49_990)}a${"_".repeat(49_990)}` },
  { name: "alternating *a and **b emphasis", source: fill("*a **b ") },
  { name: '"a\\n===\\n" x16,000 (setext headings, level 1)', source: "a\n===\n".repeat(16_000) },
  { name: "table with 5,000 columns and 5 rows", source: [fill("|a", 10_000), fill("|-", 10_000), ...Array.from({ length: 5 }, () => fill("|1", 10_000))].join("|\n") + "|\n" },
  { name: "table with 10 columns and 9,000 rows", source: `|a|b|c|d|e|f|g|h|i|j|\n|-|-|-|-|-|-|-|-|-|-|\n${fill("|1|2|3|4|5|6|7|8|9|0|\n", SECTION_SIZE - 50)}` },
  { name: '"[" x50,000 + "]" x49,990 (nested brackets)', source: `${"[".repeat(50_000)}${"]".repeat(49_990)}` },
  { name: '"[a](" x25,000 (nested link openers)', source: fill("[a](") },
  { name: '"[" x16,000 + "a" + "](x)" x16,000 (nested links)', source: `${"[".repeat(16_000)}a${"](x)".repeat(16_000)}` },
  { name: '"![" x50,000 (image openers)', source: fill("![") },
  { name: "\\frac nested 5,000 deep", source: `$${"\\frac{".repeat(5_000)}1${"}{2}".repeat(5_000)}$` },
  { name: "\\left( x1,000", source: `$$\n${"\\left(".repeat(1_000)}x${"\\right)".repeat(1_000)}\n$$` },
  { name: "one 100,000-character formula", source: `$$\n${fill("x^2+", SECTION_SIZE - 10)}1\n$$` },
  { name: "20,000 small formulas", source: fill("$x$ ") },
  { name: "braces nested 30,000 deep in a formula", source: `$${"{".repeat(30_000)}x${"}".repeat(30_000)}$` },
  { name: '"`" x99,990 (one backtick run)', source: "`".repeat(99_990) },
  { name: "backtick runs of growing length", source: (() => { let s = ""; for (let n = 1; s.length + n + 1 <= SECTION_SIZE; n++) s += `${"`".repeat(n)}a`; return s; })() },
  { name: "a fenced code block of 100,000 characters", source: `\`\`\`python\n${fill("x = [1, 2, (3, {4: '5'})]  # comment\n", SECTION_SIZE - 20)}\`\`\`\n` },
  { name: "3,500 footnotes", source: footnotes(3_500) },
  { name: "20,000 autolinks", source: fill("www.a.io ") },
  { name: '"<" x99,990 (raw HTML openers)', source: "<".repeat(99_990) },
  { name: '"\\\\" + "*" alternating escapes', source: fill("\\*") },
  { name: "a line of 100,000 letters", source: "a".repeat(SECTION_SIZE) },
  // Found by the hostile review after issue 7 (2.3 s to 18 s each in the worker, or a 41 MB page),
  // and the relatives measured with them: micromark resolves "]" and "*", "_", "~" by looking
  // back over the paragraph, so their number squared is the cost.
  { name: '"a]" x40,000 (label ends without a start)', source: "a]".repeat(40_000) },
  { name: '"*a_" x33,000 (mixed emphasis delimiters)', source: fill("*a_") },
  { name: '"*a**_" x20,000', source: fill("*a**_") },
  { name: '"a_b*" x25,000', source: fill("a_b*") },
  { name: '"a](b " x20,000 (label ends before a resource)', source: fill("a](b ") },
  { name: '"a]b[" x25,000', source: fill("a]b[") },
  { name: '"[a]: " x20,000 (definition-like labels)', source: fill("[a]: ") },
  { name: '"~a" x50,000 (strikethrough delimiters)', source: fill("~a") },
  { name: '"`a" x50,000 (single backticks)', source: fill("`a") },
  { name: '"<a " x33,000 (autolink and HTML openers)', source: fill("<a ") },
  { name: '"[a" x50,000 (label starts)', source: fill("[a") },
  { name: "table with 2,000 columns over 30,000 short rows (table bomb)", source: `${fill("|a", 4_000)}|\n${fill("|-", 4_000)}|\n${fill("|1\n", SECTION_SIZE - 8_010)}` },
  { name: "table with 1,000 columns and 40 rows", source: [fill("|a", 2_000), fill("|-", 2_000), ...Array.from({ length: 40 }, () => fill("|1", 2_000))].join("|\n") + "|\n" },
  // Found by the second hostile review: a line that only looks like a fence made the pre-check
  // skip what followed, which micromark then parsed as Markdown (8 to 11 s per field).
  { name: 'an indented "```" after a paragraph, then "*a_" runs', source: `intro\n    \`\`\`\n${fill("*a_", SECTION_SIZE - 20)}` },
  { name: 'a "```x`" line (not a fence), then "a]" runs', source: `\`\`\`x\`\n${fill("a]", SECTION_SIZE - 10)}` },
  { name: 'a "```" inside a list item, then "*a_" runs', source: `- a\n\n       \`\`\`\n${fill("*a_", SECTION_SIZE - 20)}` },
  { name: 'a "```" inside an HTML comment, then "a]" runs', source: `<!--\n\n\`\`\`\n-->\n${fill("a]", SECTION_SIZE - 20)}` },
  { name: '"a]" on 33,000 lines of one paragraph behind a fake fence', source: `    \`\`\`\n${"a]\n".repeat(33_000)}` },
];
