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
      TRUST_PROXY: false,
      SIGNIN_MAX_ATTEMPTS_PER_ACCOUNT: 5,
      SIGNIN_MAX_ATTEMPTS_PER_ADDRESS: 20,
      SIGNIN_WINDOW_SECONDS: 900,
      PROJECT_CREATION: "members",
    });
    expect(env.NEXTAUTH_URL).toBeUndefined();
    expect(env.OIDC_ISSUER).toBeUndefined();
  });

  it("reads flags and numbers from strings", () => {
    const env = parseEnv({ NEXTAUTH_SECRET: SECRET, LEGIBLE_DEMO: "1", TRUST_PROXY: "true", SIGNIN_WINDOW_SECONDS: "60" });
    expect(env.LEGIBLE_DEMO).toBe(true);
    expect(env.TRUST_PROXY).toBe(true);
    expect(env.SIGNIN_WINDOW_SECONDS).toBe(60);
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
