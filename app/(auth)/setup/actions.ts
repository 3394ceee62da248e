"use server";
import { formValues, publicAction } from "@/lib/actions";
import { createFirstAdmin } from "@/lib/data/users";

export const setupAction = publicAction(
  (ctx, form) => createFirstAdmin(formValues(form), ctx),
  { redirectTo: () => "/signin?invited=1" },
);
