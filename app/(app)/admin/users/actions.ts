"use server";
import { authAction, field } from "@/lib/actions";
import { createUser, INVITE_TTL_DAYS, reissueInvite, setUserAdmin, setUserDisabled } from "@/lib/data/users";
import { unlockSignIn } from "@/lib/data/signin";
import { requestOrigin } from "../../_lib/origin";

const inviteUrl = async (token: string) => `${await requestOrigin()}/invite/${encodeURIComponent(token)}`;

export const createUserAction = authAction(
  async (caller, form) => {
    const created = await createUser(caller, {
      name: field(form, "name"),
      email: field(form, "email"),
      isAdmin: form.get("isAdmin") === "on",
    });
    return { name: created.user.name, inviteUrl: await inviteUrl(created.inviteToken) };
  },
  {
    success: (r) => `${r.name} was added. Send them this invite link to set a password; it expires in ${INVITE_TTL_DAYS} days.`,
    result: (r) => ({ inviteUrl: r.inviteUrl }),
    revalidate: "/admin/users",
  },
);

export const reissueInviteAction = authAction(
  async (caller, form) => {
    const issued = await reissueInvite(caller, field(form, "userId"));
    return { name: field(form, "name") || "this user", reset: field(form, "kind") === "reset", inviteUrl: await inviteUrl(issued.inviteToken) };
  },
  {
    success: (r) =>
      r.reset
        ? `Password reset link for ${r.name}. Their current password keeps working until they use it.`
        : `New invite link for ${r.name}. Earlier links no longer work.`,
    result: (r) => ({ inviteUrl: r.inviteUrl }),
    revalidate: "/admin/users",
  },
);

export const setAdminAction = authAction(
  (caller, form) => setUserAdmin(caller, field(form, "userId"), field(form, "isAdmin") === "true"),
  {
    success: (u) => (u.isAdmin ? `${u.name} is now an instance admin.` : `${u.name} is no longer an instance admin.`),
    revalidate: "/admin/users",
  },
);

export const setDisabledAction = authAction(
  (caller, form) => setUserDisabled(caller, field(form, "userId"), field(form, "disabled") === "true"),
  {
    success: (u) =>
      u.disabledAt ? `${u.name} is disabled and signed out everywhere. Their API tokens stop working too.` : `${u.name} can sign in again.`,
    revalidate: "/admin/users",
  },
);

export const unlockSignInAction = authAction((caller, form) => unlockSignIn(caller, field(form, "userId")), {
  success: (u) => `${u.name} can try their password again now.`,
  revalidate: "/admin/users",
});
