// The demo facts no lib/data function writes yet, written straight to the database. Everything
// else in the demo goes through lib/data (lib/demo/write.ts), milestone dependencies and the
// services each milestone names included. When the catalog gains functions for interfaces and calls
// (issue 10), entries 2 and 3 move to write.ts too.
//   1. The demo accounts, with the demo password: the product makes accounts through setup and
//      invitations, and each acceptance hashes its password (hashed once here for all four).
//   2. Service interfaces and 3. service dependencies: the catalog has no function to add either.
// These rows carry their own (past) times. The times lib/data stamps are moved to the day of
// each act by lib/demo/clock.ts, on the copy out of the scratch database: no writes for that.
import type { Db } from "@/lib/db/client";
import { DEMO_USERS, type UserKey } from "@/lib/demo/users";
import { SERVICE_EDGES, SERVICES } from "@/lib/demo/plan/services";

/** 1. The demo accounts; returns each one's id by key. */
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

/** 2 and 3. Each catalog service's interfaces, and the calls between services. */
export async function addServiceInterfacesAndCalls(db: Db, services: Record<string, string>, at: Date) {
  await db.interface.createMany({
    data: SERVICES.flatMap((s) =>
      s.interfaces.map((i) => ({
        serviceId: services[s.name],
        name: i.name,
        method: i.method,
        path: i.path,
        summary: i.summary,
        ...(i.requestSchema ? { requestSchema: i.requestSchema } : {}),
        ...(i.responseSchema ? { responseSchema: i.responseSchema } : {}),
        createdAt: at,
        updatedAt: at,
      })),
    ),
  });
  await db.serviceDependency.createMany({
    data: SERVICE_EDGES.map((e) => ({ fromId: services[e.from], toId: services[e.to], kind: e.kind, description: e.description, createdAt: at })),
  });
}
