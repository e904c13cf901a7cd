// One chart on screen: asks the Rust side for it, keeps the last good picture while a new one
// is on its way (no flicker), and drops answers to older asks. Also the export of a chart
// through the system's save dialog.
import { exportChart, getChart, toAppError } from '../ipc/commands';
import type { AppError, ChartQuery, ChartView } from '../ipc/commands';

export class ChartSlot {
  view = $state.raw<ChartView | null>(null);
  error = $state.raw<AppError | null>(null);
  loading = $state(false);
  /** The query of the picture shown (or being fetched). */
  query = $state.raw<ChartQuery | null>(null);
  #asked = 0;

  /** Fetches the chart for `query`; only the answer to the latest ask is kept. */
  async load(query: ChartQuery): Promise<void> {
    const ask = ++this.#asked;
    this.query = query;
    this.loading = true;
    try {
      const view = await getChart(query);
      if (ask !== this.#asked) return;
      this.view = view;
      this.error = null;
    } catch (err) {
      if (ask !== this.#asked) return;
      this.error = toAppError(err);
    } finally {
      if (ask === this.#asked) this.loading = false;
    }
  }

  /** Forgets the picture (nothing to show any more) and any answer still on its way. */
  clear(): void {
    this.#asked += 1;
    this.view = null;
    this.error = null;
    this.loading = false;
    this.query = null;
  }
}

export class ChartExport {
  busy = $state(false);
  /** Where the last export was written; null when none (or the dialog was cancelled). */
  savedTo = $state<string | null>(null);
  error = $state.raw<AppError | null>(null);

  async run(query: ChartQuery): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    this.savedTo = null;
    this.error = null;
    try {
      this.savedTo = await exportChart(query);
    } catch (err) {
      this.error = toAppError(err);
    } finally {
      this.busy = false;
    }
  }
}
