// Instance admins manage accounts here: create (with an invite link), grant or remove admin,
// disable or enable, and issue fresh invite or reset links.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ActionForm, FormField, SubmitButton } from "@/components/forms/ActionForm";
import { Avatar } from "@/components/ui/Avatar";
import { Badge } from "@/components/ui/Badge";
import { Card } from "@/components/ui/Card";
import { Input } from "@/components/ui/Input";
import { Stack } from "@/components/ui/PageContainer";
import { RelativeTime } from "@/components/ui/RelativeTime";
import { Table } from "@/components/ui/Table";
import type { Tone } from "@/components/ui/status";
import { requireActorOrRedirect } from "@/lib/auth/session";
import { INVITE_TTL_DAYS, listUsers } from "@/lib/data/users";
import { lockedOutAccounts } from "@/lib/data/signin";
import { ForbiddenError } from "@/lib/errors";
import { ActionRow, RowForm } from "../../_components/RowActions";
import styles from "../../_components/pages.module.css";
import { InviteLinkResult } from "./InviteLinkResult";
import { createUserAction, reissueInviteAction, setAdminAction, setDisabledAction, unlockSignInAction } from "./actions";
import { NEW_USER_LABELS } from "@/lib/validation/labels";

export const metadata: Metadata = { title: "Users · Admin" };

type UserRow = Awaited<ReturnType<typeof listUsers>>[number];

type AccountStatus = { key: "active" | "invited" | "disabled"; label: string; tone: Tone; inviteExpiresAt?: Date; inviteExpired?: boolean };

/** Disabled wins; an account with a pending invite that has never signed in is still "Invited". */
function accountStatus(user: UserRow, now: Date): AccountStatus {
  if (user.disabledAt) return { key: "disabled", label: "Disabled", tone: "red" };
  const invite = user.invites[0];
  if (invite && !user.lastSignInAt) {
    const expired = invite.expiresAt <= now;
    return { key: "invited", label: expired ? "Invite expired" : "Invited", tone: expired ? "amber" : "blue", inviteExpiresAt: invite.expiresAt, inviteExpired: expired };
  }
  return { key: "active", label: "Active", tone: "green" };
}

const INVITE_HINT = `Copy it now and send it to them; it is not shown again. The link works once and expires in ${INVITE_TTL_DAYS} days.`;

