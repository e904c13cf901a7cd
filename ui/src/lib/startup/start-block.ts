// The page's start data block (decision 0064), read: the JSON the app puts into its page with
// the desktop's font, where the journal stands and the timeline's first page. Plain code with no
// state, shared by the app's start (start-data.ts) and the first screen the page paints before
// the app runs (first-screen.ts). The block is data: parsed, never run or inserted.

import type { StartData } from '../ipc/commands';

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

/** The start data in `doc`, left where it is; null when there is none or it cannot be read. */
export function readStartData(doc: Document): StartData | null {
  const block = doc.getElementById(START_DATA_ID);
  if (!block) return null;
  try {
    const data: unknown = JSON.parse(block.textContent ?? '');
    return isStartData(data) ? data : null;
  } catch {
    return null;
  }
}
