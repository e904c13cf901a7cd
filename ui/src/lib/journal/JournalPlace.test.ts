import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';

import type { EntryDraft } from '../ipc/commands';
import { clearMocks, makeEntry, mockCommands } from '../ipc/testing';
import JournalPlace from './JournalPlace.svelte';
import { Journal } from './journal.svelte';

afterEach(() => {
  clearMocks();
  delete document.body.dataset.timelineReady;
});

const TODAY = '2026-11-25';

function setup() {
  const stored = [
    makeEntry({ id: 2, entry_date: '2026-11-24', body: 'Paired with Sam on the migration.', tags: ['pairing'] }),
    makeEntry({ id: 1, entry_date: '2026-11-20', body: 'Quiet week.' }),
  ];
  const calls = mockCommands((command, args) => {
    switch (command) {
      case 'list_entries':
        return { entries: stored, next: null };
      case 'create_entry': {
        const draft = args.draft as EntryDraft;
        const long = draft.tags.find((t) => t.length > 64);
        if (long) {
          return Promise.reject({ code: 'invalid_tag', message: `The tag "${long}" cannot be used.` });
        }
        return makeEntry({ id: 3, entry_date: draft.entry_date, body: draft.body, tags: draft.tags });
      }
      case 'update_entry': {
        const draft = args.draft as EntryDraft;
        return makeEntry({ id: args.id as number, entry_date: draft.entry_date, body: draft.body, tags: draft.tags });
      }
      case 'trash_entry':
        return { ...stored.find((e) => e.id === args.id)!, deleted_at: '2026-11-25T10:00:00Z' };
      default:
        return Promise.reject({ code: 'internal', message: `unexpected ${command}` });
    }
  });
  const journal = new Journal({ today: () => TODAY });
  render(JournalPlace, { journal });
  return { calls, journal };
}

async function ready() {
  await waitFor(() => expect(document.body.dataset.timelineReady).toBe('true'));
}

describe('JournalPlace', () => {
  it('marks the body when the first page has rendered', async () => {
    setup();
    await ready();
    expect(screen.getAllByTestId('timeline-entry')).toHaveLength(2);
    expect((screen.getByTestId('entry-date') as HTMLInputElement).value).toBe(TODAY);
  });

  it('writes a new entry and shows it at the top of the timeline', async () => {
    const { calls } = setup();
    await ready();
    await fireEvent.input(screen.getByTestId('entry-body'), { target: { value: 'Gave my first conference talk.' } });
    await fireEvent.input(screen.getByTestId('entry-tags'), { target: { value: 'speaking, growth' } });
    await fireEvent.click(screen.getByTestId('save-entry'));

    await waitFor(() => expect(screen.getByTestId('save-status').textContent?.trim()).toBe('Saved'));
    expect(calls.filter((c) => c.command === 'create_entry')).toEqual([
      {
        command: 'create_entry',
        args: {
          draft: {
            entry_date: TODAY,
            body: 'Gave my first conference talk.',
            tags: ['speaking', 'growth'],
            mood: null,
            progress: null,
          },
        },
      },
    ]);
    const first = screen.getAllByTestId('timeline-entry')[0]!;
    expect(first.dataset.entryId).toBe('3');
    expect(within(first).getByTestId('entry-excerpt').textContent).toBe('Gave my first conference talk.');
  });

  it('refuses an empty body in the form, pointing at the body field', async () => {
    const { calls } = setup();
    await ready();
    await fireEvent.input(screen.getByTestId('entry-tags'), { target: { value: 'kept' } });
    await fireEvent.click(screen.getByTestId('save-entry'));

    const error = await screen.findByTestId('form-error');
    expect(error.getAttribute('role')).toBe('alert');
    expect(error.dataset.code).toBe('empty_body');
    expect(screen.getByTestId('entry-body').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByTestId('entry-date').getAttribute('aria-invalid')).toBeNull();
    expect((screen.getByTestId('entry-tags') as HTMLInputElement).value).toBe('kept');
    expect(calls.some((c) => c.command === 'create_entry')).toBe(false);
  });

  it('shows a backend error by its code and keeps the typed text', async () => {
    setup();
    await ready();
    const tag = 't'.repeat(65);
    await fireEvent.input(screen.getByTestId('entry-tags'), { target: { value: `fine, ${tag}` } });
    await fireEvent.input(screen.getByTestId('entry-body'), { target: { value: 'Precious words.' } });
    await fireEvent.click(screen.getByTestId('save-entry'));

    const error = await screen.findByTestId('form-error');
    expect(error.dataset.code).toBe('invalid_tag');
    expect(error.textContent).toContain('cannot be used');
    expect(screen.getByTestId('entry-tags').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByTestId('entry-body').getAttribute('aria-invalid')).toBeNull();
    expect(document.activeElement).toBe(screen.getByTestId('entry-tags'));
    expect(screen.getByTestId('save-status').textContent?.trim()).toBe('Not saved');
    expect((screen.getByTestId('entry-body') as HTMLTextAreaElement).value).toBe('Precious words.');
    expect((screen.getByTestId('entry-tags') as HTMLInputElement).value).toBe(`fine, ${tag}`);
  });

  it('refuses a missing date in the form, pointing at the date field', async () => {
    setup();
    await ready();
    await fireEvent.input(screen.getByTestId('entry-date'), { target: { value: '' } });
    await fireEvent.input(screen.getByTestId('entry-body'), { target: { value: 'Undated thought.' } });
    await fireEvent.click(screen.getByTestId('save-entry'));

    const error = await screen.findByTestId('form-error');
    expect(error.dataset.code).toBe('invalid_date');
    expect(screen.getByTestId('entry-date').getAttribute('aria-invalid')).toBe('true');
  });

  it('opens an entry from the timeline and saves it with Ctrl+S', async () => {
    const { calls } = setup();
    await ready();
    const item = screen.getAllByTestId('timeline-entry')[1]!;
    await fireEvent.click(within(item).getByRole('button'));

    const body = screen.getByTestId('entry-body') as HTMLTextAreaElement;
    expect(body.value).toBe('Quiet week.');
    await fireEvent.input(body, { target: { value: 'Quiet week, but I finished the RFC.' } });
    await fireEvent.keyDown(window, { key: 's', ctrlKey: true });

    await waitFor(() => expect(screen.getByTestId('save-status').textContent?.trim()).toBe('Saved'));
    expect(calls.filter((c) => c.command === 'update_entry')).toEqual([
      {
        command: 'update_entry',
        args: {
          id: 1,
          draft: { entry_date: '2026-11-20', body: 'Quiet week, but I finished the RFC.', tags: [], mood: null, progress: null },
        },
      },
    ]);
  });

  it('moves the open entry to the trash', async () => {
    const { calls } = setup();
    await ready();
    expect((screen.getByTestId('delete-entry') as HTMLButtonElement).disabled).toBe(true);
    await fireEvent.click(within(screen.getAllByTestId('timeline-entry')[0]!).getByRole('button'));
    await fireEvent.click(screen.getByTestId('delete-entry'));

    await waitFor(() => expect(screen.getAllByTestId('timeline-entry')).toHaveLength(1));
    expect(calls.filter((c) => c.command === 'trash_entry')).toEqual([{ command: 'trash_entry', args: { id: 2 } }]);
    expect((screen.getByTestId('entry-body') as HTMLTextAreaElement).value).toBe('');
  });
});
