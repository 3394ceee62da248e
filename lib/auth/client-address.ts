// The client's address, which sign-in throttling and the audit log rely on, so it must not be
// something a client can write. scripts/server.mjs (what `npm start` runs) puts the TCP peer's
// address in PEER_HEADER on every request, replacing any copy the client sent; nothing in Next's
// route handlers, server actions or next-auth's authorize() can see the socket otherwise.
//
// Without trusted proxies the peer is the client. With them (TRUST_PROXY), X-Forwarded-For is
// walked from the right, starting at the peer: while the hop we are looking at is a trusted proxy,
// the entry it appended names the hop before it. The first untrusted hop is the client; entries
// further left were written by the client and are ignored.
import { BlockList, isIP } from "node:net";

/** Set by scripts/server.mjs from the socket; keep the two in step. */
export const PEER_HEADER = "x-legible-peer-address";

/** Named ranges for TRUST_PROXY. `1` and `true` mean "loopback, private". */
export const PROXY_RANGE_NAMES: Record<string, readonly string[]> = {
  loopback: ["127.0.0.0/8", "::1/128"],
  private: ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "fc00::/7"],
  linklocal: ["169.254.0.0/16", "fe80::/10"],
};

export type ProxyTrust = {
  /** The ranges as configured, for messages and tests ("127.0.0.0/8", "10.1.2.3/32", ...). */
  readonly ranges: readonly string[];
  trusts(address: string): boolean;
};

export const NO_PROXY: ProxyTrust = { ranges: [], trusts: () => false };

/**
 * An address as a socket or a proxy reports it, in one canonical form: IPv4 dotted (also when
 * IPv4-mapped, "::ffff:10.0.0.1"), IPv6 lower case without zone; brackets and a port are dropped
 * ("[::1]:8080", "10.0.0.1:443"). Null when it is not an address.
 */
export function normaliseAddress(raw: string): string | null {
  let text = raw.trim();
  if (!text || text.length > 100) return null;
  const bracketed = /^\[([^\]]+)\](?::\d{1,5})?$/.exec(text);
  if (bracketed) text = bracketed[1];
  else if (/^\d{1,3}(\.\d{1,3}){3}:\d{1,5}$/.test(text)) text = text.slice(0, text.lastIndexOf(":"));
  text = text.replace(/%[\w.-]+$/, "").toLowerCase();
  if (!isIP(text)) return null;
  // IPv4-mapped IPv6 (a dual-stack socket reports IPv4 clients so): "::ffff:10.0.0.1", "::ffff:a00:1".
  const mapped = /^(?:::|(?:0{1,4}:){5})ffff:(?:(\d{1,3}(?:\.\d{1,3}){3})|([0-9a-f]{1,4}):([0-9a-f]{1,4}))$/.exec(text);
  if (!mapped) return text;
  if (mapped[1]) return mapped[1];
  const [high, low] = [parseInt(mapped[2], 16), parseInt(mapped[3], 16)];
  return [high >> 8, high & 255, low >> 8, low & 255].join(".");
}

/** One range: "10.0.0.0/8", "2001:db8::/32" or a single address (all its bits). Null when malformed. */
function parseRange(entry: string): { address: string; prefix: number; family: "ipv4" | "ipv6" } | null {
  const [rawAddress, rawPrefix, ...rest] = entry.split("/");
  if (rest.length) return null;
  const address = normaliseAddress(rawAddress);
  if (!address) return null;
  const family = isIP(address) === 4 ? "ipv4" : "ipv6";
  const bits = family === "ipv4" ? 32 : 128;
  if (rawPrefix === undefined) return { address, prefix: bits, family };
  if (!/^\d{1,3}$/.test(rawPrefix) || Number(rawPrefix) > bits) return null;
  return { address, prefix: Number(rawPrefix), family };
}

/**
 * Reads TRUST_PROXY: empty, `0` or `false` trust no proxy; `1` or `true` trust loopback and
 * private networks; otherwise a comma-separated list of addresses, CIDR ranges and the names in
 * PROXY_RANGE_NAMES. Returns the entry it could not read when one is malformed.
 */
export function parseProxyTrust(value: string | undefined): { ok: true; trust: ProxyTrust } | { ok: false; entry: string } {
  const text = (value ?? "").trim().toLowerCase();
  if (text === "" || text === "0" || text === "false") return { ok: true, trust: NO_PROXY };
  const entries = text === "1" || text === "true" ? ["loopback", "private"] : text.split(",").map((s) => s.trim());
  const list = new BlockList();
  const ranges: string[] = [];
  for (const entry of entries) {
    for (const range of PROXY_RANGE_NAMES[entry] ?? [entry]) {
      const parsed = parseRange(range);
      if (!parsed) return { ok: false, entry };
      list.addSubnet(parsed.address, parsed.prefix, parsed.family);
      ranges.push(`${parsed.address}/${parsed.prefix}`);
    }
  }
  return { ok: true, trust: { ranges, trusts: (address) => list.check(address, isIP(address) === 4 ? "ipv4" : "ipv6") } };
}

/**
 * The client's address from the socket peer and X-Forwarded-For: the peer itself unless it is a
 * trusted proxy, else the right-most untrusted hop. A malformed entry ends the walk at the trusted
 * hop that passed it on. "" when the peer is unknown (a server other than scripts/server.mjs).
 */
export function clientAddress(peer: string | null, forwardedFor: string | null, trust: ProxyTrust): string {
  let hop = normaliseAddress(peer ?? "");
  if (!hop) return "";
  const hops = (forwardedFor ?? "").split(",").map((s) => s.trim()).filter(Boolean);
  while (trust.trusts(hop) && hops.length) {
    const previous = normaliseAddress(hops.pop()!);
    if (!previous) break;
    hop = previous;
  }
  return hop;
}
