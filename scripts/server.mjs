#!/usr/bin/env node
// Serves Legible: Next's own request handler (the one `next start` uses) behind a plain Node HTTP
// server that does one thing first: it writes the TCP peer's address into x-legible-peer-address,
// replacing any copy the client sent. Route handlers, server actions and next-auth cannot see the
// socket, and X-Forwarded-For is whatever the client wrote unless a trusted proxy wrote it, so
// lib/auth/client-address.ts works out the client's address from this header (and, behind the
// proxies TRUST_PROXY names, from X-Forwarded-For).
//
//   node scripts/server.mjs          the production build in .next (scripts/start.mjs runs this)
//   node scripts/server.mjs --dev    development, with hot reloading (npm run dev)
//
// Before that, it bounds what a client can make Next.js work on (scripts/request-limits.mjs): the
// header block is at most 16 KB, the User-Agent is cut to 512 characters, and a target with more
// than 100 query parameters or a malformed percent-encoding is refused with 400.
//
// PORT (default 3000) picks the port; it listens on every interface, as `next start` does.
import { createServer } from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { MAX_HEADER_BYTES, badRequest, limitUserAgent, refuseTarget } from "./request-limits.mjs";

/** lib/auth/client-address.ts PEER_HEADER: keep the two in step. */
const PEER_HEADER = "x-legible-peer-address";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const dev = process.argv.includes("--dev");
const port = Number(process.env.PORT || 3000);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`legible: PORT must be a port number, not "${process.env.PORT}"`);
  process.exit(1);
}
// lib/startup.ts refuses to serve a production build without this server in front.
process.env.LEGIBLE_SERVER = "1";
// Set before Next loads, as `next start` and `next dev` do.
process.env.NODE_ENV = dev ? "development" : "production";
const { default: next } = await import("next");

const app = next({ dev, dir: root, port, hostname: "localhost" });
await app.prepare();
const handle = app.getRequestHandler();

const server = createServer({ maxHeaderSize: MAX_HEADER_BYTES }, (req, res) => {
  const refused = refuseTarget(req.url);
  if (refused) {
    const reply = badRequest(req.url, refused);
    res.writeHead(reply.status, reply.headers);
    res.end(reply.body);
    return;
  }
  limitUserAgent(req.headers);
  // Node lower-cases header names and joins repeats, so this one assignment replaces every copy.
  req.headers[PEER_HEADER] = req.socket.remoteAddress ?? "";
  handle(req, res).catch((error) => {
    console.error("legible: request failed", error);
    if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain" });
    res.end("Internal Server Error");
  });
});
server.listen(port, () => console.log(`legible: listening on port ${port}${dev ? " (development)" : ""}`));

let closing = false;
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    if (closing) return;
    closing = true;
    server.close(() => process.exit(0));
    server.closeIdleConnections();
    // Requests still running after five seconds are cut off.
    setTimeout(() => process.exit(0), 5000).unref();
  });
}
