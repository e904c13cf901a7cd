import { afterEach, describe, expect, it, vi } from 'vitest';

import { clearMocks, mockCommands } from '../ipc/testing';

const FLAG = '__TRAJECTORY_REPORT_FIRST_PAINT__';

afterEach(() => {
  clearMocks();
  delete (globalThis as Record<string, unknown>)[FLAG];
  vi.resetModules();
});

/** A fresh copy of the module (its "reported once" memory starts empty). */
async function freshModule() {
  return import('./first-paint');
}

/** Lets two frames and the tasks queued from them pass. */
async function afterPaint() {
  for (let i = 0; i < 2; i++) {
    await new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  }
}

describe('the benchmark reports', () => {
  it.each(['reportFirstPaintOnce', 'reportInteractiveOnce'] as const)('%s sends nothing when the benchmark did not ask', async (name) => {
    const calls = mockCommands(() => null);
    const module = await freshModule();
    module[name](3);
    await afterPaint();
    expect(calls).toEqual([]);
  });
});

describe('reportFirstPaintOnce', () => {

  it('reports once after the next frame when asked, however often it is called', async () => {
    (globalThis as Record<string, unknown>)[FLAG] = true;
    const calls = mockCommands(() => null);
    const { reportFirstPaintOnce } = await freshModule();
    reportFirstPaintOnce(100);
    expect(calls).toEqual([]);
    await afterPaint();
    reportFirstPaintOnce(100);
    await afterPaint();
    expect(calls).toEqual([{ command: 'report_first_paint', args: { entries: 100 } }]);
  });
});

describe('reportInteractiveOnce', () => {
  it('reports once after the next frame, apart from the first paint', async () => {
    (globalThis as Record<string, unknown>)[FLAG] = true;
    const calls = mockCommands(() => null);
    const { reportFirstPaintOnce, reportInteractiveOnce } = await freshModule();
    reportFirstPaintOnce(100);
    await afterPaint();
    reportInteractiveOnce(100);
    reportInteractiveOnce(100);
    await afterPaint();
    expect(calls).toEqual([
      { command: 'report_first_paint', args: { entries: 100 } },
      { command: 'report_interactive', args: { entries: 100 } },
    ]);
  });
});
