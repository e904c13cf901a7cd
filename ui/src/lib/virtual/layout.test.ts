import { render } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';

import Spacer from './Spacer.svelte';
import { offsetsOf, powerBlocks, rowAt, visibleRange } from './layout';

describe('virtual list layout', () => {
  const offsets = offsetsOf([40, 100, 100, 40, 100]); // 0 40 140 240 280 380

  it('sums row heights into offsets', () => {
    expect([...offsets]).toEqual([0, 40, 140, 240, 280, 380]);
  });

  it('finds the row under a point', () => {
    expect(rowAt(offsets, 0)).toBe(0);
    expect(rowAt(offsets, 39.5)).toBe(0);
    expect(rowAt(offsets, 40)).toBe(1);
    expect(rowAt(offsets, 279)).toBe(3);
    expect(rowAt(offsets, 10_000)).toBe(4);
  });

  it('renders the rows in view plus the overscan, clamped to the list', () => {
    expect(visibleRange(offsets, 0, 100, 0)).toEqual({ start: 0, end: 2 });
    expect(visibleRange(offsets, 150, 100, 0)).toEqual({ start: 2, end: 4 });
    expect(visibleRange(offsets, 150, 100, 1)).toEqual({ start: 1, end: 5 });
    expect(visibleRange(offsets, 150, 100, 10)).toEqual({ start: 0, end: 5 });
    expect(visibleRange(offsetsOf([]), 0, 100, 3)).toEqual({ start: 0, end: 0 });
  });

  it('makes any height from power-of-two blocks', () => {
    expect(powerBlocks(0)).toEqual([]);
    expect(powerBlocks(1)).toEqual([0]);
    expect(powerBlocks(130)).toEqual([7, 1]);
    const tall = 100_000 * 128 + 14_286 * 40;
    expect(powerBlocks(tall).reduce((sum, bit) => sum + 2 ** bit, 0)).toBe(tall);
    expect(powerBlocks(tall).length).toBeLessThanOrEqual(26);
  });

  it('a spacer is made of one block per power of two, with no style attribute', () => {
    const { container } = render(Spacer, { height: 1_000 });
    const blocks = [...container.querySelectorAll('.block')].map((b) => [...b.classList].find((c) => /^b\d+$/.test(c)));
    expect(blocks).toEqual(['b9', 'b8', 'b7', 'b6', 'b5', 'b3']);
    expect(container.querySelector('[style]')).toBeNull();
  });
});
