// The process environment, parsed once with zod. Only what local use needs is required;
// a bad value names the variable in one line (see formatEnvError).
import { z } from "zod";
import { parseProxyTrust } from "@/lib/auth/client-address";

const optionalNonEmpty = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === "" ? undefined : v.trim()));

const booleanFlag = z
  .enum(["", "0", "1", "true", "false"])
  .optional()
  .transform((v) => v === "1" || v === "true");

export const envSchema = z
  .object({
    DATABASE_URL: z
      .string()
      .default("file:./data/legible.db")
      .refine((v) => /^(file:|postgres(ql)?:\/\/)/.test(v), {
        message: "must start with file: (SQLite) or postgres:// / postgresql:// (PostgreSQL)",
      }),
    NEXTAUTH_SECRET: z.string().min(32, "must be at least 32 characters (generate one with: openssl rand -base64 32)"),
    NEXTAUTH_URL: z.url({ message: "must be an absolute URL such as http://localhost:3000" }).optional(),
    LEGIBLE_DEMO: booleanFlag,
    OIDC_ISSUER: z.url({ message: "must be the issuer URL of your OpenID Connect provider" }).optional(),
    OIDC_CLIENT_ID: optionalNonEmpty,
    OIDC_CLIENT_SECRET: optionalNonEmpty,
    OIDC_NAME: z.string().default("Single sign-on"),
    SIGNIN_MAX_ATTEMPTS_PER_ACCOUNT: z.coerce.number().int().min(1).max(1000).default(5),
    SIGNIN_MAX_ATTEMPTS_PER_ADDRESS: z.coerce.number().int().min(1).max(10000).default(20),
    SIGNIN_WINDOW_SECONDS: z.coerce.number().int().min(10).max(86400).default(900),
    // Days to keep audit events; 0 keeps them forever. Empty means unset (365), not 0.
    AUDIT_RETENTION_DAYS: z.preprocess(
      (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
      z.coerce
        .number({ message: "must be a whole number of days (0 keeps audit events forever)" })
        .int("must be a whole number of days (0 keeps audit events forever)")
        .min(0, "must be a whole number of days (0 keeps audit events forever)")
        .max(36500, "must be at most 36500 days (0 keeps audit events forever)")
        .default(365),
    ),
    // Which reverse proxies may name the client in X-Forwarded-For (lib/auth/client-address.ts).
    TRUST_PROXY: z
      .string()
      .optional()
      .transform((value, ctx) => {
        const parsed = parseProxyTrust(value);
        if (parsed.ok) return parsed.trust;
        ctx.addIssue({
          code: "custom",
          message: `has an entry that is not an IP address, a CIDR range, loopback, private or linklocal: "${parsed.entry}" (use 0 for no proxy, 1 for loopback and private networks, or a comma-separated list such as 10.0.0.0/8,loopback)`,
        });
        return z.NEVER;
      }),
    // Who may create projects, and so become their owner: every member, or instance admins only.
    PROJECT_CREATION: z.preprocess(
      (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
      z.enum(["members", "admins"], { message: "must be members or admins" }).default("members"),
    ),
  })
  .superRefine((env, ctx) => {
    const oidc = [env.OIDC_ISSUER, env.OIDC_CLIENT_ID, env.OIDC_CLIENT_SECRET];
    if (oidc.some(Boolean) && !oidc.every(Boolean)) {
      ctx.addIssue({
        code: "custom",
        path: [!env.OIDC_ISSUER ? "OIDC_ISSUER" : !env.OIDC_CLIENT_ID ? "OIDC_CLIENT_ID" : "OIDC_CLIENT_SECRET"],
        message: "is required when any OIDC_ variable is set (set OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET together)",
      });
    }
  });

export type Env = z.infer<typeof envSchema>;

export class EnvError extends Error {}

export function formatEnvError(error: z.ZodError, source?: Record<string, string | undefined>): string {
  const issue = error.issues[0];
  const name = issue.path.join(".") || "environment";
  // zod 4 leaves the input out of issues, so ask the source whether the variable was set at all.
  const missing = issue.code === "invalid_type" && (source ? source[name] === undefined : issue.input === undefined);
  return missing ? `Environment variable ${name} is missing` : `Environment variable ${name} ${issue.message}`;
}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(source);
  if (!result.success) throw new EnvError(formatEnvError(result.error, source));
  return result.data;
}

let cached: Env | undefined;

/** The validated environment of this process, parsed on first use. */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** Tests that change process.env call this, so the next env() reads it again. */
export function resetEnvForTests(): void {
  cached = undefined;
}

/**
 * Served over HTTPS: the public URL (NEXTAUTH_URL) says so. Session cookies are then Secure and
 * __Secure-prefixed (next-auth's useSecureCookies, read back by lib/auth/claims.ts).
 */
export function servedOverHttps(config: Pick<Env, "NEXTAUTH_URL"> = env()): boolean {
  return config.NEXTAUTH_URL?.startsWith("https://") ?? false;
}

export function databaseProvider(url: string): "sqlite" | "postgres" {
  return url.startsWith("file:") ? "sqlite" : "postgres";
}
