import { afterEach, describe, expect, it } from 'vitest';

import { listEntries } from '../ipc/commands';
import type { JournalStatus } from '../ipc/commands';
import { clearMocks, mockCommands } from '../ipc/testing';
import { askEarly, earlyOr, forgetEarly, keptSettled, takeArrived, takeEarly } from './early';
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

  it('can be taken without waiting once they are back, and only once', async () => {
    let answer!: (n: number) => void;
    askEarly('n', () => new Promise<number>((resolve) => (answer = resolve)));
    expect(takeArrived('n')).toBeUndefined();
    answer(7);
    await keptSettled();
    expect(takeArrived('n')).toBe(7);
    expect(takeArrived('n')).toBeUndefined();
    expect(takeEarly('n')).toBeNull();
  });

  it('are all waited for by keptSettled, failed ones included, and a failed one never arrives', async () => {
    let fail!: (e: Error) => void;
    askEarly('bad', () => new Promise<number>((_, reject) => (fail = reject)));
    askEarly('good', () => Promise.resolve(1));
    let settled = false;
    const waiting = keptSettled().then(() => (settled = true));
    await Promise.resolve();
    expect(settled).toBe(false);
    fail(new Error('locked'));
    await waiting;
    expect(takeArrived('bad')).toBeUndefined();
    expect(takeArrived('good')).toBe(1);
  });

  it('hold the gate back until the journal first page is back too', async () => {
    let sendPage!: () => void;
    const page = new Promise<void>((resolve) => (sendPage = resolve));
    mockCommands(async (command) => {
      if (command === 'journal_status') return OPEN;
      if (command === 'list_entries') {
        await page;
        return { entries: [], next: null };
      }
      return null;
    });
    askForStatusEarly();
    askEarly('first-page', () => listEntries(null, 10));
    const gate = new Gate();
    const loading = gate.load();
    await new Promise((r) => setTimeout(r, 0));
    expect(gate.status).toBeNull();
    sendPage();
    await loading;
    expect(gate.status).toEqual(OPEN);
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
