// The origin people reach this instance at, for links shown to copy (invite links, API examples).
// The request's own host is what the admin sees in their address bar, so it comes first;
// NEXTAUTH_URL is the fallback when a request carries no host.
import "server-only";
import { headers } from "next/headers";
import { env } from "@/lib/env";

export async function requestOrigin(): Promise<string> {
  const h = await headers();
  const host = (h.get("x-forwarded-host") ?? h.get("host") ?? "").split(",")[0].trim();
  if (host && /^[a-z0-9.\-:[\]]+$/i.test(host)) {
    const forwarded = h.get("x-forwarded-proto")?.split(",")[0].trim().toLowerCase();
    const proto = forwarded === "https" || forwarded === "http" ? forwarded : "http";
    return `${proto}://${host}`;
  }
  const configured = env().NEXTAUTH_URL;
  return configured ? configured.replace(/\/+$/, "") : "http://localhost:3000";
}
