// What the window's page carries for its first screen (decision 0064): the app serves its page
// with a JSON data block holding the desktop's font, where the journal stands and the
// timeline's first page, so the journal can be drawn without a round trip. The block is read
// once as the script starts and taken out of the document; what it lacks (the journal still
// opening; all of it on the dev server) is asked for at once instead. The block is data: it is
// parsed, never run or inserted.

import type { StartData } from '../ipc/commands';
import { askForFirstPageEarly, firstPageCarried } from '../journal/early-page';
import { askForStatusEarly, statusCarried } from './gate.svelte';

/** The id of the data block (`START_DATA_ID` in src-tauri/src/start_page.rs). */
export const START_DATA_ID = 'start-data';

function isStartData(value: unknown): value is StartData {
  if (typeof value !== 'object' || value === null) return false;
  const data = value as Partial<StartData>;
  return (
    (data.ui_font === null || typeof data.ui_font === 'string') &&
    (data.status === null || typeof data.status?.state === 'string') &&
    typeof data.page_size === 'number' &&
    (data.first_page === null || Array.isArray(data.first_page?.entries))
  );
}

/**
 * The UI font stack for the desktop's font `family`: the family by name, then the generic
 * sans-serif. Quoted as a CSS string, so a name cannot end the value.
 */
export function fontStack(family: string): string {
  const printable = [...family].map((c) => (c < ' ' || c === '\u007f' ? ' ' : c)).join('');
  const quoted = printable.replace(/["\\]/g, (c) => `\\${c}`);
  return `"${quoted}", sans-serif`;
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
