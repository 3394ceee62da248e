// Convenience only: sends signed-out page visits to sign-in early. It is NOT the security
// boundary; every page, action and route handler checks the caller in lib/data/.
// It also gives every response its Content-Security-Policy with a fresh nonce (lib/csp.ts).
import { NextResponse, type NextRequest } from "next/server";
import { safeRedirectPath } from "@/lib/auth/redirect";
import { contentSecurityPolicy, newNonce } from "@/lib/csp";

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
  const { pathname, search } = request.nextUrl;
  if (PUBLIC.some((re) => re.test(pathname))) return next(request);
  if (SESSION_COOKIES.some((name) => request.cookies.has(name))) return next(request);
  const url = request.nextUrl.clone();
  url.pathname = "/signin";
  url.search = `?callbackUrl=${encodeURIComponent(safeRedirectPath(pathname + search))}`;
  return NextResponse.redirect(url);
}

export const config = { matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"] };
