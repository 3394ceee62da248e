// Cross-site request forgery: a browser sends the session cookie with a request another page
// makes (a form or a fetch from another origin; another port of the same host is the same *site*,
// so even SameSite=Lax cookies go along). A write authenticated by that cookie is therefore
// accepted only when the browser says it comes from this origin, and only with the content type
// the route reads, which no cross-site form can send. Bearer-token calls carry no ambient
// credential and are not checked.

export const WRITE_METHODS: ReadonlySet<string> = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/** What a route's body is: JSON (the default) or a multipart upload. */
export type BodyKind = "json" | "multipart";

const MEDIA_TYPE: Record<BodyKind, string> = { json: "application/json", multipart: "multipart/form-data" };

const SCRIPTS = "Scripts and other sites' pages should call the API with a token (Authorization: Bearer …).";

export function usesBearerToken(request: Request): boolean {
  return /^bearer\s/i.test(request.headers.get("authorization") ?? "");
}

function originOf(url: string | undefined): string | null {
  if (!url) return null;
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

/**
 * This app's origins: the one the request was made to (by the Host the browser sent, since the
 * server may see its own URL under another name: localhost for 127.0.0.1), and the public URL
 * (NEXTAUTH_URL) when set. A browser always sends the Host of the site it writes to, so a page
 * of another site still names its own Origin and is refused.
 */
export function ownOrigins(request: Request, publicUrl?: string): string[] {
  const url = originOf(request.url);
  const host = request.headers.get("host");
  const byHost = url && host && /^[\w.-]+(:\d+)?$|^\[[\da-f:.]+\](:\d+)?$/i.test(host) ? `${new URL(url).protocol}//${host.toLowerCase()}` : null;
  return [url, byHost, originOf(publicUrl)].filter((o): o is string => Boolean(o));
}

/**
 * Why a cookie-authenticated request must be refused, or null when it may go on. Only writes
 * are checked; the caller decides that the request is cookie-authenticated.
 */
export function crossSiteWriteRefusal(request: Request, opts: { body?: BodyKind; publicUrl?: string } = {}): string | null {
  if (!WRITE_METHODS.has(request.method.toUpperCase())) return null;
  const origin = request.headers.get("origin");
  if (!origin) {
    return `This ${request.method} was refused: a write made with a browser session must carry an Origin header naming this site, and this one had none. ${SCRIPTS}`;
  }
  if (!ownOrigins(request, opts.publicUrl).includes(origin)) {
    return `This ${request.method} came from another site (${origin.slice(0, 200)}) and was refused: writes made with a browser session must come from Legible's own pages. ${SCRIPTS}`;
  }
  const site = request.headers.get("sec-fetch-site");
  if (site && site !== "same-origin") {
    return `This ${request.method} came from another site (Sec-Fetch-Site: ${site.slice(0, 40)}) and was refused: writes made with a browser session must come from Legible's own pages. ${SCRIPTS}`;
  }
  const contentType = request.headers.get("content-type");
  // A DELETE has no body; one with no Content-Type is fine (no form can send a DELETE).
  if (request.method.toUpperCase() === "DELETE" && !contentType) return null;
  const kind = opts.body ?? "json";
  const mediaType = (contentType ?? "").split(";")[0].trim().toLowerCase();
  if (mediaType !== MEDIA_TYPE[kind]) {
    const sent = contentType ? `Content-Type ${contentType.slice(0, 100)}` : "no Content-Type";
    return kind === "json"
      ? `Send the request body as JSON with Content-Type: application/json (this ${request.method} sent ${sent}).`
      : `Send the file as multipart/form-data (this ${request.method} sent ${sent}).`;
  }
  return null;
}
