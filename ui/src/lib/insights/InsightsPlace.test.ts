import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';

import { fakeGoals, makeGoal, makeMilestone } from '../goals/fake-goals';
import type { FakeGoals } from '../goals/fake-goals';
import type { ChartQuery } from '../ipc/commands';
import { clearMocks, mockCommands } from '../ipc/testing';
import InsightsPlace from './InsightsPlace.svelte';
import { Insights, paceSentence } from './insights.svelte';

afterEach(() => {
  clearMocks();
  delete document.body.dataset.insightsReady;
});

function seeded(): FakeGoals {
  return fakeGoals({
    goals: [
      makeGoal({ id: 1, title: 'Staff engineer', status: 'achieved' }),
      makeGoal({ id: 2, title: 'Speak at a conference' }),
    ],
    milestones: [
      makeMilestone({ id: 10, goal_id: 1, achieved_date: '2026-05-01' }),
      makeMilestone({ id: 11, goal_id: 2, achieved_date: '2026-10-01' }),
      makeMilestone({ id: 12, goal_id: 2 }),
    ],
    paused: [{ id: 5, start: '2026-02-01', end: '2026-03-15', reason: 'Parental leave', created_at: '' }],
  });
}

function setup(fake: FakeGoals = seeded()) {
  const calls = mockCommands((command, args) => {
    const answer = fake.handle(command, args);
    return answer === undefined ? Promise.reject({ code: 'internal', message: `unexpected ${command}` }) : answer;
  });
  render(InsightsPlace, { insights: new Insights({ theme: () => 'dark' }) });
  return { calls, fake };
}

const chartQueries = (calls: { command: string; args: Record<string, unknown> }[]) =>
  calls.filter((c) => c.command === 'get_chart').map((c) => c.args.query as ChartQuery);

async function ready() {
  await waitFor(() => expect(document.body.dataset.insightsReady).toBe('true'));
}

function figure(kind: string): HTMLElement {
  return screen.getAllByTestId('insights-chart').find((f) => f.dataset.chart === kind)!;
}

