// zod for modules that also run in the browser. There zod must not compile parsers with
// `new Function`: the Content-Security-Policy forbids eval (lib/csp.ts), and zod's probe for it
// alone would report a violation. Importing zod from here sets that once, before any parse.
import { z } from "zod";

if (typeof window !== "undefined") z.config({ jitless: true });

export { z };
