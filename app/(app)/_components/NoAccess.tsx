// What a page shows when lib/data/ refused the caller (ForbiddenError): calm, not a crash.
import { EmptyState } from "@/components/ui/EmptyState";
import { Button } from "@/components/ui/Button";
import { IconShield } from "@/components/ui/icons";

export function NoAccess({ message, description }: { message: string; description?: string }) {
  return (
    <EmptyState
      icon={<IconShield size={20} />}
      title="You don't have access"
      description={
        <>
          {message}
          {description ? ` ${description}` : null}
        </>
      }
      action={
        <Button href="/projects" variant="secondary">
          Back to projects
        </Button>
      }
    />
  );
}
