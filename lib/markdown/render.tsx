// Markdown for handoffs, service descriptions and comments: GitHub-flavoured Markdown, math
// typeset by KaTeX and fenced code highlighted by highlight.js, all on the server.
//
// Safety: raw HTML in the source is never rendered (no rehype-raw; react-markdown leaves it out),
// rehype-sanitize runs as the LAST transform with GitHub's schema extended only by what KaTeX and
// the highlighter emit (class names, KaTeX's inline layout styles, its SVG glyphs), and URLs
// are filtered again when rendered: links keep http(s), mailto and relative targets, images
// only http(s).
import type { ComponentPropsWithoutRef, ReactNode } from "react";
import ReactMarkdown, { type Components, type Options as ReactMarkdownOptions } from "react-markdown";
import remarkGfm from "remark-gfm";
import remarkMath from "remark-math";
import rehypeKatex from "rehype-katex";
import rehypeHighlight from "rehype-highlight";
import rehypeSanitize, { defaultSchema, type Options as SanitizeSchema } from "rehype-sanitize";
import "katex/dist/katex.min.css";
import styles from "./markdown.module.css";

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

const isExternal = (href: string) => /^(?:https?:)?\/\//i.test(href);

function Anchor({ href, children, node: _node, ...rest }: ComponentPropsWithoutRef<"a"> & { node?: unknown }) {
  if (!href) return <span className={styles.deadLink}>{children}</span>;
  // Footnote references and in-page anchors stay in the page.
  if (href.startsWith("#")) {
    return (
      <a href={href} {...rest}>
        {children}
      </a>
    );
  }
  return (
    <a href={href} rel="noopener noreferrer nofollow" target={isExternal(href) ? "_blank" : undefined} {...rest}>
      {children}
    </a>
  );
}

function Image({ src, alt, title }: ComponentPropsWithoutRef<"img"> & { node?: unknown }) {
  if (typeof src !== "string" || !src) return alt ? <span className={styles.deadLink}>{alt}</span> : null;
  // eslint-disable-next-line @next/next/no-img-element -- arbitrary external images; next/image would proxy them.
  return <img src={src} alt={alt ?? ""} title={title} loading="lazy" decoding="async" referrerPolicy="no-referrer" />;
}

function Table({ children, node: _node, ...rest }: ComponentPropsWithoutRef<"table"> & { node?: unknown }) {
  return (
    <div className={styles.tableWrap}>
      <table {...rest}>{children}</table>
    </div>
  );
}

type HeadingTag = "h1" | "h2" | "h3" | "h4" | "h5" | "h6";
const HEADINGS: HeadingTag[] = ["h1", "h2", "h3", "h4", "h5", "h6"];

