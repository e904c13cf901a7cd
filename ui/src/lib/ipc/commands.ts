// The one door from the UI to the Rust side: a typed function per Tauri command.
//
// Every function resolves with the command's typed result or rejects with an `AppError`
// (`{ code, message }`). Anything else the IPC layer throws (a missing command, a bug, no
// Tauri at all) is normalised to `{ code: "internal", message }`, so callers can always
// switch on `code`. Only this folder may import `@tauri-apps/*` (enforced by ESLint).

import { invoke } from '@tauri-apps/api/core';

import type { AppError } from './bindings/AppError';
import type { AppInfo } from './bindings/AppInfo';
import type { Entry } from './bindings/Entry';
import type { EntryDraft } from './bindings/EntryDraft';
import type { EntryPage } from './bindings/EntryPage';
import type { ErrorCode } from './bindings/ErrorCode';
import type { PageCursor } from './bindings/PageCursor';

export type { AppError, AppInfo, Entry, EntryDraft, EntryPage, ErrorCode, PageCursor };

// `satisfies Record<ErrorCode, true>` makes svelte-check fail when Rust adds or removes a code
// and this list is not updated, so the two cannot drift apart silently.
const KNOWN_CODES = {
  empty_body: true,
  body_too_large: true,
  invalid_date: true,
  invalid_tag: true,
  too_many_tags: true,
  not_found: true,
  in_trash: true,
  newer_database: true,
  storage_unavailable: true,
  storage: true,
  internal: true,
} as const satisfies Record<ErrorCode, true>;
const ERROR_CODES: ReadonlySet<string> = new Set(Object.keys(KNOWN_CODES));

/** True when `value` is an `AppError` as the Rust side sends it. */
export function isAppError(value: unknown): value is AppError {
  if (typeof value !== 'object' || value === null) return false;
  const { code, message } = value as { code?: unknown; message?: unknown };
  return typeof code === 'string' && ERROR_CODES.has(code) && typeof message === 'string';
}

/** Turns whatever a failed call produced into an `AppError`. */
export function toAppError(err: unknown): AppError {
  if (isAppError(err)) return { code: err.code, message: err.message };
  const message = err instanceof Error ? err.message : String(err);
  return { code: 'internal', message };
}

async function call<T>(command: string, args: Record<string, unknown> = {}): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (err) {
    throw toAppError(err);
  }
}

/** The app's version and the data folder in use. */
export function appInfo(): Promise<AppInfo> {
  return call<AppInfo>('app_info');
}

/** Stores a new entry; resolves once it is committed. */
export function createEntry(draft: EntryDraft): Promise<Entry> {
  return call<Entry>('create_entry', { draft });
}

/** Replaces an entry's date, body and tags. */
export function updateEntry(id: number, draft: EntryDraft): Promise<Entry> {
  return call<Entry>('update_entry', { id, draft });
}

/** One entry by id (also a trashed one). */
export function getEntry(id: number): Promise<Entry> {
  return call<Entry>('get_entry', { id });
}

/** One page of the timeline, newest entry date first; pass the previous page's `next`. */
export function listEntries(after: PageCursor | null, limit: number): Promise<EntryPage> {
  return call<EntryPage>('list_entries', { after, limit });
}

/** Moves an entry to the trash (recoverable). */
export function trashEntry(id: number): Promise<Entry> {
  return call<Entry>('trash_entry', { id });
}

/** Brings an entry back from the trash. */
export function restoreEntry(id: number): Promise<Entry> {
  return call<Entry>('restore_entry', { id });
}

/** Every entry in the trash. */
export function listTrash(): Promise<Entry[]> {
  return call<Entry[]>('list_trash');
}
