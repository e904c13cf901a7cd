import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { makeEntry } from '../ipc/testing';
import Timeline from './Timeline.svelte';

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
    const { rerender } = render(Timeline, { entries: [makeEntry()], hasMore: true, onLoadMore });
    await fireEvent.click(screen.getByTestId('load-more'));
    expect(onLoadMore).toHaveBeenCalledOnce();
    await rerender({ entries: [makeEntry()], hasMore: false, onLoadMore });
    expect(screen.queryByTestId('load-more')).toBeNull();
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
