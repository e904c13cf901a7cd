import { afterEach, describe, expect, it } from 'vitest';

import type { AppError, Entry, EntryDraft, PageCursor } from '../ipc/commands';
import { clearMocks, makeEntry, mockCommands } from '../ipc/testing';
import { Journal, parseTags } from './journal.svelte';
import { comesBefore } from './order';

afterEach(() => clearMocks());

const TODAY = '2026-11-25';

/** `count` entries, one a day going back from 2026-11-20, newest first. */
function history(count: number): Entry[] {
  const out: Entry[] = [];
  for (let i = 0; i < count; i += 1) {
    const day = new Date(Date.UTC(2026, 10, 20 - i)).toISOString().slice(0, 10);
    out.push(makeEntry({ id: i + 1, entry_date: day, body: `Day ${i + 1}` }));
  }
  return out;
}

/** A small in-memory backend that pages like the store does. */
function fakeBackend(initial: Entry[]) {
  const stored = [...initial];
  const trashed: Entry[] = [];
  let nextId = 10_000;
  const calls = mockCommands((command, args) => {
    switch (command) {
      case 'list_entries': {
        const after = args.after as PageCursor | null;
        const limit = args.limit as number;
        const sorted = [...stored].sort((a, b) => (comesBefore(a, b) ? -1 : 1));
        const rest = after ? sorted.filter((e) => comesBefore(after, e)) : sorted;
        const entries = rest.slice(0, limit);
        const last = entries[entries.length - 1];
        const next = rest.length > limit && last ? { entry_date: last.entry_date, id: last.id } : null;
        return { entries, next };
      }
      case 'create_entry': {
        const draft = args.draft as EntryDraft;
        if (draft.body.trim() === '') {
          return Promise.reject({ code: 'empty_body', message: 'The entry is empty.' } satisfies AppError);
        }
        const entry = makeEntry({ id: nextId++, entry_date: draft.entry_date, body: draft.body, tags: draft.tags });
        stored.push(entry);
        return entry;
      }
      case 'update_entry': {
        const draft = args.draft as EntryDraft;
        const i = stored.findIndex((e) => e.id === args.id);
        const current = stored[i];
        if (!current) return Promise.reject({ code: 'not_found', message: 'No such entry.' } satisfies AppError);
        const entry = { ...current, entry_date: draft.entry_date, body: draft.body, tags: draft.tags };
        stored[i] = entry;
        return entry;
      }
      case 'trash_entry': {
        const i = stored.findIndex((e) => e.id === args.id);
        const [entry] = stored.splice(i, 1);
        const gone = { ...entry!, deleted_at: '2026-11-25T10:00:00.000Z' };
        trashed.unshift(gone);
        return gone;
      }
      case 'restore_entry': {
        const i = trashed.findIndex((e) => e.id === args.id);
        const [entry] = trashed.splice(i, 1);
        const back = { ...entry!, deleted_at: null };
        stored.push(back);
        return back;
      }
      case 'list_trash':
        return trashed;
      default:
        return Promise.reject({ code: 'internal', message: `unexpected ${command}` });
    }
  });
  return { calls, stored };
}

