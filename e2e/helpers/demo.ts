// The demo accounts (lib/demo/users.ts), looked up by project role. Imported, never
// copied, so that the seed and the tests cannot drift apart.
import { DEMO_PASSWORD, DEMO_USERS } from "@/lib/demo/users";

export type DemoRole = "researcher" | "engineer" | "manager";
export type DemoAccount = { email: string; name: string; password: string };

export function demoAccount(role: DemoRole): DemoAccount {
  const account = DEMO_USERS.find((user) => user.role === role);
  if (!account) throw new Error(`lib/demo/users.ts has no demo user with role "${role}"`);
  return { email: account.email, name: account.name, password: DEMO_PASSWORD };
}
