// One wrapper for every route handler under app/api/v1: resolves the caller from the session
// cookie or a bearer token, refuses cross-site writes made with the cookie (lib/api/same-origin.ts),
// runs the handler, and maps errors to RFC 9457 problem JSON. No response is cached: each is
// answered for one caller (Cache-Control: no-store).
import "server-only";
import { NextResponse } from "next/server";
import { requestContextFrom, type Caller } from "@/lib/auth/actor";
import { resolveSessionActor, resolveTokenActor } from "@/lib/data/session";
import { parseCookieHeader, sessionClaims } from "@/lib/auth/claims";
import { ForbiddenError, PayloadTooLargeError, RateLimitedError, ValidationError, toProblem } from "@/lib/errors";
import { LIMITS, formatBytes, formatBytesOver } from "@/lib/validation/limits";
import { env } from "@/lib/env";
import { lineColumn, locateJsonError } from "@/lib/import/json-location";
import { deny, requireSignedIn } from "@/lib/data/audit";
import { crossSiteWriteRefusal, usesBearerToken, type BodyKind } from "@/lib/api/same-origin";

const NO_STORE = "no-store";

export async function callerFromRequest(request: Request): Promise<Caller> {
  const ctx = requestContextFrom(request.headers, env().TRUST_PROXY);
  const authorization = request.headers.get("authorization");
  if (authorization?.toLowerCase().startsWith("bearer ")) {
    return resolveTokenActor(authorization.slice(7).trim(), ctx);
  }
  // Read the session from the request itself (not next/headers), so a handler works the same
  // when a test calls it directly with a Request.
  return resolveSessionActor(await sessionClaims(parseCookieHeader(request.headers.get("cookie")), request.headers), ctx);
}

export function problemResponse(error: unknown): NextResponse {
  const problem = toProblem(error);
  const headers: Record<string, string> = { "content-type": "application/problem+json", "cache-control": NO_STORE };
  if (problem.status === 401) headers["www-authenticate"] = 'Bearer realm="legible"';
  if (error instanceof RateLimitedError) headers["retry-after"] = String(error.retryAfterSeconds);
  return new NextResponse(JSON.stringify(problem), { status: problem.status, headers });
}

type RouteContext<P> = { params: Promise<P> };

/** A signed-in browser's write from another site, or with a body a form could forge: 403, audited. */
async function refuseCrossSiteWrite(caller: Caller, request: Request, body: BodyKind | undefined) {
  if (!caller || usesBearerToken(request)) return;
  const reason = crossSiteWriteRefusal(request, { body, publicUrl: env().NEXTAUTH_URL });
  if (!reason) return;
  const details = { method: request.method, origin: (request.headers.get("origin") ?? "").slice(0, 200), contentType: (request.headers.get("content-type") ?? "").slice(0, 100) };
  await deny(caller, { action: "api.write", targetType: "request", targetId: new URL(request.url).pathname.slice(0, 200), details }, new ForbiddenError(reason));
}

/**
 * Wraps a route handler: `(caller, request, params) => data`; returns JSON, or problem JSON on error.
 * `body: "multipart"` for an upload route; every other write takes JSON.
 */
export function apiRoute<P = Record<string, never>>(
  handler: (caller: Caller, request: Request, params: P) => Promise<unknown>,
  opts: { status?: number; body?: BodyKind } = {},
) {
  return async (request: Request, context: RouteContext<P>) => {
    try {
      const caller = await callerFromRequest(request);
      // Every endpoint is for signed-in callers: refuse the others before reading a byte of the
      // body (parsing 8 MB of hostile JSON is work a stranger must not be able to ask for).
      if (!caller) await requireSignedIn(null, { action: "api.request", targetType: "request", targetId: new URL(request.url).pathname.slice(0, 200) });
      await refuseCrossSiteWrite(caller, request, opts.body);
      const params = context?.params ? await context.params : ({} as P);
      const result = await handler(caller, request, params);
      if (result instanceof Response) {
        if (!result.headers.has("cache-control")) result.headers.set("cache-control", NO_STORE);
        return result;
      }
      return NextResponse.json(result ?? { ok: true }, { status: opts.status ?? 200, headers: { "cache-control": NO_STORE } });
    } catch (error) {
      return problemResponse(error);
    }
  };
}

