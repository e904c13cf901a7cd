import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';

import type { Entry } from '../ipc/commands';
import { makeEntry } from '../ipc/testing';
import Timeline, { ENTRY_ROW, WEEK_ROW } from './Timeline.svelte';
import { weekStart } from './dates';

declare global {
  interface Window {
    __pwned?: number;
  }
}

const HOSTILE = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>';

afterEach(() => {
  delete window.__pwned;
});

describe('Timeline', () => {
  it('renders a body full of HTML as literal text and creates no element from it', () => {
    const entry = makeEntry({ id: 1, body: HOSTILE, tags: ['<b>bold</b>'] });
    const { container } = render(Timeline, { entries: [entry] });

    const item = screen.getByTestId('timeline-entry');
    const excerpt = within(item).getByTestId('entry-excerpt');
    expect(excerpt.textContent).toContain(HOSTILE);
    expect(item.textContent).toContain('<b>bold</b>');
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('script')).toBeNull();
    expect(container.querySelector('b')).toBeNull();
    expect(window.__pwned).toBeUndefined();
  });

  it('groups entries by week, newest first, with the date and a 300-character excerpt', () => {
    const long = 'x'.repeat(400);
    const entries = [
      makeEntry({ id: 3, entry_date: '2026-11-25', body: 'Wednesday\nsecond line' }),
      makeEntry({ id: 2, entry_date: '2026-11-23', body: long }),
      makeEntry({ id: 1, entry_date: '2026-11-22', body: 'Sunday before' }),
    ];
    render(Timeline, { entries });

    const headings = screen.getAllByRole('heading').map((h) => h.textContent?.trim());
    expect(headings).toEqual(['Week of 23 Nov 2026', 'Week of 16 Nov 2026']);

    const items = screen.getAllByTestId('timeline-entry');
    expect(items.map((i) => i.dataset.entryId)).toEqual(['3', '2', '1']);
    expect(items[0]?.textContent).toContain('Wed 25 Nov 2026');
    expect(within(items[0]!).getByTestId('entry-excerpt').textContent).toBe('Wednesday\nsecond line');
    expect(within(items[1]!).getByTestId('entry-excerpt').textContent).toBe(`${'x'.repeat(300)}…`);
  });

  it('shows tags as chips and opens an entry when clicked', async () => {
    const entry = makeEntry({ id: 9, tags: ['mentoring', 'launch'] });
    const onOpen = vi.fn();
    render(Timeline, { entries: [entry], onOpen });

    const item = screen.getByTestId('timeline-entry');
    expect(item.textContent).toContain('mentoring');
    expect(item.textContent).toContain('launch');
    await fireEvent.click(within(item).getByRole('button'));
    expect(onOpen).toHaveBeenCalledWith(entry);
  });

  it('offers Load more only while there is more', async () => {
    const onLoadMore = vi.fn();
    const { rerender } = render(Timeline, { entries: [makeEntry()], hasMore: true, loading: true, onLoadMore });
    expect((screen.getByTestId('load-more') as HTMLButtonElement).disabled).toBe(true);
    await rerender({ entries: [makeEntry()], hasMore: false, loading: false, onLoadMore });
    expect(screen.queryByTestId('load-more')).toBeNull();
    expect(onLoadMore).not.toHaveBeenCalled();
  });

  it('shows mood and felt progress quietly, with words for screen readers', () => {
    render(Timeline, { entries: [makeEntry({ id: 5, mood: 4, progress: 2 }), makeEntry({ id: 6 })] });
    const [rated, plain] = screen.getAllByTestId('timeline-entry');
    expect(within(rated!).getByRole('img', { name: 'Mood 4 of 5 (good)' })).toBeTruthy();
    expect(within(rated!).getByRole('img', { name: 'Felt progress 2 of 5 (a little)' })).toBeTruthy();
    expect(rated!.querySelectorAll('[data-rating=mood] .dot.on')).toHaveLength(4);
    expect(within(plain!).queryAllByRole('img')).toHaveLength(0);
  });

  it('in the trash, offers Restore instead of opening', async () => {
    const onRestore = vi.fn();
    const onOpen = vi.fn();
    render(Timeline, { entries: [makeEntry({ id: 4 })], mode: 'trash', onRestore, onOpen });
    await fireEvent.click(screen.getByTestId('restore-entry'));
    expect(onRestore).toHaveBeenCalledWith(4);
    expect(onOpen).not.toHaveBeenCalled();
  });
});

