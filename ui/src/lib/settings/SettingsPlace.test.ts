import { fireEvent, render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';

import type { CommandHandler } from '../ipc/testing';
import { clearMocks, emitMocked, mockCommands as mockAll } from '../ipc/testing';
import SettingsPlace from './SettingsPlace.svelte';

/** The place's own commands, with the encryption section's status answered. */
function mockCommands(handler: CommandHandler, options: { events?: boolean } = {}) {
  return mockAll(
    (command, args) =>
      command === 'journal_status'
        ? { state: 'open', message: null, encrypted: false, data_dir: '/data' }
        : handler(command, args),
    options,
  );
}

const backup = (id: string) => ({ id, taken_at: '2026-03-14T08:00:00+00:00', bytes: 40960, kind: 'regular' });

describe('SettingsPlace', () => {
  afterEach(() => clearMocks());

  it('says when the automatic backup failed, until a backup is made', async () => {
    let problem: { code: string; message: string } | null = {
      code: 'storage_unavailable',
      message: 'The backups folder could not be written.',
    };
    mockCommands((command) => {
      if (command === 'list_backups') return [];
      if (command === 'backup_problem') return problem;
      if (command === 'backup_now') {
        problem = null;
        return backup('backup-1');
      }
      return null;
    });
    render(SettingsPlace, { dataDir: '/data' });
    const shown = await screen.findByTestId('backup-problem');
    expect(shown.textContent).toContain('The backups folder could not be written.');
    await fireEvent.click(screen.getByTestId('backup-now'));
    await expect.poll(() => screen.queryByTestId('backup-problem')).toBeNull();
  });

  it('shows the data folder and the backups, and backs up now', async () => {
    let list = [backup('backup-1')];
    const calls = mockCommands((command) => {
      if (command === 'list_backups') return list;
      if (command === 'backup_now') {
        list = [backup('backup-2'), ...list];
        return list[0];
      }
      return null;
    });
    render(SettingsPlace, { dataDir: '/home/me/Trajectory' });
    expect(screen.getByTestId('data-folder').textContent).toContain('/home/me/Trajectory');
    expect(await screen.findAllByTestId('backup')).toHaveLength(1);
    await fireEvent.click(screen.getByTestId('backup-now'));
    await expect.poll(() => screen.getAllByTestId('backup').length).toBe(2);
    expect(calls.some((c) => c.command === 'backup_now')).toBe(true);
  });

  it('says it is looking while the list waits for the day\'s backup', async () => {
    let answer: (list: unknown) => void = () => undefined;
    mockCommands((command) => (command === 'list_backups' ? new Promise((resolve) => (answer = resolve)) : null));
    render(SettingsPlace, { dataDir: '/data' });
    expect(await screen.findByTestId('backups-loading')).toBeTruthy();
    answer([backup('backup-1')]);
    expect(await screen.findAllByTestId('backup')).toHaveLength(1);
    expect(screen.queryByTestId('backups-loading')).toBeNull();
  });

  it('restores a backup only after confirming, and says where the old journal went', async () => {
    const calls = mockCommands((command, args) => {
      if (command === 'list_backups') return [backup('backup-1')];
      if (command === 'restore_backup')
        return { restored: backup(String(args.id)), kept_aside: '/data/replaced/journal-replaced.sqlite3' };
      return null;
    });
    render(SettingsPlace, { dataDir: '/data' });
    await fireEvent.click(await screen.findByTestId('restore'));
    expect(calls.some((c) => c.command === 'restore_backup')).toBe(false);
    await fireEvent.click(screen.getByTestId('confirm-restore'));
    expect((await screen.findByTestId('restored')).textContent).toContain('replaced/journal-replaced');
    expect(calls.find((c) => c.command === 'restore_backup')?.args).toEqual({ id: 'backup-1' });
  });

  it('imports in the chosen format, shows progress and the report', async () => {
    let finish: (value: unknown) => void = () => {};
    const calls = mockCommands(
      (command) => {
        if (command === 'list_backups') return [];
        if (command === 'import_journal') return new Promise((resolve) => (finish = resolve));
        return null;
      },
      { events: true },
    );
    render(SettingsPlace, { dataDir: '/data' });
    await fireEvent.change(screen.getByTestId('import-format'), { target: { value: 'dayone' } });
    await fireEvent.click(screen.getByTestId('import'));
    await emitMocked('import-progress', { done: 1000, total: 2500 });
    expect((await screen.findByTestId('import-progress')).textContent).toContain('1000 of 2500');
    finish({ imported: 2400, already_present: 0, empty: 100, other_items: 0, media_not_imported: 3, approximate_dates: 0 });
    const report = await screen.findByTestId('import-report');
    expect(report.textContent).toContain('Imported 2400 entries');
    expect(report.textContent).toContain('3 photos');
    expect(calls.find((c) => c.command === 'import_journal')?.args).toEqual({ format: 'dayone' });
  });

  it('shows a malformed import as a typed error and nothing for a cancel', async () => {
    let fail = true;
    mockCommands((command) => {
      if (command === 'list_backups') return [];
      if (command === 'import_journal') {
        if (fail) return Promise.reject({ code: 'invalid_import', message: 'line 3: not a date' });
        return null;
      }
      return null;
    });
    render(SettingsPlace, { dataDir: '/data' });
    await fireEvent.click(screen.getByTestId('import'));
    const alert = await screen.findByRole('alert');
    expect(alert.dataset.code).toBe('invalid_import');
    expect(alert.textContent).toContain('nothing was written');
    fail = false;
    await fireEvent.click(screen.getByTestId('import'));
    await expect.poll(() => screen.queryByRole('alert')).toBeNull();
    expect(screen.queryByTestId('import-report')).toBeNull();
  });

  it('exports a review packet for a date range and shows where it went', async () => {
    const calls = mockCommands((command) => {
      if (command === 'list_backups') return [];
      if (command === 'export_journal') return '/home/me/review.md';
      return null;
    });
    render(SettingsPlace, { dataDir: '/data' });
    await fireEvent.change(screen.getByTestId('export-format'), { target: { value: 'review' } });
    await fireEvent.input(await screen.findByTestId('export-from'), { target: { value: '2026-01-01' } });
    await fireEvent.click(screen.getByTestId('export'));
    expect((await screen.findByTestId('exported')).textContent).toContain('/home/me/review.md');
    expect(calls.find((c) => c.command === 'export_journal')?.args).toEqual({
      format: 'review',
      from: '2026-01-01',
      to: null,
    });
  });

  it('shows an export failure by its code', async () => {
    mockCommands((command) => {
      if (command === 'list_backups') return [];
      if (command === 'export_journal')
        return Promise.reject({ code: 'storage_unavailable', message: 'could not write /ro/x.json' });
      return null;
    });
    render(SettingsPlace, { dataDir: '/data' });
    await fireEvent.click(screen.getByTestId('export'));
    const alert = await screen.findByRole('alert');
    expect(alert.dataset.code).toBe('storage_unavailable');
  });
});
