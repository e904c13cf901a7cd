import { fireEvent, render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';

import { clearMocks, mockCommands } from '../ipc/testing';
import EncryptionSettings from './EncryptionSettings.svelte';

function status(encrypted: boolean) {
  return { state: 'open', message: null, encrypted, data_dir: '/data' };
}

async function type(testId: string, value: string) {
  await fireEvent.input(screen.getByTestId(testId), { target: { value } });
}

describe('EncryptionSettings', () => {
  afterEach(() => clearMocks());

  it('turns encryption on only with the same passphrase twice and the warning acknowledged', async () => {
    const calls = mockCommands((command) => {
      if (command === 'journal_status') return status(false);
      if (command === 'turn_on_encryption') return { encrypted: true, rewritten: 3, left_as_they_were: [] };
      return null;
    });
    render(EncryptionSettings);
    expect((await screen.findByTestId('encryption-state')).dataset.encrypted).toBe('false');
    await fireEvent.click(screen.getByTestId('encryption-on'));
    expect(screen.getByTestId('no-recovery-warning').textContent).toContain('cannot be recovered');

    await type('new-passphrase', 'short');
    await type('repeat-passphrase', 'short');
    await fireEvent.click(screen.getByTestId('encryption-submit'));
    expect(screen.getByTestId('passphrase-form-problem').textContent).toContain('at least 8');

    await type('new-passphrase', 'a calm long passphrase');
    await type('repeat-passphrase', 'a calm long passphrase!');
    await fireEvent.click(screen.getByTestId('encryption-submit'));
    expect(screen.getByTestId('passphrase-form-problem').textContent).toContain('differ');

    await type('repeat-passphrase', 'a calm long passphrase');
    await fireEvent.click(screen.getByTestId('encryption-submit'));
    expect(screen.getByTestId('passphrase-form-problem').textContent).toContain('Tick the box');
    expect(calls.some((c) => c.command === 'turn_on_encryption')).toBe(false);

    await fireEvent.click(screen.getByTestId('understood'));
    await fireEvent.click(screen.getByTestId('encryption-submit'));
    expect((await screen.findByTestId('encryption-done')).textContent).toContain('the journal and 2 backups are encrypted');
    expect(calls.find((c) => c.command === 'turn_on_encryption')?.args).toEqual({ passphrase: 'a calm long passphrase' });
    expect(screen.getByTestId('encryption-state').dataset.encrypted).toBe('true');
    expect(screen.getByTestId('change-passphrase')).toBeTruthy();
  });

  it('changes the passphrase, and a wrong current one changes nothing', async () => {
    const calls = mockCommands((command, args) => {
      if (command === 'journal_status') return status(true);
      if (command === 'change_passphrase') {
        if (args.current !== 'the old words') {
          return Promise.reject({ code: 'wrong_passphrase', message: 'That passphrase does not open the journal.' });
        }
        return { encrypted: true, rewritten: 2, left_as_they_were: ['/data/backups/odd.sqlite3'] };
      }
      return null;
    });
    render(EncryptionSettings);
    await fireEvent.click(await screen.findByTestId('change-passphrase'));
    await type('current-passphrase', 'not the old words');
    await type('new-passphrase', 'the new words here');
    await type('repeat-passphrase', 'the new words here');
    await fireEvent.click(screen.getByTestId('encryption-submit'));
    const problem = await screen.findByTestId('encryption-problem');
    expect(problem.dataset.code).toBe('wrong_passphrase');
    expect(problem.textContent).toContain('nothing was changed');

    await type('current-passphrase', 'the old words');
    await type('new-passphrase', 'the new words here');
    await type('repeat-passphrase', 'the new words here');
    await fireEvent.click(screen.getByTestId('encryption-submit'));
    expect((await screen.findByTestId('encryption-done')).textContent).toContain('1 backup are encrypted');
    expect(screen.getByText('/data/backups/odd.sqlite3')).toBeTruthy();
    expect(calls.filter((c) => c.command === 'change_passphrase')).toHaveLength(2);
  });

  it('turns encryption off with the current passphrase', async () => {
    const calls = mockCommands((command) => {
      if (command === 'journal_status') return status(true);
      if (command === 'turn_off_encryption') return { encrypted: false, rewritten: 1, left_as_they_were: [] };
      return null;
    });
    render(EncryptionSettings);
    await fireEvent.click(await screen.findByTestId('encryption-off'));
    await fireEvent.click(screen.getByTestId('encryption-submit'));
    expect(screen.getByTestId('passphrase-form-problem').textContent).toContain('current passphrase');
    await type('current-passphrase', 'the words');
    await fireEvent.click(screen.getByTestId('encryption-submit'));
    expect((await screen.findByTestId('encryption-done')).textContent).toContain('no longer encrypted');
    expect(calls.find((c) => c.command === 'turn_off_encryption')?.args).toEqual({ current: 'the words' });
    expect(screen.getByTestId('encryption-state').dataset.encrypted).toBe('false');
  });
});
