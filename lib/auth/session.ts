// The signed-in actor for pages and server actions, resolved once per request.
import "server-only";
import { cache } from "react";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { sessionClaims } from "@/lib/auth/claims";
import { requestContextFrom, type Actor } from "@/lib/auth/actor";
import { safeRedirectPath } from "@/lib/auth/redirect";
import { resolveSessionActor } from "@/lib/data/session";
import { env } from "@/lib/env";

export const getActor = cache(async (): Promise<Actor | null> => {
  const [jar, h] = await Promise.all([cookies(), headers()]);
  const claims = await sessionClaims(new Map(jar.getAll().map((c) => [c.name, c.value])), h);
  return resolveSessionActor(claims, requestContextFrom(h, env().TRUST_PROXY));
});

/** For pages: the actor, or a redirect to sign-in that comes back here afterwards. */
export async function requireActorOrRedirect(returnTo: string): Promise<Actor> {
  const actor = await getActor();
  if (!actor) redirect(`/signin?callbackUrl=${encodeURIComponent(safeRedirectPath(returnTo))}`);
  return actor;
}
