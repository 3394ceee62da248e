// Project settings. Owners (and instance admins) edit the details, manage members and archive;
// everyone else in the project sees who is in it and with which role.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ActionForm, FormField, SubmitButton } from "@/components/forms/ActionForm";
import { Alert } from "@/components/ui/Alert";
import { Avatar } from "@/components/ui/Avatar";
import { Badge, StatusBadge } from "@/components/ui/Badge";
import { Card } from "@/components/ui/Card";
import { Input, Select, Textarea } from "@/components/ui/Input";
import { PageContainer, Stack } from "@/components/ui/PageContainer";
import { PageHeader } from "@/components/ui/PageHeader";
import { Button } from "@/components/ui/Button";
import { RelativeTime } from "@/components/ui/RelativeTime";
import { Table } from "@/components/ui/Table";
import { ROLE_LABELS, ROLES, roleAllows, type ProjectRole } from "@/lib/auth/permissions";
import { requireActorOrRedirect } from "@/lib/auth/session";
import { listMembers } from "@/lib/data/memberships";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { NoAccess } from "../../../_components/NoAccess";
import { ActionRow, RowForm } from "../../../_components/RowActions";
import styles from "../../../_components/pages.module.css";
import { addMemberAction, changeRoleAction, leaveProjectAction, removeMemberAction, setArchivedAction, updateProjectAction } from "./actions";
import { LIMITS, formatCount } from "@/lib/validation/limits";
import { PROJECT_LABELS, MEMBER_LABELS } from "@/lib/validation/labels";

type Params = Promise<{ key: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { key } = await params;
  return { title: `Settings · ${key}` };
}

/** What each role may do, in words; follows PROJECT_MATRIX in lib/auth/permissions.ts. */
const ROLE_SUMMARY: Record<ProjectRole, string> = {
  viewer: "read everything in the project",
  researcher: "read, write handoffs and comment",
  engineer: "read, review handoffs, comment and manage milestones",
  manager: "do all of that, accept handoffs and delete milestones",
  owner: "do everything, including settings, members and archiving",
};

function RoleOptions() {
  return ROLES.map((role) => (
    <option key={role} value={role}>
      {ROLE_LABELS[role]}
    </option>
  ));
}

