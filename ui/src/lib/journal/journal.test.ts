import { afterEach, describe, expect, it, vi } from 'vitest';

import type { Entry, EntryDraft } from '../ipc/commands';
import { clearMocks, makeEntry, mockCommands } from '../ipc/testing';
import { fakeBackend } from './fake-backend';
import { Journal, normaliseTags, parseTags } from './journal.svelte';

afterEach(() => {
  clearMocks();
  vi.useRealTimers();
});

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

describe('Journal timeline', () => {
  it('loads pages with the cursor, appends them and stops at next: null', async () => {
    const { calls } = fakeBackend(history(120));
    const journal = new Journal({ today: () => TODAY, pageSize: 50 });

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
    const journal = new Journal({ today: () => TODAY, pageSize: 50 });
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
    const journal = new Journal({ today: () => TODAY, pageSize: 50 });
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
    const journal = new Journal({ today: () => TODAY, pageSize: 50 });
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
    const journal = new Journal({ today: () => TODAY, pageSize: 50 });
    await journal.refresh();
    expect(journal.loadError?.code).toBe('newer_database');
    expect(journal.firstPageSettled).toBe(true);
    expect(journal.entries).toEqual([]);
  });
});

describe('Journal editor', () => {
  it('starts with an empty draft dated today', () => {
    const journal = new Journal({ today: () => TODAY });
    expect(journal.draft).toEqual({ id: null, entryDate: TODAY, body: '', tagsText: '', mood: null, progress: null });
    expect(journal.statusText).toBe('');
  });

  it('saving a new entry puts it at the top and says Saved; saving again updates it', async () => {
    const { callsOf } = fakeBackend(history(3));
    const journal = new Journal({ today: () => TODAY });
    await journal.refresh();

    journal.draft.body = 'Led the design review for the sync engine.';
    journal.draft.tagsText = ' leadership, , design ';
    journal.draft.mood = 4;
    await journal.save();

    expect(callsOf('create_entry', 'update_entry')).toEqual([
      {
        command: 'create_entry',
        args: {
          draft: {
            entry_date: TODAY,
            body: 'Led the design review for the sync engine.',
            tags: ['leadership', 'design'],
            mood: 4,
            progress: null,
          },
        },
      },
    ]);
    expect(journal.entries).toHaveLength(4);
    expect(journal.entries[0]?.body).toBe('Led the design review for the sync engine.');
    expect(journal.draft.id).toBe(journal.entries[0]?.id);
    expect(journal.draft.tagsText).toBe('leadership, design');
    expect(journal.saveState).toBe('saved');
    expect(journal.statusText).toBe('Saved');
    expect(journal.dirty).toBe(false);

    journal.draft.progress = 5;
    expect(journal.statusText).toBe('Not saved yet');
    await journal.save();
    expect(callsOf('create_entry', 'update_entry').map((c) => c.command)).toEqual(['create_entry', 'update_entry']);
    expect(journal.entries).toHaveLength(4);
    expect(journal.entries[0]?.progress).toBe(5);
  });

  it('a double save of a new entry creates it once', async () => {
    const { callsOf } = fakeBackend([]);
    const journal = new Journal({ today: () => TODAY });
    await journal.refresh();
    journal.draft.body = 'Asked for the promotion conversation.';
    await Promise.all([journal.save(), journal.save()]);
    expect(callsOf('create_entry')).toHaveLength(1);
    expect(callsOf('update_entry')).toHaveLength(0);
    expect(journal.entries).toHaveLength(1);
  });

  it('an empty_body error from the backend is exposed with its code and keeps the draft', async () => {
    const calls = mockCommands((command) =>
      command === 'create_entry'
        ? Promise.reject({ code: 'empty_body', message: 'The entry is empty: write something before saving.' })
        : [],
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
    expect(journal.draft).toMatchObject({ id: null, entryDate: TODAY, body: '\u0085', tagsText: 'draft, ideas' });
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

  it('points invalid_date at the date field and invalid_rating at the ratings', async () => {
    mockCommands(() => Promise.reject({ code: 'invalid_date', message: '"0999-01-01" is not a real date.' }));
    const journal = new Journal({ today: () => TODAY });
    journal.draft.entryDate = '0999-01-01';
    journal.draft.body = 'Old news.';
    await journal.save();
    expect(journal.error?.code).toBe('invalid_date');
    expect(journal.errorField).toBe('date');
    expect(journal.draft.body).toBe('Old news.');

    mockCommands(() => Promise.reject({ code: 'invalid_rating', message: 'Mood is 1 to 5.' }));
    journal.draft.entryDate = TODAY;
    await journal.save();
    expect(journal.errorField).toBe('ratings');
  });

  it('opening another entry saves pending edits first', async () => {
    const { callsOf } = fakeBackend(history(3));
    const journal = new Journal({ today: () => TODAY });
    await journal.refresh();
    const [first, second] = journal.entries;

    await journal.open(first!);
    journal.draft.body = 'Changed my mind about this day.';
    journal.changed();
    await journal.open(second!);
    expect(callsOf('update_entry')).toEqual([
      expect.objectContaining({ args: expect.objectContaining({ id: first!.id }) }),
    ]);
    expect(journal.draft.body).toBe(second!.body);
    expect(journal.hasUnsavedEdits(first!.id)).toBe(false);
    expect(journal.entries.find((e) => e.id === first!.id)?.body).toBe('Changed my mind about this day.');
  });

  it('keeps edits that could not be saved when another entry is opened, and brings them back', async () => {
    fakeBackend(history(3), {
      fail: (command) => (command === 'update_entry' ? { code: 'storage', message: 'Disk full.' } : undefined),
    });
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

  it('New entry sets aside a new draft that could not be saved, which can be brought back', async () => {
    fakeBackend([], {
      fail: (command) => (command === 'create_entry' ? { code: 'storage', message: 'Disk full.' } : undefined),
    });
    const journal = new Journal({ today: () => TODAY });
    journal.draft.body = 'Half a thought';
    await journal.newEntry();
    expect(journal.draft.body).toBe('');
    expect(journal.setAside?.body).toBe('Half a thought');
    await journal.bringBack();
    expect(journal.draft.body).toBe('Half a thought');
    expect(journal.setAside).toBeNull();
  });

  it('a template starts a new entry that is not saved until the person writes', async () => {
    vi.useFakeTimers();
    const { callsOf } = fakeBackend([]);
    const journal = new Journal({ today: () => TODAY });
    await journal.newEntry('## What moved\n\n');
    journal.changed();
    await vi.advanceTimersByTimeAsync(2000);
    expect(journal.draft.body).toBe('## What moved\n\n');
    expect(journal.dirty).toBe(false);
    expect(callsOf('create_entry', 'save_draft')).toHaveLength(0);

    journal.draft.body += 'The importer shipped.';
    journal.changed();
    await vi.advanceTimersByTimeAsync(1000);
    expect(callsOf('create_entry')).toHaveLength(1);
  });

  it('moves the open entry to the trash, restores it, and empties the trash', async () => {
    const { callsOf } = fakeBackend(history(3));
    const journal = new Journal({ today: () => TODAY });
    await journal.refresh();
    const target = journal.entries[1]!;
    await journal.open(target);

    await journal.trashCurrent();
    expect(callsOf('trash_entry')).toEqual([{ command: 'trash_entry', args: { id: target.id } }]);
    expect(journal.entries.map((e) => e.id)).not.toContain(target.id);
    expect(journal.draft.id).toBeNull();
    expect(journal.lastTrashed?.id).toBe(target.id);

    await journal.toggleTrash();
    expect(journal.trash.map((e) => e.id)).toEqual([target.id]);

    await journal.restore(target.id);
    expect(journal.trash).toEqual([]);
    expect(journal.entries.map((e) => e.id)).toEqual([1, 2, 3]);

    await journal.open(journal.entries[0]!);
    await journal.trashCurrent();
    expect(await journal.emptyTrash()).toBe(1);
    expect(callsOf('empty_trash')).toEqual([{ command: 'empty_trash', args: {} }]);
    expect(journal.trash).toEqual([]);
    expect(journal.lastTrashed).toBeNull();
    expect(journal.emptied).toBe(1);
  });

  it('keeps an Empty trash failure as a typed error', async () => {
    fakeBackend([], { fail: (c) => (c === 'empty_trash' ? { code: 'storage', message: 'Locked.' } : undefined) });
    const journal = new Journal({ today: () => TODAY });
    expect(await journal.emptyTrash()).toBeNull();
    expect(journal.trashError?.code).toBe('storage');
  });
});

describe('Autosave', () => {
  /** Types `text` one character every `gapMs`, telling the journal after each. */
  async function type(journal: Journal, text: string, gapMs = 100) {
    for (const ch of text) {
      journal.draft.body += ch;
      journal.changed();
      await vi.advanceTimersByTimeAsync(gapMs);
    }
  }

  it('saves once after a burst of typing: create first, then update', async () => {
    vi.useFakeTimers();
    const { callsOf } = fakeBackend([]);
    const journal = new Journal({ today: () => TODAY });

    await type(journal, 'Shipped it'); // ten keystrokes, 100 ms apart
    expect(callsOf('create_entry', 'update_entry')).toHaveLength(0);
    expect(journal.statusText).toBe('Not saved yet');

    await vi.advanceTimersByTimeAsync(600); // 700 ms after the last keystroke
    expect(callsOf('create_entry', 'update_entry')).toEqual([
      expect.objectContaining({ command: 'create_entry', args: { draft: expect.objectContaining({ body: 'Shipped it' }) } }),
    ]);
    expect(journal.statusText).toBe('Saved');
    const id = journal.draft.id;
    expect(id).not.toBeNull();

    await type(journal, '!!!');
    await vi.advanceTimersByTimeAsync(1000);
    expect(callsOf('create_entry', 'update_entry').map((c) => c.command)).toEqual(['create_entry', 'update_entry']);
    expect(callsOf('update_entry')[0]?.args).toEqual({
      id,
      draft: expect.objectContaining({ body: 'Shipped it!!!' }),
    });

    // Nothing changed since: no further writes.
    await vi.advanceTimersByTimeAsync(5000);
    expect(callsOf('create_entry', 'update_entry')).toHaveLength(2);
  });

  it('commits within a second of the last keystroke', async () => {
    vi.useFakeTimers();
    const { callsOf } = fakeBackend([]);
    const journal = new Journal({ today: () => TODAY });
    await type(journal, 'x', 0);
    await vi.advanceTimersByTimeAsync(699);
    expect(callsOf('create_entry')).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(301);
    expect(callsOf('create_entry')).toHaveLength(1);
  });

  it('shows Saving… while the save is in flight, then Saved', async () => {
    vi.useFakeTimers();
    let release = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    fakeBackend([], { hold: (c) => (c === 'create_entry' ? gate : undefined) });
    const journal = new Journal({ today: () => TODAY });

    await type(journal, 'Hi', 10);
    expect(journal.statusText).toBe('Not saved yet');
    await vi.advanceTimersByTimeAsync(700);
    expect(journal.saveState).toBe('saving');
    expect(journal.statusText).toBe('Saving…');

    // Typing is not blocked meanwhile; the words typed during the save follow in an update.
    journal.draft.body += ' there';
    journal.changed();
    release();
    await vi.advanceTimersByTimeAsync(0);
    expect(journal.draft.body).toBe('Hi there');
    expect(journal.statusText).toBe('Not saved yet');
    await vi.advanceTimersByTimeAsync(1000);
    expect(journal.statusText).toBe('Saved');
    expect(journal.entries[0]?.body).toBe('Hi there');
  });

  it('on failure says Not saved, keeps the text, and Retry saves it', async () => {
    vi.useFakeTimers();
    let broken = true;
    const { callsOf } = fakeBackend([], {
      fail: (c) => (broken && c === 'create_entry' ? { code: 'storage_unavailable', message: 'Busy.' } : undefined),
    });
    const journal = new Journal({ today: () => TODAY });
    await type(journal, 'Precious');
    await vi.advanceTimersByTimeAsync(700);

    expect(journal.saveState).toBe('failed');
    expect(journal.statusText).toBe('Not saved');
    expect(journal.error?.code).toBe('storage_unavailable');
    expect(journal.draft.body).toBe('Precious');

    broken = false;
    await journal.retry();
    expect(journal.statusText).toBe('Saved');
    expect(journal.error).toBeNull();
    expect(callsOf('create_entry')).toHaveLength(2);
  });

  it('does not autosave an empty body, and says so only on an explicit save', async () => {
    vi.useFakeTimers();
    const { callsOf } = fakeBackend([]);
    const journal = new Journal({ today: () => TODAY });
    journal.draft.tagsText = 'ideas';
    journal.draft.mood = 3;
    journal.changed();
    await vi.advanceTimersByTimeAsync(3000);
    expect(callsOf('create_entry')).toHaveLength(0);
    expect(journal.error).toBeNull();
    expect(journal.statusText).toBe('Not saved yet');

    await journal.save();
    expect(journal.error?.code).toBe('empty_body');
    expect(journal.statusText).toBe('Not saved');
  });

  it('an explicit save joining a queued autosave still reports why it could not save', async () => {
    fakeBackend([]);
    const journal = new Journal({ today: () => TODAY });
    journal.draft.entryDate = '';
    journal.draft.body = 'Undated';
    const auto = journal.save({ auto: true });
    const explicit = journal.save();
    await Promise.all([auto, explicit]);
    expect(journal.error?.code).toBe('invalid_date');
  });
});

describe('Crash-recovery copies', () => {
  it('keeps a copy at most every 250 ms while typing, always the latest text', async () => {
    vi.useFakeTimers();
    const { callsOf } = fakeBackend([]);
    const journal = new Journal({ today: () => TODAY });
    journal.draft.body = 'a';
    journal.changed();
    await vi.advanceTimersByTimeAsync(249);
    expect(callsOf('save_draft')).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(callsOf('save_draft')).toEqual([
      {
        command: 'save_draft',
        args: { draft: { entry_id: null, entry_date: TODAY, body: 'a', tags: [], mood: null, progress: null } },
      },
    ]);

    // A second of typing, a keystroke every 50 ms: four copies, not twenty (and not none).
    for (let i = 0; i < 20; i += 1) {
      journal.draft.body += 'b';
      journal.changed();
      await vi.advanceTimersByTimeAsync(50);
    }
    const during = callsOf('save_draft').length - 1;
    expect(during).toBeGreaterThanOrEqual(3);
    expect(during).toBeLessThanOrEqual(5);
    // Each copy is ahead of the autosave, which has not run yet.
    expect(callsOf('create_entry')).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(250);
    const last = callsOf('save_draft').at(-1)?.args.draft as { body: string };
    expect(last.body).toBe(`a${'b'.repeat(20)}`);
  });

  it('never writes a new-entry copy after the save that created the entry', async () => {
    vi.useFakeTimers();
    let release = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    const { callsOf, drafts } = fakeBackend([], { hold: (c) => (c === 'create_entry' ? gate : undefined) });
    const journal = new Journal({ today: () => TODAY });
    journal.draft.body = 'First words';
    journal.changed();
    await vi.advanceTimersByTimeAsync(700); // copy at 250, save starts at 700 and waits
    journal.draft.body = 'First words, more';
    journal.changed();
    await vi.advanceTimersByTimeAsync(300); // the copy is due while the create is in flight
    release();
    await vi.advanceTimersByTimeAsync(2000);

    const order = callsOf('save_draft', 'create_entry', 'update_entry').map(
      (c) => `${c.command}:${(c.args.draft as { entry_id?: number | null }).entry_id ?? '-'}`,
    );
    const id = journal.draft.id;
    expect(order).toEqual(['save_draft:-', 'create_entry:-', `save_draft:${id}`, 'update_entry:-']);
    expect(drafts.has(0)).toBe(false);
  });

  it('forgets its copy when the text goes back to what is stored', async () => {
    vi.useFakeTimers();
    const { callsOf } = fakeBackend(history(1), {
      fail: (c) => (c === 'update_entry' ? { code: 'storage', message: 'Locked.' } : undefined),
    });
    const journal = new Journal({ today: () => TODAY });
    await journal.refresh();
    await journal.open(journal.entries[0]!);
    journal.draft.body = 'Day 1, edited';
    journal.changed();
    await vi.advanceTimersByTimeAsync(300);
    journal.draft.body = 'Day 1';
    journal.changed();
    await vi.advanceTimersByTimeAsync(300);
    expect(callsOf('save_draft', 'discard_draft').map((c) => c.command)).toEqual(['save_draft', 'discard_draft']);
    expect(callsOf('discard_draft')[0]?.args).toEqual({ entryId: 1 });
  });
});

describe('Recovery after an unexpected exit', () => {
  const keptNew = {
    entry_id: null,
    entry_date: '2026-11-24',
    body: 'Words typed just before the crash',
    tags: ['late'],
    mood: 2,
    progress: null,
    saved_at: '2026-11-24T14:02:00.000Z',
  };

  it('offers the kept text and changes nothing until the person chooses', async () => {
    vi.useFakeTimers();
    const { calls } = fakeBackend(history(2), { drafts: [keptNew] });
    const journal = new Journal({ today: () => TODAY });
    await journal.loadRecoveries();
    expect(journal.recoveries).toEqual([keptNew]);
    await vi.advanceTimersByTimeAsync(5000);
    expect(journal.draft.body).toBe('');
    expect(calls.map((c) => c.command)).toEqual(['pending_drafts']);
  });

  it('Restore puts the text in a new entry, which autosave then keeps', async () => {
    vi.useFakeTimers();
    const { callsOf, drafts } = fakeBackend([], { drafts: [keptNew] });
    const journal = new Journal({ today: () => TODAY });
    await journal.loadRecoveries();
    await journal.recover(journal.recoveries[0]!);

    expect(journal.recoveries).toEqual([]);
    expect(journal.draft).toEqual({
      id: null,
      entryDate: '2026-11-24',
      body: 'Words typed just before the crash',
      tagsText: 'late',
      mood: 2,
      progress: null,
    });
    expect(journal.statusText).toBe('Not saved yet');
    await vi.advanceTimersByTimeAsync(1000);
    expect(callsOf('create_entry')).toHaveLength(1);
    expect(journal.statusText).toBe('Saved');
    expect(drafts.size).toBe(0);
  });

  it('Restore of an edited entry opens that entry with the kept text', async () => {
    vi.useFakeTimers();
    const kept = { ...keptNew, entry_id: 2, entry_date: '2026-11-19', body: 'Day 2, with the crash-time edit' };
    const { callsOf } = fakeBackend(history(2), { drafts: [kept] });
    const journal = new Journal({ today: () => TODAY });
    await journal.loadRecoveries();
    await journal.recover(journal.recoveries[0]!);
    expect(callsOf('get_entry')).toEqual([{ command: 'get_entry', args: { id: 2 } }]);
    expect(journal.draft.id).toBe(2);
    expect(journal.draft.body).toBe('Day 2, with the crash-time edit');
    expect(journal.dirty).toBe(true);
    await vi.advanceTimersByTimeAsync(1000);
    expect(callsOf('update_entry')[0]?.args).toMatchObject({ id: 2, draft: { body: 'Day 2, with the crash-time edit' } });
  });

  it('Discard forgets the kept text', async () => {
    const { callsOf, drafts } = fakeBackend([], { drafts: [keptNew] });
    const journal = new Journal({ today: () => TODAY });
    await journal.loadRecoveries();
    await journal.discardRecovery(journal.recoveries[0]!);
    expect(callsOf('discard_draft')).toEqual([{ command: 'discard_draft', args: { entryId: null } }]);
    expect(journal.recoveries).toEqual([]);
    expect(drafts.size).toBe(0);
    expect(journal.draft.body).toBe('');
  });

  it('a failed discard keeps the offer and says why', async () => {
    fakeBackend([], {
      drafts: [keptNew],
      fail: (c) => (c === 'discard_draft' ? { code: 'storage', message: 'Locked.' } : undefined),
    });
    const journal = new Journal({ today: () => TODAY });
    await journal.loadRecoveries();
    await journal.discardRecovery(journal.recoveries[0]!);
    expect(journal.recoveries).toHaveLength(1);
    expect(journal.recoveryError).toEqual({ slot: 0, error: { code: 'storage', message: 'Locked.' } });
  });

  it('while an offer waits, new writing does not overwrite the kept text', async () => {
    vi.useFakeTimers();
    const { drafts } = fakeBackend([], { drafts: [keptNew] });
    const journal = new Journal({ today: () => TODAY });
    await journal.loadRecoveries();
    journal.draft.body = 'Something else entirely';
    journal.changed();
    await vi.advanceTimersByTimeAsync(300); // the copy of the new writing is held back
    expect(drafts.get(0)?.body).toBe('Words typed just before the crash');
    await vi.advanceTimersByTimeAsync(2000); // the entry is created (which clears slot 0)
    expect(journal.draft.id).not.toBeNull();
    expect(drafts.get(0)?.body).toBe('Words typed just before the crash');
  });
});

describe('History', () => {
  it('lists the open entry revisions and restores one into the editor', async () => {
    const { callsOf } = fakeBackend(history(1));
    const journal = new Journal({ today: () => TODAY });
    await journal.refresh();
    await journal.open(journal.entries[0]!);
    journal.draft.body = 'Second version';
    await journal.save();
    journal.draft.body = 'Third version';
    await journal.save();

    await journal.toggleHistory();
    expect(callsOf('list_revisions').at(-1)).toEqual({ command: 'list_revisions', args: { id: 1 } });
    expect(journal.revisions.map((r) => r.body)).toEqual(['Second version', 'Day 1']);

    const oldest = journal.revisions[1]!;
    expect(await journal.restoreRevision(oldest)).toBe(true);
    expect(callsOf('restore_revision')).toEqual([{ command: 'restore_revision', args: { revisionId: oldest.id } }]);
    expect(journal.draft.body).toBe('Day 1');
    expect(journal.statusText).toBe('Saved');
    expect(journal.entries[0]?.body).toBe('Day 1');
    // The replaced version is kept too.
    expect(journal.revisions.map((r) => r.body)).toEqual(['Third version', 'Second version', 'Day 1']);
  });

  it('saves pending edits before restoring, so they are kept as a revision', async () => {
    const { callsOf } = fakeBackend(history(1));
    const journal = new Journal({ today: () => TODAY });
    await journal.refresh();
    await journal.open(journal.entries[0]!);
    journal.draft.body = 'Edited';
    await journal.save();
    await journal.toggleHistory();
    journal.draft.body = 'Typed but not saved yet';
    journal.changed();

    await journal.restoreRevision(journal.revisions[0]!);
    expect(callsOf('update_entry', 'restore_revision').map((c) => c.command)).toEqual([
      'update_entry',
      'update_entry',
      'restore_revision',
    ]);
    expect(journal.revisions[0]?.body).toBe('Typed but not saved yet');
    journal.dispose();
  });
});

describe('tags', () => {
  it('parseTags splits on commas and drops blanks', () => {
    expect(parseTags('a, b ,,c ')).toEqual(['a', 'b', 'c']);
    expect(parseTags('')).toEqual([]);
  });

  it('normaliseTags reads tags like the backend keeps them', () => {
    expect(normaliseTags('#Launch, launch, mentoring , ')).toEqual(['Launch', 'mentoring']);
  });
});
