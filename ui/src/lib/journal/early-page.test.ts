import { afterEach, describe, expect, it } from 'vitest';

import type { Entry } from '../ipc/commands';
import { clearMocks, makeEntry } from '../ipc/testing';
import { forgetEarly, keptSettled } from '../startup/early';
import { askForFirstPageEarly } from './early-page';
import { fakeBackend } from './fake-backend';
import { Journal } from './journal.svelte';

afterEach(() => {
  forgetEarly();
  clearMocks();
});

function entries(count: number): Entry[] {
  return Array.from({ length: count }, (_, i) =>
    makeEntry({ id: i + 1, entry_date: new Date(Date.UTC(2026, 10, 20 - i)).toISOString().slice(0, 10), body: `Day ${i + 1}` }),
  );
}

describe('the first page asked for early', () => {
  it('is the journal first load: one request for the first page, not two', async () => {
    const backend = fakeBackend(entries(30));
    askForFirstPageEarly(10);
    expect(backend.callsOf('list_entries')).toHaveLength(1);

    const journal = new Journal({ today: () => '2026-11-25', pageSize: 10 });
    await journal.refresh();

    expect(backend.callsOf('list_entries')).toHaveLength(1);
    expect(journal.entries.map((e) => e.id)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(journal.next).not.toBeNull();
    // A later refresh asks again: the early page is handed out once.
    await journal.refresh();
    expect(backend.callsOf('list_entries')).toHaveLength(2);
  });

  it('is set by the first refresh without waiting when it is already back', async () => {
    const backend = fakeBackend(entries(30));
    askForFirstPageEarly(10);
    await keptSettled();

    const journal = new Journal({ today: () => '2026-11-25', pageSize: 10 });
    const refreshing = journal.refresh();
    // Before anything is awaited: the entries go into the journal's first frame.
    expect(journal.entries).toHaveLength(10);
    await refreshing;
    expect(backend.callsOf('list_entries')).toHaveLength(1);
  });

  it('is asked for again when it failed (a locked journal, unlocked since)', async () => {
    let locked = true;
    const backend = fakeBackend(entries(5), {
      fail: (command) => (command === 'list_entries' && locked ? { code: 'locked', message: 'The journal is locked.' } : undefined),
    });
    askForFirstPageEarly(10);
    locked = false;

    const journal = new Journal({ today: () => '2026-11-25', pageSize: 10 });
    await journal.refresh();

    expect(backend.callsOf('list_entries')).toHaveLength(2);
    expect(journal.entries).toHaveLength(5);
    expect(journal.loadError).toBeNull();
  });

  it('is not used by a journal paging by another size', async () => {
    const backend = fakeBackend(entries(30));
    askForFirstPageEarly(10);

    const journal = new Journal({ today: () => '2026-11-25', pageSize: 20 });
    await journal.refresh();

    expect(backend.callsOf('list_entries').map((c) => c.args.limit)).toEqual([10, 20]);
    expect(journal.entries).toHaveLength(20);
  });
});
