import { describe, expect, it } from "vitest";
import { clientAddress, normaliseAddress, NO_PROXY, parseProxyTrust, type ProxyTrust } from "./client-address";

function trust(value: string): ProxyTrust {
  const parsed = parseProxyTrust(value);
  if (!parsed.ok) throw new Error(`unreadable entry ${parsed.entry}`);
  return parsed.trust;
}

describe("normaliseAddress", () => {
  it("reads IPv4 and IPv6, dropping brackets, ports and zones", () => {
    expect(normaliseAddress(" 203.0.113.7 ")).toBe("203.0.113.7");
    expect(normaliseAddress("203.0.113.7:51234")).toBe("203.0.113.7");
    expect(normaliseAddress("2001:DB8::1")).toBe("2001:db8::1");
    expect(normaliseAddress("[2001:db8::1]:443")).toBe("2001:db8::1");
    expect(normaliseAddress("[::1]")).toBe("::1");
    expect(normaliseAddress("fe80::1%eth0")).toBe("fe80::1");
  });

  it("turns IPv4-mapped IPv6 into IPv4", () => {
    expect(normaliseAddress("::ffff:127.0.0.1")).toBe("127.0.0.1");
    expect(normaliseAddress("::FFFF:10.1.2.3")).toBe("10.1.2.3");
    expect(normaliseAddress("0:0:0:0:0:ffff:192.168.1.9")).toBe("192.168.1.9");
    expect(normaliseAddress("::ffff:a01:203")).toBe("10.1.2.3");
    expect(normaliseAddress("::ffff:1")).toBe("::ffff:1");
  });

  it("refuses what is not an address", () => {
    for (const garbage of ["", "unknown", "evil.example", "1.2.3", "1.2.3.4.5", "256.1.1.1", "01.2.3.4", "1.2.3.4/8", "::g", "[1.2.3.4]x", "<script>", "1.2.3.4 5.6.7.8", "_hidden", "x".repeat(200)]) {
      expect(normaliseAddress(garbage), garbage).toBeNull();
    }
  });
});

describe("parseProxyTrust", () => {
  it("trusts nothing when unset, empty, 0 or false", () => {
    for (const value of [undefined, "", " ", "0", "false", "FALSE"]) {
      const parsed = parseProxyTrust(value);
      expect(parsed.ok && parsed.trust.ranges).toEqual([]);
    }
  });

  it("reads 1 and true as loopback and private networks", () => {
    for (const value of ["1", "true", "loopback,private"]) {
      const t = trust(value);
      expect(t.ranges).toEqual(["127.0.0.0/8", "::1/128", "10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "fc00::/7"]);
      for (const inside of ["127.0.0.1", "::1", "10.200.0.1", "172.31.255.255", "192.168.0.10", "fd12::1"]) expect(t.trusts(inside), inside).toBe(true);
      for (const outside of ["172.32.0.1", "8.8.8.8", "2001:db8::1", "169.254.1.1", "fe80::1"]) expect(t.trusts(outside), outside).toBe(false);
    }
  });

  it("reads lists of addresses, CIDR ranges and names", () => {
    const t = trust(" 203.0.113.10 , 198.51.100.0/24, 2001:db8:1::/48, linklocal ");
    expect(t.ranges).toEqual(["203.0.113.10/32", "198.51.100.0/24", "2001:db8:1::/48", "169.254.0.0/16", "fe80::/10"]);
    expect(t.trusts("203.0.113.10")).toBe(true);
    expect(t.trusts("203.0.113.11")).toBe(false);
    expect(t.trusts("198.51.100.255")).toBe(true);
    expect(t.trusts("198.51.101.0")).toBe(false);
    expect(t.trusts("2001:db8:1:ffff::1")).toBe(true);
    expect(t.trusts("2001:db8:2::1")).toBe(false);
    expect(t.trusts("169.254.0.1")).toBe(true);
    expect(trust("0.0.0.0/0").trusts("8.8.8.8")).toBe(true);
    expect(trust("::/0").trusts("2001:db8::1")).toBe(true);
  });

  it("names the entry it cannot read", () => {
    for (const [value, entry] of [
      ["yes", "yes"],
      ["10.0.0.0/33", "10.0.0.0/33"],
      ["2001:db8::/129", "2001:db8::/129"],
      ["10.0.0.1,,10.0.0.2", ""],
      ["10.0.0.0/8/8", "10.0.0.0/8/8"],
      ["10.0.0.0/-1", "10.0.0.0/-1"],
      ["proxy.internal", "proxy.internal"],
      ["2", "2"],
    ] as const) {
      expect(parseProxyTrust(value)).toEqual({ ok: false, entry });
    }
  });
});

describe("clientAddress", () => {
  it("is the socket peer when no proxy is trusted, whatever X-Forwarded-For says", () => {
    expect(clientAddress("203.0.113.7", "198.51.100.1", NO_PROXY)).toBe("203.0.113.7");
    expect(clientAddress("::ffff:127.0.0.1", "1.2.3.4, 5.6.7.8", NO_PROXY)).toBe("127.0.0.1");
    expect(clientAddress("::1", null, NO_PROXY)).toBe("::1");
  });

  it("is the peer when the peer is not a trusted proxy", () => {
    expect(clientAddress("203.0.113.7", "198.51.100.1", trust("10.0.0.0/8"))).toBe("203.0.113.7");
  });

  it("is the right-most untrusted hop behind trusted proxies", () => {
    const t = trust("loopback, 10.0.0.0/8");
    // Client 198.51.100.7 -> proxy 10.0.0.5 -> proxy 127.0.0.1 -> app; the client forged 1.1.1.1.
    expect(clientAddress("::ffff:127.0.0.1", "1.1.1.1, 198.51.100.7, 10.0.0.5", t)).toBe("198.51.100.7");
    expect(clientAddress("127.0.0.1", "198.51.100.7", t)).toBe("198.51.100.7");
    expect(clientAddress("127.0.0.1", "2001:db8::7", t)).toBe("2001:db8::7");
    expect(clientAddress("::1", "[2001:db8::7]:50000", t)).toBe("2001:db8::7");
    expect(clientAddress("127.0.0.1", "::ffff:198.51.100.7", t)).toBe("198.51.100.7");
  });

  it("stops at the trusted hop that passed on a malformed entry", () => {
    const t = trust("loopback, 10.0.0.0/8");
    expect(clientAddress("127.0.0.1", "198.51.100.7, garbage, 10.0.0.5", t)).toBe("10.0.0.5");
    expect(clientAddress("127.0.0.1", "unknown", t)).toBe("127.0.0.1");
    expect(clientAddress("127.0.0.1", "<script>alert(1)</script>", t)).toBe("127.0.0.1");
  });

  it("skips empty entries and is the left-most hop when every hop is trusted", () => {
    const t = trust("loopback, 10.0.0.0/8");
    expect(clientAddress("127.0.0.1", "198.51.100.7, , 10.0.0.5,", t)).toBe("198.51.100.7");
    expect(clientAddress("127.0.0.1", "10.0.0.9, 10.0.0.5", t)).toBe("10.0.0.9");
    expect(clientAddress("127.0.0.1", null, t)).toBe("127.0.0.1");
  });

  it("is unknown without a readable peer", () => {
    expect(clientAddress(null, "198.51.100.7", trust("1"))).toBe("");
    expect(clientAddress("", "198.51.100.7", NO_PROXY)).toBe("");
    expect(clientAddress("nonsense", "198.51.100.7", trust("0.0.0.0/0"))).toBe("");
  });
});
