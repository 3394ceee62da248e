"use server";
import { formValues, publicAction } from "@/lib/actions";
import { acceptInvite } from "@/lib/data/users";

export const acceptInviteAction = publicAction(
  (ctx, form) => acceptInvite(formValues(form), ctx),
  // The sign-in page prefills the address (it checks that it is one) and focuses the password.
  { redirectTo: (r) => `/signin?invited=1&email=${encodeURIComponent(r.email)}` },
);
