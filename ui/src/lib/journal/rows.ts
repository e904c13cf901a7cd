// The timeline's rows: week headings and entries as one flat list, each kind of row with a fixed
// height. Shared by the timeline (Timeline.svelte) and the first screen the page paints before
// the app runs (startup/first-screen.ts), so both lay the same entries out the same way.

import type { Entry } from '../ipc/commands';
import { formatDay, weekOf } from './dates';

/** Entries fetched per timeline page. */
export const PAGE_SIZE = 100;

/** Row heights in pixels; Timeline.svelte's CSS gives each kind of row exactly this height. */
export const WEEK_ROW = 40;
export const ENTRY_ROW = 128;
export const TRASH_ROW = 168;
/** Rows rendered beyond each edge of the viewport. */
export const OVERSCAN = 6;
/** Viewport height assumed before the first measurement (and where there is no layout). */
export const FALLBACK_VIEWPORT = 800;

export type Row =
  | { kind: 'week'; key: string; label: string }
  | { kind: 'entry'; key: string; entry: Entry; position: number };

/** Week headings and entries as one flat list of rows, in order (entries newest first). */
export function rowsOf(entries: readonly Entry[]): Row[] {
  const out: Row[] = [];
  let week: string | null = null;
  entries.forEach((entry, position) => {
    const monday = weekOf(entry.entry_date);
    const key = monday ?? entry.entry_date;
    if (key !== week) {
      week = key;
      out.push({ kind: 'week', key: `w:${key}:${out.length}`, label: monday ? `Week of ${formatDay(monday)}` : entry.entry_date });
    }
    out.push({ kind: 'entry', key: `e:${entry.id}`, entry, position });
  });
  return out;
}

/** Each row's height, for `offsetsOf`: entry rows are `entryRow` high. */
export function heightsOf(rows: readonly Row[], entryRow: number): number[] {
  return rows.map((r) => (r.kind === 'week' ? WEEK_ROW : entryRow));
}
