import { apiRoute, readJson } from "@/lib/api/handler";
import { addMember, listMembers } from "@/lib/data/memberships";

type Params = { key: string };

export const GET = apiRoute<Params>(async (caller, _req, { key }) => ({ members: (await listMembers(caller, key)).members }));

export const POST = apiRoute<Params>(
  async (caller, request, { key }) => ({ membership: await addMember(caller, key, await readJson(request)) }),
  { status: 201 },
);
