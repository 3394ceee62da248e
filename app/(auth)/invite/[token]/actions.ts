"use server";
import { formValues, publicAction } from "@/lib/actions";
import { acceptInvite } from "@/lib/data/users";

export const acceptInviteAction = publicAction(
  (ctx, form) => acceptInvite(formValues(form), ctx),
  { redirectTo: () => "/signin?invited=1" },
);
