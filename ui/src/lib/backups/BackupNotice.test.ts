import { fireEvent, render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';

import { clearMocks, mockCommands } from '../ipc/testing';
import BackupNotice from './BackupNotice.svelte';
import { BackupHealth } from './backup-health.svelte';

afterEach(() => clearMocks());

const FAILED = { code: 'storage_unavailable', message: 'The backups folder could not be written.' };

describe('BackupNotice', () => {
  it('says nothing while the backups are being made', async () => {
    mockCommands((command) => (command === 'backup_problem' ? null : undefined));
    const health = new BackupHealth();
    await health.load();
    render(BackupNotice, { health });
    expect(screen.queryByTestId('backup-notice')).toBeNull();
  });

  it('tells a failed automatic backup, leads to Settings, and can be dismissed', async () => {
    mockCommands((command) => (command === 'backup_problem' ? FAILED : undefined));
    const health = new BackupHealth();
    await health.load();
    render(BackupNotice, { health });
    const notice = screen.getByTestId('backup-notice');
    expect(notice.textContent).toContain('The backups folder could not be written.');
    expect(notice.dataset.code).toBe('storage_unavailable');
    expect(screen.getByRole('link', { name: 'Open Settings' }).getAttribute('href')).toBe('#settings');
    await fireEvent.click(screen.getByTestId('backup-notice-dismiss'));
    expect(screen.queryByTestId('backup-notice')).toBeNull();
    expect(health.problem).toEqual(FAILED);
  });

  it('keeps what it knew when the question itself fails', async () => {
    let fail = false;
    mockCommands((command) => {
      if (command !== 'backup_problem') return undefined;
      if (fail) throw { code: 'internal', message: 'no answer' };
      return FAILED;
    });
    const health = new BackupHealth();
    await health.load();
    fail = true;
    await health.load();
    expect(health.problem).toEqual(FAILED);
  });
});
