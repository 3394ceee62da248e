import type { Metadata, Viewport } from "next";
import { cookies, headers } from "next/headers";
import Script from "next/script";
import type { ReactNode } from "react";
import { parseTheme, THEME_COOKIE, themeInitScript } from "@/components/shell/theme";
import "./globals.css";

export const metadata: Metadata = {
  title: { template: "%s · Legible", default: "Legible" },
  description: "Research handoffs and project maps for carrying ML research into production.",
  applicationName: "Legible",
};

export const viewport: Viewport = {
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#fbfbfc" },
    { media: "(prefers-color-scheme: dark)", color: "#111114" },
  ],
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // The theme cookie lets the server render the right colours on the first byte.
  const theme = parseTheme((await cookies()).get(THEME_COOKIE)?.value);
  // proxy.ts's per-request CSP nonce: Next adds it to its own scripts, this inline one needs it given.
  const nonce = (await headers()).get("x-nonce") ?? undefined;
  return (
    // The init script may correct data-theme before hydration; that difference is expected.
    <html lang="en" data-theme={theme} suppressHydrationWarning>
      <body>
        <Script id="theme-init" strategy="beforeInteractive" nonce={nonce}>
          {themeInitScript}
        </Script>
        {children}
      </body>
    </html>
  );
}
