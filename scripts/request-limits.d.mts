// Types for scripts/request-limits.mjs (plain JavaScript, so that scripts/server.mjs runs it unbuilt).
export const MAX_HEADER_BYTES: number;
export const MAX_USER_AGENT: number;
export const MAX_QUERY_PARAMETERS: number;
export function refuseTarget(target: string | undefined): string | null;
export function limitUserAgent(headers: Record<string, string | string[] | undefined>): void;
export function badRequest(target: string | undefined, detail: string): { status: number; headers: Record<string, string>; body: string };
