// One wrapper for every server action: resolves the caller, runs the data function, and turns
// errors into state a form can show (a message and per-field errors). Redirects happen after.
import "server-only";
import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { getActor } from "@/lib/auth/session";
import { headers } from "next/headers";
import { requestContextFrom, type Caller, type RequestContext } from "@/lib/auth/actor";
import { safeRedirectPath } from "@/lib/auth/redirect";
import { env } from "@/lib/env";
import { AppError, ConflictError, ValidationError, toProblem, type FieldErrors } from "@/lib/errors";

export type ActionState = {
  ok: boolean;
  message?: string;
  fieldErrors?: FieldErrors;
  /** Extra data for the form to show once (a new invite link, a new token). */
  result?: Record<string, string>;
  /** Changes on every submit so the form can tell a new result from an old one. */
  at?: number;
} | null;

type Options<T> = {
  success?: string | ((result: T) => string);
  revalidate?: string | string[];
  /** The change shows in the app shell (the sidebar's project list): refresh every layout. */
  refreshShell?: boolean;
  redirectTo?: (result: T) => string;
  result?: (result: T) => Record<string, string>;
};

/** One submitted field as a raw string ("" when absent); the data layer parses it with zod. */
export function field(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
}

/** An optional field: undefined when left empty, so the schema's default or optional applies. */
export function optionalField(form: FormData, name: string): string | undefined {
  const value = field(form, name).trim();
  return value === "" ? undefined : value;
}

/** Every non-empty text value sent under one name (a group of checkboxes). */
export function fieldList(form: FormData, name: string): string[] {
  return form.getAll(name).filter((v): v is string => typeof v === "string" && v !== "");
}

/**
 * Every submitted text field, for data functions that take the whole form as input. Passed on
 * as it is: the data function parses it with its schema (no cast to the input type needed).
 */
export function formValues(form: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [k, v] of form.entries()) if (typeof v === "string" && !k.startsWith("$ACTION")) values[k] = v;
  return values;
}

function action<T>(fn: (form: FormData) => Promise<T>, options: Options<T>) {
  return async (_previous: ActionState, form: FormData): Promise<ActionState> => {
    // A server action is a public endpoint: anyone can call it with arguments of any shape.
    if (!(form instanceof FormData)) {
      return { ok: false, message: "This form was sent in a shape the server does not accept. Reload the page and try again.", at: Date.now() };
    }
    let result: T;
    try {
      result = await fn(form);
    } catch (error) {
      if (error instanceof AppError) {
        return { ok: false, message: error.message, fieldErrors: error instanceof ValidationError || error instanceof ConflictError ? error.fieldErrors : undefined, at: Date.now() };
      }
      return { ok: false, message: toProblem(error).detail, at: Date.now() };
    }
    // A pattern such as /projects/[key] refreshes every page of that route.
    for (const path of [options.revalidate ?? []].flat()) revalidatePath(path, path.includes("[") ? "page" : undefined);
    if (options.refreshShell) revalidatePath("/", "layout");
    if (options.redirectTo) redirect(safeRedirectPath(options.redirectTo(result)));
    const message = typeof options.success === "function" ? options.success(result) : options.success;
    return { ok: true, message, result: options.result?.(result), at: Date.now() };
  };
}

/** A server action on behalf of the signed-in caller (null when signed out: lib/data refuses it). */
export function authAction<T>(fn: (caller: Caller, form: FormData) => Promise<T>, options: Options<T> = {}) {
  return action(async (form) => fn(await getActor(), form), options);
}

/** A server action for signed-out visitors (setup, invitations), given where the request came from. */
export function publicAction<T>(fn: (ctx: RequestContext, form: FormData) => Promise<T>, options: Options<T> = {}) {
  return action(async (form) => fn(requestContextFrom(await headers(), env().TRUST_PROXY), form), options);
}
