// Test helpers around Tauri's IPC mocks, so tests outside lib/ipc need not import
// @tauri-apps/* themselves. Not used by the app.

import { emit } from '@tauri-apps/api/event';
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';

import type { Entry } from './bindings/Entry';

export type CommandArgs = Record<string, unknown>;
export type CommandHandler = (command: string, args: CommandArgs) => unknown;

export interface RecordedCall {
  command: string;
  args: CommandArgs;
}

/**
 * Answers every `invoke` with `handler` (return a value to resolve, throw or return a rejected
 * promise to reject) and records the calls made.
 */
export function mockCommands(
  handler: CommandHandler,
  options: { events?: boolean } = {},
): RecordedCall[] {
  const calls: RecordedCall[] = [];
  mockIPC(
    (command, payload) => {
      const args = (payload ?? {}) as CommandArgs;
      calls.push({ command, args });
      return handler(command, args);
    },
    { shouldMockEvents: options.events ?? false },
  );
  return calls;
}

/** Sends a mocked event to the UI's listeners (needs `mockCommands(…, { events: true })`). */
export function emitMocked(event: string, payload: unknown): Promise<void> {
  return emit(event, payload);
}

export { clearMocks };

let nextId = 1000;

/** A stored entry with sensible defaults, for tests. */
export function makeEntry(fields: Partial<Entry> = {}): Entry {
  const id = fields.id ?? nextId++;
  return {
    id,
    entry_date: '2026-11-25',
    body: `Entry ${id}`,
    tags: [],
    mood: null,
    progress: null,
    created_at: '2026-11-25T09:00:00.000Z',
    updated_at: '2026-11-25T09:00:00.000Z',
    deleted_at: null,
    ...fields,
  };
}
