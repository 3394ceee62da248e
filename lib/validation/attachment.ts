// An uploaded file as the data layer takes it: the name and type the client sent, and the bytes.
// The API route (multipart) and the upload action build it from a File; lib/data/attachments.ts
// parses it, then checks the name, the size and the handoff's room, naming the file in each message.
import { z } from "./zod-browser";

export const uploadedFileSchema = z.object({
  filename: z.string({ error: "Choose a file to attach: the upload has no file name." }),
  contentType: z.string({ error: "The file's type must be text." }).default(""),
  bytes: z.instanceof(Uint8Array, { error: "Choose a file to attach: the upload has no content." }),
});
