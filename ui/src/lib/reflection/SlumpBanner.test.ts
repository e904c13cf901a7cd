import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';

import { clearMocks, mockCommands } from '../ipc/testing';
import SlumpBanner from './SlumpBanner.svelte';
import { Slump } from './slump.svelte';
import { makeCheckIn, makeNotice } from './testing';

afterEach(() => clearMocks());

const key = { scope: 'all', detected_on: '2026-10-01' };

function backend(checkIns = [] as ReturnType<typeof makeCheckIn>[]) {
  return mockCommands((command, args) => {
    switch (command) {
      case 'get_slump_notice':
        return makeNotice();
      case 'due_check_ins':
        return checkIns;
      case 'snooze_slump_notice':
        return { ...key, status: 'snoozed', until: '2026-12-02' };
      case 'set_aside_slump_notice':
        return { ...key, status: 'set_aside', reason: args.reason };
      case 'answer_check_in':
        return { ...makeCheckIn(), outcome: args.outcome, note: args.note, answered_at: '2026-11-25T10:00:00Z' };
      default:
        return Promise.reject({ code: 'internal', message: `unexpected ${command}` });
    }
  });
}

async function shown(calls = backend()) {
  const slump = new Slump();
  await slump.load();
  let started = 0;
  render(SlumpBanner, { slump, onStart: () => started++ });
  return { slump, calls, started: () => started };
}

describe('slump banner', () => {
  it('shows the notice in calm words with its explanation and offers to start a reflection', async () => {
    const { started } = await shown();
    const banner = screen.getByTestId('slump-banner');
    expect(banner.textContent).toContain('No milestone for 120 days; your usual gap is 40 days.');
    expect(banner.getAttribute('role')).not.toBe('dialog');
    await fireEvent.click(screen.getByTestId('start-reflection'));
    expect(started()).toBe(1);
  });

  it('shows nothing when there is no notice', async () => {
    mockCommands((command) => (command === 'due_check_ins' ? [] : null));
    const slump = new Slump();
    await slump.load();
    render(SlumpBanner, { slump, onStart: () => undefined });
    expect(screen.queryByTestId('slump-banner')).toBeNull();
  });

  it('snoozes the notice for a week with "Not now"', async () => {
    const { calls } = await shown();
    await fireEvent.click(screen.getByTestId('snooze-notice'));
    await waitFor(() => expect(screen.queryByTestId('slump-banner')).toBeNull());
    expect(calls.filter((c) => c.command === 'snooze_slump_notice')).toEqual([
      { command: 'snooze_slump_notice', args: { notice: key } },
    ]);
  });

  it('sets the notice aside with the reason typed inline', async () => {
    const { calls } = await shown();
    await fireEvent.click(screen.getByTestId('set-aside-notice'));
    await fireEvent.input(screen.getByTestId('set-aside-reason'), { target: { value: ' On parental leave ' } });
    await fireEvent.click(screen.getByTestId('confirm-set-aside'));
    await waitFor(() => expect(screen.queryByTestId('slump-banner')).toBeNull());
    expect(calls.filter((c) => c.command === 'set_aside_slump_notice')).toEqual([
      { command: 'set_aside_slump_notice', args: { notice: key, reason: 'On parental leave' } },
    ]);
  });

  it('keeps the banner and says why when snoozing fails', async () => {
    mockCommands((command) => {
      if (command === 'get_slump_notice') return makeNotice();
      if (command === 'due_check_ins') return [];
      return Promise.reject({ code: 'storage', message: 'The database could not be written.' });
    });
    const slump = new Slump();
    await slump.load();
    render(SlumpBanner, { slump, onStart: () => undefined });
    await fireEvent.click(screen.getByTestId('snooze-notice'));
    await waitFor(() => expect(screen.getByTestId('notice-error').dataset.code).toBe('storage'));
    expect(screen.getByTestId('slump-banner')).toBeTruthy();
  });

  it('answers a due check-in with its outcome and note', async () => {
    const { calls } = await shown(backend([makeCheckIn()]));
    const card = screen.getByTestId('check-in');
    expect(card.textContent).toContain('Pitch the importer rewrite');
    await fireEvent.input(screen.getByTestId('check-in-note'), { target: { value: 'Sent it on Monday' } });
    await fireEvent.click(screen.getByTestId('check-in-done'));
    await waitFor(() => expect(screen.queryByTestId('check-in')).toBeNull());
    expect(calls.filter((c) => c.command === 'answer_check_in')).toEqual([
      { command: 'answer_check_in', args: { id: 31, outcome: 'done', note: 'Sent it on Monday' } },
    ]);
  });

  it('answers "not yet" and "dropped" with their own outcomes', async () => {
    const { calls } = await shown(backend([makeCheckIn({ id: 1 }), makeCheckIn({ id: 2 })]));
    await fireEvent.click(screen.getAllByTestId('check-in-not-yet')[0]!);
    await waitFor(() => expect(screen.getAllByTestId('check-in')).toHaveLength(1));
    await fireEvent.click(screen.getByTestId('check-in-dropped'));
    await waitFor(() => expect(screen.queryByTestId('check-in')).toBeNull());
    expect(calls.filter((c) => c.command === 'answer_check_in').map((c) => c.args)).toEqual([
      { id: 1, outcome: 'not_yet', note: '' },
      { id: 2, outcome: 'dropped', note: '' },
    ]);
  });
});
