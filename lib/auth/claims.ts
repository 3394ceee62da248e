// Reads the session's claims straight from the session cookie: decrypting the JWT is all a
// request needs. (next-auth's getServerSession also re-encrypts and re-issues the token on every
// call, which costs more than the page's own queries.)
import { getToken } from "next-auth/jwt";
import type { SessionClaims } from "@/lib/data/session";
import { env, servedOverHttps } from "@/lib/env";

export async function sessionClaims(cookies: Map<string, string>, headers: Headers): Promise<SessionClaims | null> {
  if (![...cookies.keys()].some((name) => name.includes("next-auth.session-token"))) return null;
  // The cookie's name follows the scheme, as next-auth named it (lib/auth/options.ts).
  return (await getToken({ req: { cookies, headers } as never, secret: env().NEXTAUTH_SECRET, secureCookie: servedOverHttps() })) as SessionClaims | null;
}

export function parseCookieHeader(header: string | null): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const part of (header ?? "").split(";")) {
    const i = part.indexOf("=");
    if (i > 0) cookies.set(part.slice(0, i).trim(), decodeURIComponent(part.slice(i + 1).trim()));
  }
  return cookies;
}
