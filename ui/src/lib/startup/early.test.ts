import { afterEach, describe, expect, it } from 'vitest';

import type { JournalStatus } from '../ipc/commands';
import { clearMocks, mockCommands } from '../ipc/testing';
import { askEarly, earlyOr, forgetEarly, takeEarly } from './early';
import { askForStatusEarly, Gate } from './gate.svelte';

afterEach(() => {
  forgetEarly();
  clearMocks();
});

const OPEN: JournalStatus = { state: 'open', message: null, encrypted: false, data_dir: '/tmp/j' };

describe('answers asked for early', () => {
  it('are handed out once, then asked for again', async () => {
    let asked = 0;
    const ask = () => Promise.resolve(++asked);
    askEarly('n', ask);
    expect(asked).toBe(1);
    expect(await earlyOr('n', ask)).toBe(1);
    expect(await earlyOr('n', ask)).toBe(2);
    expect(takeEarly('n')).toBeNull();
  });

  it('are asked for again when the early one failed', async () => {
    askEarly('n', () => Promise.reject(new Error('not yet')));
    expect(await earlyOr('n', () => Promise.resolve('now'))).toBe('now');
  });

  it('give the start-up gate its first status without a second journal_status', async () => {
    const calls = mockCommands((command) => (command === 'journal_status' ? OPEN : null));
    askForStatusEarly();
    const gate = new Gate();
    await gate.load();
    expect(gate.status).toEqual(OPEN);
    expect(calls.map((c) => c.command)).toEqual(['journal_status']);
    // "Try again" and the reload after a restore ask afresh.
    await gate.load();
    expect(calls.map((c) => c.command)).toEqual(['journal_status', 'journal_status']);
  });
});
