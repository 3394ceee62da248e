"use server";
import { authAction, field } from "@/lib/actions";
import { changeOwnPassword } from "@/lib/data/users";

// Changing the password bumps the session version, which ends every session including this
// one, so the form sends the user to sign in again with the new password.
export const changePasswordAction = authAction(
  (caller, form) =>
    changeOwnPassword(caller, {
      current: field(form, "current"),
      password: field(form, "password"),
      confirm: field(form, "confirm"),
    }),
  { redirectTo: () => "/signin?changed=1" },
);
