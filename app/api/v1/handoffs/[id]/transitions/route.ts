import { apiRoute, readJson } from "@/lib/api/handler";
import { transitionHandoff } from "@/lib/data/handoffs";
import type { HandoffTransition } from "@/lib/validation/handoff";

type Params = { id: string };

/** { "transition": "submit" | "requestChanges" | "accept" | "archive" | "reopen" } */
export const POST = apiRoute<Params>(async (caller, request, { id }) => {
  const body = (await readJson(request)) as { transition?: HandoffTransition };
  return { handoff: await transitionHandoff(caller, id, body.transition as HandoffTransition) };
});
