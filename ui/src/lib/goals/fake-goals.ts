// An in-memory stand-in for the Rust side's goal, milestone, pause, velocity and chart
// commands, for tests only. Charts are tiny SVGs whose table has one row per milestone (the
// trajectory) or per achieved milestone (the others), so a test can see them change.
import type { CommandArgs } from '../ipc/testing';
import type {
  ChartQuery,
  ChartView,
  Goal,
  GoalDraft,
  GoalStatus,
  GoalSummary,
  Milestone,
  MilestoneDraft,
  MilestoneKind,
  PausedDraft,
  PausedPeriod,
  VelocityReport,
} from '../ipc/commands';
import { DEFAULT_WEIGHT } from './format';

export const TODAY = '2026-11-25';
const NOW = '2026-11-25T10:00:00.000Z';

export interface FakeGoals {
  goals: Goal[];
  milestones: Milestone[];
  paused: PausedPeriod[];
  /** Answers a command, or returns `undefined` when it is not one of these. */
  handle: (command: string, args: CommandArgs) => unknown;
}

function reject(code: string, message: string): Promise<never> {
  return Promise.reject({ code, message });
}

export function makeGoal(fields: Partial<Goal> = {}): Goal {
  return {
    id: 1,
    title: 'Staff engineer',
    here: 'Senior engineer on payments',
    there: 'Staff engineer on the platform',
    start_date: '2026-01-05',
    target_date: '2027-06-30',
    cadence_weeks: 6,
    status: 'active',
    created_at: NOW,
    updated_at: NOW,
    ...fields,
  };
}

export function makeMilestone(fields: Partial<Milestone> = {}): Milestone {
  return {
    id: 1,
    goal_id: 1,
    kind: 'skill',
    title: 'Learned the billing domain',
    weight: 1,
    planned_date: null,
    achieved_date: null,
    notes: '',
    entry_ids: [],
    created_at: NOW,
    updated_at: NOW,
    ...fields,
  };
}

