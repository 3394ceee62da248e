// Convenience only: sends signed-out page visits to sign-in early, and refuses a server action
// whose declared body is over the upload cap before Next.js cuts it off. It is NOT the security
// boundary; every page, action and route handler checks the caller (and sizes) in lib/data/.
// It also gives every response its Content-Security-Policy with a fresh nonce (lib/csp.ts).
import { NextResponse, type NextRequest } from "next/server";
import { methodNotAllowed } from "@/lib/api/routes";
import { safeRedirectPath } from "@/lib/auth/redirect";
import { contentSecurityPolicy, newNonce } from "@/lib/csp";
import { LIMITS, tooLargeForFormMessage } from "@/lib/validation/limits";

const SESSION_COOKIES = ["next-auth.session-token", "__Secure-next-auth.session-token"];
const PUBLIC = [/^\/signin/, /^\/setup/, /^\/invite\//, /^\/api\//, /^\/_next\//, /^\/favicon/];

/** Passes the request on with its CSP: on the request, where Next finds the nonce, and on the response. */
function next(request: NextRequest) {
  const nonce = newNonce();
  const csp = contentSecurityPolicy(nonce, { dev: process.env.NODE_ENV === "development", https: process.env.NEXTAUTH_URL?.startsWith("https://") });
  const headers = new Headers(request.headers);
  headers.set("content-security-policy", csp);
  headers.set("x-nonce", nonce);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", csp);
  return response;
}

export function proxy(request: NextRequest) {
  // A server action's body over the cap would be cut off by Next.js and fail as a 500 ("Unexpected
  // end of form"); refuse it whole, with a message the form shows (components/handoff/useFormAction).
  const length = Number(request.headers.get("content-length"));
  if (request.method === "POST" && request.headers.has("next-action") && length > LIMITS.request.uploadBytes) {
    return new NextResponse(tooLargeForFormMessage(length), { status: 413, headers: { "content-type": "text/plain" } });
  }
  const { pathname, search } = request.nextUrl;
  // A known /api/v1 path with a method it does not take: 405 problem JSON with Allow (Next's is empty).
  const wrongMethod = pathname.startsWith("/api/v1/") ? methodNotAllowed(request.method, pathname) : null;
  if (wrongMethod) return wrongMethod;
  if (PUBLIC.some((re) => re.test(pathname))) return next(request);
  if (SESSION_COOKIES.some((name) => request.cookies.has(name))) return next(request);
  const url = request.nextUrl.clone();
  url.pathname = "/signin";
  url.search = `?callbackUrl=${encodeURIComponent(safeRedirectPath(pathname + search))}`;
  return NextResponse.redirect(url);
}

export const config = { matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"] };
