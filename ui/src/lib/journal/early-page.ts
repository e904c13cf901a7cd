// The timeline's first page, asked for the moment the window's script starts, beside the
// start-up gate's question of where the journal stands: both wait for the journal to be opened
// and then come back together, instead of the page being asked for only once the answer to the
// first has arrived and the journal's place has been built. The journal's first load takes it,
// once; if it failed (a locked journal answers `locked`), that load simply asks again.

import { listEntries } from '../ipc/commands';
import type { EntryPage } from '../ipc/commands';

let early: { size: number; page: Promise<EntryPage> } | null = null;

/** Asks for the newest `size` entries now, for the journal's first load to take. */
export function askForFirstPageEarly(size: number): void {
  const page = listEntries(null, size);
  // Whoever takes it handles a failure; until then it is not an unhandled rejection.
  page.catch(() => undefined);
  early = { size, page };
}

/**
 * The page asked for early, if it was and has not been taken yet and is of `size` entries;
 * null otherwise (then ask as usual). A page is handed out once.
 */
export function takeEarlyFirstPage(size: number): Promise<EntryPage> | null {
  const taken = early;
  early = null;
  return taken !== null && taken.size === size ? taken.page : null;
}