/** `count` entries, one a day going back from 2026-11-25, newest first. */
function many(count: number): Entry[] {
  const out: Entry[] = [];
  const start = Date.UTC(2026, 10, 25);
  for (let i = 0; i < count; i += 1) {
    const day = new Date(start - i * 86_400_000).toISOString().slice(0, 10);
    out.push(makeEntry({ id: count - i, entry_date: day, body: `Entry number ${count - i}` }));
  }
  return out;
}

function scrollTo(viewport: HTMLElement, top: number) {
  viewport.scrollTop = top;
  return fireEvent.scroll(viewport);
}

describe('Timeline virtualisation', () => {
  it('renders a bounded number of rows for 100,000 entries and keeps the full height', () => {
    const entries = many(100_000);
    const onLoadMore = vi.fn();
    render(Timeline, { entries, hasMore: true, onLoadMore });

    const rows = screen.getAllByTestId('timeline-entry');
    expect(rows.length).toBeGreaterThan(3);
    expect(rows.length).toBeLessThanOrEqual(20);
    expect(rows[0]?.dataset.entryId).toBe('100000');

    // The spacers stand for every row left out: together with the rendered rows they make
    // the height of all 100,000 entries and their week headings.
    const weeks = new Set(entries.map((e) => weekStart(e.entry_date))).size;
    const spacers = [...document.querySelectorAll<HTMLElement>('.spacer')].map((s) => Number(s.dataset.height));
    const renderedWeeks = screen.getAllByRole('heading').length;
    const rendered = rows.length * ENTRY_ROW + renderedWeeks * WEEK_ROW;
    expect(spacers[0]! + spacers[1]! + rendered).toBe(100_000 * ENTRY_ROW + weeks * WEEK_ROW);
    expect(onLoadMore).not.toHaveBeenCalled();
  });

  it('renders the rows under the scroll position and asks for the next page near the end', async () => {
    const entries = many(2_000);
    const onLoadMore = vi.fn();
    render(Timeline, { entries, hasMore: true, onLoadMore });
    const viewport = screen.getByTestId('timeline-scroll');

    await scrollTo(viewport, 1_000 * ENTRY_ROW);
    const middle = screen.getAllByTestId('timeline-entry').map((r) => Number(r.dataset.entryId));
    expect(middle.length).toBeLessThanOrEqual(20);
    expect(Math.min(...middle)).toBeLessThan(2_000 - 800);
    expect(Math.max(...middle)).toBeGreaterThan(2_000 - 1_000);
    expect(onLoadMore).not.toHaveBeenCalled();

    const spacers = [...document.querySelectorAll<HTMLElement>('.spacer')].map((s) => Number(s.dataset.height));
    expect(spacers[0]).toBeGreaterThan(0);
    expect(spacers[1]).toBeGreaterThan(0);

    const weeks = new Set(entries.map((e) => weekStart(e.entry_date))).size;
    await scrollTo(viewport, 2_000 * ENTRY_ROW + weeks * WEEK_ROW - 800);
    const end = screen.getAllByTestId('timeline-entry').map((r) => Number(r.dataset.entryId));
    expect(end).toContain(1);
    expect(onLoadMore).toHaveBeenCalledOnce();
  });

  it('does not ask for more while a page is loading or when there is no more', async () => {
    const entries = many(30);
    const onLoadMore = vi.fn();
    const { rerender } = render(Timeline, { entries, hasMore: true, loading: true, onLoadMore });
    expect(onLoadMore).not.toHaveBeenCalled();
    await rerender({ entries, hasMore: false, loading: false, onLoadMore });
    expect(onLoadMore).not.toHaveBeenCalled();
    await rerender({ entries, hasMore: true, loading: false, onLoadMore });
    expect(onLoadMore).toHaveBeenCalledOnce();
  });

  it('moves between entries with the arrow keys', async () => {
    render(Timeline, { entries: many(50) });
    const first = within(screen.getAllByTestId('timeline-entry')[0]!).getByRole('button');
    first.focus();
    await fireEvent.keyDown(first, { key: 'ArrowDown' });
    expect((document.activeElement?.closest('[data-entry-id]') as HTMLElement).dataset.entryId).toBe('49');
    await fireEvent.keyDown(document.activeElement!, { key: 'End' });
    expect((document.activeElement?.closest('[data-entry-id]') as HTMLElement).dataset.entryId).toBe('1');
  });
});
