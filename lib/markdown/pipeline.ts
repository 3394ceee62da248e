// The Markdown pipeline: GitHub-flavoured Markdown, math typeset by KaTeX and fenced code
// highlighted by highlight.js, to sanitised HTML. Pure and synchronous, with no React and no CSS,
// so that it runs in a worker thread on the server (lib/markdown/worker.ts, bundled by
// scripts/build-markdown-worker.mjs) and in a Web Worker in the browser (the editor's preview).
//
// Safety: raw HTML in the source is never rendered (remark-rehype drops it, there is no
// rehype-raw), rehype-sanitize runs after every transform that works on the source, with
// GitHub's schema extended only by what KaTeX and the highlighter emit (class names, KaTeX's
// inline layout styles, its SVG glyphs), and URLs are filtered again after it: links keep
// http(s), mailto and relative targets, images only http(s). hast-util-to-html then escapes every
// text and attribute value it writes. The only class names added after the sanitizer are the
// fixed ones below, styled through markdown.module.css with :global.
import { toHtml } from "hast-util-to-html";
import { unified } from "unified";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import remarkGfm from "remark-gfm";
import remarkMath from "remark-math";
import katex from "katex";
import { fromHtmlIsomorphic } from "hast-util-from-html-isomorphic";
import rehypeHighlight from "rehype-highlight";
import rehypeSanitize, { defaultSchema, type Options as SanitizeSchema } from "rehype-sanitize";
import { LIMITS } from "@/lib/validation/limits";
import { markdownIdPrefix, type RenderOptions } from "./options";

/** A link whose target was dropped (javascript:, data:...): shown as struck-through text. */
export const DEAD_LINK_CLASS = "md-dead-link";
/** The scrolling wrapper around every table. */
export const TABLE_WRAP_CLASS = "md-table-wrap";

/**
 * The longest formula KaTeX is given. A longer one is shown as its TeX in code, under a notice
 * (FORMULA_TOO_LONG_CLASS), and the rest of the text is formatted as usual: one 100,000-character
 * formula took KaTeX past the 8 s deadline and cost the whole text its formatting.
 */
export const MARKDOWN_MAX_FORMULA_CHARS = LIMITS.markdown.formulaChars;
/** The wrapper of a formula over MARKDOWN_MAX_FORMULA_CHARS; its notice has the "-notice" suffix. */
export const FORMULA_TOO_LONG_CLASS = "md-formula-too-long";

/** One class name token: what KaTeX ("mord", "vlist-t2", "reset-size6") and highlight.js ("hljs-title") emit. */
const CLASS_TOKEN = /^[A-Za-z][\w-]*$/;

/**
 * The inline styles KaTeX uses to lay out formulas ("height:0.6833em;vertical-align:-0.15em"):
 * only the properties it sets, and values without parentheses, quotes, slashes or colons, so no
 * url(), expression() or escapes can get through.
 */
