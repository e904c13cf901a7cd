import { fireEvent, render, screen } from '@testing-library/svelte';
import { createRawSnippet } from 'svelte';
import { afterEach, describe, expect, it } from 'vitest';

import { clearMocks, mockCommands } from '../ipc/testing';
import StartupGate from './StartupGate.svelte';

const journal = createRawSnippet(() => ({ render: () => '<p data-testid="the-journal">the journal</p>' }));

function status(state: string, message: string | null = null) {
  return { state, message, encrypted: state === 'locked', data_dir: '/home/me/Trajectory' };
}

describe('StartupGate', () => {
  afterEach(() => clearMocks());

  it('shows the journal at once when it is open', async () => {
    mockCommands((command) => (command === 'journal_status' ? status('open') : null));
    render(StartupGate, { children: journal });
    expect(await screen.findByTestId('the-journal')).toBeTruthy();
  });

  it('asks for the passphrase, says plainly when it is wrong, and opens with the right one', async () => {
    let current = status('locked');
    const calls = mockCommands((command, args) => {
      if (command === 'journal_status') return current;
      if (command === 'unlock_journal') {
        if (args.passphrase !== 'the right words') {
          return Promise.reject({ code: 'wrong_passphrase', message: 'That passphrase does not open the journal.' });
        }
        current = status('open');
        return current;
      }
      return null;
    });
    render(StartupGate, { children: journal });
    const field = (await screen.findByTestId('unlock-passphrase')) as HTMLInputElement;
    expect(field.type).toBe('password');
    expect(screen.queryByTestId('the-journal')).toBeNull();

    await fireEvent.input(field, { target: { value: 'wrong words' } });
    await fireEvent.click(screen.getByTestId('unlock'));
    const problem = await screen.findByTestId('unlock-problem');
    expect(problem.dataset.code).toBe('wrong_passphrase');
    expect(problem.textContent).toContain('does not open');
    expect(screen.queryByTestId('the-journal')).toBeNull();

    await fireEvent.input(field, { target: { value: 'the right words' } });
    await fireEvent.click(screen.getByTestId('unlock'));
    expect(await screen.findByTestId('the-journal')).toBeTruthy();
    expect(calls.filter((c) => c.command === 'unlock_journal').map((c) => c.args.passphrase)).toEqual([
      'wrong words',
      'the right words',
    ]);
  });

  it('offers recovery for a damaged journal: save what can be read, then restore after confirming', async () => {
    let current = status('damaged', 'The journal database is damaged (page 3).');
    const calls = mockCommands((command) => {
      if (command === 'journal_status') return current;
      if (command === 'save_readable_journal')
        return { path: '/home/me/Trajectory/recovered/t.json', entries: 41, problems: ['entries read together: bad page'] };
      if (command === 'restore_newest_backup') {
        current = status('open');
        return { restored: { id: 'backup-1', taken_at: '', bytes: 1, kind: 'regular' }, kept_aside: '/x/replaced/j.sqlite3' };
      }
      return null;
    });
    render(StartupGate, { children: journal });
    expect((await screen.findByTestId('recovery-detail')).textContent).toContain('page 3');

    await fireEvent.click(screen.getByTestId('save-readable'));
    const saved = await screen.findByTestId('salvaged');
    expect(saved.textContent).toContain('41 entries');
    expect(saved.textContent).toContain('recovered/t.json');
    expect(saved.textContent).toContain('bad page');

    await fireEvent.click(screen.getByTestId('restore-newest'));
    expect(calls.some((c) => c.command === 'restore_newest_backup')).toBe(false);
    await fireEvent.click(screen.getByTestId('confirm-restore-newest'));
    expect(await screen.findByTestId('the-journal')).toBeTruthy();
    expect(screen.getByTestId('restored-on-start').textContent).toContain('replaced/j.sqlite3');
  });

  it('says so when there is no sound backup to restore', async () => {
    mockCommands((command) => {
      if (command === 'journal_status') return status('damaged', 'damaged');
      if (command === 'restore_newest_backup')
        return Promise.reject({ code: 'not_found', message: 'None of the 2 backups passes the integrity check.' });
      return null;
    });
    render(StartupGate, { children: journal });
    await fireEvent.click(await screen.findByTestId('restore-newest'));
    await fireEvent.click(screen.getByTestId('confirm-restore-newest'));
    expect((await screen.findByTestId('recovery-problem')).textContent).toContain('no backup that passes');
    expect(screen.queryByTestId('the-journal')).toBeNull();
  });

  it('refuses a journal from a newer version without offering to change it', async () => {
    mockCommands((command) => (command === 'journal_status' ? status('newer', 'schema 9; this version knows up to 6') : null));
    render(StartupGate, { children: journal });
    const screenEl = await screen.findByTestId('newer-screen');
    expect(screenEl.textContent).toContain('newer version');
    expect(screenEl.textContent).toContain('schema 9');
    expect(screenEl.querySelectorAll('button')).toHaveLength(0);
    expect(screen.queryByTestId('the-journal')).toBeNull();
  });

  it('reaches recovery from the lock screen when the file was never encrypted', async () => {
    mockCommands((command) => (command === 'journal_status' ? status('locked') : null));
    render(StartupGate, { children: journal });
    await fireEvent.click(await screen.findByTestId('to-recovery'));
    expect(await screen.findByTestId('recovery-screen')).toBeTruthy();
  });
});
