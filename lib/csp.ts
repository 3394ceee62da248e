// The Content-Security-Policy every page is served with, with a fresh nonce per request. proxy.ts
// sets it on the request (Next reads the nonce from it and puts it on every script it renders;
// every page renders per request, so each gets its own) and on the response (the browser enforces
// it). Only scripts carrying the nonce run, and scripts they load ('strict-dynamic'); an injected
// <script> or event handler does not.
//
// Styles: elements (<style>, <link>) need the nonce or this origin, but inline style
// *attributes* are allowed ('unsafe-inline' in style-src-attr only). A nonce cannot cover an
// attribute, and the app's server-rendered HTML has many: KaTeX sizes and positions every glyph
// of a formula with style="height:…;vertical-align:…", React renders style={…} props (progress
// bars, the map's node positions) as attributes, and CodeMirror and React Flow set them on their
// elements. A style attribute cannot run script; the Markdown sanitizer still drops the ones
// users write (lib/markdown/render.tsx).

/** 128 random bits, base64: a nonce for one response. */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

export type CspOptions = {
  /** `next dev`: React needs eval for its debugging aids, and hot reload a WebSocket. */
  dev?: boolean;
  /** Served over HTTPS (NEXTAUTH_URL is https://…): any http:// subresource is upgraded. */
  https?: boolean;
};

export function contentSecurityPolicy(nonce: string, { dev = false, https = false }: CspOptions = {}): string {
  const directives: [string, ...string[]][] = [
    ["default-src", "'self'"],
    ["script-src", "'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(dev ? ["'unsafe-eval'"] : [])],
    ["style-src", "'self'", `'nonce-${nonce}'`],
    ["style-src-attr", "'unsafe-inline'"],
    // Markdown may show images from any https: address; notebook outputs are data: URIs.
    ["img-src", "'self'", "data:", "https:"],
    ["font-src", "'self'"],
    ["connect-src", "'self'", ...(dev ? ["ws:"] : [])],
    // The editor's preview formats Markdown in a Web Worker served from this origin. Without this,
    // workers fall back to script-src, where 'strict-dynamic' ignores 'self'.
    ["worker-src", "'self'"],
    ["object-src", "'none'"],
    ["base-uri", "'self'"],
    ["form-action", "'self'"],
    ["frame-ancestors", "'none'"],
    ...(https ? [["upgrade-insecure-requests"] as [string]] : []),
  ];
  return directives.map((d) => d.join(" ")).join("; ");
}
