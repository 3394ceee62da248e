import { apiRoute } from "@/lib/api/handler";
import { listRevisions } from "@/lib/data/handoff-revisions";

type Params = { id: string };

export const GET = apiRoute<Params>(async (caller, _req, { id }) => ({ revisions: (await listRevisions(caller, id)).revisions }));
