// What the window's page carries for its first screen (decision 0064): the app serves its page
// with a JSON data block holding where the journal stands and the timeline's first page, so
// the journal can be drawn without a round trip. The block is read once as the script starts
// and taken out of the document; without it (the journal still opening, the dev server) both
// are asked for at once instead. The block is data: it is parsed, never run or inserted.

import type { StartData } from '../ipc/commands';
import { askForFirstPageEarly, firstPageCarried } from '../journal/early-page';
import { askForStatusEarly, statusCarried } from './gate.svelte';

/** The id of the data block (`START_DATA_ID` in src-tauri/src/start_page.rs). */
export const START_DATA_ID = 'start-data';

function isStartData(value: unknown): value is StartData {
  if (typeof value !== 'object' || value === null) return false;
  const data = value as Partial<StartData>;
  return (
    typeof data.status?.state === 'string' &&
    typeof data.page_size === 'number' &&
    (data.first_page === null || Array.isArray(data.first_page?.entries))
  );
}

/** The start data in `doc`, taken out of it; null when there is none or it cannot be read. */
export function takeStartData(doc: Document): StartData | null {
  const block = doc.getElementById(START_DATA_ID);
  if (!block) return null;
  block.remove();
  try {
    const data: unknown = JSON.parse(block.textContent ?? '');
    return isStartData(data) ? data : null;
  } catch {
    return null;
  }
}

/**
 * Gets the first screen's answers under way before anything is built: from the page's start
 * data where it has them, else asked for now. The first page only when the window opens on
 * the journal (`onJournal`), in pages of `pageSize`.
 */
export function prepareFirstScreen(doc: Document, onJournal: boolean, pageSize: number): void {
  const carried = takeStartData(doc);
  if (!carried) {
    askForStatusEarly();
    if (onJournal) askForFirstPageEarly(pageSize);
    return;
  }
  statusCarried(carried.status);
  if (!onJournal || carried.status.state !== 'open') return;
  if (carried.first_page && carried.page_size === pageSize) firstPageCarried(pageSize, carried.first_page);
  else askForFirstPageEarly(pageSize);
}
