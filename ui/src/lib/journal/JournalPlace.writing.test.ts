// The Journal place with the in-memory backend: autosave and its status, recovery offers,
// history, preview, templates, tags, ratings, trash and the keyboard.
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';

import type { Draft as KeptDraft, Entry } from '../ipc/commands';
import { clearMocks, makeEntry } from '../ipc/testing';
import { Search } from '../search/search.svelte';
import JournalPlace from './JournalPlace.svelte';
import { fakeBackend } from './fake-backend';
import type { FakeOptions } from './fake-backend';
import { Journal } from './journal.svelte';

afterEach(() => {
  clearMocks();
  vi.useRealTimers();
  delete document.body.dataset.timelineReady;
});

const TODAY = '2026-11-25';

function stored(): Entry[] {
  return [
    makeEntry({ id: 2, entry_date: '2026-11-24', body: 'Paired with Sam on the migration.', tags: ['pairing', 'mentoring'] }),
    makeEntry({ id: 1, entry_date: '2026-11-20', body: 'Quiet week.', tags: ['meetings'], mood: 3 }),
  ];
}

async function setup(options: FakeOptions = {}, entries = stored()) {
  const backend = fakeBackend(entries, options);
  const journal = new Journal({ today: () => TODAY });
  const search = new Search();
  render(JournalPlace, { journal, search });
  await vi.waitFor(() => expect(document.body.dataset.timelineReady).toBe('true'));
  return { ...backend, journal, search };
}

const body = () => screen.getByTestId('entry-body') as HTMLTextAreaElement;
const status = () => screen.getByTestId('save-status').textContent?.trim();

async function typeBody(text: string) {
  await fireEvent.input(body(), { target: { value: text } });
}

describe('autosave in the editor', () => {
  it('saves without pressing anything and tells the truth on the way', async () => {
    const { callsOf } = await setup();
    vi.useFakeTimers();
    await typeBody('Gave my first conference talk.');
    expect(status()).toBe('Not saved yet');
    await vi.advanceTimersByTimeAsync(250);
    expect(callsOf('save_draft')).toHaveLength(1);
    expect(callsOf('create_entry')).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(500);
    expect(callsOf('create_entry')).toHaveLength(1);
    expect(status()).toBe('Saved');
    expect(screen.getAllByTestId('timeline-entry')[0]?.textContent).toContain('Gave my first conference talk.');

    await typeBody('Gave my first conference talk. It went well.');
    await vi.advanceTimersByTimeAsync(800);
    expect(callsOf('create_entry', 'update_entry').map((c) => c.command)).toEqual(['create_entry', 'update_entry']);
    expect(screen.queryByTestId('retry-save')).toBeNull();
  });

  it('on failure shows Not saved and a Retry that saves the same text', async () => {
    let down = true;
    const { callsOf } = await setup({
      fail: (c) => (down && c === 'create_entry' ? { code: 'storage_unavailable', message: 'The journal is busy.' } : undefined),
    });
    vi.useFakeTimers();
    await typeBody('Words that must not be lost.');
    await vi.advanceTimersByTimeAsync(800);
    expect(status()).toBe('Not saved');
    const error = screen.getByTestId('form-error');
    expect(error.dataset.code).toBe('storage_unavailable');
    expect(body().value).toBe('Words that must not be lost.');

    down = false;
    await fireEvent.click(screen.getByTestId('retry-save'));
    await vi.advanceTimersByTimeAsync(0);
    expect(status()).toBe('Saved');
    expect(screen.queryByTestId('retry-save')).toBeNull();
    expect(screen.queryByTestId('form-error')).toBeNull();
    expect(callsOf('create_entry').map((c) => (c.args.draft as { body: string }).body)).toEqual([
      'Words that must not be lost.',
      'Words that must not be lost.',
    ]);
  });

  it('leaves an empty body quietly unsaved; the Save button says why', async () => {
    const { callsOf } = await setup();
    vi.useFakeTimers();
    await fireEvent.input(screen.getByTestId('entry-tags'), { target: { value: 'ideas' } });
    await vi.advanceTimersByTimeAsync(2000);
    expect(status()).toBe('Not saved yet');
    expect(screen.queryByTestId('form-error')).toBeNull();
    expect(callsOf('create_entry')).toHaveLength(0);

    await fireEvent.click(screen.getByTestId('save-entry'));
    await vi.advanceTimersByTimeAsync(0);
    expect(screen.getByTestId('form-error').dataset.code).toBe('empty_body');
  });

  it('saves mood and felt progress chosen with the radio groups, and can clear them', async () => {
    const { callsOf } = await setup();
    vi.useFakeTimers();
    const mood = screen.getByTestId('mood-input');
    const progress = screen.getByTestId('progress-input');
    expect(within(mood).getAllByRole('radio').map((r) => (r as HTMLInputElement).value)).toEqual(['1', '2', '3', '4', '5']);
    await typeBody('A good day.');
    await fireEvent.click(within(mood).getByRole('radio', { name: /^4/ }));
    await fireEvent.click(within(progress).getByRole('radio', { name: /^5/ }));
    await vi.advanceTimersByTimeAsync(800);
    expect(callsOf('create_entry')[0]?.args.draft).toMatchObject({ mood: 4, progress: 5 });

    await fireEvent.click(screen.getByTestId('mood-clear'));
    expect(within(mood).getAllByRole('radio').some((r) => (r as HTMLInputElement).checked)).toBe(false);
    await vi.advanceTimersByTimeAsync(800);
    expect(callsOf('update_entry')[0]?.args.draft).toMatchObject({ mood: null, progress: 5 });
  });
});

