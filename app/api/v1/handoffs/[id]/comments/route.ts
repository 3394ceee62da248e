import { apiRoute, readJson } from "@/lib/api/handler";
import { addComment } from "@/lib/data/comments";

type Params = { id: string };

export const POST = apiRoute<Params>(async (caller, request, { id }) => ({ comment: await addComment(caller, id, await readJson(request)) }), { status: 201 });
