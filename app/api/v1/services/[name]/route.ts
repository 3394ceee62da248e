import { apiRoute, readJson } from "@/lib/api/handler";
import { deleteService, getService, updateService } from "@/lib/data/services";

type Params = { name: string };

export const GET = apiRoute<Params>(async (caller, _req, { name }) => ({ service: (await getService(caller, name)).service }));

export const PATCH = apiRoute<Params>(async (caller, request, { name }) => ({ service: await updateService(caller, name, await readJson(request)) }));

export const DELETE = apiRoute<Params>(async (caller, _req, { name }) => {
  await deleteService(caller, name);
  return new Response(null, { status: 204 });
});