export default async function ProjectSettingsPage({ params }: { params: Params }) {
  const { key } = await params;
  const actor = await requireActorOrRedirect(`/projects/${encodeURIComponent(key)}/settings`);
  let data: Awaited<ReturnType<typeof listMembers>>;
  try {
    data = await listMembers(actor, key);
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    if (error instanceof ForbiddenError) return <NoAccess message={error.message} />;
    throw error;
  }
  const { project, role, members } = data;
  const canManage = roleAllows(role, "membership", "manage");
  const canEdit = roleAllows(role, "project", "update");
  const canArchive = roleAllows(role, "project", "archive");
  const owners = members.filter((m) => m.role === "owner").length;
  const now = new Date();
  const hidden = { key: project.key };

  return (
    <PageContainer width="default">
      <Stack gap={6}>
        <PageHeader
          title="Settings"
          description={canManage ? `Details, members and archiving for ${project.name}.` : `Who works on ${project.name}, and with which role.`}
          actions={
            <Button href={`/projects/${project.key}/settings/templates`} variant="secondary">
              Handoff templates
            </Button>
          }
        />
        {project.archivedAt && (
          <Alert tone="warning" title="This project is archived">
            It is hidden from the projects list and the sidebar since <RelativeTime date={project.archivedAt} now={now} mode="date" />.
            {canArchive ? " Unarchive it in the danger zone below to bring it back." : " An owner can unarchive it."}
          </Alert>
        )}
        {!canManage && (
          <Alert tone="info" title="Only project owners can change settings and manage members">
            Your role in {project.name} is {ROLE_LABELS[role].toLowerCase()}: you can {ROLE_SUMMARY[role]}. Ask an owner if you need a
            different role.
          </Alert>
        )}

        {canEdit && (
          <Card title="General" description="The name and description shown on the project overview and in lists.">
            <ActionForm action={updateProjectAction} guardUnsaved className={styles.form} aria-label="Project details">
              <input type="hidden" name="key" value={project.key} />
              <div className={styles.formGridWide}>
                <FormField name="name" label={PROJECT_LABELS.name} required>
                  <Input name="name" defaultValue={project.name} maxLength={LIMITS.project.name} autoComplete="off" />
                </FormField>
                <FormField name="key" label={PROJECT_LABELS.key} hint="Keys never change: they are part of links and milestone ids.">
                  <Input value={project.key} readOnly className="mono" aria-readonly />
                </FormField>
              </div>
              <FormField name="description" label={PROJECT_LABELS.description} hint={`Plain text, up to ${formatCount(LIMITS.project.description)} characters.`} optional>
                <Textarea name="description" defaultValue={project.description} rows={4} maxLength={LIMITS.project.description} />
              </FormField>
              <div className={styles.formActions}>
                <SubmitButton>Save changes</SubmitButton>
              </div>
            </ActionForm>
          </Card>
        )}

        <Card
          title="Members"
          description={`${members.length} ${members.length === 1 ? "member" : "members"} · ${owners} ${owners === 1 ? "owner" : "owners"}${
            actor.isAdmin ? " · Instance admins can open every project as owners without being listed here." : ""
          }`}
          padding="none"
        >
          <Table framed={false} caption={`Members of ${project.name}`}>
            <thead>
              <tr>
                <th scope="col">Member</th>
                <th scope="col">Email</th>
                <th scope="col">Role</th>
                <th scope="col">Added</th>
                {canManage && (
                  <th scope="col" data-align="right">
                    <span className="sr-only">Actions</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {members.length === 0 && (
                <tr>
                  <td colSpan={canManage ? 5 : 4} className="muted">
                    No members yet. Add the first one below.
                  </td>
                </tr>
              )}
              {members.map((m) => {
                const self = m.user.id === actor.id;
                const memberHidden = { ...hidden, userId: m.user.id, name: m.user.name };
                return (
                  <ActionRow key={m.id} colSpan={canManage ? 5 : 4} data-testid={`member-${m.user.email}`}>
                    <td>
                      <span className={styles.person}>
                        <Avatar name={m.user.name} size="sm" decorative />
                        <span className={styles.personName}>
                          {m.user.name}
                          {self && (
                            <Badge size="sm" tone="gray">
                              You
                            </Badge>
                          )}
                          {m.user.disabledAt && (
                            <Badge size="sm" tone="red">
                              Disabled
                            </Badge>
                          )}
                        </span>
                      </span>
                    </td>
                    <td className={styles.nowrap}>{m.user.email}</td>
                    <td>
                      {canManage ? (
                        <RowForm action={changeRoleAction} hidden={memberHidden} aria-label={`Role of ${m.user.name}`}>
                          <Select
                            name="role"
                            defaultValue={m.role}
                            controlSize="sm"
                            className={styles.roleSelect}
                            aria-label={`Role of ${m.user.name}`}
                          >
                            <RoleOptions />
                          </Select>
                          <SubmitButton size="sm" variant="secondary">
                            Save
                          </SubmitButton>
                        </RowForm>
                      ) : (
                        <StatusBadge kind="role" value={m.role} size="sm" />
                      )}
                    </td>
                    <td className={styles.nowrap}>
                      <RelativeTime date={m.createdAt} now={now} />
                    </td>
                    {canManage && (
                      <td data-align="right">
                        <RowForm
                          action={self ? leaveProjectAction : removeMemberAction}
                          hidden={memberHidden}
                          aria-label={self ? "Leave this project" : `Remove ${m.user.name}`}
                        >
                          <SubmitButton size="sm" variant="ghost">
                            {self ? "Leave" : "Remove"}
                          </SubmitButton>
                        </RowForm>
                      </td>
                    )}
                  </ActionRow>
                );
              })}
            </tbody>
          </Table>
        </Card>

        {canManage && (
          <Card title="Add member" description="They need an account on this instance first; an instance admin can invite them.">
            <ActionForm action={addMemberAction} resetOnSuccess className={styles.form} aria-label="Add member">
              <input type="hidden" name="key" value={project.key} />
              <div className={styles.formGridWide}>
                <FormField name="email" label={MEMBER_LABELS.email} required>
                  <Input name="email" type="email" autoComplete="off" placeholder="teammate@example.com" />
                </FormField>
                <FormField name="role" label={MEMBER_LABELS.role} required>
                  <Select name="role" defaultValue="engineer">
                    {ROLES.map((r) => (
                      <option key={r} value={r}>
                        {ROLE_LABELS[r]}
                      </option>
                    ))}
                  </Select>
                </FormField>
              </div>
              <ul className={styles.roleList}>
                {ROLES.map((r) => (
                  <li key={r}>
                    <strong>{ROLE_LABELS[r]}</strong> can {ROLE_SUMMARY[r]}
                  </li>
                ))}
              </ul>
              <div className={styles.formActions}>
                <SubmitButton>Add member</SubmitButton>
              </div>
            </ActionForm>
          </Card>
        )}

        {canArchive && (
          <Card title="Danger zone" className={styles.danger}>
            <ActionForm action={setArchivedAction} aria-label={project.archivedAt ? "Unarchive project" : "Archive project"} className={styles.form}>
              <input type="hidden" name="key" value={project.key} />
              <input type="hidden" name="archived" value={project.archivedAt ? "false" : "true"} />
              <div className={styles.dangerRow}>
                <div className={styles.dangerText}>
                  <span className={styles.dangerTitle}>{project.archivedAt ? "Unarchive this project" : "Archive this project"}</span>
                  <span className={styles.dangerDescription}>
                    {project.archivedAt
                      ? "Brings the project back to the projects list and the sidebar for every member."
                      : "Hides the project from the projects list and the sidebar. Nothing is deleted: handoffs, milestones and links stay, and you can unarchive it at any time."}
                  </span>
                </div>
                <SubmitButton variant={project.archivedAt ? "secondary" : "danger"}>
                  {project.archivedAt ? "Unarchive project" : "Archive project"}
                </SubmitButton>
              </div>
            </ActionForm>
          </Card>
        )}
      </Stack>
    </PageContainer>
  );
}
