import { apiRoute, readJson } from "@/lib/api/handler";
import { transitionHandoff } from "@/lib/data/handoffs";

type Params = { id: string };

/** { "transition": "submit" | "requestChanges" | "accept" | "archive" | "reopen", "note"?: string } */
export const POST = apiRoute<Params>(async (caller, request, { id }) => ({ handoff: await transitionHandoff(caller, id, await readJson(request)) }));
