// Prints the size of a map page's HTML for a signed-in user (issue 11, item 7: the graph must not
// be inlined). Signs a session for the user by email with the server's NEXTAUTH_SECRET.
//   DATABASE_URL=… NEXTAUTH_SECRET=… npx tsx --tsconfig tsconfig.json scripts/measure-map-html.ts http://127.0.0.1:3420 admin@legible.demo /projects/FLOOR/map …
import { encode } from "next-auth/jwt";
import { createDb, closeDb } from "@/lib/db/client";

const [base, email, ...paths] = process.argv.slice(2);
const db = createDb(process.env.DATABASE_URL!);

async function main() {
  const user = await db.user.findUniqueOrThrow({ where: { email } });
  const token = await encode({ token: { uid: user.id, sv: user.sessionVersion }, secret: process.env.NEXTAUTH_SECRET! });
  for (const path of paths) {
    const response = await fetch(base + path, { headers: { cookie: `next-auth.session-token=${token}` }, redirect: "manual" });
    const html = await response.text();
    console.log(`HTML ${path} status=${response.status} bytes=${Buffer.byteLength(html)} kb=${(Buffer.byteLength(html) / 1024).toFixed(1)}`);
  }
}

main().finally(() => closeDb(db));
