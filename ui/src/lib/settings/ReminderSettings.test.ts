import { fireEvent, render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';

import type { AppSettings } from '../ipc/commands';
import { clearMocks, mockCommands } from '../ipc/testing';
import ReminderSettings from './ReminderSettings.svelte';

const defaults = (): AppSettings => ({
  sensitivity: 'normal',
  slump_notifications: false,
  reminders: { weekly_nudge: false, nudge_day: 'friday', nudge_time: '16:00', check_in_reminders: false },
});

/** A fake store of settings: get returns it, update replaces it; `reject` makes updates fail. */
function storeOf(initial: AppSettings, reject = false) {
  const box = { stored: initial };
  const calls = mockCommands((command, args) => {
    if (command === 'get_settings') return box.stored;
    if (command === 'update_settings') {
      if (reject) return Promise.reject({ code: 'storage_unavailable', message: 'The disk is full.' });
      box.stored = (args as { settings: AppSettings }).settings;
      return box.stored;
    }
    throw new Error(`unexpected ${command}`);
  });
  return { box, calls };
}

describe('ReminderSettings', () => {
  afterEach(() => clearMocks());

  it('shows both reminders off by default, with the day and time waiting', async () => {
    storeOf(defaults());
    render(ReminderSettings);
    const weekly = (await screen.findByTestId('reminder-weekly')) as HTMLInputElement;
    expect(weekly.checked).toBe(false);
    expect((screen.getByTestId('reminder-check-ins') as HTMLInputElement).checked).toBe(false);
    const day = screen.getByTestId('reminder-day') as HTMLSelectElement;
    const time = screen.getByTestId('reminder-time') as HTMLInputElement;
    expect(day.value).toBe('friday');
    expect(time.value).toBe('16:00');
    expect(day.disabled).toBe(true);
    expect(time.disabled).toBe(true);
  });

  it('turns the weekly nudge on and saves it at once, keeping the other settings', async () => {
    const { box } = storeOf({ ...defaults(), sensitivity: 'eager', slump_notifications: true });
    render(ReminderSettings);
    await fireEvent.click(await screen.findByTestId('reminder-weekly'));
    await screen.findByTestId('reminders-saved');
    expect(box.stored).toEqual({
      sensitivity: 'eager',
      slump_notifications: true,
      reminders: { weekly_nudge: true, nudge_day: 'friday', nudge_time: '16:00', check_in_reminders: false },
    });
    expect((screen.getByTestId('reminder-day') as HTMLSelectElement).disabled).toBe(false);
  });

  it('saves a chosen day and time', async () => {
    const { box } = storeOf({ ...defaults(), reminders: { ...defaults().reminders, weekly_nudge: true } });
    render(ReminderSettings);
    const day = (await screen.findByTestId('reminder-day')) as HTMLSelectElement;
    await fireEvent.change(day, { target: { value: 'sunday' } });
    await expect.poll(() => box.stored.reminders.nudge_day).toBe('sunday');
    const time = screen.getByTestId('reminder-time') as HTMLInputElement;
    await fireEvent.change(time, { target: { value: '07:30' } });
    await expect.poll(() => box.stored.reminders.nudge_time).toBe('07:30');
    expect(box.stored.reminders.nudge_day).toBe('sunday');
  });

  it('does not save a cleared time and shows the stored one again', async () => {
    const { calls } = storeOf({ ...defaults(), reminders: { ...defaults().reminders, weekly_nudge: true } });
    render(ReminderSettings);
    const time = (await screen.findByTestId('reminder-time')) as HTMLInputElement;
    await fireEvent.change(time, { target: { value: '' } });
    expect(calls.some((c) => c.command === 'update_settings')).toBe(false);
    expect(time.value).toBe('16:00');
  });

  it('keeps a slump choice made elsewhere since the place opened', async () => {
    const { box } = storeOf(defaults());
    render(ReminderSettings);
    const checkIns = await screen.findByTestId('reminder-check-ins');
    box.stored = { ...box.stored, sensitivity: 'relaxed' };
    await fireEvent.click(checkIns);
    await screen.findByTestId('reminders-saved');
    expect(box.stored.sensitivity).toBe('relaxed');
    expect(box.stored.reminders.check_in_reminders).toBe(true);
  });

  it('says why when saving fails', async () => {
    storeOf(defaults(), true);
    render(ReminderSettings);
    await fireEvent.click(await screen.findByTestId('reminder-check-ins'));
    const problem = await screen.findByTestId('reminders-error');
    expect(problem.dataset.code).toBe('storage_unavailable');
    expect(problem.textContent).toContain('The disk is full.');
    expect(screen.queryByTestId('reminders-saved')).toBeNull();
  });
});
