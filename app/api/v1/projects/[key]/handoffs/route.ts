import { apiRoute, readJson } from "@/lib/api/handler";
import { createHandoff, listHandoffs } from "@/lib/data/handoffs";

type Params = { key: string };

export const GET = apiRoute<Params>(async (caller, _req, { key }) => ({ handoffs: (await listHandoffs(caller, key)).handoffs }));

export const POST = apiRoute<Params>(
  async (caller, request, { key }) => ({ handoff: await createHandoff(caller, key, await readJson(request)) }),
  { status: 201 },
);
