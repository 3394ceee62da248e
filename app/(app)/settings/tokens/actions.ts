"use server";
import { authAction, field, optionalField } from "@/lib/actions";
import { createToken, revokeToken } from "@/lib/data/tokens";
import { requestOrigin } from "../../_lib/origin";

export const createTokenAction = authAction(
  async (caller, form) => {
    const created = await createToken(caller, { name: field(form, "name"), expiresInDays: optionalField(form, "expiresInDays") });
    const origin = await requestOrigin();
    return { ...created, curl: `curl -H "Authorization: Bearer ${created.token}" ${origin}/api/v1/projects` };
  },
  {
    success: (t) => `Token “${t.name}” created`,
    result: (t) => ({ token: t.token, curl: t.curl }),
    revalidate: "/settings/tokens",
  },
);

export const revokeTokenAction = authAction((caller, form) => revokeToken(caller, field(form, "tokenId")), {
  success: "Token revoked. Requests using it now get 401.",
  revalidate: "/settings/tokens",
});