describe('recovery offers', () => {
  const kept: KeptDraft = {
    entry_id: null,
    entry_date: '2026-11-25',
    body: 'Typed just before the crash',
    tags: [],
    mood: null,
    progress: null,
    saved_at: new Date(2026, 10, 25, 14, 2).toISOString(),
  };

  it('shows a calm banner and changes nothing until a choice is made', async () => {
    const { calls } = await setup({ drafts: [kept] });
    const banner = await screen.findByTestId('recovery-banner');
    expect(banner.textContent).toContain('Unsaved text from');
    expect(banner.textContent).toContain('14:02');
    expect(banner.textContent).toContain('was kept when Trajectory closed unexpectedly');
    expect(banner.textContent).toContain('Typed just before the crash');
    expect(body().value).toBe('');
    expect(calls.map((c) => c.command)).not.toContain('discard_draft');
    expect(calls.map((c) => c.command)).not.toContain('create_entry');
  });

  it('Restore puts the text in the editor, where autosave keeps it', async () => {
    const { callsOf } = await setup({ drafts: [kept] });
    await fireEvent.click(await screen.findByTestId('recover-draft'));
    await waitFor(() => expect(body().value).toBe('Typed just before the crash'));
    expect(screen.queryByTestId('recovery-banner')).toBeNull();
    await waitFor(() => expect(status()).toBe('Saved'), { timeout: 2000 });
    expect(callsOf('create_entry')).toHaveLength(1);
  });

  it('Discard forgets it', async () => {
    const { callsOf } = await setup({ drafts: [kept] });
    await fireEvent.click(await screen.findByTestId('discard-draft'));
    await waitFor(() => expect(screen.queryByTestId('recovery-banner')).toBeNull());
    expect(callsOf('discard_draft')).toEqual([{ command: 'discard_draft', args: { entryId: null } }]);
    expect(body().value).toBe('');
  });
});

describe('history', () => {
  it('lists earlier versions read-only and restores one into the editor', async () => {
    const { callsOf } = await setup();
    await fireEvent.click(within(screen.getAllByTestId('timeline-entry')[1]!).getByRole('button'));
    await typeBody('Quiet week, but I finished the RFC.');
    await fireEvent.click(screen.getByTestId('save-entry'));
    await waitFor(() => expect(status()).toBe('Saved'));

    await fireEvent.click(screen.getByTestId('revisions-toggle'));
    const items = await screen.findAllByTestId('revision-item');
    expect(items).toHaveLength(1);
    expect(within(items[0]!).getByTestId('revision-preview').textContent?.trim()).toBe('Quiet week.');
    expect(items[0]!.querySelector('textarea, input')).toBeNull();

    await fireEvent.click(within(items[0]!).getByTestId('restore-revision'));
    await waitFor(() => expect(body().value).toBe('Quiet week.'));
    expect(callsOf('restore_revision')).toHaveLength(1);
    expect(status()).toBe('Saved');
    await waitFor(() => expect(screen.getAllByTestId('revision-item')).toHaveLength(2));

    // Escape closes the panel.
    await fireEvent.keyDown(window, { key: 'Escape' });
    expect(screen.queryByTestId('history-panel')).toBeNull();
  });
});