function headingComponents(offset: number): Partial<Components> {
  if (offset === 0) return {};
  const map: Partial<Components> = {};
  HEADINGS.forEach((tag, i) => {
    map[tag] = HEADINGS[Math.min(i + offset, HEADINGS.length - 1)];
  });
  return map;
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

/**
 * Runs before rehype-katex. KaTeX's HTML output is hidden from assistive technology, so each
 * formula is wrapped in an element with role="img" whose accessible name is the TeX source
 * (KaTeX then renders inside the wrapper). Also gives the footnotes heading, the one id that
 * remark-rehype does not prefix, this block's prefix, so several blocks on a page never share it.
 */
function rehypePrepare(options: { idPrefix: string }) {
  const label = `${options.idPrefix}footnote-label`;
  const walk = (node: HastNode) => {
    if (!("children" in node) || !node.children) return;
    node.children = node.children.map((child): HastNode => {
      if (child.type !== "element") return child;
      const el = child as HastElement;
      if (el.tagName === "pre" && el.children.length === 1 && isMathCode(el.children[0])) {
        const tex = hastText(el).trim();
        return { type: "element", tagName: "div", properties: { className: ["math-block"], role: "img", ariaLabel: tex }, children: [el] };
      }
      if (isMathCode(el)) {
        const tex = hastText(el).trim();
        return { type: "element", tagName: "span", properties: { className: ["math-text"], role: "img", ariaLabel: tex }, children: [el] };
      }
      if (el.properties.id === "footnote-label") el.properties.id = label;
      const describedBy = el.properties.ariaDescribedBy;
      if (Array.isArray(describedBy)) el.properties.ariaDescribedBy = describedBy.map((id) => (id === "footnote-label" ? label : id));
      walk(el);
      return el;
    });
  };
  return (tree: HastNode) => walk(tree);
}

const BASE_COMPONENTS: Components = { a: Anchor, img: Image, table: Table };

const remarkPlugins: ReactMarkdownOptions["remarkPlugins"] = [remarkGfm, [remarkMath, { singleDollarTextMath: true }]];

const highlight = rehypeHighlight({ detect: false, plainText: ["text", "txt", "plain", "math"] });

const rehypePlugins = (idPrefix: string): ReactMarkdownOptions["rehypePlugins"] => [
  [rehypePrepare, { idPrefix }],
  [
    rehypeKatex,
    {
      output: "html",
      throwOnError: false,
      strict: "ignore",
      trust: false,
      // A formula cannot draw a page-sized box or expand macros forever.
      maxSize: 25,
      maxExpand: 500,
      errorColor: "currentColor",
    },
  ],
  // Built once (below): making the highlighter registers every language again, about 2.5 ms.
  () => highlight,
  // Must stay last: nothing after it may add to the tree.
  [rehypeSanitize, sanitizeSchema],
];

export type MarkdownProps = {
  source: string | null | undefined;
  /**
   * Shift headings down so they sit under the page's own: with 2, a "# Heading" inside a section
   * (whose title is an h2) renders as an h3.
   */
  headingOffset?: number;
  /**
   * Prefix for ids the Markdown creates (footnotes), unique per block on a page so that two
   * blocks' footnotes never collide. Letters, digits and "-".
   */
  idPrefix?: string;
  /** "compact" for comments and table cells: smaller type, tighter spacing. */
  variant?: "default" | "compact";
  /** Shown when the source is empty; nothing by default. */
  empty?: ReactNode;
  className?: string;
};

/**
 * Rendered trees, reused: the same text renders to the same elements (a saved revision never
 * changes), and parsing with GFM, math and highlighting costs far more than serving a page.
 * Bounded by entries and by total source length.
 */
const renderCache = new Map<string, ReactNode>();
const CACHE_MAX_ENTRIES = 2000;
const CACHE_MAX_CHARS = 16_000_000;
let cachedChars = 0;

function cachedRender(key: string, render: () => ReactNode): ReactNode {
  const hit = renderCache.get(key);
  if (hit !== undefined) {
    // Most recently used last, so eviction takes the oldest.
    renderCache.delete(key);
    renderCache.set(key, hit);
    return hit;
  }
  const tree = render();
  renderCache.set(key, tree);
  cachedChars += key.length;
  for (const [oldKey] of renderCache) {
    if (renderCache.size <= CACHE_MAX_ENTRIES && cachedChars <= CACHE_MAX_CHARS) break;
    renderCache.delete(oldKey);
    cachedChars -= oldKey.length;
  }
  return tree;
}

/** Renders untrusted Markdown safely, on the server or in the editor's preview. */
export function Markdown({ source, idPrefix = "md", headingOffset = 0, variant = "default", empty = null, className }: MarkdownProps) {
  const text = source ?? "";
  if (!text.trim()) return <>{empty}</>;
  const prefix = `${idPrefix.replace(/[^\w-]/g, "")}-`;
  const tree = cachedRender(`${prefix}\u0000${headingOffset}\u0000${text}`, () =>
    ReactMarkdown({
      children: text,
      remarkPlugins,
      rehypePlugins: rehypePlugins(prefix),
      components: { ...BASE_COMPONENTS, ...headingComponents(headingOffset) },
      urlTransform: safeUrl,
      // Ids are prefixed here, once; the sanitizer's own prefixing is off (see sanitizeSchema).
      remarkRehypeOptions: { clobberPrefix: prefix },
      skipHtml: true,
    }),
  );
  return <div className={[styles.prose, variant === "compact" ? styles.compact : "", className ?? ""].filter(Boolean).join(" ")}>{tree}</div>;
}
