// The one demo fact no lib/data function writes, written straight to the database: the demo
// accounts, with the demo password (the product makes accounts through setup and invitations, and
// each acceptance hashes its password; here it is hashed once for all four). Everything else in
// the demo goes through lib/data (lib/demo/write.ts): the catalog's interfaces come from the
// monorepo's OpenAPI specs, its dependencies from the services' pages' function, and the FLOOR
// project's services from its compose file. These rows carry their own (past) times; the times
// lib/data stamps are moved to the day of each act by lib/demo/clock.ts.
import type { Db } from "@/lib/db/client";
import { DEMO_USERS, type UserKey } from "@/lib/demo/users";

/** The demo accounts; returns each one's id by key. */
export async function createDemoUsers(db: Db, passwordHash: string, at: Date): Promise<Record<UserKey, string>> {
  const ids = {} as Record<UserKey, string>;
  for (const u of DEMO_USERS) {
    const user = await db.user.create({
      data: { email: u.email, name: u.name, isAdmin: u.isAdmin, passwordHash, createdAt: at, updatedAt: at },
      select: { id: true },
    });
    ids[u.key] = user.id;
  }
  return ids;
}
