// Where a JSON document goes wrong, as a person reading it would say: line and column, and what
// was expected there. Pure; used by the notebook parser (lib/import/notebook.ts) for its messages.

/** 1-based line and column of a UTF-16 offset in `text`. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  const at = Math.max(0, Math.min(offset, text.length));
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf("\n"); i !== -1 && i < at; i = text.indexOf("\n", i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: at - lineStart + 1 };
}

const describeChar = (ch: string) => (ch === undefined ? "end of input" : `'${ch}'`);

/**
 * Finds the first syntax error in `text` as a JSON document: where it is and what was expected.
 * Node 20's JSON.parse names the position only for some errors ("Unexpected token ']', "[1,]" is
 * not valid JSON" has none), so this small scanner locates it. Iterative, so deep nesting is fine.
 * Returns null if the text is valid JSON.
 */
export function locateJsonError(text: string): { offset: number; reason: string } | null {
  const n = text.length;
  const stack: ("{" | "[")[] = [];
  type State = "value" | "valueOrEnd" | "key" | "keyOrEnd" | "colon" | "after";
  let state: State = "value";
  let i = 0;

  const scanString = (): { offset: number; reason: string } | null => {
    i++; // opening quote
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        i++;
        return null;
      }
      if (c < 0x20) return { offset: i, reason: "unescaped control character in string" };
      if (c === 0x5c) {
        const next = text[i + 1];
        if (next === "u") {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) return { offset: i, reason: "bad \\u escape in string" };
          i += 6;
          continue;
        }
        if (next === undefined || !'"\\/bfnrt'.includes(next)) return { offset: i, reason: "bad escape in string" };
        i += 2;
        continue;
      }
      i++;
    }
    return { offset: n, reason: "unterminated string" };
  };

  const scanNumber = (): { offset: number; reason: string } | null => {
    const match = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
    match.lastIndex = i;
    const m = match.exec(text);
    if (!m || m[0] === "-") return { offset: i + (m?.[0].length ?? 0), reason: "invalid number" };
    i += m[0].length;
    // "1." or "1e" or "01": the regex stops early; the character after it is the problem.
    const next = text[i];
    if (next !== undefined && /[.eE\d]/.test(next)) return { offset: i, reason: "invalid number" };
    return null;
  };

  for (;;) {
    while (i < n && (text[i] === " " || text[i] === "\t" || text[i] === "\n" || text[i] === "\r")) i++;
    if (i >= n) return state === "after" && stack.length === 0 ? null : { offset: n, reason: "unexpected end of input" };
    const ch = text[i];
    switch (state) {
      case "value":
      case "valueOrEnd": {
        if (state === "valueOrEnd" && ch === "]") {
          stack.pop();
          i++;
          state = "after";
          break;
        }
        if (ch === "{") {
          stack.push("{");
          i++;
          state = "keyOrEnd";
          break;
        }
        if (ch === "[") {
          stack.push("[");
          i++;
          state = "valueOrEnd";
          break;
        }
        const error = ch === '"' ? scanString() : ch === "-" || (ch >= "0" && ch <= "9") ? scanNumber() : null;
        if (error) return error;
        if (ch === '"' || ch === "-" || (ch >= "0" && ch <= "9")) {
          state = "after";
          break;
        }
        const literal = ["true", "false", "null"].find((word) => word[0] === ch);
        if (!literal) return { offset: i, reason: `unexpected ${describeChar(ch)}` };
        for (let k = 0; k < literal.length; k++) {
          if (text[i + k] !== literal[k]) return { offset: i + k, reason: `unexpected ${describeChar(text[i + k])}` };
        }
        i += literal.length;
        state = "after";
        break;
      }
      case "key":
      case "keyOrEnd": {
        if (state === "keyOrEnd" && ch === "}") {
          stack.pop();
          i++;
          state = "after";
          break;
        }
        if (ch !== '"') return { offset: i, reason: `expected a double-quoted property name, found ${describeChar(ch)}` };
        const error = scanString();
        if (error) return error;
        state = "colon";
        break;
      }
      case "colon":
        if (ch !== ":") return { offset: i, reason: `expected ':' after property name, found ${describeChar(ch)}` };
        i++;
        state = "value";
        break;
      case "after": {
        const top = stack[stack.length - 1];
        if (!top) return { offset: i, reason: `unexpected ${describeChar(ch)} after the end of the JSON document` };
        if (ch === ",") {
          i++;
          state = top === "{" ? "key" : "value";
        } else if ((top === "{" && ch === "}") || (top === "[" && ch === "]")) {
          stack.pop();
          i++;
        } else {
          const close = top === "{" ? "'}' after property value" : "']' after array element";
          return { offset: i, reason: `expected ',' or ${close}, found ${describeChar(ch)}` };
        }
        break;
      }
    }
  }
}