export default async function AdminUsersPage() {
  const actor = await requireActorOrRedirect("/admin/users");
  let users: UserRow[];
  let locked: Set<string>;
  try {
    users = await listUsers(actor);
    locked = await lockedOutAccounts(actor, users.map((u) => u.email));
  } catch (error) {
    // A real 404 status (not a 200 saying "no access"), as for any page one may not see; the
    // refusal is already in the audit log.
    if (error instanceof ForbiddenError) notFound();
    throw error;
  }
  const now = new Date();
  const rows = users.map((user) => ({ user, status: accountStatus(user, now) }));
  const count = (key: AccountStatus["key"]) => rows.filter((r) => r.status.key === key).length;
  const admins = users.filter((u) => u.isAdmin && !u.disabledAt).length;
  const summary = [
    `${users.length} ${users.length === 1 ? "account" : "accounts"}`,
    `${admins} ${admins === 1 ? "admin" : "admins"}`,
    count("invited") > 0 ? `${count("invited")} invited` : null,
    count("disabled") > 0 ? `${count("disabled")} disabled` : null,
  ]
    .filter(Boolean)
    .join(" · ");

  return (
    <Stack gap={6}>
      <Card title="Users" description={summary} padding="none">
        <Table framed={false} caption="Users of this instance">
          <thead>
            <tr>
              <th scope="col">User</th>
              <th scope="col">Status</th>
              <th scope="col" data-align="right">
                Projects
              </th>
              <th scope="col">Last sign-in</th>
              <th scope="col" data-align="right">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ user, status }) => {
              const self = user.id === actor.id;
              return (
                <ActionRow
                  key={user.id}
                  colSpan={5}
                  className={status.key === "disabled" ? styles.dimmed : undefined}
                  results={{ inviteUrl: { hint: INVITE_HINT } }}
                  data-testid={`user-${user.email}`}
                >
                  <td>
                    <span className={styles.person}>
                      <Avatar name={user.name} size="md" decorative />
                      <span>
                        <span className={styles.personName}>
                          {user.name}
                          {user.isAdmin && (
                            <Badge tone="violet" size="sm" title="Instance admin">
                              Admin
                            </Badge>
                          )}
                        </span>
                        <span className={styles.sub}>{user.email}</span>
                      </span>
                    </span>
                  </td>
                  <td className={styles.nowrap}>
                    <Badge tone={status.tone} dot size="sm">
                      {status.label}
                    </Badge>
                    {locked.has(user.email) && (
                      <Badge tone="amber" size="sm" title="Too many wrong passwords lately: password sign-in waits until the window ends, or until you unlock it.">
                        Sign-in locked
                      </Badge>
                    )}
                    {status.inviteExpiresAt && (
                      <span className={styles.sub}>
                        {status.inviteExpired ? "Link expired " : "Link expires "}
                        <RelativeTime date={status.inviteExpiresAt} now={now} />
                      </span>
                    )}
                  </td>
                  <td data-align="right" className="tabular">
                    {user._count.memberships}
                  </td>
                  <td className={styles.nowrap}>
                    {user.lastSignInAt ? <RelativeTime date={user.lastSignInAt} now={now} /> : <span className="muted">Never</span>}
                  </td>
                  <td data-align="right">
                    {self ? (
                      <span className={styles.you} title="Ask another admin to change your own account.">
                        You
                      </span>
                    ) : (
                      <div className={styles.cellActions}>
                        {status.key !== "disabled" && (
                          <RowForm action={reissueInviteAction} hidden={{ userId: user.id, name: user.name, kind: status.key === "invited" ? "invite" : "reset" }} aria-label={`New invite link for ${user.name}`}>
                            <SubmitButton size="sm" variant="ghost">
                              {status.key === "invited" ? "New invite link" : "Reset password link"}
                            </SubmitButton>
                          </RowForm>
                        )}
                        {locked.has(user.email) && (
                          <RowForm action={unlockSignInAction} hidden={{ userId: user.id }} aria-label={`Unlock sign-in for ${user.name}`}>
                            <SubmitButton size="sm" variant="secondary">
                              Unlock sign-in
                            </SubmitButton>
                          </RowForm>
                        )}
                        <RowForm action={setAdminAction} hidden={{ userId: user.id, isAdmin: String(!user.isAdmin) }} aria-label={`Change admin role of ${user.name}`}>
                          <SubmitButton size="sm" variant="secondary">
                            {user.isAdmin ? "Remove admin" : "Make admin"}
                          </SubmitButton>
                        </RowForm>
                        <RowForm
                          action={setDisabledAction}
                          hidden={{ userId: user.id, disabled: String(!user.disabledAt) }}
                          aria-label={`${user.disabledAt ? "Enable" : "Disable"} ${user.name}`}
                        >
                          <SubmitButton size="sm" variant="secondary">
                            {user.disabledAt ? "Enable" : "Disable"}
                          </SubmitButton>
                        </RowForm>
                      </div>
                    )}
                  </td>
                </ActionRow>
              );
            })}
          </tbody>
        </Table>
      </Card>

      <Card
        id="create-user"
        title="Create user"
        description="New accounts start without a password. You get a one-time invite link to send them, and they choose their own password."
      >
        <ActionForm action={createUserAction} resetOnSuccess quietSuccess className={styles.form} aria-label="Create user">
          <div className={styles.formGrid}>
            <FormField name="name" label={NEW_USER_LABELS.name} required>
              <Input name="name" autoComplete="off" placeholder="Ada Lindqvist" maxLength={100} />
            </FormField>
            <FormField name="email" label={NEW_USER_LABELS.email} required>
              <Input name="email" type="email" autoComplete="off" placeholder="ada@example.com" maxLength={320} />
            </FormField>
          </div>
          <label className={styles.checkbox}>
            <input type="checkbox" name="isAdmin" />
            <span className={styles.checkboxLabel}>{NEW_USER_LABELS.isAdmin}</span>
            <span className={styles.checkboxHint}>Can manage users, read the audit log and act as an owner in every project.</span>
          </label>
          <div className={styles.formActions}>
            <SubmitButton>Create user</SubmitButton>
            <span className={styles.formActionsNote}>Add them to projects from each project&apos;s settings.</span>
          </div>
          <InviteLinkResult hint={INVITE_HINT} />
        </ActionForm>
      </Card>
    </Stack>
  );
}
