// The start-up benchmark's mark: once the first page of entries is on screen, report it (only
// when the benchmark asked for it; see `firstPaintReportWanted`). The frame callback runs
// before the frame is painted; the task queued from it runs after, so the moment reported is
// the paint, not the render.

import { firstPaintReportWanted, reportFirstPaint } from '../ipc/commands';

let reported = false;

/** Reports the first paint of `entries` entries once per window; does nothing unless the benchmark asked. */
export function reportFirstPaintOnce(entries: number): void {
  if (reported || !firstPaintReportWanted()) return;
  reported = true;
  requestAnimationFrame(() => {
    setTimeout(() => {
      // A failed report only leaves the benchmark waiting (it then says so); the app goes on.
      reportFirstPaint(entries).catch(() => undefined);
    }, 0);
  });
}
