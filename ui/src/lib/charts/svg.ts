// A chart's SVG document as a `data:` URL for an <img>. The SVG is never put into the page as
// markup: as an image, any script or link inside it is inert, and the app's CSP
// (`img-src 'self' data:`) allows it.

/** Base64 of a string's UTF-8 bytes (plain `btoa` only takes Latin-1). */
export function base64Utf8(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  const CHUNK = 0x8000;
  for (let i = 0; i < bytes.length; i += CHUNK) {
    binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  }
  return btoa(binary);
}

/** `data:image/svg+xml;base64,…` for an SVG document. */
export function svgDataUrl(svg: string): string {
  return `data:image/svg+xml;base64,${base64Utf8(svg)}`;
}
