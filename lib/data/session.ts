// Turns a session's claims or an API token into an Actor, checking the account is still active
// and, for sessions, that its session version is current: disabling a user or changing their
// admin flag bumps the version, ending every older session on its next request.
import { createHash } from "node:crypto";
import { db, read } from "@/lib/db/client";
import type { Actor, RequestContext } from "@/lib/auth/actor";

export type SessionClaims = { uid?: unknown; sv?: unknown };

export async function resolveSessionActor(claims: SessionClaims | null | undefined, ctx: RequestContext): Promise<Actor | null> {
  if (!claims || typeof claims.uid !== "string" || typeof claims.sv !== "number") return null;
  // Runs on every request, so it is one plain SQL statement (see docs/adr/0002-hot-reads-in-sql.md).
  const [user] = await read<{ id: string; email: string; name: string; isAdmin: boolean; sessionVersion: number; disabledAt: Date | null }>`
    SELECT "id", "email", "name", "isAdmin", "sessionVersion", "disabledAt" FROM "User" WHERE "id" = ${claims.uid}`;
  if (!user || user.disabledAt || Number(user.sessionVersion) !== claims.sv) return null;
  return { id: user.id, email: user.email, name: user.name, isAdmin: Boolean(user.isAdmin), ...ctx };
}

export const API_TOKEN_PREFIX = "lgb_";

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export async function resolveTokenActor(token: string, ctx: RequestContext, now = new Date()): Promise<Actor | null> {
  if (!token.startsWith(API_TOKEN_PREFIX)) return null;
  const row = await db().apiToken.findUnique({
    where: { tokenHash: hashToken(token) },
    select: {
      id: true,
      revokedAt: true,
      expiresAt: true,
      lastUsedAt: true,
      user: { select: { id: true, email: true, name: true, isAdmin: true, disabledAt: true } },
    },
  });
  if (!row || row.revokedAt || (row.expiresAt && row.expiresAt <= now) || row.user.disabledAt) return null;
  // Write last-used at most once a minute, not on every request.
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > 60_000) {
    await db().apiToken.update({ where: { id: row.id }, data: { lastUsedAt: now } });
  }
  const { user } = row;
  return { id: user.id, email: user.email, name: user.name, isAdmin: user.isAdmin, ...ctx };
}
