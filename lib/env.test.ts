import { describe, expect, it } from "vitest";
import { databaseProvider, EnvError, parseEnv } from "@/lib/env";

const SECRET = "s".repeat(40);

function envError(source: Record<string, string | undefined>): string {
  try {
    parseEnv(source);
  } catch (error) {
    expect(error).toBeInstanceOf(EnvError);
    return (error as Error).message;
  }
  throw new Error("parseEnv accepted an invalid environment");
}

describe("parseEnv", () => {
  it("says exactly which variable is missing", () => {
    expect(envError({})).toBe("Environment variable NEXTAUTH_SECRET is missing");
  });

  it("rejects a short NEXTAUTH_SECRET by name", () => {
    expect(envError({ NEXTAUTH_SECRET: "short" })).toMatch(/^Environment variable NEXTAUTH_SECRET must be at least 32 characters/);
  });

  it("names DATABASE_URL when it is malformed", () => {
    const message = envError({ NEXTAUTH_SECRET: SECRET, DATABASE_URL: "mysql://localhost/legible" });
    expect(message).toMatch(/^Environment variable DATABASE_URL /);
    expect(message).toContain("file:");
  });

  it("names the missing OIDC variable when only part of OIDC is configured", () => {
    const base = { NEXTAUTH_SECRET: SECRET };
    expect(envError({ ...base, OIDC_ISSUER: "https://sso.example.com", OIDC_CLIENT_ID: "legible" })).toMatch(
      /^Environment variable OIDC_CLIENT_SECRET /,
    );
    expect(envError({ ...base, OIDC_CLIENT_ID: "legible", OIDC_CLIENT_SECRET: "x" })).toMatch(/^Environment variable OIDC_ISSUER /);
    expect(envError({ ...base, OIDC_ISSUER: "https://sso.example.com", OIDC_CLIENT_SECRET: "x" })).toMatch(
      /^Environment variable OIDC_CLIENT_ID /,
    );
  });

  it("accepts a complete OIDC configuration", () => {
    const env = parseEnv({ NEXTAUTH_SECRET: SECRET, OIDC_ISSUER: "https://sso.example.com", OIDC_CLIENT_ID: "legible", OIDC_CLIENT_SECRET: "x" });
    expect(env.OIDC_CLIENT_ID).toBe("legible");
    expect(env.OIDC_NAME).toBe("Single sign-on");
  });

  it("fills in defaults for everything local use does not need", () => {
    const env = parseEnv({ NEXTAUTH_SECRET: SECRET });
    expect(env).toMatchObject({
      DATABASE_URL: "file:./data/legible.db",
      LEGIBLE_DEMO: false,
      TRUST_PROXY: { ranges: [] },
      SIGNIN_MAX_ATTEMPTS_PER_ACCOUNT: 5,
      SIGNIN_MAX_ATTEMPTS_PER_ADDRESS: 20,
      SIGNIN_WINDOW_SECONDS: 900,
      AUDIT_RETENTION_DAYS: 365,
      PROJECT_CREATION: "members",
    });
    expect(env.NEXTAUTH_URL).toBeUndefined();
    expect(env.OIDC_ISSUER).toBeUndefined();
  });

  it("reads flags and numbers from strings", () => {
    const env = parseEnv({ NEXTAUTH_SECRET: SECRET, LEGIBLE_DEMO: "1", TRUST_PROXY: "true", SIGNIN_WINDOW_SECONDS: "60" });
    expect(env.LEGIBLE_DEMO).toBe(true);
    expect(env.TRUST_PROXY.trusts("127.0.0.1")).toBe(true);
    expect(env.TRUST_PROXY.trusts("8.8.8.8")).toBe(false);
    expect(env.SIGNIN_WINDOW_SECONDS).toBe(60);
  });

  it("reads TRUST_PROXY as a list of proxies and names the entry it cannot read", () => {
    expect(parseEnv({ NEXTAUTH_SECRET: SECRET, TRUST_PROXY: "10.0.0.0/8, 2001:db8::1" }).TRUST_PROXY.ranges).toEqual(["10.0.0.0/8", "2001:db8::1/128"]);
    expect(parseEnv({ NEXTAUTH_SECRET: SECRET, TRUST_PROXY: "0" }).TRUST_PROXY.ranges).toEqual([]);
    expect(envError({ NEXTAUTH_SECRET: SECRET, TRUST_PROXY: "10.0.0.0/8,proxy.internal" })).toMatch(
      /^Environment variable TRUST_PROXY has an entry that is not an IP address, a CIDR range, loopback, private or linklocal: "proxy.internal"/,
    );
  });

  it("reads AUDIT_RETENTION_DAYS, 0 meaning forever, and names it when it is not a number of days", () => {
    expect(parseEnv({ NEXTAUTH_SECRET: SECRET, AUDIT_RETENTION_DAYS: "30" }).AUDIT_RETENTION_DAYS).toBe(30);
    expect(parseEnv({ NEXTAUTH_SECRET: SECRET, AUDIT_RETENTION_DAYS: "0" }).AUDIT_RETENTION_DAYS).toBe(0);
    expect(parseEnv({ NEXTAUTH_SECRET: SECRET, AUDIT_RETENTION_DAYS: "" }).AUDIT_RETENTION_DAYS).toBe(365);
    for (const bad of ["-1", "1.5", "a year", "40000"]) {
      expect(envError({ NEXTAUTH_SECRET: SECRET, AUDIT_RETENTION_DAYS: bad })).toMatch(/^Environment variable AUDIT_RETENTION_DAYS must be /);
    }
  });

  it("lets admins keep project creation to themselves, naming the variable on a typo", () => {
    expect(parseEnv({ NEXTAUTH_SECRET: SECRET, PROJECT_CREATION: "admins" }).PROJECT_CREATION).toBe("admins");
    expect(parseEnv({ NEXTAUTH_SECRET: SECRET, PROJECT_CREATION: "" }).PROJECT_CREATION).toBe("members");
    expect(() => parseEnv({ NEXTAUTH_SECRET: SECRET, PROJECT_CREATION: "owners" })).toThrow("Environment variable PROJECT_CREATION must be members or admins");
  });

  it("accepts PostgreSQL URLs", () => {
    expect(parseEnv({ NEXTAUTH_SECRET: SECRET, DATABASE_URL: "postgresql://u@db:5432/legible" }).DATABASE_URL).toBe(
      "postgresql://u@db:5432/legible",
    );
  });
});

describe("databaseProvider", () => {
  it("tells SQLite from PostgreSQL by the URL scheme", () => {
    expect(databaseProvider("file:./data/legible.db")).toBe("sqlite");
    expect(databaseProvider("postgres://db/legible")).toBe("postgres");
    expect(databaseProvider("postgresql://db/legible")).toBe("postgres");
  });
});
