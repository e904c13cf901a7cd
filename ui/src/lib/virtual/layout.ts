// Arithmetic for a virtualised list with fixed row heights (one height per kind of row).
// Everything here is pure, so the scrolling maths is tested without a layout engine.

/** `offsets[i]` is the top of row `i`; `offsets[rows]` is the total height. */
export function offsetsOf(heights: readonly number[]): Float64Array {
  const offsets = new Float64Array(heights.length + 1);
  for (let i = 0; i < heights.length; i += 1) offsets[i + 1] = offsets[i]! + heights[i]!;
  return offsets;
}

/** The first row whose bottom edge is below `y` (the row under `y`), clamped to the rows. */
export function rowAt(offsets: Float64Array, y: number): number {
  const rows = offsets.length - 1;
  if (rows <= 0) return 0;
  let lo = 0;
  let hi = rows - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (offsets[mid + 1]! <= y) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export interface Range {
  /** First rendered row. */
  start: number;
  /** One past the last rendered row. */
  end: number;
}

/** The rows to render for a viewport, plus `overscan` rows on each side. */
export function visibleRange(offsets: Float64Array, scrollTop: number, viewport: number, overscan: number): Range {
  const rows = offsets.length - 1;
  if (rows <= 0) return { start: 0, end: 0 };
  const top = Math.max(0, scrollTop);
  const first = rowAt(offsets, top);
  const last = rowAt(offsets, top + Math.max(1, viewport) - 1);
  return { start: Math.max(0, first - overscan), end: Math.min(rows, last + 1 + overscan) };
}

/** The largest power-of-two block a spacer uses (2^25 px, beyond any browser's element limit). */
export const MAX_BIT = 25;

/**
 * A height as a sum of power-of-two blocks, largest first: the exponents of its set bits. A
 * spacer made of one block per exponent (each a CSS class of fixed height) has exactly that
 * height, without a `style` attribute, which the app's Content-Security-Policy forbids.
 */
export function powerBlocks(height: number): number[] {
  let rest = Math.max(0, Math.round(height));
  const out: number[] = [];
  for (let bit = MAX_BIT; bit >= 0; bit -= 1) {
    const size = 2 ** bit;
    while (rest >= size) {
      out.push(bit);
      rest -= size;
    }
  }
  return out;
}
