import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';

import type { ErrorCode, MilestoneDraft } from '../ipc/commands';
import { clearMocks, makeEntry, mockCommands } from '../ipc/testing';
import GoalsPlace from './GoalsPlace.svelte';
import { fakeGoals, makeGoal, makeMilestone, TODAY } from './fake-goals';
import type { FakeGoals } from './fake-goals';
import { Goals } from './goals.svelte';

afterEach(() => {
  clearMocks();
  delete document.body.dataset.goalsReady;
});

function setup(fake: FakeGoals = fakeGoals(), extra: (command: string, args: Record<string, unknown>) => unknown = () => undefined) {
  const calls = mockCommands((command, args) => {
    const answer = extra(command, args) ?? fake.handle(command, args);
    if (answer === undefined) return Promise.reject({ code: 'internal', message: `unexpected ${command}` });
    return answer;
  });
  render(GoalsPlace, { goals: new Goals({ today: () => '2000-01-01' }) });
  return { calls, fake };
}

async function ready() {
  await waitFor(() => expect(document.body.dataset.goalsReady).toBe('true'));
}

function type(testid: string, value: string) {
  return fireEvent.input(screen.getByTestId(testid), { target: { value } });
}

/** The field error shown inside the same field as the control, and linked to it. */
function errorNextTo(testid: string): HTMLElement | null {
  const control = screen.getByTestId(testid);
  const error = control.closest('.field')?.querySelector<HTMLElement>('[data-testid="field-error"]') ?? null;
  if (error) {
    expect(control.getAttribute('aria-invalid')).toBe('true');
    expect(control.getAttribute('aria-describedby')).toContain(error.id);
  }
  return error;
}

async function fillGoal() {
  await type('goal-title', 'Staff engineer');
  await type('goal-here', 'Senior on payments');
  await type('goal-there', 'Staff on the platform');
  await type('goal-start', '2026-01-05');
  await type('goal-target', '2027-06-30');
  await type('goal-cadence', '6');
}

describe('Goals list', () => {
  it('shows each goal as a card with progress, the next milestone and the pace', async () => {
    setup(
      fakeGoals({
        goals: [makeGoal({ id: 1 }), makeGoal({ id: 2, title: 'Speak at a conference', status: 'paused' })],
        milestones: [
          makeMilestone({ id: 10, goal_id: 1, weight: 3, achieved_date: '2026-06-01' }),
          makeMilestone({ id: 11, goal_id: 1, weight: 3, title: 'Promotion', planned_date: '2027-03-01' }),
          makeMilestone({ id: 12, goal_id: 1, weight: 2, title: 'Someday' }),
        ],
      }),
    );
    await ready();
    const cards = screen.getAllByTestId('goal-card');
    expect(cards.map((c) => c.dataset.goalId)).toEqual(['1']);
    const card = cards[0]!;
    expect(card.textContent).toContain('Senior engineer on payments');
    expect(card.textContent).toContain('38%');
    expect(card.textContent).toContain('1 of 3 milestones reached');
    expect(within(card).getByTestId('goal-next').textContent).toContain('Promotion · planned 1 Mar 2027');
    await waitFor(() => expect(within(card).getByTestId('goal-pace').textContent).toContain('1.5 a month · usual 1.0'));

    // The status filter shows the paused goal.
    await fireEvent.click(screen.getByRole('button', { name: /Paused/ }));
    expect(screen.getAllByTestId('goal-card').map((c) => c.dataset.goalId)).toEqual(['2']);
  });

  it('creates a goal, shows its card focused, and opens it', async () => {
    const { calls } = setup();
    await ready();
    expect(screen.getByTestId('goals-empty').textContent).toContain('No goals yet');
    await fireEvent.click(screen.getByTestId('new-goal'));
    // The start defaults to the Rust side's today, not the machine's.
    expect((screen.getByTestId('goal-start') as HTMLInputElement).value).toBe(TODAY);
    await fillGoal();
    await fireEvent.click(screen.getByTestId('save-goal'));

    const card = await screen.findByTestId('goal-card');
    expect(screen.getByTestId('goal-saved').textContent).toContain('“Staff engineer” is saved');
    await waitFor(() => expect(document.activeElement).toBe(within(card).getByRole('button')));
    expect(calls.find((c) => c.command === 'create_goal')?.args).toEqual({
      draft: {
        title: 'Staff engineer',
        here: 'Senior on payments',
        there: 'Staff on the platform',
        start_date: '2026-01-05',
        target_date: '2027-06-30',
        cadence_weeks: 6,
      },
    });
    await fireEvent.click(within(card).getByRole('button'));
    const detail = await screen.findByTestId('goal-detail');
    await waitFor(() => expect(within(detail).getByRole('heading', { level: 1 }).textContent).toBe('Staff engineer'));
    expect(document.activeElement).toBe(within(detail).getByRole('heading', { level: 1 }));
    await fireEvent.click(screen.getByTestId('back-to-goals'));
    await waitFor(() => expect(document.activeElement).toBe(within(screen.getByTestId('goal-card')).getByRole('button')));
    expect(screen.queryByTestId('goal-saved')).toBeNull();
  });
});

