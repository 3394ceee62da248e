import { apiRoute } from "@/lib/api/handler";
import { removeServiceDependency } from "@/lib/data/service-dependencies";

type Params = { name: string; dependencyId: string };

export const DELETE = apiRoute<Params>(async (caller, _request, { name, dependencyId }) => ({ removed: await removeServiceDependency(caller, name, dependencyId) }));
