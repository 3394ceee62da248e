// Instance administration: users and the audit log. Each page asks lib/data/, which refuses
// anyone but an instance admin; the tabs are simply not offered to others.
import type { ReactNode } from "react";
import { PageContainer } from "@/components/ui/PageContainer";
import { PageHeader } from "@/components/ui/PageHeader";
import { SubNav } from "@/components/ui/SubNav";
import { requireActorOrRedirect } from "@/lib/auth/session";

export default async function AdminLayout({ children }: { children: ReactNode }) {
  const actor = await requireActorOrRedirect("/admin");
  return (
    <PageContainer>
      <PageHeader
        title="Admin"
        description={actor.isAdmin ? "Accounts, invitations and the record of every write and denied request on this instance." : undefined}
        tabs={
          actor.isAdmin ? (
            <SubNav
              label="Admin sections"
              items={[
                { href: "/admin/users", label: "Users" },
                { href: "/admin/audit", label: "Audit log" },
              ]}
            />
          ) : undefined
        }
      />
      {children}
    </PageContainer>
  );
}
