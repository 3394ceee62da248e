// What a page for one kind of work shows someone whose project role does not include it: who
// does that work, what they can do instead, and the way back.
import type { ComponentProps, ReactNode } from "react";
import { Button } from "@/components/ui/Button";
import { EmptyState } from "@/components/ui/EmptyState";
import { PageContainer, Stack } from "@/components/ui/PageContainer";
import { PageHeader } from "@/components/ui/PageHeader";

/** "a researcher", "an owner". */
export function withArticle(word: string): string {
  return `${/^[aeiou]/.test(word) ? "an" : "a"} ${word}`;
}

export function RoleNotice({
  breadcrumbs,
  title,
  icon,
  heading,
  description,
  back,
}: {
  breadcrumbs: ComponentProps<typeof PageHeader>["breadcrumbs"];
  title: string;
  icon: ReactNode;
  heading: string;
  description: string;
  back: { href: string; label: string };
}) {
  return (
    <PageContainer width="narrow">
      <Stack>
        <PageHeader breadcrumbs={breadcrumbs} title={title} />
        <EmptyState
          icon={icon}
          title={heading}
          description={description}
          action={
            <Button href={back.href} variant="secondary">
              {back.label}
            </Button>
          }
        />
      </Stack>
    </PageContainer>
  );
}
