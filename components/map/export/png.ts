// PNG from the exported SVG, in the browser: the SVG decoded as an image, drawn onto a canvas at
// twice its size (as a 2x screen shows it), encoded by the canvas. A canvas has limits (and a huge
// one exhausts memory), so a map whose PNG would pass MAX_PNG_PIXELS is drawn smaller, and says so.

/** The scale a PNG is drawn at: two device pixels per map pixel. */
export const PNG_SCALE = 2;
/** At most this many pixels (about 6,000 × 6,000): huge maps are scaled down to fit. */
export const MAX_PNG_PIXELS = 36_000_000;
/** Canvas sides past this fail in some browsers. */
export const MAX_PNG_SIDE = 16_384;

/** The PNG's pixel size for an SVG of `width` × `height` px, and the scale that gives it. Pure. */
export function pngSize(width: number, height: number): { width: number; height: number; scale: number; reduced: boolean } {
  const w = Math.ceil(width);
  const h = Math.ceil(height);
  const scale = Math.min(PNG_SCALE, Math.sqrt(MAX_PNG_PIXELS / (w * h)), MAX_PNG_SIDE / w, MAX_PNG_SIDE / h);
  if (scale >= PNG_SCALE) return { width: w * PNG_SCALE, height: h * PNG_SCALE, scale: PNG_SCALE, reduced: false };
  return { width: Math.max(1, Math.floor(w * scale)), height: Math.max(1, Math.floor(h * scale)), scale, reduced: true };
}

/** Renders the SVG document `svg` (its root's width and height in px) to a PNG blob. Browser only. */
export async function svgToPng(svg: string, width: number, height: number): Promise<{ blob: Blob; width: number; height: number; scale: number; reduced: boolean }> {
  const size = pngSize(width, height);
  const image = new Image();
  image.decoding = "async";
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  await image.decode();
  const canvas = document.createElement("canvas");
  canvas.width = size.width;
  canvas.height = size.height;
  const context = canvas.getContext("2d");
  if (!context) throw new Error("This browser cannot draw the PNG (no 2D canvas).");
  context.drawImage(image, 0, 0, size.width, size.height);
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, "image/png"));
  if (!blob) throw new Error(`The PNG (${size.width.toLocaleString("en")} × ${size.height.toLocaleString("en")} px) was too large for this browser to encode.`);
  return { blob, ...size };
}
