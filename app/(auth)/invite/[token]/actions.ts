"use server";
import { formValues, publicAction } from "@/lib/actions";
import { acceptInvite } from "@/lib/data/users";

export const acceptInviteAction = publicAction(
  (ctx, form) => acceptInvite(formValues(form) as { token: string; password: string; confirm: string }, ctx),
  { redirectTo: () => "/signin?invited=1" },
);
