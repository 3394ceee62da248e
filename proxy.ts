// Convenience only: sends signed-out page visits to sign-in early, and refuses a server action
// whose declared body is over the upload cap before Next.js cuts it off. It is NOT the security
// boundary; every page, action and route handler checks the caller (and sizes) in lib/data/.
// It also gives every response its Content-Security-Policy with a fresh nonce (lib/csp.ts), refuses
// a server action posted from another origin with a clean 403 (Next.js makes its own check, which
// stays the real one, but answers it with a 500), and drops a next-auth callback-url cookie
// next-auth would answer with a 500.
import { NextResponse, type NextRequest } from "next/server";
import { methodNotAllowed } from "@/lib/api/routes";
import { isAcceptableCallbackUrl, safeRedirectPath } from "@/lib/auth/redirect";
import { contentSecurityPolicy, newNonce } from "@/lib/csp";
import { LIMITS, tooLargeForFormMessage } from "@/lib/validation/limits";

const SESSION_COOKIES = ["next-auth.session-token", "__Secure-next-auth.session-token"];
const CALLBACK_COOKIES = ["next-auth.callback-url", "__Secure-next-auth.callback-url"];
const PUBLIC = [/^\/signin/, /^\/setup/, /^\/invite\//, /^\/api\//, /^\/_next\//, /^\/favicon/];

/** Passes the request on with its CSP: on the request, where Next finds the nonce, and on the response. */
function next(request: NextRequest, cookie?: string) {
  const nonce = newNonce();
  const csp = contentSecurityPolicy(nonce, { dev: process.env.NODE_ENV === "development", https: process.env.NEXTAUTH_URL?.startsWith("https://") });
  const headers = new Headers(request.headers);
  if (cookie !== undefined) headers.set("cookie", cookie);
  headers.set("content-security-policy", csp);
  headers.set("x-nonce", nonce);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", csp);
  return response;
}

/** Does this Origin header name another host than the one the request was sent to (as Next.js compares them)? */
function crossOrigin(request: NextRequest): boolean {
  const origin = request.headers.get("origin");
  if (origin === null) return false;
  const host = request.headers.get("x-forwarded-host")?.split(",")[0].trim() || request.headers.get("host");
  try {
    return new URL(origin).host !== host;
  } catch {
    // "null" (a sandboxed frame, a redirect from another site) or garbage: not this site.
    return true;
  }
}

/**
 * next-auth's routes, minus a callback-url cookie it would answer with a 500 (a malformed or
 * javascript: value): treated as absent, and cleared. (A bad callbackUrl parameter is dropped by
 * the route itself, app/api/auth/[...nextauth]/route.ts.)
 */
function nextAuth(request: NextRequest) {
  const bad = CALLBACK_COOKIES.filter((name) => {
    const value = request.cookies.get(name)?.value;
    return value !== undefined && !isAcceptableCallbackUrl(value);
  });
  // The cookies as parsed (one that does not decode is already left out), minus the bad ones.
  const cookie = bad.length
    ? request.cookies.getAll().filter((c) => !bad.includes(c.name)).map((c) => `${c.name}=${encodeURIComponent(c.value)}`).join("; ")
    : undefined;
  const response = next(request, cookie);
  for (const name of bad) response.cookies.set(name, "", { path: "/", maxAge: 0, secure: name.startsWith("__Secure-"), sameSite: "lax", httpOnly: true });
  return response;
}

export function proxy(request: NextRequest) {
  // A server action's body over the cap would be cut off by Next.js and fail as a 500 ("Unexpected
  // end of form"); refuse it whole, with a message the form shows (components/handoff/useFormAction).
  const length = Number(request.headers.get("content-length"));
  if (request.method === "POST" && request.headers.has("next-action") && length > LIMITS.request.uploadBytes) {
    return new NextResponse(tooLargeForFormMessage(length), { status: 413, headers: { "content-type": "text/plain" } });
  }
  // Next.js refuses it too, but with a 500; the caller gets a plain 403 instead.
  if (request.method === "POST" && request.headers.has("next-action") && crossOrigin(request)) {
    return new NextResponse("Forbidden: this form was sent from another site.", { status: 403, headers: { "content-type": "text/plain" } });
  }
  const { pathname, search } = request.nextUrl;
  // A known /api/v1 path with a method it does not take: 405 problem JSON with Allow (Next's is empty).
  const wrongMethod = pathname.startsWith("/api/v1/") ? methodNotAllowed(request.method, pathname) : null;
  if (wrongMethod) return wrongMethod;
  if (pathname.startsWith("/api/auth/")) return nextAuth(request);
  if (PUBLIC.some((re) => re.test(pathname))) return next(request);
  if (SESSION_COOKIES.some((name) => request.cookies.has(name))) return next(request);
  const url = request.nextUrl.clone();
  url.pathname = "/signin";
  url.search = `?callbackUrl=${encodeURIComponent(safeRedirectPath(pathname + search))}`;
  return NextResponse.redirect(url);
}

export const config = { matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"] };
