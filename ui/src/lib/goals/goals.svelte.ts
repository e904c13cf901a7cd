// The Goals place's list: every goal with its milestones (for progress and the next step) and
// its summary (for the pace), the status filter, and the app's "today" (the Rust side's day,
// which end-to-end tests may move with TRAJECTORY_TODAY).
import { todayLocal } from '../journal/dates';
import {
  createGoal,
  getGoalSummary,
  getVelocity,
  listGoals,
  listMilestones,
  toAppError,
  updateGoal,
} from '../ipc/commands';
import { snapshotMap } from './snapshot';
import type { AppError, Goal, GoalDraft, GoalStatus, GoalSummary, Milestone } from '../ipc/commands';

export type StatusFilter = GoalStatus | 'all';

export const FILTERS: readonly StatusFilter[] = ['active', 'paused', 'achieved', 'let_go', 'all'];

export interface GoalsOptions {
  /** The day to use until the Rust side has told its own (tests). */
  today?: () => string;
}

export class Goals {
  goals = $state.raw<Goal[]>([]);
  milestones = $state.raw<Milestone[]>([]);
  summaries = $state.raw<ReadonlyMap<number, GoalSummary>>(snapshotMap([]));
  /** True once the first load has finished (well or not). */
  loaded = $state(false);
  loadError = $state.raw<AppError | null>(null);
  filter = $state<StatusFilter>('active');
  /** The Rust side's today, once known. */
  asOf = $state<string | null>(null);

  #today: () => string;
  #loads = 0;

  constructor(options: GoalsOptions = {}) {
    this.#today = options.today ?? (() => todayLocal());
  }

  /** The day new goals start on and milestones are marked achieved on, by default. */
  today(): string {
    return this.asOf ?? this.#today();
  }

  readonly visible = $derived(
    this.filter === 'all' ? this.goals : this.goals.filter((g) => g.status === this.filter),
  );

  readonly counts = $derived.by(() => {
    const counts: Record<StatusFilter, number> = { active: 0, paused: 0, achieved: 0, let_go: 0, all: 0 };
    for (const g of this.goals) {
      counts[g.status] += 1;
      counts.all += 1;
    }
    return counts;
  });

  milestonesOf(goalId: number): Milestone[] {
    return this.milestones.filter((m) => m.goal_id === goalId);
  }

  /** Loads goals and milestones, then each goal's pace. Later calls win over earlier ones. */
  async load(): Promise<void> {
    const ask = ++this.#loads;
    try {
      const [goals, milestones] = await Promise.all([listGoals(), listMilestones()]);
      if (ask !== this.#loads) return;
      this.goals = goals;
      this.milestones = milestones;
      this.loadError = null;
      this.loaded = true;
      const [velocity, ...summaries] = await Promise.all([
        getVelocity(null, null).catch(() => null),
        ...goals.map((g) => getGoalSummary(g.id).catch(() => null)),
      ]);
      if (ask !== this.#loads) return;
      this.summaries = snapshotMap(summaries.filter((s) => s !== null).map((s) => [s.goal.id, s] as const));
      this.asOf = velocity?.as_of ?? summaries.find((s) => s)?.as_of ?? this.asOf;
    } catch (err) {
      if (ask !== this.#loads) return;
      this.loadError = toAppError(err);
      this.loaded = true;
    }
  }

  /**
   * Stores a new goal (rejects with the AppError as sent) and makes sure the filter shows it;
   * `load` brings it into the list.
   */
  async create(draft: GoalDraft): Promise<Goal> {
    const goal = await createGoal(draft);
    if (this.filter !== 'all' && this.filter !== goal.status) this.filter = goal.status;
    return goal;
  }

  update(id: number, draft: GoalDraft): Promise<Goal> {
    return updateGoal(id, draft);
  }
}