describe('Goal form errors', () => {
  const cases: [ErrorCode, string, () => Promise<unknown>][] = [
    ['empty_title', 'goal-title', () => type('goal-title', '   ')],
    ['target_before_start', 'goal-target', () => type('goal-target', '2025-12-31')],
    ['invalid_cadence', 'goal-cadence', () => type('goal-cadence', '0')],
    ['invalid_date', 'goal-target', () => type('goal-target', '')],
    ['text_too_long', 'goal-title', () => type('goal-title', 't'.repeat(201))],
  ];

  it.each(cases)('shows %s next to %s and keeps every typed value', async (code, field, spoil) => {
    const { calls, fake } = setup(fakeGoals(), (command) =>
      command === 'create_goal' ? Promise.reject({ code, message: `The backend says ${code}.` }) : undefined,
    );
    await ready();
    await fireEvent.click(screen.getByTestId('new-goal'));
    await fillGoal();
    await spoil();
    const typed = ['goal-title', 'goal-here', 'goal-there', 'goal-start', 'goal-target', 'goal-cadence'].map(
      (id) => (screen.getByTestId(id) as HTMLInputElement).value,
    );
    await fireEvent.click(screen.getByTestId('save-goal'));

    await waitFor(() => expect(screen.getAllByTestId('field-error')).toHaveLength(1));
    const error = errorNextTo(field)!;
    expect(error.dataset.code).toBe(code);
    expect(error.textContent).toContain(`The backend says ${code}.`);
    expect(error.getAttribute('role')).toBe('alert');
    expect(document.activeElement).toBe(screen.getByTestId(field));
    // Nothing else is marked, nothing typed is lost, nothing was written.
    for (const other of ['goal-title', 'goal-here', 'goal-there', 'goal-start', 'goal-target', 'goal-cadence']) {
      if (other !== field) expect(errorNextTo(other)).toBeNull();
    }
    expect(['goal-title', 'goal-here', 'goal-there', 'goal-start', 'goal-target', 'goal-cadence'].map(
      (id) => (screen.getByTestId(id) as HTMLInputElement).value,
    )).toEqual(typed);
    expect(calls.filter((c) => c.command === 'create_goal')).toHaveLength(1);
    expect(fake.goals).toHaveLength(0);
    expect(screen.queryByTestId('goal-card')).toBeNull();
  });

  it('refuses a cadence that is not a number without asking the backend', async () => {
    const { calls } = setup();
    await ready();
    await fireEvent.click(screen.getByTestId('new-goal'));
    await fillGoal();
    await type('goal-cadence', 'every now and then');
    await fireEvent.click(screen.getByTestId('save-goal'));
    expect(errorNextTo('goal-cadence')?.dataset.code).toBe('invalid_cadence');
    expect(calls.some((c) => c.command === 'create_goal')).toBe(false);
    // Typing in the field clears its error.
    await type('goal-cadence', '6');
    expect(screen.queryByTestId('field-error')).toBeNull();
  });

  it('shows an error about no field above the buttons', async () => {
    setup(fakeGoals(), (command) =>
      command === 'create_goal' ? Promise.reject({ code: 'storage_unavailable', message: 'The database is busy.' }) : undefined,
    );
    await ready();
    await fireEvent.click(screen.getByTestId('new-goal'));
    await fillGoal();
    await fireEvent.click(screen.getByTestId('save-goal'));
    const problem = await screen.findByTestId('goal-form-error');
    expect(problem.dataset.code).toBe('storage_unavailable');
    expect(screen.queryByTestId('field-error')).toBeNull();
  });
});

