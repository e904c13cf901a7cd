import { afterEach, describe, expect, it } from 'vitest';

import {
  achieveMilestone,
  addMilestone,
  addPausedPeriod,
  createGoal,
  deletePausedPeriod,
  exportChart,
  getChart,
  getGoalSummary,
  getVelocity,
  linkMilestoneEntry,
  listGoals,
  listMilestones,
  listPausedPeriods,
  setGoalStatus,
  unlinkMilestoneEntry,
  updateGoal,
  updateMilestone,
} from './commands';
import type { ChartQuery, GoalDraft, MilestoneDraft } from './commands';
import { clearMocks, mockCommands } from './testing';

afterEach(() => clearMocks());

const goalDraft: GoalDraft = {
  title: 'Staff engineer',
  here: 'Senior on payments',
  there: 'Staff on the platform',
  start_date: '2026-01-05',
  target_date: '2027-06-30',
  cadence_weeks: 6,
};
const milestoneDraft: MilestoneDraft = {
  kind: 'promotion',
  title: 'Promotion case accepted',
  weight: null,
  planned_date: '2027-03-01',
  achieved_date: null,
  notes: '',
};
const query: ChartQuery = { chart: 'trajectory', goal_id: 4, milestone_kind: null, range: 'one_year', theme: 'dark' };

describe('goal, milestone, pause and chart commands', () => {
  it('sends each command with its Tauri name and argument keys and returns the answer', async () => {
    const calls = mockCommands((command) => ({ answer: command }));

    expect(await listGoals()).toEqual({ answer: 'list_goals' });
    expect(await createGoal(goalDraft)).toEqual({ answer: 'create_goal' });
    expect(await updateGoal(4, goalDraft)).toEqual({ answer: 'update_goal' });
    expect(await setGoalStatus(4, 'let_go')).toEqual({ answer: 'set_goal_status' });
    expect(await getGoalSummary(4)).toEqual({ answer: 'get_goal_summary' });
    expect(await listMilestones()).toEqual({ answer: 'list_milestones' });
    expect(await addMilestone(4, milestoneDraft)).toEqual({ answer: 'add_milestone' });
    expect(await updateMilestone(9, milestoneDraft)).toEqual({ answer: 'update_milestone' });
    expect(await achieveMilestone(9, '2026-11-20')).toEqual({ answer: 'achieve_milestone' });
    expect(await linkMilestoneEntry(9, 31)).toEqual({ answer: 'link_milestone_entry' });
    expect(await unlinkMilestoneEntry(9, 31)).toEqual({ answer: 'unlink_milestone_entry' });
    expect(await listPausedPeriods()).toEqual({ answer: 'list_paused_periods' });
    expect(await addPausedPeriod({ start: '2026-02-01', end: null, reason: 'leave' })).toEqual({
      answer: 'add_paused_period',
    });
    expect(await deletePausedPeriod(2)).toBeUndefined();
    expect(await getVelocity(null, 'skill')).toEqual({ answer: 'get_velocity' });
    expect(await getChart(query)).toEqual({ answer: 'get_chart' });
    expect(await exportChart(query)).toEqual({ answer: 'export_chart' });

    expect(calls).toEqual([
      { command: 'list_goals', args: {} },
      { command: 'create_goal', args: { draft: goalDraft } },
      { command: 'update_goal', args: { id: 4, draft: goalDraft } },
      { command: 'set_goal_status', args: { id: 4, status: 'let_go' } },
      { command: 'get_goal_summary', args: { id: 4 } },
      { command: 'list_milestones', args: {} },
      { command: 'add_milestone', args: { goalId: 4, draft: milestoneDraft } },
      { command: 'update_milestone', args: { id: 9, draft: milestoneDraft } },
      { command: 'achieve_milestone', args: { id: 9, achievedDate: '2026-11-20' } },
      { command: 'link_milestone_entry', args: { id: 9, entryId: 31 } },
      { command: 'unlink_milestone_entry', args: { id: 9, entryId: 31 } },
      { command: 'list_paused_periods', args: {} },
      { command: 'add_paused_period', args: { draft: { start: '2026-02-01', end: null, reason: 'leave' } } },
      { command: 'delete_paused_period', args: { id: 2 } },
      { command: 'get_velocity', args: { goalId: null, milestoneKind: 'skill' } },
      { command: 'get_chart', args: { query } },
      { command: 'export_chart', args: { query } },
    ]);
  });

  it('resolves a cancelled export with null', async () => {
    mockCommands(() => null);
    expect(await exportChart(query)).toBeNull();
  });

  it('rejects with the typed error the backend sent', async () => {
    mockCommands(() => Promise.reject({ code: 'target_before_start', message: 'The target date is before the start.' }));
    await expect(createGoal(goalDraft)).rejects.toEqual({
      code: 'target_before_start',
      message: 'The target date is before the start.',
    });
    mockCommands(() => Promise.reject({ code: 'choose_goal', message: 'Several goals.' }));
    await expect(getChart(query)).rejects.toMatchObject({ code: 'choose_goal' });
  });
});
