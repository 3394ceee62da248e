// Checks what a compose file would store on a service with the SAME schemas the service form and
// the runtime use (lib/validation/service.ts): the image, the repository path (build context) and
// each runtime list (ports, profiles, networks, environment variable names). An import must never
// store what the form refuses (a line break, a NUL, an invisible text-direction control, an
// over-long value), nor a runtime its own schema would then read as null. Pure.
import { SERVICE_FIELD_SCHEMAS, serviceRuntimeSchema, type ServiceRuntime } from "@/lib/validation/service";
import type { RawService } from "@/lib/import/compose-spec";

/** Where a refused value is written: a path under the service (its last key is a map key or a list index). */
export type FieldProblem = { path: (string | number)[]; message: string };

type Fields = { image?: string; repositoryPath?: string; runtime: Required<ServiceRuntime> };

const firstMessage = (issues: readonly { message: string }[]) => issues[0]?.message ?? "is not valid.";

/** Where each stored runtime entry is written under the service (the first place, for an entry written twice). */
export type RuntimePlaces = Record<keyof ServiceRuntime, Map<string, (string | number)[]>>;

/**
 * The first field of one service the service form would refuse, or null. `raw` is the service as
 * the file writes it, `fields` what the import would store from it, `places` where each runtime
 * entry is written.
 */
export function serviceFieldProblem(raw: RawService, fields: Fields, places: RuntimePlaces): FieldProblem | null {
  if (fields.image !== undefined) {
    const image = SERVICE_FIELD_SCHEMAS.image.safeParse(fields.image);
    if (!image.success) return { path: ["image"], message: firstMessage(image.error.issues) };
  }
  if (fields.repositoryPath !== undefined) {
    const repositoryPath = SERVICE_FIELD_SCHEMAS.repositoryPath.safeParse(fields.repositoryPath);
    const place = typeof raw.build === "object" && raw.build !== null && raw.build.context !== undefined ? ["build", "context"] : ["build"];
    if (!repositoryPath.success) return { path: place, message: firstMessage(repositoryPath.error.issues) };
  }
  const runtime = serviceRuntimeSchema.safeParse(fields.runtime);
  if (!runtime.success) {
    const issue = runtime.error.issues[0];
    const [key, index] = issue.path;
    if (key === "ports" || key === "profiles" || key === "networks" || key === "environment") {
      const value = typeof index === "number" ? fields.runtime[key][index] : undefined;
      return { path: (value !== undefined && places[key].get(value)) || [key], message: issue.message };
    }
    return { path: [], message: issue.message };
  }
  return null;
}
