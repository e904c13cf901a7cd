import { fireEvent, render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';

import { clearMocks, mockCommands } from '../ipc/testing';
import SlumpSettings from './SlumpSettings.svelte';

describe('SlumpSettings', () => {
  afterEach(() => clearMocks());

  it('shows the saved choice and saves a change at once', async () => {
    let stored = { sensitivity: 'normal', slump_notifications: false };
    const calls = mockCommands((command, args) => {
      if (command === 'get_settings') return stored;
      if (command === 'update_settings') {
        stored = (args as { settings: typeof stored }).settings;
        return stored;
      }
      throw new Error(`unexpected ${command}`);
    });
    render(SlumpSettings);
    const normal = (await screen.findByTestId('sensitivity-normal')) as HTMLInputElement;
    expect(normal.checked).toBe(true);
    const notify = screen.getByTestId('slump-notifications') as HTMLInputElement;
    expect(notify.checked).toBe(false);

    await fireEvent.click(notify);
    await screen.findByRole('status');
    const update = calls.find((c) => c.command === 'update_settings');
    expect(update?.args).toEqual({ settings: { sensitivity: 'normal', slump_notifications: true } });
  });
});
