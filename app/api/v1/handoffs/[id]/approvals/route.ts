import { apiRoute, readJson } from "@/lib/api/handler";
import { approveHandoff, listApprovals } from "@/lib/data/handoff-review";

type Params = { id: string };

export const GET = apiRoute<Params>(async (caller, _request, { id }) => ({ approvals: await listApprovals(caller, id) }));

/** { "version": <the version you read>, "note"?: string }: approve a handoff in review. */
export const POST = apiRoute<Params>(async (caller, request, { id }) => ({ approval: await approveHandoff(caller, id, await readJson(request)) }), { status: 201 });
