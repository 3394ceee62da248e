import { apiRoute } from "@/lib/api/handler";
import { exportProjectMap } from "@/lib/data/map-code";

type Params = { key: string };

// The project as a map file (docs/map-format.md), as a download.
export const GET = apiRoute<Params>(async (caller, _req, { key }) => {
  const { filename, text } = await exportProjectMap(caller, key);
  return new Response(text, {
    headers: {
      "content-type": "application/yaml; charset=utf-8",
      "content-disposition": `attachment; filename="${filename}"`,
      "cache-control": "private, no-store",
    },
  });
});
