// One error type per outcome a caller can act on, and one mapper to HTTP (RFC 9457 problem JSON).
import { ZodError, type z } from "zod";
import { humanize, labelAt, plainIssue } from "@/lib/validation/field-label";

export type FieldErrors = Record<string, string[]>;

export class AppError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code: string,
  ) {
    super(message);
  }
}

export class UnauthenticatedError extends AppError {
  constructor(message = "Sign in to continue.") {
    super(message, 401, "unauthenticated");
  }
}

export class ForbiddenError extends AppError {
  constructor(message = "You do not have permission to do that.") {
    super(message, 403, "forbidden");
  }
}

export class NotFoundError extends AppError {
  constructor(what = "That item") {
    super(`${what} was not found.`, 404, "not_found");
  }
}

export class ConflictError extends AppError {
  constructor(
    message: string,
    readonly current?: unknown,
    /** The fields the conflict is about (a key another milestone has), for the message under each. */
    readonly fieldErrors?: FieldErrors,
  ) {
    super(message, 409, "conflict");
  }
}

export class ValidationError extends AppError {
  constructor(
    message: string,
    readonly fieldErrors: FieldErrors = {},
  ) {
    super(message, 422, "validation");
  }

  /**
   * The first issue as a sentence naming its field by the label its form shows ("Estimate (days)
   * must be 0 or more."), read from the schema (lib/validation/field-label.ts); every issue under
   * its field key in fieldErrors, for programs and for the message under each field.
   */
  static fromZod(error: ZodError, schema?: z.core.$ZodType): ValidationError {
    const fieldErrors: FieldErrors = {};
    for (const issue of error.issues) {
      const key = issue.path.join(".") || "_";
      (fieldErrors[key] ??= []).push(issue.message);
    }
    if (!error.issues[0]) return new ValidationError("The input is not valid.", fieldErrors);
    // The first issue in full; the other fields that need a change named after it, so that a form's
    // banner does not hide them (each also has its message under its field).
    const first = error.issues[0].path.join(".");
    const others = [...new Set(error.issues.slice(1).map((issue) => issue.path.join(".")))].filter((key) => key !== first && key !== "");
    const labels = others.map((key) => (schema && labelAt(schema, key.split("."))) ?? humanize(key.split(".")));
    const more = labels.length ? ` Also check ${labels.length === 1 ? labels[0] : `${labels.slice(0, -1).join(", ")} and ${labels.at(-1)}`}.` : "";
    return new ValidationError(issueSentence(error.issues[0], schema) + more, fieldErrors);
  }
}

/** An issue as a whole sentence that starts with its field's visible label. */
function issueSentence(issue: z.core.$ZodIssue, schema?: z.core.$ZodType): string {
  // Messages from lib/validation/text.ts (and other LABELLED issues) already name the field.
  const labelled = issue.code === "custom" && (issue.params as { labelled?: boolean } | undefined)?.labelled === true;
  if (labelled) return issue.message;
  const label = (schema && labelAt(schema, issue.path)) ?? (issue.path.length ? humanize(issue.path) : undefined);
  const message = issue.message.trim();
  // Some schema-level messages are whole sentences already ("Version must be a number.").
  let sentence = label && !message.startsWith(`${label} `) ? `${label} ${message}` : message;
  if (!label) sentence = sentence.charAt(0).toUpperCase() + sentence.slice(1);
  return /[.!?)]$/.test(sentence) ? sentence : `${sentence}.`;
}

/** The thing existed but its content is no longer kept (a compacted revision). */
export class GoneError extends AppError {
  constructor(message: string) {
    super(message, 410, "gone");
  }
}

/** The request body is larger than the route takes; nothing of it was used. */
export class PayloadTooLargeError extends AppError {
  constructor(message: string) {
    super(message, 413, "payload_too_large");
  }
}

export class RateLimitedError extends AppError {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message, 429, "rate_limited");
  }
}

/** Parses input with a schema, turning failures into a ValidationError that names each field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input, { error: plainIssue });
  if (!result.success) throw ValidationError.fromZod(result.error, schema);
  return result.data;
}

export type Problem = {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors?: FieldErrors;
  current?: unknown;
};

const titles: Record<number, string> = {
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  405: "Method Not Allowed",
  409: "Conflict",
  410: "Gone",
  413: "Content Too Large",
  422: "Unprocessable Content",
  429: "Too Many Requests",
  500: "Internal Server Error",
};

export function toProblem(error: unknown): Problem {
  if (error instanceof ZodError) return toProblem(ValidationError.fromZod(error));
  if (error instanceof AppError) {
    return {
      type: `https://legible.dev/problems/${error.code}`,
      title: titles[error.status] ?? "Error",
      status: error.status,
      detail: error.message,
      ...(error instanceof ValidationError || (error instanceof ConflictError && error.fieldErrors) ? { errors: error.fieldErrors } : {}),
      ...(error instanceof ConflictError && error.current !== undefined ? { current: error.current } : {}),
    };
  }
  // Unexpected: log everything here, leak nothing to the caller.
  console.error("[legible] unexpected error", error);
  return { type: "about:blank", title: titles[500], status: 500, detail: "Something went wrong on our side. It has been logged." };
}
