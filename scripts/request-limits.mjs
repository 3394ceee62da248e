// What scripts/server.mjs checks on every request before Next.js sees it. Next's own work on a
// request grows faster than the request in places (its bot check runs a backtracking regular
// expression over the User-Agent: a 16 KB one cost about 1.7 s of event-loop time), so anything a
// client writes into the request line and headers is bounded here, in linear time:
//   - the whole header block: MAX_HEADER_BYTES (http.createServer maxHeaderSize; Node answers 431);
//   - User-Agent: cut to MAX_USER_AGENT characters (nothing needs more to tell browsers apart);
//   - the query: at most MAX_QUERY_PARAMETERS parameters, else 400;
//   - percent-encodings in the path and the query must decode (valid escapes of valid UTF-8), else
//     400 rather than whatever each decoder downstream makes of them.
// Plain JavaScript with no imports, so server.mjs loads it without a build and tests import it.

export const MAX_HEADER_BYTES = 16 * 1024;
export const MAX_USER_AGENT = 512;
export const MAX_QUERY_PARAMETERS = 100;

function decodes(text) {
  try {
    decodeURIComponent(text);
    return true;
  } catch {
    return false;
  }
}

/**
 * Why this request target (the path and query as sent, e.g. "/a%20b?x=1") is refused, or null when
 * it is fine. Linear in its length, which maxHeaderSize already bounds.
 */
export function refuseTarget(target) {
  const url = typeof target === "string" ? target : "";
  const q = url.indexOf("?");
  const path = q === -1 ? url : url.slice(0, q);
  const query = q === -1 ? "" : url.slice(q + 1);
  if (!decodes(path)) return "The address has a malformed percent-encoding in its path.";
  if (query) {
    let parameters = 0;
    for (const part of query.split("&")) {
      if (part === "") continue;
      if (++parameters > MAX_QUERY_PARAMETERS) return `The address has more than ${MAX_QUERY_PARAMETERS} query parameters.`;
    }
    // "+" is a space in a form-encoded query; it never makes a decoding fail, so it needs no care.
    if (!decodes(query)) return "The address has a malformed percent-encoding in its query.";
  }
  return null;
}

/** Cuts an over-long User-Agent in place. Node joins repeated User-Agent headers into one string. */
export function limitUserAgent(headers) {
  const ua = headers["user-agent"];
  if (typeof ua === "string" && ua.length > MAX_USER_AGENT) headers["user-agent"] = ua.slice(0, MAX_USER_AGENT);
}

/** The 400 for a refused target: problem JSON under /api (as lib/api/handler.ts answers), else text. */
export function badRequest(target, detail) {
  const api = typeof target === "string" && /^\/api(\/|\?|$)/.test(target);
  if (api) {
    const body = JSON.stringify({ type: "https://legible.dev/problems/bad_request", title: "Bad Request", status: 400, detail });
    return { status: 400, headers: { "content-type": "application/problem+json", "cache-control": "no-store" }, body };
  }
  return { status: 400, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" }, body: `Bad Request: ${detail}\n` };
}