describe('Goal detail', () => {
  async function openGoal(fake: FakeGoals) {
    const ctx = setup(fake);
    await ready();
    await fireEvent.click(within(screen.getAllByTestId('goal-card')[0]!).getByRole('button'));
    await screen.findByTestId('goal-detail');
    await waitFor(() => expect(screen.getByTestId('goal-chart')).toBeTruthy());
    return ctx;
  }

  it('adds a milestone, then reloads the summary and the chart', async () => {
    const fake = fakeGoals({ goals: [makeGoal({ id: 1 })] });
    const { calls } = await openGoal(fake);
    expect(screen.getByTestId('goal-chart').dataset.rows).toBe('0');
    const before = calls.length;

    await fireEvent.click(screen.getByTestId('add-milestone'));
    // The weight field shows the kind's default.
    await fireEvent.change(screen.getByTestId('milestone-kind'), { target: { value: 'promotion' } });
    expect((screen.getByTestId('milestone-weight') as HTMLInputElement).placeholder).toBe('3');
    await type('milestone-title', 'Promotion to staff');
    await type('milestone-planned', '2027-03-01');
    await fireEvent.click(screen.getByTestId('save-milestone'));

    await waitFor(() => expect(screen.getAllByTestId('milestone-item')).toHaveLength(1));
    const after = calls.slice(before);
    const draft: MilestoneDraft = {
      kind: 'promotion',
      title: 'Promotion to staff',
      weight: null,
      planned_date: '2027-03-01',
      achieved_date: null,
      notes: '',
    };
    expect(after[0]).toEqual({ command: 'add_milestone', args: { goalId: 1, draft } });
    const added = after.findIndex((c) => c.command === 'add_milestone');
    const summaryAfter = after.findIndex((c, i) => i > added && c.command === 'get_goal_summary');
    const chartAfter = after.findIndex((c, i) => i > added && c.command === 'get_chart');
    expect(summaryAfter).toBeGreaterThan(added);
    expect(chartAfter).toBeGreaterThan(added);
    expect(after[chartAfter]!.args).toEqual({
      query: { chart: 'trajectory', goal_id: 1, milestone_kind: null, range: null, theme: 'light' },
    });
    await waitFor(() => expect(screen.getByTestId('goal-chart').dataset.rows).toBe('1'));
    expect(screen.getByTestId('goal-progress').textContent).toContain('0 of 1 milestone reached');
    // The form closed and focus went back to "Add milestone".
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('add-milestone')));
    expect(screen.queryByTestId('save-milestone')).toBeNull();
  });

  it.each([
    ['invalid_weight', 'milestone-weight', '5', ''],
    ['achieved_in_future', 'milestone-achieved', '', '2027-01-01'],
    ['achieved_before_start', 'milestone-achieved', '', '2025-01-01'],
  ] as const)('shows %s next to %s and writes nothing', async (code, field, weight, achieved) => {
    const fake = fakeGoals({ goals: [makeGoal({ id: 1 })] });
    await openGoal(fake);
    await fireEvent.click(screen.getByTestId('add-milestone'));
    await type('milestone-title', 'Gave the talk');
    await type('milestone-weight', weight);
    await type('milestone-achieved', achieved);
    await fireEvent.click(screen.getByTestId('save-milestone'));

    await waitFor(() => expect(screen.getAllByTestId('field-error')).toHaveLength(1));
    expect(errorNextTo(field)?.dataset.code).toBe(code);
    expect((screen.getByTestId('milestone-title') as HTMLInputElement).value).toBe('Gave the talk');
    expect(fake.milestones).toHaveLength(0);
  });

  it('shows unknown_kind next to the kind', async () => {
    const fake = fakeGoals({ goals: [makeGoal({ id: 1 })] });
    const { calls } = await openGoal(fake);
    clearMocks();
    mockCommands((command, args) => {
      calls.push({ command, args });
      if (command === 'add_milestone') return Promise.reject({ code: 'unknown_kind', message: 'Not a kind.' });
      return fake.handle(command, args);
    });
    await fireEvent.click(screen.getByTestId('add-milestone'));
    await type('milestone-title', 'Something');
    await fireEvent.click(screen.getByTestId('save-milestone'));
    await waitFor(() => expect(errorNextTo('milestone-kind')?.dataset.code).toBe('unknown_kind'));
  });

  it('marks a milestone achieved on a day (today by default) and shows the errors by the date', async () => {
    const fake = fakeGoals({
      goals: [makeGoal({ id: 1 })],
      milestones: [makeMilestone({ id: 7, goal_id: 1, title: 'Ship the importer', weight: 2 })],
    });
    const { calls } = await openGoal(fake);
    await fireEvent.click(screen.getByTestId('achieve-milestone'));
    const date = screen.getByTestId('achieve-date') as HTMLInputElement;
    expect(date.value).toBe(TODAY);
    expect(document.activeElement).toBe(date);

    await fireEvent.input(date, { target: { value: '2027-01-01' } });
    await fireEvent.click(screen.getByTestId('confirm-achieve'));
    await waitFor(() => expect(errorNextTo('achieve-date')?.dataset.code).toBe('achieved_in_future'));

    await fireEvent.input(date, { target: { value: '2026-11-20' } });
    await fireEvent.click(screen.getByTestId('confirm-achieve'));
    await waitFor(() => expect(screen.getByTestId('milestone-achieved-on').textContent).toBe('Achieved 20 Nov 2026'));
    expect(calls.filter((c) => c.command === 'achieve_milestone').map((c) => c.args)).toEqual([
      { id: 7, achievedDate: '2027-01-01' },
      { id: 7, achievedDate: '2026-11-20' },
    ]);
    expect(screen.getByTestId('goal-chart').dataset.rows).toBe('1');
    expect(screen.queryByTestId('achieve-milestone')).toBeNull();
  });

  it('edits a milestone in place, starting from what is stored', async () => {
    const fake = fakeGoals({
      goals: [makeGoal({ id: 1 })],
      milestones: [makeMilestone({ id: 7, goal_id: 1, kind: 'project', title: 'Ship the importr', weight: 2, planned_date: '2027-01-10' })],
    });
    const { calls } = await openGoal(fake);
    await fireEvent.click(screen.getByTestId('edit-milestone'));
    expect((screen.getByTestId('milestone-kind') as HTMLSelectElement).value).toBe('project');
    expect((screen.getByTestId('milestone-weight') as HTMLInputElement).value).toBe('2');
    expect((screen.getByTestId('milestone-planned') as HTMLInputElement).value).toBe('2027-01-10');
    await type('milestone-title', 'Ship the importer');
    await fireEvent.click(screen.getByTestId('save-milestone'));
    await waitFor(() => expect(screen.getByTestId('milestone-item').textContent).toContain('Ship the importer'));
    expect(calls.find((c) => c.command === 'update_milestone')?.args).toEqual({
      id: 7,
      draft: { kind: 'project', title: 'Ship the importer', weight: 2, planned_date: '2027-01-10', achieved_date: null, notes: '' },
    });
    expect(screen.queryByTestId('milestone-form')).toBeNull();
  });

  it('closes the milestone form with Escape, keeping nothing half-written', async () => {
    const fake = fakeGoals({ goals: [makeGoal({ id: 1 })] });
    const { calls } = await openGoal(fake);
    await fireEvent.click(screen.getByTestId('add-milestone'));
    await type('milestone-title', 'Half a thought');
    await fireEvent.keyDown(screen.getByTestId('milestone-title'), { key: 'Escape' });
    expect(screen.queryByTestId('milestone-form')).toBeNull();
    expect(calls.some((c) => c.command === 'add_milestone')).toBe(false);
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('add-milestone')));
  });

  it('lets a goal go only after a calm confirmation, as a status', async () => {
    const fake = fakeGoals({ goals: [makeGoal({ id: 1 })] });
    const { calls } = await openGoal(fake);
    await fireEvent.click(screen.getByTestId('let-go-goal'));
    expect(screen.getByTestId('status-confirm').textContent).toContain('Nothing is deleted');
    await fireEvent.click(screen.getByTestId('cancel-status'));
    expect(calls.some((c) => c.command === 'set_goal_status')).toBe(false);

    await fireEvent.click(screen.getByTestId('let-go-goal'));
    await fireEvent.click(screen.getByTestId('confirm-status'));
    await waitFor(() => expect(screen.getByTestId('goal-status').dataset.status).toBe('let_go'));
    expect(calls.filter((c) => c.command === 'set_goal_status').map((c) => c.args)).toEqual([{ id: 1, status: 'let_go' }]);
    expect(fake.goals).toHaveLength(1);
    await waitFor(() => expect((screen.getByTestId('resume-goal') as HTMLButtonElement).disabled).toBe(false));
    await fireEvent.click(screen.getByTestId('resume-goal'));
    await waitFor(() => expect(screen.getByTestId('goal-status').dataset.status).toBe('active'));
  });

  it('shows linked entries and links another one', async () => {
    const fake = fakeGoals({
      goals: [makeGoal({ id: 1 })],
      milestones: [makeMilestone({ id: 7, goal_id: 1, entry_ids: [31] })],
    });
    const entries = [
      makeEntry({ id: 31, entry_date: '2026-11-02', body: '## Shipped\nThe importer is live.' }),
      makeEntry({ id: 32, entry_date: '2026-11-20', body: 'Demoed it to the team.' }),
    ];
    const ctx = setup(fake, (command, args) => {
      if (command === 'get_entry') return entries.find((e) => e.id === args.id);
      if (command === 'list_entries') return { entries, next: null };
      if (command === 'link_milestone_entry') {
        fake.milestones[0] = { ...fake.milestones[0]!, entry_ids: [31, args.entryId as number] };
        return fake.milestones[0];
      }
      return undefined;
    });
    await ready();
    await fireEvent.click(within(screen.getByTestId('goal-card')).getByRole('button'));
    await waitFor(() => expect(screen.getByTestId('linked-entry').textContent).toContain('2 Nov 2026'));
    expect(screen.getByTestId('linked-entry').textContent).toContain('Shipped');

    await fireEvent.click(screen.getByTestId('link-entry'));
    const select = (await screen.findByTestId('link-entry-select')) as HTMLSelectElement;
    // Entries already linked are not offered again.
    expect([...select.options].map((o) => o.value)).toEqual(['', '32']);
    await fireEvent.change(select, { target: { value: '32' } });
    await fireEvent.click(screen.getByTestId('confirm-link-entry'));
    await waitFor(() => expect(screen.getAllByTestId('linked-entry')).toHaveLength(2));
    expect(ctx.calls.find((c) => c.command === 'link_milestone_entry')?.args).toEqual({ id: 7, entryId: 32 });
  });
});
