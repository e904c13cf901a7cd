import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';

import type { SearchQuery, SearchResults as Results } from '../ipc/commands';
import { clearMocks, makeEntry, mockCommands } from '../ipc/testing';
import SearchResults from './SearchResults.svelte';
import { Search, countFilters, emptyFilters } from './search.svelte';

afterEach(() => {
  clearMocks();
  vi.useRealTimers();
});

function results(text: string, id = 1): Results {
  return {
    hits: [{ entry: makeEntry({ id, body: text }), snippet: [{ text, hit: false }] }],
    more: false,
    hint: null,
  };
}

describe('Search', () => {
  it('sends every field, null where unused', async () => {
    const calls = mockCommands(() => results('x'));
    const search = new Search();
    search.text = 'promot* "new manager"';
    search.filters.tagsText = 'career, , growth';
    search.filters.from = '2026-01-01';
    search.filters.minMood = 3;
    search.filters.maxProgress = 4;
    await search.run();
    expect(calls).toEqual([
      {
        command: 'search',
        args: {
          query: {
            text: 'promot* "new manager"',
            tags: ['career', 'growth'],
            from: '2026-01-01',
            to: null,
            min_mood: 3,
            max_mood: null,
            min_progress: null,
            max_progress: 4,
            limit: 50,
          } satisfies SearchQuery,
        },
      },
    ]);
  });

  it('follows typing after a short pause, once per pause', async () => {
    vi.useFakeTimers();
    const calls = mockCommands(() => results('x'));
    const search = new Search();
    for (const text of ['p', 'pr', 'pro', 'prom']) {
      search.text = text;
      search.changed();
      await vi.advanceTimersByTimeAsync(60);
    }
    expect(calls).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(150);
    expect(calls.map((c) => (c.args.query as SearchQuery).text)).toEqual(['prom']);
    expect(search.hits).toHaveLength(1);
  });

  it('ignores an answer that arrives after a newer one', async () => {
    const pending = new Map<string, (r: Results) => void>();
    mockCommands((_, args) => new Promise((resolve) => pending.set((args.query as SearchQuery).text, resolve)));
    const search = new Search();
    search.text = 'old';
    const first = search.run();
    search.text = 'new';
    const second = search.run();

    pending.get('new')!(results('the new answer', 2));
    await second;
    pending.get('old')!(results('the old answer', 1));
    await first;

    expect(search.hits.map((h) => h.entry.id)).toEqual([2]);
    expect(search.searching).toBe(false);
  });

  it('clearing returns to nothing, and a late answer does not bring results back', async () => {
    let answer: (r: Results) => void = () => {};
    mockCommands(() => new Promise((resolve) => (answer = resolve)));
    const search = new Search();
    search.text = 'late';
    const run = search.run();
    search.clear();
    answer(results('late'));
    await run;
    expect(search.active).toBe(false);
    expect(search.hits).toEqual([]);
  });

  it('keeps the hint and a failure as a typed error', async () => {
    mockCommands(() => ({ ...results('x'), hint: 'An unclosed quote was closed at the end.' }));
    const search = new Search();
    search.text = '"new manager';
    await search.run();
    expect(search.hint).toBe('An unclosed quote was closed at the end.');

    mockCommands(() => Promise.reject({ code: 'invalid_date', message: 'From is not a date.' }));
    await search.run();
    expect(search.error?.code).toBe('invalid_date');
  });

  it('counts filters; filters alone make a search', () => {
    const search = new Search();
    expect(search.active).toBe(false);
    search.filters.minMood = 4;
    expect(countFilters(search.filters)).toBe(1);
    expect(search.active).toBe(true);
    expect(countFilters(emptyFilters())).toBe(0);
  });
});

describe('SearchResults', () => {
  it('renders hit parts as <mark>, all as text, and opens an entry on click', async () => {
    mockCommands(() => ({
      hits: [
        {
          entry: makeEntry({ id: 4, entry_date: '2026-11-20', mood: 4 }),
          snippet: [
            { text: 'Asked about the ', hit: false },
            { text: 'promotion', hit: true },
            { text: ' <b>rubric</b> and the ', hit: false },
            { text: 'promotion', hit: true },
            { text: ' timeline…', hit: false },
          ],
        },
      ],
      more: true,
      hint: 'Read as words: a stray quote was left out.',
    }));
    const search = new Search();
    search.text = 'promot*';
    await search.run();
    const onOpen = vi.fn();
    const { container } = render(SearchResults, { search, onOpen });

    const result = screen.getByTestId('search-result');
    const marks = [...result.querySelectorAll('mark')].map((m) => m.textContent);
    expect(marks).toEqual(['promotion', 'promotion']);
    expect(within(result).getByTestId('search-snippet').textContent).toBe(
      'Asked about the promotion <b>rubric</b> and the promotion timeline…',
    );
    expect(container.querySelector('b')).toBeNull();
    expect(screen.getByTestId('search-hint').textContent).toContain('stray quote');
    expect(screen.getByTestId('search-more')).toBeTruthy();

    await fireEvent.click(within(result).getByRole('button'));
    expect(onOpen).toHaveBeenCalledWith(expect.objectContaining({ id: 4 }));
  });

  it('says so gently when nothing is found', async () => {
    mockCommands(() => ({ hits: [], more: false, hint: null }));
    const search = new Search();
    search.text = 'zebra';
    await search.run();
    render(SearchResults, { search });
    expect(screen.getByTestId('search-empty').textContent).toContain('Nothing found');
  });
});
