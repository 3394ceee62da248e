// Convenience only: sends signed-out page visits to sign-in early. It is NOT the security
// boundary; every page, action and route handler checks the caller in lib/data/.
import { NextResponse, type NextRequest } from "next/server";
import { safeRedirectPath } from "@/lib/auth/redirect";

const SESSION_COOKIES = ["next-auth.session-token", "__Secure-next-auth.session-token"];
const PUBLIC = [/^\/signin/, /^\/setup/, /^\/invite\//, /^\/api\//, /^\/_next\//, /^\/favicon/];

export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  if (PUBLIC.some((re) => re.test(pathname))) return NextResponse.next();
  if (SESSION_COOKIES.some((name) => request.cookies.has(name))) return NextResponse.next();
  const url = request.nextUrl.clone();
  url.pathname = "/signin";
  url.search = `?callbackUrl=${encodeURIComponent(safeRedirectPath(pathname + search))}`;
  return NextResponse.redirect(url);
}

export const config = { matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"] };
