// Every signed-in page sits in the app shell. Pages still check the caller themselves
// (lib/data refuses a signed-out caller); this layout only draws the frame.
import type { ReactNode } from "react";
import { AppShell } from "@/components/shell/AppShell";
import { getActor } from "@/lib/auth/session";
import { listProjectLinks } from "@/lib/data/projects";

export default async function AppLayout({ children }: { children: ReactNode }) {
  const actor = await getActor();
  const projects = actor ? await listProjectLinks(actor) : [];
  return (
    <AppShell user={actor ? { name: actor.name, email: actor.email, isAdmin: actor.isAdmin } : null} projects={projects}>
      {children}
    </AppShell>
  );
}
