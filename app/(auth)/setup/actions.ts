"use server";
import { publicAction } from "@/lib/actions";
import { createFirstAdmin } from "@/lib/data/users";
import { formValues } from "@/lib/actions";

export const setupAction = publicAction(
  (ctx, form) => createFirstAdmin(formValues(form) as { name: string; email: string; password: string; confirm: string }, ctx),
  { redirectTo: () => "/signin?invited=1" },
);
