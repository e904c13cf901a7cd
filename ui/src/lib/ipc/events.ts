// Typed listeners for the events the Rust side sends. Only this folder imports @tauri-apps/*.

import { listen } from '@tauri-apps/api/event';

import type { ImportProgress } from './bindings/ImportProgress';

/** The event name `import_journal` sends progress on (see src-tauri/src/commands/data.rs). */
export const IMPORT_PROGRESS_EVENT = 'import-progress';

/**
 * Calls `onProgress` with `{ done, total }` while an import writes. Resolves with a function
 * that stops listening; neither rejects nor throws (without Tauri there is simply no progress).
 */
export async function onImportProgress(
  onProgress: (progress: ImportProgress) => void,
): Promise<() => void> {
  try {
    const stop = await listen<ImportProgress>(IMPORT_PROGRESS_EVENT, (event) =>
      onProgress(event.payload),
    );
    // Tauri's unlisten is asynchronous; once the window is closing (or the IPC layer was
    // reset) it may fail, which is of no consequence here.
    return () => void Promise.resolve().then(stop).catch(() => {});
  } catch {
    return () => {};
  }
}
