// Personal API tokens: shown once, stored as a SHA-256 hash, revocable.
import { randomBytes } from "node:crypto";
import { db } from "@/lib/db/client";
import type { Caller } from "@/lib/auth/actor";
import { NotFoundError, parseInput } from "@/lib/errors";
import { createTokenSchema } from "@/lib/validation/user";
import { authorizeInstance } from "@/lib/data/access";
import { auditWrite, deny } from "@/lib/data/audit";
import { isLookupKey } from "@/lib/validation/text";
import { API_TOKEN_PREFIX, hashToken } from "@/lib/data/session";

export async function listOwnTokens(caller: Caller) {
  const actor = await authorizeInstance(caller, "apiToken", "manageOwn", { targetType: "apiToken" });
  return db().apiToken.findMany({
    where: { userId: actor.id },
    select: { id: true, name: true, prefix: true, createdAt: true, lastUsedAt: true, expiresAt: true, revokedAt: true },
    orderBy: { createdAt: "desc" },
  });
}

export async function createToken(caller: Caller, input: unknown) {
  const actor = await authorizeInstance(caller, "apiToken", "manageOwn", { targetType: "apiToken" });
  const data = parseInput(createTokenSchema, input);
  const token = API_TOKEN_PREFIX + randomBytes(24).toString("base64url");
  const expiresAt = data.expiresInDays ? new Date(Date.now() + data.expiresInDays * 86400_000) : null;
  const row = await db().$transaction(async (tx) => {
    const created = await tx.apiToken.create({
      data: { userId: actor.id, name: data.name, tokenHash: hashToken(token), prefix: token.slice(0, 10), expiresAt },
      select: { id: true, name: true, prefix: true, expiresAt: true },
    });
    await auditWrite(tx, actor, { action: "apiToken.create", targetType: "apiToken", targetId: created.id, details: { name: created.name } });
    return created;
  });
  return { ...row, token };
}

export async function revokeToken(caller: Caller, tokenId: string) {
  const actor = await authorizeInstance(caller, "apiToken", "manageOwn", { targetType: "apiToken", targetId: tokenId });
  const row = isLookupKey(tokenId) ? await db().apiToken.findUnique({ where: { id: tokenId }, select: { id: true, userId: true, revokedAt: true } }) : null;
  // Someone else's token is "not found" unless the caller is an admin.
  if (!row || (row.userId !== actor.id && !actor.isAdmin)) return deny(actor, { action: "apiToken.revoke", targetType: "apiToken", targetId: tokenId }, new NotFoundError("That token"));
  if (row.revokedAt) return;
  await db().$transaction(async (tx) => {
    await tx.apiToken.update({ where: { id: tokenId }, data: { revokedAt: new Date() } });
    await auditWrite(tx, actor, { action: "apiToken.revoke", targetType: "apiToken", targetId: tokenId });
  });
}