/** The body's bytes, refusing (413) more than `max` whether or not the client declared its length. */
async function readBytes(request: Request, max: number, what: string): Promise<Uint8Array<ArrayBuffer>> {
  // The declared length when the client sent one; otherwise all we know is that it went past the cap.
  const tooLarge = (size: string) => new PayloadTooLargeError(`The ${what} is ${size}; this endpoint takes at most ${formatBytes(max)}. Nothing was stored.`);
  const declared = Number(request.headers.get("content-length"));
  if (declared > max) throw tooLarge(formatBytesOver(declared, max));
  if (!request.body) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = request.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > max) {
      await reader.cancel();
      throw tooLarge(`over ${formatBytes(max)}`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/** A multipart body (an upload), at most LIMITS.request.uploadBytes; null when it is not form data. */
export async function readForm(request: Request): Promise<FormData | null> {
  const bytes = await readBytes(request, LIMITS.request.uploadBytes, "upload");
  return new Response(bytes, { headers: { "content-type": request.headers.get("content-type") ?? "" } }).formData().catch(() => null);
}

/** Arrays and objects a request body may nest: no endpoint takes more than a few levels. */
export const JSON_MAX_DEPTH = 64;

/**
 * How deep the arrays and objects of a JSON text nest, stopping as soon as it passes `max`: one
 * linear pass that skips strings. JSON.parse takes seconds on millions of nested brackets and
 * holds the event loop meanwhile, so this runs first.
 */
export function jsonDepthOver(text: string, max: number): boolean {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22 /* " */) {
      for (i++; i < text.length; i++) {
        const d = text.charCodeAt(i);
        if (d === 0x5c /* \ */) i++;
        else if (d === 0x22) break;
      }
    } else if (c === 0x5b || c === 0x7b /* [ { */) {
      if (++depth > max) return true;
    } else if (c === 0x5d || c === 0x7d /* ] } */) {
      depth--;
    }
  }
  return false;
}

/** Reads a JSON body (at most LIMITS.request.jsonBytes); a malformed one is a 422 naming the line and column when the parser says. */
export async function readJson(request: Request): Promise<unknown> {
  const text = new TextDecoder().decode(await readBytes(request, LIMITS.request.jsonBytes, "request body"));
  if (!text.trim()) return {};
  if (jsonDepthOver(text, JSON_MAX_DEPTH)) {
    throw new ValidationError(`Request body nests arrays and objects more than ${JSON_MAX_DEPTH} deep; no endpoint takes that. Nothing was stored.`, { body: [`nests more than ${JSON_MAX_DEPTH} deep`] });
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    // Where it goes wrong, as line and column, never the parser's echo of the body.
    const error = locateJsonError(text);
    const at = error ? lineColumn(text, error.offset) : null;
    const where = error && at ? `: line ${at.line}, column ${at.column}: ${error.reason}` : "";
    throw new ValidationError(`Request body is not valid JSON${where}. Nothing was stored.`, { body: [at ? `is not valid JSON (line ${at.line}, column ${at.column})` : "is not valid JSON"] });
  }
  // Every route takes an object of named fields; null, a list or a bare value names none of them.
  if (body === null || typeof body !== "object" || Array.isArray(body)) {
    const found = body === null ? "null" : Array.isArray(body) ? "a list" : `a ${typeof body}`;
    throw new ValidationError(`Request body must be a JSON object of named fields, not ${found}.`, { body: ["must be a JSON object"] });
  }
  return body;
}
