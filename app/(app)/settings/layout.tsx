// Personal settings: the account (password) and API tokens.
import type { ReactNode } from "react";
import { PageContainer } from "@/components/ui/PageContainer";
import { PageHeader } from "@/components/ui/PageHeader";
import { SubNav } from "@/components/ui/SubNav";

export default function SettingsLayout({ children }: { children: ReactNode }) {
  return (
    <PageContainer width="narrow">
      <PageHeader
        title="Settings"
        description="Your account, password and personal API tokens."
        tabs={
          <SubNav
            label="Settings sections"
            items={[
              { href: "/settings", label: "Account", exact: true },
              { href: "/settings/tokens", label: "API tokens" },
            ]}
          />
        }
      />
      {children}
    </PageContainer>
  );
}