describe('Insights', () => {
  it('draws the four charts over one year, the active goal first, in the system theme', async () => {
    const { calls } = setup();
    await ready();
    expect(screen.getAllByTestId('insights-chart').map((f) => f.dataset.chart)).toEqual([
      'velocity',
      'trajectory',
      'mood',
      'heatmap',
    ]);
    expect(chartQueries(calls)).toEqual([
      { chart: 'velocity', goal_id: null, milestone_kind: null, range: 'one_year', theme: 'dark' },
      { chart: 'trajectory', goal_id: 2, milestone_kind: null, range: 'one_year', theme: 'dark' },
      { chart: 'mood', goal_id: null, milestone_kind: null, range: 'one_year', theme: 'dark' },
      { chart: 'heatmap', goal_id: null, milestone_kind: null, range: 'one_year', theme: 'dark' },
    ]);
    for (const f of screen.getAllByTestId('insights-chart')) {
      expect(within(f).getByRole('img').getAttribute('src')).toMatch(/^data:image\/svg\+xml;base64,/);
    }
    expect(figure('trajectory').dataset.rows).toBe('2');
    expect(figure('velocity').dataset.rows).toBe('2');
    expect(screen.getByTestId('pace-summary').textContent?.trim()).toBe(
      'You reach about 1.0 milestones a month; your usual pace is 1.1.',
    );
    expect(screen.getByTestId('paused-item').textContent).toContain('1 Feb 2026 – 15 Mar 2026');
    expect(screen.getByTestId('paused-item').textContent).toContain('Parental leave');
  });

  it('reloads every chart with the range picked', async () => {
    const { calls } = setup();
    await ready();
    const picker = screen.getByTestId('range-picker');
    const pressed = () => within(picker).getAllByRole('button').filter((b) => b.getAttribute('aria-pressed') === 'true');
    expect(pressed().map((b) => b.dataset.range)).toEqual(['one_year']);

    for (const range of ['three_months', 'all'] as const) {
      const before = calls.length;
      await fireEvent.click(picker.querySelector(`[data-range="${range}"]`)!);
      await waitFor(() => expect(chartQueries(calls.slice(before))).toHaveLength(4));
      const asked = chartQueries(calls.slice(before));
      expect(asked.map((q) => q.chart).sort()).toEqual(['heatmap', 'mood', 'trajectory', 'velocity']);
      expect(asked.every((q) => q.range === range)).toBe(true);
      expect(pressed().map((b) => b.dataset.range)).toEqual([range]);
      await waitFor(() =>
        expect(within(figure('mood')).getByRole('img').getAttribute('alt')).toBe(`mood (${range}, dark)`),
      );
    }
  });

  it('shows another goal’s trajectory when picked', async () => {
    const { calls } = setup();
    await ready();
    const select = screen.getByTestId('chart-goal') as HTMLSelectElement;
    expect(select.value).toBe('2');
    const before = calls.length;
    await fireEvent.change(select, { target: { value: '1' } });
    await waitFor(() => expect(figure('trajectory').dataset.rows).toBe('1'));
    expect(chartQueries(calls.slice(before))).toEqual([
      { chart: 'trajectory', goal_id: 1, milestone_kind: null, range: 'one_year', theme: 'dark' },
    ]);
  });

  it('exports a chart as it is shown', async () => {
    const { calls } = setup();
    await ready();
    await fireEvent.click(within(figure('heatmap')).getByTestId('export-chart'));
    await waitFor(() => expect(within(figure('heatmap')).getByTestId('export-status').textContent).toContain('Saved to'));
    expect(calls.find((c) => c.command === 'export_chart')?.args).toEqual({
      query: { chart: 'heatmap', goal_id: null, milestone_kind: null, range: 'one_year', theme: 'dark' },
    });
  });

  it('adds a pause with errors next to the field, then reloads pace and charts', async () => {
    const { calls, fake } = setup();
    await ready();
    await fireEvent.click(screen.getByTestId('add-paused'));
    await fireEvent.input(screen.getByTestId('paused-start'), { target: { value: '2026-08-10' } });
    await fireEvent.input(screen.getByTestId('paused-end'), { target: { value: '2026-08-01' } });
    await fireEvent.input(screen.getByTestId('paused-reason'), { target: { value: 'Reorganisation' } });
    await fireEvent.click(screen.getByTestId('save-paused'));

    const error = await screen.findByTestId('field-error');
    expect(error.dataset.code).toBe('invalid_period');
    expect(screen.getByTestId('paused-end').closest('.field')!.contains(error)).toBe(true);
    expect(fake.paused).toHaveLength(1);

    await fireEvent.input(screen.getByTestId('paused-end'), { target: { value: '2026-09-01' } });
    const before = calls.length;
    await fireEvent.click(screen.getByTestId('save-paused'));
    await waitFor(() => expect(screen.getAllByTestId('paused-item')).toHaveLength(2));
    expect(calls.filter((c) => c.command === 'add_paused_period').map((c) => c.args)).toEqual([
      { draft: { start: '2026-08-10', end: '2026-08-01', reason: 'Reorganisation' } },
      { draft: { start: '2026-08-10', end: '2026-09-01', reason: 'Reorganisation' } },
    ]);
    await waitFor(() => expect(chartQueries(calls.slice(before))).toHaveLength(4));
    expect(calls.slice(before).some((c) => c.command === 'get_velocity')).toBe(true);
  });

  it('tells how to start when there are no goals', async () => {
    setup(fakeGoals());
    await ready();
    expect(figure('trajectory').textContent).toContain('No goals yet');
    expect(within(figure('trajectory')).queryByRole('img')).toBeNull();
    expect(screen.getByTestId('pace-summary').textContent).toContain('No milestones reached lately');
  });
});

describe('paceSentence', () => {
  it('puts the pace in words', () => {
    expect(paceSentence({ as_of: '', velocity: 1.43, baseline: 1.1, series: [] })).toBe(
      'You reach about 1.4 milestones a month; your usual pace is 1.1.',
    );
    expect(paceSentence({ as_of: '', velocity: 0.6, baseline: null, series: [] })).toBe(
      'You reach about 0.6 milestones a month; there is not enough history yet to tell your usual pace.',
    );
    expect(paceSentence({ as_of: '', velocity: 0.01, baseline: 0.9, series: [] })).toBe(
      'You have reached hardly any milestones lately; your usual pace is 0.9.',
    );
  });
});
