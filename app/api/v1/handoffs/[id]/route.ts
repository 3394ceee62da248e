import { apiRoute, readJson } from "@/lib/api/handler";
import { deleteHandoff, getHandoff, updateHandoff } from "@/lib/data/handoffs";

type Params = { id: string };

export const GET = apiRoute<Params>(async (caller, _req, { id }) => ({ handoff: (await getHandoff(caller, id)).handoff }));

export const PUT = apiRoute<Params>(async (caller, request, { id }) => ({ handoff: await updateHandoff(caller, id, await readJson(request)) }));

export const DELETE = apiRoute<Params>(async (caller, _req, { id }) => {
  await deleteHandoff(caller, id);
  return new Response(null, { status: 204 });
});
