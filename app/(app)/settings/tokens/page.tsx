// Personal API tokens: create one (shown once), see when each was last used, revoke.
import type { Metadata } from "next";
import { ActionForm, FormField, SubmitButton } from "@/components/forms/ActionForm";
import { Badge } from "@/components/ui/Badge";
import { Card } from "@/components/ui/Card";
import { EmptyState } from "@/components/ui/EmptyState";
import { IconKey } from "@/components/ui/icons";
import { Input, Select } from "@/components/ui/Input";
import { Stack } from "@/components/ui/PageContainer";
import { RelativeTime } from "@/components/ui/RelativeTime";
import { Table } from "@/components/ui/Table";
import type { Tone } from "@/components/ui/status";
import { requireActorOrRedirect } from "@/lib/auth/session";
import { listOwnTokens } from "@/lib/data/tokens";
import { CopyResult, ResultValue } from "../../_components/CopyResult";
import { ActionRow, RowForm } from "../../_components/RowActions";
import styles from "../../_components/pages.module.css";
import { requestOrigin } from "../../_lib/origin";
import { createTokenAction, revokeTokenAction } from "./actions";
import { TOKEN_LABELS } from "@/lib/validation/labels";

export const metadata: Metadata = { title: "API tokens · Settings" };

type Token = Awaited<ReturnType<typeof listOwnTokens>>[number];

function tokenStatus(token: Token, now: Date): { label: string; tone: Tone; active: boolean } {
  if (token.revokedAt) return { label: "Revoked", tone: "muted", active: false };
  if (token.expiresAt && token.expiresAt <= now) return { label: "Expired", tone: "amber", active: false };
  return { label: "Active", tone: "green", active: true };
}

const EXPIRY_OPTIONS = [
  { value: "7", label: "7 days" },
  { value: "30", label: "30 days" },
  { value: "90", label: "90 days" },
  { value: "180", label: "180 days" },
  { value: "365", label: "1 year" },
  { value: "", label: "Never" },
];

export default async function ApiTokensPage() {
  const actor = await requireActorOrRedirect("/settings/tokens");
  const [tokens, origin] = await Promise.all([listOwnTokens(actor), requestOrigin()]);
  const now = new Date();
  const active = tokens.filter((t) => tokenStatus(t, now).active).length;

  return (
    <Stack gap={6}>
      <Card
        title="Create token"
        description={
          <>
            Tokens act as you in the REST API at <code>{origin}/api/v1</code>, with your roles in each project. Give each
            script or integration its own token so you can revoke one without breaking the others.
          </>
        }
      >
        <ActionForm action={createTokenAction} resetOnSuccess quietSuccess className={styles.form} aria-label="Create token">
          <div className={styles.formGridWide}>
            <FormField name="name" label={TOKEN_LABELS.name} hint="What uses it, e.g. “CI milestone sync”." required>
              <Input name="name" autoComplete="off" maxLength={80} placeholder="CI milestone sync" />
            </FormField>
            <FormField name="expiresInDays" label={TOKEN_LABELS.expiresInDays} hint="Shorter is safer.">
              <Select name="expiresInDays" defaultValue="90">
                {EXPIRY_OPTIONS.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </Select>
            </FormField>
          </div>
          <div className={styles.formActions}>
            <SubmitButton>Create token</SubmitButton>
          </div>
          <CopyResult name="token" hint="Copy it now; it won't be shown again. Legible stores only a hash of it.">
            <ResultValue name="curl" label="Try it" block />
          </CopyResult>
        </ActionForm>
      </Card>

      <Card
        title="Your tokens"
        description={tokens.length > 0 ? `${active} active of ${tokens.length}` : undefined}
        padding={tokens.length > 0 ? "none" : "md"}
      >
        {tokens.length === 0 ? (
          <EmptyState
            variant="plain"
            icon={<IconKey size={20} />}
            title="No API tokens yet"
            description="Create one above to call the API from scripts, CI jobs or notebooks."
          />
        ) : (
          <Table framed={false} caption="Your API tokens">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Token</th>
                <th scope="col">Last used</th>
                <th scope="col">Expires</th>
                <th scope="col">Status</th>
                <th scope="col" data-align="right">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {tokens.map((token) => {
                const status = tokenStatus(token, now);
                return (
                  <ActionRow key={token.id} colSpan={6} className={status.active ? undefined : styles.dimmed} data-testid={`token-${token.name}`}>
                    <td>
                      <span className={styles.personName}>{token.name}</span>
                      <span className={styles.sub}>
                        Created <RelativeTime date={token.createdAt} now={now} />
                      </span>
                    </td>
                    <td className={`${styles.nowrap} mono`}>{token.prefix}…</td>
                    <td className={styles.nowrap}>
                      {token.lastUsedAt ? <RelativeTime date={token.lastUsedAt} now={now} /> : <span className="muted">Never</span>}
                    </td>
                    <td className={styles.nowrap}>
                      {token.revokedAt ? (
                        <span className="muted">—</span>
                      ) : token.expiresAt ? (
                        <RelativeTime date={token.expiresAt} now={now} mode="date" />
                      ) : (
                        <span className="muted">Never</span>
                      )}
                    </td>
                    <td>
                      <Badge tone={status.tone} dot size="sm">
                        {status.label}
                      </Badge>
                      {token.revokedAt && (
                        <span className={styles.sub}>
                          <RelativeTime date={token.revokedAt} now={now} />
                        </span>
                      )}
                    </td>
                    <td data-align="right">
                      {status.active && (
                        <RowForm action={revokeTokenAction} hidden={{ tokenId: token.id }} aria-label={`Revoke ${token.name}`}>
                          <SubmitButton size="sm" variant="secondary">
                            Revoke
                          </SubmitButton>
                        </RowForm>
                      )}
                    </td>
                  </ActionRow>
                );
              })}
            </tbody>
          </Table>
        )}
      </Card>
    </Stack>
  );
}
