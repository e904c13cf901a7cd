// The start-up benchmark's marks (only when it asked for them; see `firstPaintReportWanted`):
// the first page of entries on screen — painted by the page itself (startup/first-screen.ts) or
// by the app when the page did not — and the app mounted and ready for the person. The frame
// callback runs before the frame is painted; the task queued from it runs after, so the moment
// reported is the paint, not the render.

import { firstPaintReportWanted, reportFirstPaint, reportInteractive } from '../ipc/commands';

let reported = false;
let interactive = false;

function afterPaint(report: () => Promise<void>): void {
  requestAnimationFrame(() => {
    setTimeout(() => {
      // A failed report only leaves the benchmark waiting (it then says so); the app goes on.
      report().catch(() => undefined);
    }, 0);
  });
}

/** Reports the first paint of `entries` entries once per window; does nothing unless the benchmark asked. */
export function reportFirstPaintOnce(entries: number): void {
  if (reported || !firstPaintReportWanted()) return;
  reported = true;
  afterPaint(() => reportFirstPaint(entries));
}

/**
 * Reports, once per window, that the app has mounted with `entries` entries on screen and answers
 * the person (the first paint too, if nothing reported it before); does nothing unless the
 * benchmark asked.
 */
export function reportInteractiveOnce(entries: number): void {
  if (interactive || !firstPaintReportWanted()) return;
  interactive = true;
  afterPaint(() => reportInteractive(entries));
}
