import { afterEach, describe, expect, it } from 'vitest';

import {
  appInfo,
  createEntry,
  deleteTemplate,
  discardDraft,
  emptyTrash,
  getEntry,
  isAppError,
  listEntries,
  listRevisions,
  listTags,
  listTemplates,
  listTrash,
  openLink,
  pendingDrafts,
  renderMarkdown,
  restoreEntry,
  restoreRevision,
  saveDraft,
  saveTemplate,
  search,
  toAppError,
  trashEntry,
  updateEntry,
} from './commands';
import type { AppError } from './commands';
import { clearMocks, makeEntry, mockCommands } from './testing';

afterEach(() => clearMocks());

const draft = { entry_date: '2026-11-25', body: 'Shipped the importer.', tags: ['shipping'], mood: 4, progress: null };

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

describe('journal commands', () => {
  it('sends every new command with its Tauri name and argument keys', async () => {
    const entry = makeEntry({ id: 7, mood: 3, progress: 5 });
    const revision = { ...entry, id: 41, entry_id: 7, saved_at: '2026-11-25T10:00:00Z' };
    const kept = {
      entry_id: null,
      entry_date: '2026-11-25',
      body: 'half a thou',
      tags: [],
      mood: null,
      progress: null,
      saved_at: '2026-11-25T10:00:00Z',
    };
    const template = { id: 3, name: '1:1 with my manager', body: '## Topics\n', builtin: false };
    const results = { hits: [{ entry, snippet: [{ text: 'promoted', hit: true }] }], more: false, hint: null };
    const tree = [{ kind: 'paragraph', children: [{ kind: 'text', text: 'Hi' }] }];
    const answers: Record<string, unknown> = {
      empty_trash: 4,
      list_revisions: [revision],
      restore_revision: entry,
      list_tags: [{ name: 'launch', count: 12 }],
      save_draft: kept,
      discard_draft: null,
      pending_drafts: [kept],
      list_templates: [template],
      save_template: template,
      delete_template: null,
      search: results,
      render_markdown: tree,
      open_link: null,
    };
    const calls = mockCommands((command) => answers[command]);

    const query = {
      text: 'promot*',
      tags: ['career'],
      from: '2026-01-01',
      to: null,
      min_mood: 2,
      max_mood: null,
      min_progress: null,
      max_progress: 5,
      limit: null,
    };
    const input = { entry_id: null, entry_date: '2026-11-25', body: 'half a thou', tags: [], mood: null, progress: null };

    expect(await emptyTrash()).toBe(4);
    expect(await listRevisions(7)).toEqual([revision]);
    expect(await restoreRevision(41)).toEqual(entry);
    expect(await listTags()).toEqual([{ name: 'launch', count: 12 }]);
    expect(await saveDraft(input)).toEqual(kept);
    expect(await discardDraft(null)).toBeUndefined();
    expect(await discardDraft(7)).toBeUndefined();
    expect(await pendingDrafts()).toEqual([kept]);
    expect(await listTemplates()).toEqual([template]);
    expect(await saveTemplate({ name: '1:1 with my manager', body: '## Topics\n' })).toEqual(template);
    expect(await deleteTemplate(3)).toBeUndefined();
    expect(await search(query)).toEqual(results);
    expect(await renderMarkdown('Hi')).toEqual(tree);
    expect(await openLink('https://example.org/')).toBeUndefined();

    expect(calls).toEqual([
      { command: 'empty_trash', args: {} },
      { command: 'list_revisions', args: { id: 7 } },
      { command: 'restore_revision', args: { revisionId: 41 } },
      { command: 'list_tags', args: {} },
      { command: 'save_draft', args: { draft: input } },
      { command: 'discard_draft', args: { entryId: null } },
      { command: 'discard_draft', args: { entryId: 7 } },
      { command: 'pending_drafts', args: {} },
      { command: 'list_templates', args: {} },
      { command: 'save_template', args: { template: { name: '1:1 with my manager', body: '## Topics\n' } } },
      { command: 'delete_template', args: { id: 3 } },
      { command: 'search', args: { query } },
      { command: 'render_markdown', args: { body: 'Hi' } },
      { command: 'open_link', args: { url: 'https://example.org/' } },
    ]);
  });

  it('passes the new error codes through as AppErrors', async () => {
    for (const code of ['invalid_rating', 'draft_too_large', 'invalid_template', 'link_not_allowed'] as const) {
      mockCommands(() => Promise.reject({ code, message: 'no' }));
      await expect(openLink('javascript:alert(1)')).rejects.toEqual({ code, message: 'no' });
    }
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
