// The demo accounts. The sign-in page lists them in demo mode, so this module stays small and
// imports nothing: the page must not pull the demo content or the seed's writers into its bundle.

export const DEMO_PASSWORD = "legible-demo-2026";

export type DemoRole = "researcher" | "engineer" | "manager" | null;

export const DEMO_USERS = [
  { key: "admin", email: "admin@legible.demo", name: "Sam Okafor", role: null, isAdmin: true },
  { key: "researcher", email: "researcher@legible.demo", name: "Ada Lindqvist", role: "researcher", isAdmin: false },
  { key: "engineer", email: "engineer@legible.demo", name: "Tomás Herrera", role: "engineer", isAdmin: false },
  { key: "manager", email: "manager@legible.demo", name: "Priya Raman", role: "manager", isAdmin: false },
] as const satisfies readonly { key: string; email: string; name: string; role: DemoRole; isAdmin: boolean }[];

/** How the demo data names a demo user. */
export type UserKey = (typeof DEMO_USERS)[number]["key"];
