// next-auth v4 configuration: email and password, optional OIDC single sign-on, JWT sessions.
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { signInSchema } from "@/lib/validation/user";
import { env, servedOverHttps } from "@/lib/env";
import { requestContextFrom } from "@/lib/auth/actor";
import { safeRedirectPath } from "@/lib/auth/redirect";
import { findActiveUserByEmail, signInWithPassword } from "@/lib/data/signin";


function headersOf(req: unknown): Headers {
  const raw = (req as { headers?: unknown })?.headers;
  if (raw instanceof Headers) return raw;
  const headers = new Headers();
  if (raw && typeof raw === "object") {
    for (const [k, v] of Object.entries(raw as Record<string, unknown>)) if (typeof v === "string") headers.set(k, v);
  }
  return headers;
}

export const SESSION_MAX_AGE_SECONDS = 7 * 24 * 60 * 60;

let cached: NextAuthOptions | undefined;

export function authOptions(): NextAuthOptions {
  if (cached) return cached;
  const e = env();
  const providers: NextAuthOptions["providers"] = [
    CredentialsProvider({
      id: "credentials",
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, req) {
        const parsed = signInSchema.safeParse(credentials);
        if (!parsed.success) return null;
        const ctx = requestContextFrom(headersOf(req), e.TRUST_PROXY);
        const user = await signInWithPassword(parsed.data.email, parsed.data.password, ctx);
        return user ? { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion } : null;
      },
    }),
  ];
  if (e.OIDC_ISSUER && e.OIDC_CLIENT_ID && e.OIDC_CLIENT_SECRET) {
    providers.push({
      id: "oidc",
      name: e.OIDC_NAME,
      type: "oauth",
      wellKnown: `${e.OIDC_ISSUER.replace(/\/$/, "")}/.well-known/openid-configuration`,
      clientId: e.OIDC_CLIENT_ID,
      clientSecret: e.OIDC_CLIENT_SECRET,
      authorization: { params: { scope: "openid email profile" } },
      idToken: true,
      checks: ["pkce", "state"],
      profile(profile: { sub: string; email?: string; name?: string }) {
        return { id: profile.sub, email: profile.email ?? "", name: profile.name ?? profile.email ?? "" };
      },
    });
  }
  cached = {
    secret: e.NEXTAUTH_SECRET,
    // Explicit rather than next-auth's own guess from process.env: Secure, __Secure-/__Host-
    // prefixed cookies exactly when the public URL is https://.
    useSecureCookies: servedOverHttps(e),
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    pages: { signIn: "/signin", error: "/signin" },
    providers,
    callbacks: {
      // Every redirect next-auth makes (after sign-in, sign-out, SSO) stays on this site.
      async redirect({ url, baseUrl }) {
        return `${new URL(baseUrl).origin}${safeRedirectPath(url, { origin: baseUrl })}`;
      },
      // SSO signs in only people who already have an active account here (invited by an admin).
      async signIn({ user, account }) {
        if (account?.provider !== "oidc") return true;
        return Boolean(user.email && (await findActiveUserByEmail(user.email)));
      },
      async jwt({ token, user, account }) {
        if (user && account?.provider === "oidc" && user.email) {
          const local = await findActiveUserByEmail(user.email);
          if (local) Object.assign(token, { uid: local.id, sv: local.sessionVersion, name: local.name, email: local.email });
        } else if (user) {
          const u = user as { id: string; sessionVersion?: number };
          Object.assign(token, { uid: u.id, sv: u.sessionVersion });
        }
        return token;
      },
      async session({ session, token }) {
        return { ...session, uid: token.uid, sv: token.sv };
      },
    },
  };
  return cached;
}
