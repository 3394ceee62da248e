import { apiRoute, readForm } from "@/lib/api/handler";
import { uploadAttachment } from "@/lib/data/attachments";
import { ValidationError } from "@/lib/errors";

type Params = { id: string };

/** multipart/form-data with one `file` field. */
export const POST = apiRoute<Params>(
  async (caller, request, { id }) => {
    const form = await readForm(request);
    const file = form?.get("file");
    if (!(file instanceof File)) throw new ValidationError("file: send the file as multipart/form-data in a field named file.", { file: ["is required"] });
    return { attachment: await uploadAttachment(caller, id, { filename: file.name, contentType: file.type, bytes: new Uint8Array(await file.arrayBuffer()) }) };
  },
  { status: 201, body: "multipart" },
);