describe('Journal timeline', () => {
  it('loads pages with the cursor, appends them and stops at next: null', async () => {
    const { calls } = fakeBackend(history(120));
    const journal = new Journal({ today: () => TODAY });

    await journal.refresh();
    expect(journal.entries.map((e) => e.id)).toEqual(history(50).map((e) => e.id));
    expect(journal.hasMore).toBe(true);
    expect(journal.firstPageSettled).toBe(true);

    await journal.loadMore();
    expect(journal.entries).toHaveLength(100);
    expect(calls[1]).toEqual({ command: 'list_entries', args: { after: { entry_date: '2026-10-02', id: 50 }, limit: 50 } });

    await journal.loadMore();
    expect(journal.entries).toHaveLength(120);
    expect(journal.entries.at(-1)?.id).toBe(120);
    expect(journal.hasMore).toBe(false);
    expect(journal.next).toBeNull();

    // At the end, asking for more asks nothing.
    const before = calls.length;
    await journal.loadMore();
    expect(calls.length).toBe(before);
    expect(new Set(journal.entries.map((e) => e.id)).size).toBe(120);
  });

  it('refresh reloads as many pages as were shown', async () => {
    const { calls } = fakeBackend(history(120));
    const journal = new Journal({ today: () => TODAY });
    await journal.refresh();
    await journal.loadMore();
    calls.length = 0;

    await journal.refresh();
    expect(calls.map((c) => c.command)).toEqual(['list_entries', 'list_entries']);
    expect(journal.entries).toHaveLength(100);
    expect(journal.hasMore).toBe(true);
  });

  it('a Load more asked during a reload waits for it, and two at once fetch one page', async () => {
    const { calls } = fakeBackend(history(120));
    const journal = new Journal({ today: () => TODAY });
    await journal.refresh();
    calls.length = 0;

    await Promise.all([journal.refresh(), journal.loadMore(), journal.loadMore()]);
    expect(calls.map((c) => c.args.after)).toEqual([null, { entry_date: '2026-10-02', id: 50 }]);
    expect(journal.entries).toHaveLength(100);
    expect(journal.loading).toBe(false);
  });

  it('a reload whose answer was overtaken by a save reads again instead of hiding the new entry', async () => {
    const stored = history(2);
    let holdList: (() => void) | null = null;
    mockCommands((command, args) => {
      if (command === 'list_entries') {
        const answer = { entries: [...stored], next: null };
        // The first reload's answer is held back until the save has finished.
        return holdList === null && stored.length === 2
          ? new Promise((resolve) => (holdList = () => resolve(answer)))
          : answer;
      }
      const draft = args.draft as EntryDraft;
      const entry = makeEntry({ id: 77, entry_date: draft.entry_date, body: draft.body });
      stored.unshift(entry);
      return entry;
    });
    const journal = new Journal({ today: () => TODAY });
    journal.draft.body = 'Written while the timeline was loading.';

    const reload = journal.refresh();
    await journal.save();
    expect(holdList).not.toBeNull();
    holdList!();
    await reload;

    expect(journal.entries.map((e) => e.id)).toEqual([77, 1, 2]);
  });

  it('keeps a load failure as a typed error', async () => {
    mockCommands(() => Promise.reject({ code: 'newer_database', message: 'Made by a newer Trajectory.' }));
    const journal = new Journal({ today: () => TODAY });
    await journal.refresh();
    expect(journal.loadError?.code).toBe('newer_database');
    expect(journal.firstPageSettled).toBe(true);
    expect(journal.entries).toEqual([]);
  });
});

