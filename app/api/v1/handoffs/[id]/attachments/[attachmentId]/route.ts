import { apiRoute } from "@/lib/api/handler";
import { getAttachment } from "@/lib/data/handoffs";

type Params = { id: string; attachmentId: string };

// Always a download, never rendered inline: an uploaded HTML or SVG file must not run in our origin.
export const GET = apiRoute<Params>(async (caller, _req, { id, attachmentId }) => {
  const file = await getAttachment(caller, id, attachmentId);
  const name = file.filename.replace(/[^\w.\- ]/g, "_");
  return new Response(Buffer.from(file.data), {
    headers: {
      "content-type": "application/octet-stream",
      "content-length": String(file.size),
      "content-disposition": `attachment; filename="${name}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
      "x-content-type-options": "nosniff",
      etag: `"${file.sha256}"`,
      "cache-control": "private, no-store",
    },
  });
});