const KATEX_STYLE =
  /^(?:\s*(?:background-color|border-bottom-width|border-color|border-right-style|border-right-width|border-style|border-top-width|border-width|bottom|color|height|left|margin|margin-left|margin-right|margin-top|min-width|padding-left|position|text-shadow|top|vertical-align|width)\s*:\s*[-+#\w.%, ]+;?)*\s*$/;

const LENGTH = /^-?[\d.]+(?:em|ex|px|%)?$/;

export const sanitizeSchema: SanitizeSchema = {
  ...defaultSchema,
  tagNames: [...(defaultSchema.tagNames ?? []), "svg", "path", "line"],
  attributes: {
    ...defaultSchema.attributes,
    code: [["className", CLASS_TOKEN]],
    span: [
      ["className", CLASS_TOKEN],
      ["style", KATEX_STYLE],
      ["ariaHidden", "true", true],
      ["role", "img"],
      "ariaLabel",
    ],
    div: [...(defaultSchema.attributes?.div ?? []), ["className", CLASS_TOKEN], ["role", "img"], "ariaLabel"],
    pre: [["className", CLASS_TOKEN]],
    svg: [
      ["width", LENGTH],
      ["height", LENGTH],
      ["viewBox", /^[-\d.\s]+$/],
      ["preserveAspectRatio", /^[\w ]+$/],
      ["style", KATEX_STYLE],
      "xmlns",
    ],
    path: [["d", /^[-\w\s.,]+$/]],
    line: [
      ["x1", LENGTH],
      ["y1", LENGTH],
      ["x2", LENGTH],
      ["y2", LENGTH],
      ["strokeWidth", LENGTH],
    ],
  },
  // Markdown can only create ids through footnotes, and remark-rehype already prefixes those
  // (idPrefix below); prefixing twice would break footnote links.
  clobberPrefix: "",
  protocols: {
    ...defaultSchema.protocols,
    href: ["http", "https", "mailto"],
    src: ["http", "https"],
  },
};

/**
 * Keeps a link target only if it is http(s), mailto or relative (a path, query or fragment),
 * and an image source only if it is http(s). Everything else becomes "", which the renderers
 * below treat as "no link" / "no image".
 */
export function safeUrl(url: string, key: string): string {
  const value = url.trim();
  // Browsers ignore tabs, newlines and other control characters inside a scheme ("java\tscript:").
  const compact = value.replace(/[\u0000-\u0020\u007f]/g, "").toLowerCase();
  if (key === "src") return /^https?:\/\//.test(compact) ? value : "";
  if (/^(?:https?|mailto):/.test(compact)) return value;
  // Any other scheme (a colon before the first "/", "?" or "#"), or a protocol-relative URL.
  if (/^[^/?#]*:/.test(compact) || /^[/\\]{2}/.test(compact)) return "";
  return value;
}

// Minimal hast shapes for the one small plugin below (the full types are a transitive dependency).
type HastText = { type: "text"; value: string };
type HastElement = { type: "element"; tagName: string; properties: Record<string, unknown>; children: HastNode[] };
type HastNode = HastText | HastElement | { type: string; children?: HastNode[] };

function hastText(node: HastNode): string {
  if (node.type === "text") return (node as HastText).value;
  return "children" in node && node.children ? node.children.map(hastText).join("") : "";
}

function isMathCode(node: HastNode): boolean {
  if (node.type !== "element") return false;
  const el = node as HastElement;
  const classes = el.properties.className;
  return el.tagName === "code" && Array.isArray(classes) && classes.includes("language-math");
}

const el = (tagName: string, properties: Record<string, unknown>, children: HastNode[]): HastElement => ({ type: "element", tagName, properties, children });

const KATEX_OPTIONS = {
  output: "html",
  // A formula with an error renders as its source, marked, instead of failing the document.
  throwOnError: false,
  strict: "ignore",
  trust: false,
  // A formula cannot draw a page-sized box or expand macros forever.
  maxSize: 25,
  maxExpand: 500,
  errorColor: "currentColor",
} as const;

/**
 * Typeset formulas by TeX source and mode, each distinct one once: documents repeat their
 * symbols ($r$, $\mathbf{x}_t$), and the editor's live preview re-renders the whole text on every
 * keystroke while only one formula changes. Bounded; callers get their own copy of the nodes.
 */
const formulaCache = new Map<string, HastNode[]>();
const FORMULA_CACHE_MAX = 5000;

function typeset(tex: string, displayMode: boolean): HastNode[] {
  const key = `${displayMode ? "D" : "I"}${tex}`;
  let nodes = formulaCache.get(key);
  if (!nodes) {
    try {
      nodes = fromHtmlIsomorphic(katex.renderToString(tex, { ...KATEX_OPTIONS, displayMode }), { fragment: true }).children as HastNode[];
    } catch (error) {
      // KaTeX reports TeX errors inline itself; this is for anything else it throws.
      nodes = [el("span", { className: ["katex-error"], title: String(error) }, [{ type: "text", value: tex } as HastText])];
    }
    formulaCache.set(key, nodes);
    if (formulaCache.size > FORMULA_CACHE_MAX) formulaCache.delete(formulaCache.keys().next().value!);
  }
  return structuredClone(nodes);
}

/** A formula over the cap: a notice, then its TeX as code (escaped like any text). */
function tooLongFormula(tex: string, displayMode: boolean): HastElement {
  const notice = el("span", { className: [`${FORMULA_TOO_LONG_CLASS}-notice`] }, [
    { type: "text", value: `This formula is too long to typeset (${tex.length.toLocaleString("en-US")} characters; at most ${MARKDOWN_MAX_FORMULA_CHARS.toLocaleString("en-US")}); shown as TeX.` } as HastText,
  ]);
  const code = el("code", { className: ["language-text"] }, [{ type: "text", value: tex } as HastText]);
  return displayMode
    ? el("div", { className: [FORMULA_TOO_LONG_CLASS] }, [notice, el("pre", {}, [code])])
    : el("span", { className: [FORMULA_TOO_LONG_CLASS] }, [notice, { type: "text", value: " " } as HastText, code]);
}

/**
 * Runs first on the HTML tree. Typesets math with KaTeX: each formula is wrapped in an element
 * with role="img" whose accessible name is the TeX source, because KaTeX's HTML output is hidden
 * from assistive technology. Also gives the footnotes heading, the one id that remark-rehype does
 * not prefix, this block's prefix, so several blocks on a page never share it.
 */
function rehypePrepare(options: { idPrefix: string }) {
  const label = `${options.idPrefix}footnote-label`;
  const walk = (node: HastNode) => {
    if (!("children" in node) || !node.children) return;
    node.children = node.children.map((child): HastNode => {
      if (child.type !== "element") return child;
      const element = child as HastElement;
      if (element.tagName === "pre" && element.children.length === 1 && isMathCode(element.children[0])) {
        const tex = hastText(element).trim();
        if (tex.length > MARKDOWN_MAX_FORMULA_CHARS) return tooLongFormula(tex, true);
        return el("div", { className: ["math-block"], role: "img", ariaLabel: tex }, typeset(tex, true));
      }
      if (isMathCode(element)) {
        const tex = hastText(element).trim();
        const classes = element.properties.className as string[];
        if (tex.length > MARKDOWN_MAX_FORMULA_CHARS) return tooLongFormula(tex, classes.includes("math-display"));
        return el("span", { className: ["math-text"], role: "img", ariaLabel: tex }, typeset(tex, classes.includes("math-display")));
      }
      if (element.properties.id === "footnote-label") element.properties.id = label;
      const describedBy = element.properties.ariaDescribedBy;
      if (Array.isArray(describedBy)) element.properties.ariaDescribedBy = describedBy.map((id) => (id === "footnote-label" ? label : id));
      walk(element);
      return element;
    });
  };
  return (tree: HastNode) => walk(tree);
}


const isExternal = (href: string) => /^(?:https?:)?\/\//i.test(href);
const HEADING = /^h([1-6])$/;

/**
 * Runs after the sanitizer, on what it let through, and only rewrites it into the shapes the
 * page wants; everything it adds is fixed by this code, never taken from the source.
 *  - URLs pass safeUrl (links: http(s), mailto, relative; images: http(s)); a link left without
 *    a target becomes plain text, an image without a source its alt text.
 *  - Links out of the page get rel="noopener noreferrer nofollow", external ones a new tab.
 *  - Images load lazily without a referrer; tables scroll in a wrapper; cell alignment becomes a
 *    style, as React renders it; headings shift down by headingOffset.
 */
function rehypeFinish(options: { headingOffset: number }) {
  const rewrite = (node: HastElement): HastNode[] => {
    const p = node.properties;
    const heading = HEADING.exec(node.tagName);
    if (heading && options.headingOffset) node.tagName = `h${Math.min(Number(heading[1]) + options.headingOffset, 6)}`;
    if (typeof p.cite === "string" && !safeUrl(p.cite, "cite")) delete p.cite;
    if ((node.tagName === "td" || node.tagName === "th") && typeof p.align === "string") {
      if (/^(?:left|right|center)$/.test(p.align)) p.style = `text-align:${p.align}`;
      delete p.align;
    }
    if (node.tagName === "a") {
      const href = typeof p.href === "string" ? safeUrl(p.href, "href") : "";
      if (!href) return [el("span", { className: [DEAD_LINK_CLASS] }, node.children)];
      p.href = href;
      if (!href.startsWith("#")) {
        p.rel = ["noopener", "noreferrer", "nofollow"];
        if (isExternal(href)) p.target = "_blank";
      }
    }
    if (node.tagName === "img") {
      const src = typeof p.src === "string" ? safeUrl(p.src, "src") : "";
      const alt = typeof p.alt === "string" ? p.alt : "";
      if (!src) return alt ? [el("span", { className: [DEAD_LINK_CLASS] }, [{ type: "text", value: alt } as HastText])] : [];
      node.properties = { src, alt, title: p.title, loading: "lazy", decoding: "async", referrerPolicy: "no-referrer" };
    }
    if (node.tagName === "table") return [el("div", { className: [TABLE_WRAP_CLASS] }, [node])];
    return [node];
  };
  const walk = (node: HastNode) => {
    if (!("children" in node) || !node.children) return;
    node.children = node.children.flatMap((child) => {
      if (child.type !== "element") return [child];
      walk(child);
      return rewrite(child as HastElement);
    });
  };
  return (tree: HastNode) => walk(tree);
}

const highlight = rehypeHighlight({ detect: false, plainText: ["text", "txt", "plain", "math"] });

/** The whole pipeline for one block: parse, typeset, highlight, sanitize, finish. */
function processor(idPrefix: string, headingOffset: number) {
  return (
    unified()
      .use(remarkParse)
      .use(remarkGfm)
      .use(remarkMath, { singleDollarTextMath: true })
      // Raw HTML in the source is dropped here (no allowDangerousHtml); ids are prefixed once.
      .use(remarkRehype, { clobberPrefix: idPrefix })
      .use(rehypePrepare, { idPrefix })
      // Built once (above): making the highlighter registers every language again, about 2.5 ms.
      .use(() => highlight)
      // The last transform that sees the source's structure; only rehypeFinish's fixed rewrites follow.
      .use(rehypeSanitize, sanitizeSchema)
      .use(rehypeFinish, { headingOffset })
  );
}

/**
 * Untrusted Markdown to sanitised HTML, synchronously, with no limit on time or depth: call it only
 * off the request thread (lib/markdown/worker.ts, lib/markdown/preview.worker.ts) on text that
 * passed checkMarkdown(). Pages use <Markdown> (lib/markdown/render.tsx), which goes through the
 * worker pool. The result is a string, not React elements: a page carries it as one value from
 * the server to the browser instead of a tree React walks twice on every request.
 */
export function renderMarkdownSync(source: string, { idPrefix = "md", headingOffset = 0 }: RenderOptions = {}): string {
  const run = processor(markdownIdPrefix(idPrefix), headingOffset);
  // Our Hast shapes above are a structural subset of the real types; the tree comes from `run`.
  return toHtml(run.runSync(run.parse(source)) as Parameters<typeof toHtml>[0]);
}

/** Forgets every typeset formula (benchmarks measure a cold render with it). */
export function clearFormulaCache(): void {
  formulaCache.clear();
}
