// next-auth's routes, with one addition: a throttled credentials sign-in gets 429 before any
// password is checked (signInWithPassword checks again, so this is not the only guard).
import NextAuth from "next-auth";
import { NextRequest } from "next/server";
import { isAcceptableCallbackUrl } from "@/lib/auth/redirect";
import { authOptions } from "@/lib/auth/options";
import { requestContextFrom } from "@/lib/auth/actor";
import { assertSignInAllowed } from "@/lib/data/signin";
import { RateLimitedError } from "@/lib/errors";
import { signInEmail } from "@/lib/validation/user";
import { env } from "@/lib/env";

type Context = { params: Promise<{ nextauth: string[] }> };

async function handler(req: NextRequest, context: Context) {
  // next-auth answers a callbackUrl parameter that is neither a path nor an http(s) URL with a 500
  // ("Invalid callback URL"); it is treated as absent instead (proxy.ts does the same for the cookie).
  const callbackUrl = req.nextUrl.searchParams.get("callbackUrl");
  if (callbackUrl !== null && !isAcceptableCallbackUrl(callbackUrl)) {
    const url = req.nextUrl.clone();
    url.searchParams.delete("callbackUrl");
    const body = req.method === "GET" || req.method === "HEAD" ? undefined : await req.arrayBuffer();
    req = new NextRequest(url, { method: req.method, headers: req.headers, body });
  }
  return NextAuth(req as never, context as never, authOptions());
}

export async function GET(req: NextRequest, context: Context) {
  return handler(req, context);
}

export async function POST(req: NextRequest, context: Context) {
  const { nextauth } = await context.params;
  if (nextauth?.[0] === "callback" && nextauth[1] === "credentials") {
    const form = await req.clone().formData().catch(() => null);
    // Only a well-formed address is counted; anything else (a NUL byte, a broken character) fails
    // sign-in in authorize() without touching the database.
    const email = signInEmail(form?.get("email"));
    if (email) {
      try {
        await assertSignInAllowed(email, requestContextFrom(req.headers, env().TRUST_PROXY));
      } catch (error) {
        if (!(error instanceof RateLimitedError)) throw error;
        return Response.json(
          { url: `${req.nextUrl.origin}/signin?error=RateLimited`, error: "RateLimited", message: error.message },
          { status: 429, headers: { "retry-after": String(error.retryAfterSeconds) } },
        );
      }
    }
  }
  return handler(req, context);
}
