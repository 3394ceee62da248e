import { apiRoute } from "@/lib/api/handler";
import { exportHandoff } from "@/lib/data/handoffs";

type Params = { id: string };

export const GET = apiRoute<Params>(async (caller, _req, { id }) => {
  const { filename, markdown } = await exportHandoff(caller, id);
  return new Response(markdown, {
    headers: {
      "content-type": "text/markdown; charset=utf-8",
      "content-disposition": `attachment; filename="${filename}"`,
      "cache-control": "private, no-store",
    },
  });
});
