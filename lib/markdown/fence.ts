// Fenced code blocks built from arbitrary text (notebook code cells, JSON schemas on the services
// page): the fence is longer than any backtick run inside, so the text can never close it early.
// Pure.

/** The longest run of backticks in `text`, counted in one pass (any length, any number of runs). */
export function longestBacktickRun(text: string): number {
  let longest = 0;
  let run = 0;
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) === 0x60) {
      run++;
      if (run > longest) longest = run;
    } else {
      run = 0;
    }
  }
  return longest;
}

/** A fenced Markdown code block that no backtick run inside `code` can close early. */
export function codeFence(code: string, language: string | null): string {
  const fence = "`".repeat(Math.max(3, longestBacktickRun(code) + 1));
  const info = language && /^[\w+#-]+$/.test(language) ? language : "text";
  return `${fence}${info}\n${code}\n${fence}`;
}
