import { apiRoute } from "@/lib/api/handler";
import { getProjectPlan } from "@/lib/data/plan";

type Params = { key: string };

export const GET = apiRoute<Params>(async (caller, _req, { key }) => ({ plan: await getProjectPlan(caller, key) }));
