// Who is calling, and from where. Built once per request by lib/auth/session.ts (pages, actions)
// or lib/api/handler.ts (route handlers) and passed to every lib/data/ function.
export type RequestContext = { ip: string; userAgent: string };

export type Actor = RequestContext & {
  id: string;
  email: string;
  name: string;
  isAdmin: boolean;
};

/** Data functions take a Caller: null means signed out, and every one of them refuses it. */
export type Caller = Actor | null;

export const SYSTEM_CONTEXT: RequestContext = { ip: "", userAgent: "legible-system" };

/**
 * The client address. Next's server appends the socket peer to X-Forwarded-For, so its last
 * entry is the one we saw; the first is the client only when a trusted proxy set it.
 */
export function clientAddress(headers: Headers, trustProxy: boolean): string {
  const forwarded = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const candidate = trustProxy ? forwarded[0] : forwarded.at(-1);
  return (candidate ?? headers.get("x-real-ip") ?? "").replace(/^::ffff:/, "").slice(0, 64);
}

export function requestContextFrom(headers: Headers, trustProxy: boolean): RequestContext {
  return { ip: clientAddress(headers, trustProxy), userAgent: (headers.get("user-agent") ?? "").slice(0, 300) };
}
