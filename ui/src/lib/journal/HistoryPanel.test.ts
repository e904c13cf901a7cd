// The History panel folds a sitting's autosaves under its latest version; each stays
// readable and restorable.
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';

import type { Revision } from '../ipc/commands';
import { clearMocks, makeEntry } from '../ipc/testing';
import { fakeBackend } from './fake-backend';
import HistoryPanel from './HistoryPanel.svelte';
import { Journal } from './journal.svelte';

afterEach(() => clearMocks());

const entry = makeEntry({ id: 7, entry_date: '2026-11-20', body: 'Final words.' });

function revision(id: number, body: string, savedAt: string): Revision {
  return { id, entry_id: 7, entry_date: '2026-11-20', body, tags: [], saved_at: savedAt, mood: null, progress: null };
}

async function panelWith(revisions: Revision[]) {
  const backend = fakeBackend([entry]);
  backend.revisions.push(...revisions);
  const journal = new Journal({ today: () => '2026-11-25' });
  await journal.open(entry);
  await journal.loadRevisions();
  render(HistoryPanel, { journal, onClose: () => undefined });
  return backend;
}

const bodies = () => screen.getAllByTestId('revision-preview').map((el) => el.textContent?.trim());

describe('History panel', () => {
  it('shows each sitting’s latest version and its earlier ones on request, every one restorable', async () => {
    const backend = await panelWith([
      revision(4, 'Evening, third pause.', '2026-11-25T21:12:00Z'),
      revision(3, 'Evening, second pause.', '2026-11-25T21:06:00Z'),
      revision(2, 'Evening, first pause.', '2026-11-25T21:01:00Z'),
      revision(1, 'Written last week.', '2026-11-18T09:00:00Z'),
    ]);
    expect(bodies()).toEqual(['Evening, third pause.', 'Written last week.']);

    const toggle = screen.getByTestId('sitting-toggle');
    expect(toggle.textContent?.replace(/\s+/g, ' ').trim()).toBe('Show 2 earlier versions from the same sitting');
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    await fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(bodies()).toEqual(['Evening, third pause.', 'Evening, second pause.', 'Evening, first pause.', 'Written last week.']);

    const first = screen.getAllByTestId('revision-item').find((el) => el.dataset.revisionId === '2')!;
    await fireEvent.click(within(first).getByTestId('restore-revision'));
    await waitFor(() => expect(backend.callsOf('restore_revision')).toEqual([{ command: 'restore_revision', args: { revisionId: 2 } }]));
  });

  it('shows a lone version without a fold', async () => {
    await panelWith([revision(1, 'Only one.', '2026-11-18T09:00:00Z')]);
    expect(bodies()).toEqual(['Only one.']);
    expect(screen.queryByTestId('sitting-toggle')).toBeNull();
  });
});