export function fakeGoals(seed: { goals?: Goal[]; milestones?: Milestone[]; paused?: PausedPeriod[] } = {}): FakeGoals {
  const state: FakeGoals = {
    goals: [...(seed.goals ?? [])],
    milestones: [...(seed.milestones ?? [])],
    paused: [...(seed.paused ?? [])],
    handle: (command, args) => {
      // Answers travel as JSON over the IPC: never hand out the fake's own objects.
      const answer = handle(command, args);
      return answer instanceof Promise || answer === undefined ? answer : structuredClone(answer);
    },
  };
  let nextId = 100;

  function goal(id: number): Goal | undefined {
    return state.goals.find((g) => g.id === id);
  }

  function checkGoal(d: GoalDraft): string | null {
    if (d.title.trim() === '') return 'empty_title';
    if (!/^\d{4}-\d{2}-\d{2}$/.test(d.target_date)) return 'invalid_date';
    if ((d.start_date ?? TODAY) > d.target_date) return 'target_before_start';
    if (d.cadence_weeks !== null && (d.cadence_weeks < 1 || d.cadence_weeks > 520)) return 'invalid_cadence';
    return null;
  }

  function checkMilestone(d: MilestoneDraft, start: string): string | null {
    if (!(d.kind in DEFAULT_WEIGHT)) return 'unknown_kind';
    if (d.title.trim() === '') return 'empty_title';
    if (d.weight !== null && (d.weight < 1 || d.weight > 3)) return 'invalid_weight';
    if (d.achieved_date && d.achieved_date > TODAY) return 'achieved_in_future';
    if (d.achieved_date && d.achieved_date < start) return 'achieved_before_start';
    return null;
  }

  function velocity(goalId: number | null): number {
    return state.milestones
      .filter((m) => m.achieved_date && (goalId === null || m.goal_id === goalId))
      .reduce((sum, m) => sum + m.weight * 0.5, 0);
  }

  function summary(id: number): GoalSummary | Promise<never> {
    const g = goal(id);
    if (!g) return reject('not_found', `There is no goal ${id}.`);
    const milestones = state.milestones.filter((m) => m.goal_id === id);
    return {
      goal: g,
      milestones,
      as_of: TODAY,
      velocity: velocity(id),
      baseline: { velocity: 1, low: 0.8, high: 1.2, source: 'history' },
      forecast: null,
    };
  }

  function chart(q: ChartQuery): ChartView | Promise<never> {
    if (q.chart === 'trajectory') {
      if (q.goal_id === null) return reject('choose_goal', 'There are several goals: choose one.');
      const mine = state.milestones.filter((m) => m.goal_id === q.goal_id);
      return {
        title: `Trajectory: ${goal(q.goal_id)?.title ?? '?'}`,
        svg: `<svg xmlns="http://www.w3.org/2000/svg" width="960" height="540"><text>${mine.length}</text></svg>`,
        description: `${mine.length} milestones.`,
        columns: ['Milestone', 'Weight', 'Planned', 'Achieved', 'Expected'],
        rows: mine.map((m) => [m.title, String(m.weight), m.planned_date ?? '', m.achieved_date ?? '', '']),
      };
    }
    const achieved = state.milestones.filter((m) => m.achieved_date);
    return {
      title: `${q.chart} (${q.range ?? 'default'}, ${q.theme})`,
      svg: `<svg xmlns="http://www.w3.org/2000/svg" width="960" height="540"><text>${q.chart}</text></svg>`,
      description: `The ${q.chart} chart.`,
      columns: ['Date', 'Value'],
      rows: achieved.map((m) => [m.achieved_date ?? '', String(m.weight)]),
    };
  }

  function handle(command: string, args: CommandArgs): unknown {
    switch (command) {
      case 'list_goals':
        return state.goals;
      case 'list_milestones':
        return state.milestones;
      case 'list_paused_periods':
        return state.paused;
      case 'create_goal': {
        const d = args.draft as GoalDraft;
        const code = checkGoal(d);
        if (code) return reject(code, `Refused: ${code}.`);
        const g = makeGoal({
          id: nextId++,
          title: d.title,
          here: d.here,
          there: d.there,
          start_date: d.start_date ?? TODAY,
          target_date: d.target_date,
          cadence_weeks: d.cadence_weeks,
        });
        state.goals.push(g);
        return g;
      }
      case 'update_goal': {
        const d = args.draft as GoalDraft;
        const code = checkGoal(d);
        if (code) return reject(code, `Refused: ${code}.`);
        const i = state.goals.findIndex((g) => g.id === args.id);
        state.goals[i] = { ...state.goals[i]!, ...d, start_date: d.start_date ?? state.goals[i]!.start_date };
        return state.goals[i];
      }
      case 'set_goal_status': {
        const i = state.goals.findIndex((g) => g.id === args.id);
        state.goals[i] = { ...state.goals[i]!, status: args.status as GoalStatus };
        return state.goals[i];
      }
      case 'get_goal_summary':
        return summary(args.id as number);
      case 'add_milestone': {
        const g = goal(args.goalId as number);
        if (!g) return reject('not_found', 'No such goal.');
        const d = args.draft as MilestoneDraft;
        const code = checkMilestone(d, g.start_date);
        if (code) return reject(code, `Refused: ${code}.`);
        const kind = d.kind as MilestoneKind;
        const m = makeMilestone({
          id: nextId++,
          goal_id: g.id,
          kind,
          title: d.title,
          weight: d.weight ?? DEFAULT_WEIGHT[kind],
          planned_date: d.planned_date,
          achieved_date: d.achieved_date,
          notes: d.notes,
        });
        state.milestones.push(m);
        return m;
      }
      case 'update_milestone': {
        const i = state.milestones.findIndex((m) => m.id === args.id);
        const d = args.draft as MilestoneDraft;
        const code = checkMilestone(d, goal(state.milestones[i]!.goal_id)!.start_date);
        if (code) return reject(code, `Refused: ${code}.`);
        const kind = d.kind as MilestoneKind;
        state.milestones[i] = { ...state.milestones[i]!, ...d, kind, weight: d.weight ?? DEFAULT_WEIGHT[kind] };
        return state.milestones[i];
      }
      case 'achieve_milestone': {
        const i = state.milestones.findIndex((m) => m.id === args.id);
        const date = args.achievedDate as string;
        if (date > TODAY) return reject('achieved_in_future', 'That day has not come yet.');
        state.milestones[i] = { ...state.milestones[i]!, achieved_date: date };
        return state.milestones[i];
      }
      case 'add_paused_period': {
        const d = args.draft as PausedDraft;
        if (d.end && d.end < d.start) return reject('invalid_period', 'The pause ends before it starts.');
        const p: PausedPeriod = { id: nextId++, start: d.start, end: d.end, reason: d.reason, created_at: NOW };
        state.paused.push(p);
        return p;
      }
      case 'delete_paused_period':
        state.paused = state.paused.filter((p) => p.id !== args.id);
        return null;
      case 'get_velocity': {
        const report: VelocityReport = {
          as_of: TODAY,
          velocity: velocity((args.goalId as number | null) ?? null),
          baseline: state.milestones.some((m) => m.achieved_date) ? 1.1 : null,
          series: [],
        };
        return report;
      }
      case 'get_chart':
        return chart(args.query as ChartQuery);
      case 'export_chart':
        return '/home/me/trajectory-velocity.png';
      default:
        return undefined;
    }
  }

  return state;
}
