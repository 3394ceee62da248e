// The signed-in actor for pages and server actions, resolved once per request.
import "server-only";
import { cache } from "react";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getServerSession } from "next-auth";
import { authOptions } from "@/lib/auth/options";
import { requestContextFrom, type Actor } from "@/lib/auth/actor";
import { resolveSessionActor, type SessionClaims } from "@/lib/data/session";
import { env } from "@/lib/env";

export const getActor = cache(async (): Promise<Actor | null> => {
  const [session, h] = await Promise.all([getServerSession(authOptions()), headers()]);
  return resolveSessionActor(session as SessionClaims | null, requestContextFrom(h, env().TRUST_PROXY));
});

/** For pages: the actor, or a redirect to sign-in that comes back here afterwards. */
export async function requireActorOrRedirect(returnTo: string): Promise<Actor> {
  const actor = await getActor();
  if (!actor) redirect(`/signin?callbackUrl=${encodeURIComponent(returnTo)}`);
  return actor;
}
