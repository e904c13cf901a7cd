import { afterEach, describe, expect, it } from 'vitest';

import {
  appInfo,
  createEntry,
  getEntry,
  isAppError,
  listEntries,
  listTrash,
  restoreEntry,
  toAppError,
  trashEntry,
  updateEntry,
} from './commands';
import type { AppError } from './commands';
import { clearMocks, makeEntry, mockCommands } from './testing';

afterEach(() => clearMocks());

const draft = { entry_date: '2026-11-25', body: 'Shipped the importer.', tags: ['shipping'] };

describe('commands', () => {
  it('sends each command with its name and arguments and returns the typed result', async () => {
    const entry = makeEntry({ id: 7 });
    const page = { entries: [entry], next: { entry_date: '2026-11-25', id: 7 } };
    const calls = mockCommands((command) => {
      switch (command) {
        case 'app_info':
          return { version: '0.1.0', data_dir: '/home/me/.local/share/trajectory' };
        case 'list_entries':
          return page;
        case 'list_trash':
          return [entry];
        default:
          return entry;
      }
    });

    expect(await appInfo()).toEqual({ version: '0.1.0', data_dir: '/home/me/.local/share/trajectory' });
    expect(await createEntry(draft)).toEqual(entry);
    expect(await updateEntry(7, draft)).toEqual(entry);
    expect(await getEntry(7)).toEqual(entry);
    expect(await listEntries(null, 50)).toEqual(page);
    expect(await listEntries({ entry_date: '2026-11-20', id: 3 }, 50)).toEqual(page);
    expect(await trashEntry(7)).toEqual(entry);
    expect(await restoreEntry(7)).toEqual(entry);
    expect(await listTrash()).toEqual([entry]);

    expect(calls).toEqual([
      { command: 'app_info', args: {} },
      { command: 'create_entry', args: { draft } },
      { command: 'update_entry', args: { id: 7, draft } },
      { command: 'get_entry', args: { id: 7 } },
      { command: 'list_entries', args: { after: null, limit: 50 } },
      { command: 'list_entries', args: { after: { entry_date: '2026-11-20', id: 3 }, limit: 50 } },
      { command: 'trash_entry', args: { id: 7 } },
      { command: 'restore_entry', args: { id: 7 } },
      { command: 'list_trash', args: {} },
    ]);
  });

  it('rejects with the AppError the backend sent', async () => {
    const sent: AppError = { code: 'empty_body', message: 'The entry is empty: write something before saving.' };
    mockCommands(() => Promise.reject(sent));

    const err: unknown = await createEntry({ ...draft, body: '   ' }).catch((e: unknown) => e);
    expect(isAppError(err)).toBe(true);
    expect(err).toEqual(sent);
  });

  it('turns any other failure into an internal AppError', async () => {
    mockCommands(() => {
      throw new Error('command list_entries not found');
    });
    await expect(listEntries(null, 50)).rejects.toEqual({
      code: 'internal',
      message: 'command list_entries not found',
    });

    mockCommands(() => Promise.reject('plain string from the IPC layer'));
    await expect(trashEntry(1)).rejects.toEqual({ code: 'internal', message: 'plain string from the IPC layer' });

    // An object that looks like an error but carries an unknown code is not trusted as one.
    mockCommands(() => Promise.reject({ code: 'teapot', message: 'short and stout' }));
    const err: unknown = await getEntry(1).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'internal' });
  });
});

describe('isAppError / toAppError', () => {
  it('accepts only {code, message} with a known code', () => {
    expect(isAppError({ code: 'not_found', message: 'No entry 4.' })).toBe(true);
    expect(isAppError({ code: 'not_found' })).toBe(false);
    expect(isAppError({ code: 'nope', message: 'x' })).toBe(false);
    expect(isAppError('not_found')).toBe(false);
    expect(isAppError(null)).toBe(false);
  });

  it('keeps only the code and message of an AppError', () => {
    expect(toAppError({ code: 'storage', message: 'Disk full.', extra: 1 })).toEqual({
      code: 'storage',
      message: 'Disk full.',
    });
  });
});
