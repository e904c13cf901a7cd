// The Insights place: the four charts over one range (3 months, 1 year, all), the goal whose
// trajectory is shown, the overall pace in words and the paused stretches. Everything is read
// again after a change (a pause added or removed) and when the place opens.
import { ChartSlot } from '../charts/chart.svelte';
import type { ChartTheme } from '../charts/theme.svelte';
import {
  addPausedPeriod,
  deletePausedPeriod,
  getVelocity,
  listGoals,
  listPausedPeriods,
  toAppError,
} from '../ipc/commands';
import type {
  AppError,
  ChartKind,
  ChartQuery,
  ChartRange,
  Goal,
  PausedDraft,
  PausedPeriod,
  VelocityReport,
} from '../ipc/commands';

export const CHART_KINDS: readonly ChartKind[] = ['velocity', 'trajectory', 'mood', 'heatmap'];

export const RANGES: readonly { range: ChartRange; label: string }[] = [
  { range: 'three_months', label: '3 months' },
  { range: 'one_year', label: '1 year' },
  { range: 'all', label: 'All' },
];

export interface InsightsOptions {
  theme?: () => ChartTheme;
  range?: ChartRange;
}

/** Active goals first, then paused, achieved and let go; otherwise as stored. */
function pickerOrder(goals: readonly Goal[]): Goal[] {
  const rank = { active: 0, paused: 1, achieved: 2, let_go: 3 } as const;
  return [...goals].sort((a, b) => rank[a.status] - rank[b.status]);
}

export class Insights {
  range = $state<ChartRange>('one_year');
  /** Goals for the trajectory picker, active ones first. */
  goals = $state.raw<Goal[]>([]);
  goalsLoaded = $state(false);
  goalId = $state<number | null>(null);
  velocity = $state.raw<VelocityReport | null>(null);
  velocityError = $state.raw<AppError | null>(null);
  paused = $state.raw<PausedPeriod[]>([]);
  pausedError = $state.raw<AppError | null>(null);
  readonly charts: Readonly<Record<ChartKind, ChartSlot>> = {
    velocity: new ChartSlot(),
    trajectory: new ChartSlot(),
    mood: new ChartSlot(),
    heatmap: new ChartSlot(),
  };

  #theme: () => ChartTheme;

  constructor(options: InsightsOptions = {}) {
    this.#theme = options.theme ?? (() => 'light');
    if (options.range) this.range = options.range;
  }

  query(kind: ChartKind): ChartQuery {
    return {
      chart: kind,
      goal_id: kind === 'trajectory' ? this.goalId : null,
      milestone_kind: null,
      range: this.range,
      theme: this.#theme(),
    };
  }

  /** Reads everything: goals (for the picker), pace, pauses, then every chart. */
  async load(): Promise<void> {
    await Promise.all([this.#loadGoals(), this.loadPace(), this.loadPaused()]);
    await this.reloadCharts();
  }

  async #loadGoals(): Promise<void> {
    try {
      const goals = pickerOrder(await listGoals());
      this.goals = goals;
      if (this.goalId === null || !goals.some((g) => g.id === this.goalId)) {
        this.goalId = goals[0]?.id ?? null;
      }
    } catch {
      // The trajectory chart says what went wrong when it is asked for.
      this.goals = [];
    } finally {
      this.goalsLoaded = true;
    }
  }

  async loadPace(): Promise<void> {
    try {
      this.velocity = await getVelocity(null, null);
      this.velocityError = null;
    } catch (err) {
      this.velocityError = toAppError(err);
    }
  }

  async loadPaused(): Promise<void> {
    try {
      this.paused = await listPausedPeriods();
      this.pausedError = null;
    } catch (err) {
      this.pausedError = toAppError(err);
    }
  }

  /** Asks for every chart again with the current range, goal and theme. */
  async reloadCharts(): Promise<void> {
    await Promise.all(CHART_KINDS.map((kind) => this.reloadChart(kind)));
  }

  reloadChart(kind: ChartKind): Promise<void> {
    if (kind === 'trajectory' && this.goalId === null) {
      // No goal yet: nothing to draw (the place says how to start instead).
      this.charts.trajectory.clear();
      return Promise.resolve();
    }
    return this.charts[kind].load(this.query(kind));
  }

  /** Shows every chart over another range. */
  setRange(range: ChartRange): Promise<void> {
    this.range = range;
    return this.reloadCharts();
  }

  /** Shows another goal's trajectory. */
  setGoal(goalId: number): Promise<void> {
    this.goalId = goalId;
    return this.reloadChart('trajectory');
  }

  async #changed(): Promise<void> {
    await Promise.all([this.loadPaused(), this.loadPace(), this.reloadCharts()]);
  }

  /** Records a paused stretch; rejects with the AppError as sent (nothing is written then). */
  async addPause(draft: PausedDraft): Promise<PausedPeriod> {
    const period = await addPausedPeriod(draft);
    await this.#changed();
    return period;
  }

  async removePause(id: number): Promise<void> {
    await deletePausedPeriod(id);
    await this.#changed();
  }
}

/** "You reach about 1.4 milestones a month; your usual pace is 1.1." and its variations. */
export function paceSentence(report: VelocityReport): string {
  const v = report.velocity;
  const usual = report.baseline;
  const fmt = (x: number) => (x > 0 && x < 0.05 ? 'under 0.1' : x.toFixed(1));
  if (v <= 0 && !usual) {
    return 'No milestones reached lately. As you mark milestones achieved on your goals, your pace shows here.';
  }
  const now = v < 0.05 ? 'You have reached hardly any milestones lately' : `You reach about ${fmt(v)} milestones a month`;
  if (usual === null) return `${now}; there is not enough history yet to tell your usual pace.`;
  return `${now}; your usual pace is ${fmt(usual)}.`;
}
