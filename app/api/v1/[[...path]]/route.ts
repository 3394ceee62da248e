// /api/v1 itself and any path under it that no route handles: 404 problem JSON, whatever the method (not
// Next.js's HTML page). A known path with a wrong method is answered by proxy.ts (lib/api/routes.ts).
import { noSuchEndpoint } from "@/lib/api/routes";

const notFound = (request: Request) => noSuchEndpoint(new URL(request.url).pathname.slice(0, 500));

export const GET = notFound;
export const HEAD = notFound;
export const POST = notFound;
export const PUT = notFound;
export const PATCH = notFound;
export const DELETE = notFound;
export const OPTIONS = notFound;
