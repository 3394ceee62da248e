// Who is calling, and from where. Built once per request by lib/auth/session.ts (pages, actions)
// or lib/api/handler.ts (route handlers) and passed to every lib/data/ function.
import { clientAddress, PEER_HEADER, type ProxyTrust } from "@/lib/auth/client-address";

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
 * Who is calling and from where. The address comes from the socket (PEER_HEADER, set by
 * scripts/server.mjs) and, behind trusted proxies only, from X-Forwarded-For: see client-address.ts.
 */
export function requestContextFrom(headers: Headers, trust: ProxyTrust): RequestContext {
  return {
    ip: clientAddress(headers.get(PEER_HEADER), headers.get("x-forwarded-for"), trust),
    userAgent: (headers.get("user-agent") ?? "").slice(0, 300),
  };
}