describe('preview', () => {
  it('shows the rendered body and hands live links to open_link, never navigating', async () => {
    const { callsOf } = await setup({
      markdown: (text) => [
        {
          kind: 'paragraph',
          children: [
            { kind: 'text', text: `${text.slice(0, 3)} ` },
            { kind: 'link', href: 'https://example.org/talk', children: [{ kind: 'text', text: 'the talk' }] },
            { kind: 'text', text: ' and ' },
            { kind: 'link', href: null, children: [{ kind: 'text', text: 'a script link' }] },
          ],
        },
      ],
    });
    await typeBody('See [the talk](https://example.org/talk) and [a script link](javascript:alert(1))');
    await fireEvent.click(screen.getByTestId('preview-toggle'));
    const preview = await screen.findByTestId('entry-preview');
    await waitFor(() => expect(preview.textContent).toContain('the talk'));
    expect(callsOf('render_markdown').at(-1)?.args.body).toContain('[the talk]');
    expect(screen.getByTestId('preview-toggle').getAttribute('aria-pressed')).toBe('true');

    const link = within(preview).getByRole('link', { name: 'the talk' });
    expect(await fireEvent.click(link)).toBe(false); // default prevented: the webview stays
    await waitFor(() => expect(callsOf('open_link')).toEqual([{ command: 'open_link', args: { url: 'https://example.org/talk' } }]));
    await fireEvent.click(within(preview).getByText('a script link'));
    expect(callsOf('open_link')).toHaveLength(1);
    expect(preview.querySelectorAll('a')).toHaveLength(1);

    // Back to writing, with the text untouched.
    await fireEvent.click(screen.getByTestId('preview-toggle'));
    expect(screen.queryByTestId('entry-preview')).toBeNull();
    expect(body().value).toContain('[the talk]');
  });
});

describe('templates', () => {
  it('starts a new entry from the weekly check-in', async () => {
    const { callsOf } = await setup();
    await fireEvent.click(screen.getByTestId('template-menu'));
    const options = await screen.findAllByTestId('template-option');
    expect(options.map((o) => o.dataset.templateName)).toEqual(['Blank page', 'Weekly check-in']);
    await fireEvent.click(options[1]!);
    await waitFor(() => expect(body().value).toContain('## What moved this week'));
    expect(screen.queryByTestId('template-list')).toBeNull();
    // The template text alone is not saved.
    expect(status()).toBe('');
    expect(callsOf('create_entry')).toHaveLength(0);
  });

  it('saves the body as a template with an inline name, and deletes own templates after a confirmation', async () => {
    const { callsOf } = await setup();
    await typeBody('## Topics\n\n## Feedback\n');
    await fireEvent.click(screen.getByTestId('save-as-template'));
    const name = screen.getByTestId('template-name') as HTMLInputElement;
    expect(document.activeElement).toBe(name);

    await fireEvent.click(screen.getByTestId('confirm-save-template'));
    expect((await screen.findByTestId('template-error')).dataset.code).toBe('invalid_template');

    await fireEvent.input(name, { target: { value: 'One-to-one' } });
    await fireEvent.click(screen.getByTestId('confirm-save-template'));
    await screen.findByTestId('template-saved');
    expect(callsOf('save_template').at(-1)).toEqual({
      command: 'save_template',
      args: { template: { name: 'One-to-one', body: '## Topics\n\n## Feedback\n' } },
    });

    await fireEvent.click(screen.getByTestId('template-menu'));
    expect((await screen.findAllByTestId('template-option')).map((o) => o.dataset.templateName)).toContain('One-to-one');
    await fireEvent.click(screen.getByTestId('delete-template'));
    expect(callsOf('delete_template')).toHaveLength(0);
    await fireEvent.click(screen.getByTestId('confirm-delete-template'));
    await waitFor(() => expect(callsOf('delete_template')).toEqual([{ command: 'delete_template', args: { id: 1 } }]));
    expect(screen.getAllByTestId('template-option').map((o) => o.dataset.templateName)).toEqual([
      'Blank page',
      'Weekly check-in',
    ]);

    await fireEvent.keyDown(screen.getAllByTestId('template-option')[0]!, { key: 'Escape' });
    expect(screen.queryByTestId('template-list')).toBeNull();
    expect(document.activeElement).toBe(screen.getByTestId('template-menu'));
  });
});

