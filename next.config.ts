import type { NextConfig } from "next";
import { LIMITS } from "./lib/validation/limits";

const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
];

const nextConfig: NextConfig = {
  poweredByHeader: false,
  typedRoutes: false,
  // Notebooks up to 10 MB are uploaded through a server action (lib/data/attachments.ts caps them);
  // proxy.ts refuses a larger body with a 413 the form can show (docs/limits.md).
  experimental: { serverActions: { bodySizeLimit: LIMITS.request.uploadBytes }, proxyClientMaxBodySize: LIMITS.request.uploadBytes },
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

export default nextConfig;
