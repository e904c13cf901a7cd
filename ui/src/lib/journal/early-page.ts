// The timeline's first page, carried by the window's page or asked for as the window's script
// starts (see startup/early.ts), and taken by the journal's first load.

import { listEntries } from '../ipc/commands';
import type { EntryPage } from '../ipc/commands';
import { askEarly, earlyOr, settleEarly, takeArrived } from '../startup/early';

const key = (size: number) => `first-page:${size}`;

/** Asks for the newest `size` entries now, for the journal's first load to take. */
export function askForFirstPageEarly(size: number): void {
  askEarly(key(size), () => listEntries(null, size));
}

/** Keeps the first page of `size` entries as the window's page carried it, for the first load. */
export function firstPageCarried(size: number, page: EntryPage): void {
  settleEarly(key(size), page);
}

/** The first page of `size` entries if the early one has already come back (taken); else undefined. */
export function arrivedFirstPage(size: number): EntryPage | undefined {
  return takeArrived<EntryPage>(key(size));
}

/** The first page of `size` entries: the one asked for early if it is there, else asked now. */
export function loadFirstPage(size: number): Promise<EntryPage> {
  return earlyOr(key(size), () => listEntries(null, size));
}