describe('Journal editor', () => {
  it('starts with an empty draft dated today', () => {
    const journal = new Journal({ today: () => TODAY });
    expect(journal.draft).toEqual({ id: null, entryDate: TODAY, body: '', tagsText: '' });
    expect(journal.statusText).toBe('');
  });

  it('saving a new entry puts it at the top and says Saved', async () => {
    const { calls } = fakeBackend(history(3));
    const journal = new Journal({ today: () => TODAY });
    await journal.refresh();

    journal.draft.body = 'Led the design review for the sync engine.';
    journal.draft.tagsText = ' leadership, , design ';
    await journal.save();

    expect(calls.at(-1)).toEqual({
      command: 'create_entry',
      args: { draft: { entry_date: TODAY, body: 'Led the design review for the sync engine.', tags: ['leadership', 'design'] } },
    });
    expect(journal.entries).toHaveLength(4);
    expect(journal.entries[0]?.body).toBe('Led the design review for the sync engine.');
    expect(journal.draft.id).toBe(journal.entries[0]?.id);
    expect(journal.saveState).toBe('saved');
    expect(journal.statusText).toBe('Saved');
    expect(journal.dirty).toBe(false);

    // Saving again updates the same entry instead of creating another.
    journal.draft.body = 'Led the design review for the sync engine. It went well.';
    expect(journal.statusText).toBe('Unsaved changes');
    await journal.save();
    expect(calls.at(-1)?.command).toBe('update_entry');
    expect(journal.entries).toHaveLength(4);
    expect(journal.entries[0]?.body).toBe('Led the design review for the sync engine. It went well.');
  });

  it('a double save of a new entry creates it once', async () => {
    const { calls } = fakeBackend([]);
    const journal = new Journal({ today: () => TODAY });
    await journal.refresh();
    journal.draft.body = 'Asked for the promotion conversation.';
    await Promise.all([journal.save(), journal.save()]);
    expect(calls.filter((c) => c.command === 'create_entry')).toHaveLength(1);
    expect(journal.entries).toHaveLength(1);
  });

  it('an empty_body error from the backend is exposed with its code and keeps the draft', async () => {
    const calls = mockCommands((command) =>
      command === 'create_entry'
        ? Promise.reject({ code: 'empty_body', message: 'The entry is empty: write something before saving.' })
        : { entries: [], next: null },
    );
    const journal = new Journal({ today: () => TODAY });
    // U+0085 (NEXT LINE) is whitespace to Rust's trim() but not to JavaScript's: the UI lets it
    // through and the backend, the authority, refuses it.
    journal.draft.body = '\u0085';
    journal.draft.tagsText = 'draft, ideas';
    await journal.save();

    expect(calls.map((c) => c.command)).toEqual(['create_entry']);
    expect(journal.error).toEqual({ code: 'empty_body', message: 'The entry is empty: write something before saving.' });
    expect(journal.errorField).toBe('body');
    expect(journal.saveState).toBe('failed');
    expect(journal.statusText).toBe('Not saved');
    expect(journal.draft).toEqual({ id: null, entryDate: TODAY, body: '\u0085', tagsText: 'draft, ideas' });
  });

  it('refuses an empty body without asking the backend, keeping the draft', async () => {
    const { calls } = fakeBackend([]);
    const journal = new Journal({ today: () => TODAY });
    journal.draft.body = '   \n  ';
    journal.draft.tagsText = 'kept';
    await journal.save();
    expect(calls).toHaveLength(0);
    expect(journal.error?.code).toBe('empty_body');
    expect(journal.draft.body).toBe('   \n  ');
    expect(journal.draft.tagsText).toBe('kept');
  });

  it('points invalid_date at the date field', async () => {
    mockCommands(() => Promise.reject({ code: 'invalid_date', message: '"0999-01-01" is not a real date.' }));
    const journal = new Journal({ today: () => TODAY });
    journal.draft.entryDate = '0999-01-01';
    journal.draft.body = 'Old news.';
    await journal.save();
    expect(journal.error?.code).toBe('invalid_date');
    expect(journal.errorField).toBe('date');
    expect(journal.draft.body).toBe('Old news.');
  });

  it('keeps unsaved edits of an entry when another is opened, and brings them back', async () => {
    fakeBackend(history(3));
    const journal = new Journal({ today: () => TODAY });
    await journal.refresh();
    const [first, second] = journal.entries;

    await journal.open(first!);
    journal.draft.body = 'Changed my mind about this day.';
    await journal.open(second!);
    expect(journal.draft.body).toBe(second!.body);
    expect(journal.hasUnsavedEdits(first!.id)).toBe(true);

    await journal.open(first!);
    expect(journal.draft.body).toBe('Changed my mind about this day.');
    expect(journal.dirty).toBe(true);
  });

  it('New entry sets an unsaved new draft aside, which can be brought back', async () => {
    fakeBackend([]);
    const journal = new Journal({ today: () => TODAY });
    journal.draft.body = 'Half a thought';
    await journal.newEntry();
    expect(journal.draft.body).toBe('');
    expect(journal.setAside?.body).toBe('Half a thought');
    await journal.bringBack();
    expect(journal.draft.body).toBe('Half a thought');
    expect(journal.setAside).toBeNull();
  });

  it('moves the open entry to the trash and restores it', async () => {
    const { calls } = fakeBackend(history(3));
    const journal = new Journal({ today: () => TODAY });
    await journal.refresh();
    const target = journal.entries[1]!;
    await journal.open(target);

    await journal.trashCurrent();
    expect(calls.at(-1)).toEqual({ command: 'trash_entry', args: { id: target.id } });
    expect(journal.entries.map((e) => e.id)).not.toContain(target.id);
    expect(journal.draft.id).toBeNull();
    expect(journal.lastTrashed?.id).toBe(target.id);

    await journal.toggleTrash();
    expect(journal.trash.map((e) => e.id)).toEqual([target.id]);

    await journal.restore(target.id);
    expect(journal.trash).toEqual([]);
    expect(journal.entries.map((e) => e.id)).toEqual([1, 2, 3]);
  });
});

describe('parseTags', () => {
  it('splits on commas and drops blanks', () => {
    expect(parseTags('a, b ,,c ')).toEqual(['a', 'b', 'c']);
    expect(parseTags('')).toEqual([]);
  });
});
