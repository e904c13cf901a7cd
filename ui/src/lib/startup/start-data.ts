// What the window's page carries for its first screen (decision 0064): the app serves its page
// with a JSON data block holding the desktop's font, where the journal stands and the
// timeline's first page, so the journal can be drawn without a round trip. The block is read
// once as the script starts and taken out of the document; what it lacks (the journal still
// opening; all of it on the dev server) is asked for at once instead. The block is data: it is
// parsed, never run or inserted.

import type { StartData } from '../ipc/commands';
import { askForFirstPageEarly, firstPageCarried } from '../journal/early-page';
import { askForStatusEarly, statusCarried } from './gate.svelte';
import { START_DATA_ID, fontStack, readStartData } from './start-block';

export { START_DATA_ID, fontStack };

/** The start data in `doc`, taken out of it; null when there is none or it cannot be read. */
export function takeStartData(doc: Document): StartData | null {
  const data = readStartData(doc);
  doc.getElementById(START_DATA_ID)?.remove();
  return data;
}

/**
 * Gets the first screen's answers under way before anything is built: from the page's start
 * data where it has them, else asked for now; and sets the UI font to the desktop's. The first page only when the window opens on
 * the journal (`onJournal`), in pages of `pageSize`.
 */
export function prepareFirstScreen(doc: Document, onJournal: boolean, pageSize: number): void {
  const carried = takeStartData(doc);
  if (carried?.ui_font) doc.documentElement.style.setProperty('--font-ui', fontStack(carried.ui_font));
  const status = carried?.status;
  if (!status) {
    askForStatusEarly();
    if (onJournal) askForFirstPageEarly(pageSize);
    return;
  }
  statusCarried(status);
  if (!onJournal || status.state !== 'open') return;
  if (carried.first_page && carried.page_size === pageSize) firstPageCarried(pageSize, carried.first_page);
  else askForFirstPageEarly(pageSize);
}
