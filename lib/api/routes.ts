// Every REST endpoint under /api/v1 and the methods it answers, for the two answers Next.js would
// otherwise give without problem JSON: a known path with a method it does not take (Next answers
// an empty 405 with no Allow header) is answered here, from proxy.ts, with 405, problem JSON and
// Allow; an unknown path reaches app/api/v1/[[...path]]/route.ts, which answers 404 problem JSON.
// tests/integration/input-hygiene.test.ts checks this table against the route files on disk.
import { AppError, toProblem } from "@/lib/errors";

export const API_PREFIX = "/api/v1";

/** Path (under /api/v1, [param] for one segment) → the methods its route.ts exports. */
export const API_ROUTES: Record<string, readonly string[]> = {
  "/audit": ["GET"],
  "/handoffs/[id]": ["GET", "PUT", "DELETE"],
  "/handoffs/[id]/approvals": ["GET", "POST"],
  "/handoffs/[id]/attachments": ["POST"],
  "/handoffs/[id]/attachments/[attachmentId]": ["GET"],
  "/handoffs/[id]/comments": ["POST"],
  "/handoffs/[id]/comments/[commentId]": ["PATCH", "DELETE"],
  "/handoffs/[id]/decompose": ["POST"],
  "/handoffs/[id]/export": ["GET"],
  "/handoffs/[id]/milestones": ["PUT"],
  "/handoffs/[id]/revisions": ["GET"],
  "/handoffs/[id]/transitions": ["POST"],
  "/map-imports": ["POST"],
  "/maps/services": ["GET"],
  "/milestones/[id]": ["PATCH", "DELETE"],
  "/milestones/[id]/dependencies": ["POST"],
  "/milestones/[id]/dependencies/[dependsOnId]": ["DELETE"],
  "/milestones/[id]/services": ["PUT"],
  "/milestones/[id]/status": ["POST"],
  "/projects": ["GET", "POST"],
  "/projects/[key]": ["GET", "PATCH"],
  "/projects/[key]/handoffs": ["GET", "POST"],
  "/projects/[key]/imports/compose": ["POST"],
  "/projects/[key]/map": ["GET"],
  "/projects/[key]/map/pins": ["PUT", "DELETE"],
  "/projects/[key]/map/pins/[node]": ["DELETE"],
  "/projects/[key]/map-export": ["GET"],
  "/projects/[key]/members": ["GET", "POST"],
  "/projects/[key]/milestones": ["GET", "POST"],
  "/projects/[key]/plan": ["GET"],
  "/services": ["GET", "POST"],
  "/services/[name]": ["GET", "PATCH", "DELETE"],
  "/services/[name]/imports/openapi": ["POST"],
  "/services/[name]/dependencies": ["POST"],
  "/services/[name]/dependencies/[dependencyId]": ["DELETE"],
  "/services/[name]/interfaces": ["POST"],
  "/services/[name]/interfaces/[interfaceId]": ["PATCH", "DELETE"],
  "/services/[name]/retire": ["POST"],
};

const compiled = Object.entries(API_ROUTES).map(([path, methods]) => ({
  re: new RegExp(`^${path.replace(/\[[^\]/]+\]/g, "[^/]+")}/?$`),
  // Next.js answers HEAD for a GET route and OPTIONS for every route itself.
  allow: [...new Set([...methods, ...(methods.includes("GET") ? ["HEAD"] : []), "OPTIONS"])].sort(),
}));

/** The methods a path under /api/v1 answers (Allow), or null when no endpoint has that path. */
export function allowedMethods(pathname: string): string[] | null {
  if (!pathname.startsWith(`${API_PREFIX}/`)) return null;
  const rest = pathname.slice(API_PREFIX.length);
  return compiled.find((r) => r.re.test(rest))?.allow ?? null;
}

const problem = (error: AppError, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(toProblem(error)), { status: error.status, headers: { "content-type": "application/problem+json", "cache-control": "no-store", ...headers } });

/** 405 with Allow when `method` is not one a known /api/v1 path takes; null otherwise (let the route answer). */
export function methodNotAllowed(method: string, pathname: string): Response | null {
  const allow = allowedMethods(pathname);
  if (!allow || allow.includes(method.toUpperCase())) return null;
  const takes = allow.filter((m) => m !== "HEAD" && m !== "OPTIONS");
  const error = new AppError(`${pathname} does not take ${method.toUpperCase()}; it takes ${takes.join(", ")}.`, 405, "method_not_allowed");
  return problem(error, { allow: allow.join(", ") });
}

/** 404 problem JSON for a path under /api/v1 that names no endpoint. */
export function noSuchEndpoint(pathname: string): Response {
  return problem(new AppError(`There is no API endpoint at ${pathname}. The endpoints are listed in docs/api.md.`, 404, "not_found"));
}
