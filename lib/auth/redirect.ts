// Where the app may send someone after signing in (or out): only a path on this site. Every
// redirect target taken from a request (the sign-in page's callbackUrl, the sign-in form, the
// signed-out redirect in proxy.ts, next-auth's redirect callback, server actions) goes through
// safeRedirectPath. Pure and browser-safe: the client sign-in form uses it too.

export const DEFAULT_AFTER_SIGN_IN = "/projects";

/** Stands in for this site when the caller does not know its origin; it never leaves this function. */
const PLACEHOLDER_ORIGIN = "http://legible.invalid";
const MAX_LENGTH = 2048;

function originOf(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

/**
 * Is `candidate`, resolved the way a browser resolves a link on this site, still on this site and
 * at a path that is not itself protocol-relative? The WHATWG parser does what browsers do: drops
 * tabs and newlines, reads "\" as "/", and strips leading control characters and spaces.
 */
function staysHere(candidate: string, base: string): URL | null {
  let url: URL;
  try {
    url = new URL(candidate, base);
  } catch {
    return null;
  }
  if (url.origin !== originOf(base) || url.username || url.password) return null;
  // "/.//evil.example" resolves to the path "//evil.example": on this site now, but a browser reads
  // that path, handed back as a link, as another host.
  if (url.pathname.startsWith("//")) return null;
  return url;
}

function decodeOnce(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

/**
 * The same-site path for a redirect target taken from a request, or `fallback` when it is missing,
 * leaves this site, or could be made to (also once or twice percent-decoded, in case a later hop
 * decodes it). An absolute URL on `origin` is reduced to its path. Never returns "//..." or "/\\...".
 */
export function safeRedirectPath(value: unknown, options: { origin?: string; fallback?: string } = {}): string {
  const fallback = options.fallback ?? DEFAULT_AFTER_SIGN_IN;
  if (typeof value !== "string" || value.length === 0 || value.length > MAX_LENGTH) return fallback;
  const base = (options.origin && originOf(options.origin)) || PLACEHOLDER_ORIGIN;
  const url = staysHere(value, base);
  if (!url) return fallback;
  const path = `${url.pathname}${url.search}${url.hash}`;
  // Decoded once and twice, the target must still stay here: "%2F%2Fevil.example" and
  // "%255C%255Cevil.example" are refused rather than trusted to stay encoded.
  // A malformed escape cannot be decoded by anyone else either, so decoding stops there.
  let decoded: string | null = path;
  for (let i = 0; i < 2 && decoded !== null; i++) {
    decoded = decodeOnce(decoded);
    if (decoded !== null && (!staysHere(decoded, base) || /^[\\/]{2}/.test(decoded))) return fallback;
  }
  return path;
}

/**
 * Would next-auth take this as a callback URL (its callback-url cookie or callbackUrl parameter)?
 * It answers 500 ("Invalid callback URL") for anything but a path or an http(s) URL, so proxy.ts
 * treats any other value, and one too long to be ours, as absent. Where the URL then leads is
 * still decided by safeRedirectPath in next-auth's redirect callback.
 */
export function isAcceptableCallbackUrl(value: string): boolean {
  if (value.length === 0 || value.length > MAX_LENGTH) return false;
  if (value.startsWith("/")) return true;
  try {
    return /^https?:$/.test(new URL(value).protocol);
  } catch {
    return false;
  }
}