describe('tags', () => {
  it('suggests tags in use and takes one with the keyboard', async () => {
    await setup();
    const tags = screen.getByTestId('entry-tags') as HTMLInputElement;
    await waitFor(() => expect(tags).toBeTruthy());
    tags.focus();
    await fireEvent.focus(tags);
    await fireEvent.input(tags, { target: { value: 'launch, me' } });
    const list = screen.getByTestId('tag-suggestions');
    await waitFor(() => expect(within(list).getAllByTestId('tag-suggestion').map((o) => o.textContent?.trim())).toEqual(['meetings', 'mentoring']));
    expect(tags.getAttribute('aria-expanded')).toBe('true');

    await fireEvent.keyDown(tags, { key: 'ArrowDown' });
    await fireEvent.keyDown(tags, { key: 'ArrowDown' });
    expect(tags.getAttribute('aria-activedescendant')).toBe('entry-tags-suggestions-1');
    await fireEvent.keyDown(tags, { key: 'Enter' });
    expect(tags.value).toBe('launch, mentoring, ');
    expect(screen.queryAllByTestId('tag-suggestion')).toHaveLength(0);
  });
});

describe('trash', () => {
  it('empties the trash after an inline confirmation', async () => {
    const { callsOf } = await setup();
    await fireEvent.click(within(screen.getAllByTestId('timeline-entry')[0]!).getByRole('button'));
    await fireEvent.click(screen.getByTestId('delete-entry'));
    await waitFor(() => expect(screen.getAllByTestId('timeline-entry')).toHaveLength(1));
    await fireEvent.click(screen.getByTestId('show-trash'));
    await waitFor(() => expect(screen.getAllByTestId('timeline-entry')).toHaveLength(1));

    await fireEvent.click(screen.getByTestId('empty-trash'));
    expect(callsOf('empty_trash')).toHaveLength(0);
    await fireEvent.click(screen.getByTestId('confirm-empty-trash'));
    await waitFor(() => expect(screen.getByTestId('trash-emptied').textContent).toContain('1 entry was deleted for good'));
    expect(callsOf('empty_trash')).toHaveLength(1);
    expect(screen.queryAllByTestId('timeline-entry')).toHaveLength(0);
  });
});

describe('search in the list pane', () => {
  it('shows results while typing, opens one, and Escape returns to the timeline', async () => {
    const { callsOf } = await setup();
    const input = screen.getByTestId('search-input') as HTMLInputElement;
    await fireEvent.input(input, { target: { value: 'sam' } });
    const result = await screen.findByTestId('search-result');
    expect(screen.queryByTestId('timeline')).toBeNull();
    expect(callsOf('search')).toHaveLength(1);

    await fireEvent.click(within(result).getByRole('button'));
    await waitFor(() => expect(body().value).toBe('Paired with Sam on the migration.'));

    await fireEvent.keyDown(input, { key: 'Escape' });
    expect(input.value).toBe('');
    expect(screen.getByTestId('timeline')).toBeTruthy();
    expect(screen.queryByTestId('search-result')).toBeNull();
  });
});

describe('keyboard', () => {
  it('Ctrl+N starts a new entry with the cursor in it; Ctrl+F goes to search', async () => {
    await setup();
    await fireEvent.click(within(screen.getAllByTestId('timeline-entry')[0]!).getByRole('button'));
    expect(body().value).toBe('Paired with Sam on the migration.');

    await fireEvent.keyDown(window, { key: 'n', ctrlKey: true });
    await waitFor(() => expect(body().value).toBe(''));
    await waitFor(() => expect(document.activeElement).toBe(body()));
    expect(screen.getByRole('heading', { level: 2, name: 'New entry' })).toBeTruthy();

    await fireEvent.keyDown(window, { key: 'f', ctrlKey: true });
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('search-input')));
  });
});
