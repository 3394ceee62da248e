// Images in notebook outputs: only PNG or JPEG whose base64 decodes and starts with the right
// magic bytes are kept, with the pixel size read from the header.
import type { NotebookImage } from "./notebook-schema";

const PNG_MAGIC = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);
const u16 = (b: Uint8Array, i: number) => (b[i] << 8) | b[i + 1];
const u32 = (b: Uint8Array, i: number) => ((b[i] << 24) >>> 0) + ((b[i + 1] << 16) | (b[i + 2] << 8) | b[i + 3]);

/** Width and height from a PNG's IHDR chunk (bytes 16-23), or null if there is none. */
export function pngSize(bytes: Uint8Array): { width: number; height: number } | null {
  if (bytes.length < 24 || !startsWith(bytes, PNG_MAGIC)) return null;
  // Bytes 12-15 hold the first chunk's type, which must be IHDR.
  if (String.fromCharCode(bytes[12], bytes[13], bytes[14], bytes[15]) !== "IHDR") return null;
  return { width: u32(bytes, 16), height: u32(bytes, 20) };
}

/** Width and height from a JPEG's first start-of-frame marker, or null if none is found. */
export function jpegSize(bytes: Uint8Array): { width: number; height: number } | null {
  if (bytes.length < 4 || bytes[0] !== 0xff || bytes[1] !== 0xd8) return null;
  let i = 2;
  while (i + 3 < bytes.length) {
    if (bytes[i] !== 0xff) return null;
    const marker = bytes[i + 1];
    if (marker === 0xff) {
      i++; // fill byte
      continue;
    }
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd8)) {
      i += 2; // markers without a length
      continue;
    }
    if (marker === 0xd9 || marker === 0xda) return null; // end of image / start of scan before any frame
    const length = u16(bytes, i + 2);
    const isFrame = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isFrame && i + 8 < bytes.length) return { height: u16(bytes, i + 5), width: u16(bytes, i + 7) };
    i += 2 + length;
  }
  return null;
}

/**
 * Checks base64 image data from a notebook: it must be well-formed base64 and decode to a file
 * that starts with the magic bytes of `mime`. Returns the image, or null.
 */
export function decodeNotebookImage(mime: "image/png" | "image/jpeg", data: string): NotebookImage | null {
  const base64 = data.replace(/\s+/g, "");
  if (!base64 || !BASE64.test(base64)) return null;
  const bytes = Buffer.from(base64, "base64");
  if (mime === "image/png") {
    if (!startsWith(bytes, PNG_MAGIC)) return null;
    const size = pngSize(bytes);
    return { kind: "image", mime, base64, width: size?.width ?? null, height: size?.height ?? null };
  }
  if (!startsWith(bytes, [0xff, 0xd8, 0xff])) return null;
  const size = jpegSize(bytes);
  return { kind: "image", mime, base64, width: size?.width ?? null, height: size?.height ?? null };
}
