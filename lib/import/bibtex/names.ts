// BibTeX name lists: "Devlin, Jacob and Chang, Ming-Wei and others".
import { decodeLatex } from "./latex";

/**
 * The names in a raw (undecoded) author or editor value, each as "First Last". Names are
 * separated by "and" at brace depth 0 (so {Barnes and Noble} is one name); "Last, First" and
 * "Last, Jr, First" are reordered. "others" (BibTeX's "et al.") is omitted: the list holds
 * only people who are named.
 */
export function parseNames(raw: string): string[] {
  const names: string[][] = [[]];
  for (const word of wordsAtDepthZero(raw)) {
    if (word.toLowerCase() === "and") names.push([]);
    else names[names.length - 1].push(word);
  }
  return names
    .map((words) => formatName(words.join(" ")))
    .filter((name) => name !== "" && name.toLowerCase() !== "others");
}

function formatName(name: string): string {
  const parts = splitAtDepthZero(name, ",").map((p) => decodeLatex(p)).filter((p) => p !== "");
  if (parts.length <= 1) return parts[0] ?? "";
  const [last, ...rest] = parts;
  const first = rest.at(-1)!;
  const jr = rest.length > 1 ? rest.slice(0, -1).join(" ") : "";
  return [first, last, jr].filter(Boolean).join(" ");
}

/** Whitespace-separated words, where whitespace inside braces does not separate. */
function wordsAtDepthZero(s: string): string[] {
  return splitAtDepthZero(s, /\s/).filter((w) => w !== "");
}

function splitAtDepthZero(s: string, separator: string | RegExp): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === "\\") i++;
    else if (c === "{") depth++;
    else if (c === "}") depth = Math.max(0, depth - 1);
    else if (depth === 0 && (typeof separator === "string" ? c === separator : separator.test(c))) {
      parts.push(s.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(s.slice(start));
  return parts;
}
