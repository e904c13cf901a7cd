// One goal up close: its summary (milestones, pace, forecast), its trajectory chart and the
// journal entries linked to its milestones. Every change reloads the summary and the chart, and
// tells the list (`onChange`) so cards and other places show the new numbers.
import { ChartSlot } from '../charts/chart.svelte';
import type { ChartTheme } from '../charts/theme.svelte';
import {
  achieveMilestone,
  addMilestone,
  getEntry,
  getGoalSummary,
  linkMilestoneEntry,
  listEntries,
  setGoalStatus,
  toAppError,
  unlinkMilestoneEntry,
  updateMilestone,
} from '../ipc/commands';
import { snapshotMap, unique } from './snapshot';
import type { AppError, ChartQuery, Entry, GoalStatus, GoalSummary, Milestone, MilestoneDraft } from '../ipc/commands';
import { dataChanged } from '../shell/changes';

export interface GoalDetailOptions {
  theme?: () => ChartTheme;
  /** Called after every change that was written. */
  onChange?: () => void;
}

/** How many recent entries the "Link an entry" picker offers. */
export const LINKABLE_ENTRIES = 60;

export class GoalDetail {
  readonly id: number;
  summary = $state.raw<GoalSummary | null>(null);
  error = $state.raw<AppError | null>(null);
  loading = $state(false);
  readonly chart = new ChartSlot();
  /** Linked entries by id: the entry, or why it could not be read. */
  entries = $state.raw<ReadonlyMap<number, Entry | AppError>>(snapshotMap([]));
  /** Recent entries for the link picker, once asked for. */
  recent = $state.raw<Entry[] | null>(null);
  recentError = $state.raw<AppError | null>(null);

  #theme: () => ChartTheme;
  #onChange: () => void;
  #loads = 0;

  constructor(id: number, options: GoalDetailOptions = {}) {
    this.id = id;
    this.#theme = options.theme ?? (() => 'light');
    this.#onChange = options.onChange ?? (() => {});
  }

  get goal() {
    return this.summary?.goal ?? null;
  }

  chartQuery(): ChartQuery {
    return { chart: 'trajectory', goal_id: this.id, milestone_kind: null, range: null, theme: this.#theme() };
  }

  /** Loads the summary and the chart again (the latest call wins). */
  async reload(): Promise<void> {
    const ask = ++this.#loads;
    this.loading = true;
    const chart = this.chart.load(this.chartQuery());
    try {
      const summary = await getGoalSummary(this.id);
      if (ask !== this.#loads) return;
      this.summary = summary;
      this.error = null;
      void this.#loadEntries(summary.milestones);
    } catch (err) {
      if (ask === this.#loads) this.error = toAppError(err);
    } finally {
      if (ask === this.#loads) this.loading = false;
    }
    await chart;
  }

  /** Draws the chart again (the theme changed). */
  reloadChart(): Promise<void> {
    return this.chart.load(this.chartQuery());
  }

  async #changed(): Promise<void> {
    this.#onChange();
    dataChanged();
    await this.reload();
  }

  /** Adds a milestone; rejects with the AppError as sent (nothing is written then). */
  async addMilestone(draft: MilestoneDraft): Promise<Milestone> {
    const milestone = await addMilestone(this.id, draft);
    await this.#changed();
    return milestone;
  }

  async updateMilestone(id: number, draft: MilestoneDraft): Promise<Milestone> {
    const milestone = await updateMilestone(id, draft);
    await this.#changed();
    return milestone;
  }

  async achieve(id: number, date: string): Promise<Milestone> {
    const milestone = await achieveMilestone(id, date);
    await this.#changed();
    return milestone;
  }

  /** Moves the goal to another status (letting go is a status, never a deletion). */
  async setStatus(status: GoalStatus): Promise<void> {
    await setGoalStatus(this.id, status);
    await this.#changed();
  }

  async link(id: number, entryId: number): Promise<void> {
    await linkMilestoneEntry(id, entryId);
    await this.#changed();
  }

  async unlink(id: number, entryId: number): Promise<void> {
    await unlinkMilestoneEntry(id, entryId);
    await this.#changed();
  }

  /** The latest entries, for linking one to a milestone. */
  async loadRecent(): Promise<void> {
    try {
      const page = await listEntries(null, LINKABLE_ENTRIES);
      this.recent = page.entries;
      this.recentError = null;
    } catch (err) {
      this.recentError = toAppError(err);
    }
  }

  async #loadEntries(milestones: readonly Milestone[]): Promise<void> {
    // Linked entries are few; they are read again each time, as they may have been edited.
    const wanted = unique(milestones.flatMap((m) => m.entry_ids));
    const found = await Promise.all(
      wanted.map((id) =>
        getEntry(id).then(
          (entry): [number, Entry | AppError] => [id, entry],
          (err: unknown): [number, Entry | AppError] => [id, toAppError(err)],
        ),
      ),
    );
    this.entries = snapshotMap(found);
  }
}

/** True for an entry, false for an error in its place. */
export function isEntry(value: Entry | AppError): value is Entry {
  return 'entry_date' in value;
}
