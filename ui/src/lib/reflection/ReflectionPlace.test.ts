import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';

import type { Answer, Reflection, ReflectionStep, ReflectionView } from '../ipc/commands';
import { clearMocks, mockCommands } from '../ipc/testing';
import ReflectionPlace from './ReflectionPlace.svelte';
import { ReflectionFlow, SAVE_DELAY_MS, orderedStrategies } from './flow.svelte';
import { Slump } from './slump.svelte';
import { makeCheckIn, makeNotice, makeReflection, makeSlump, makeView } from './testing';

afterEach(() => {
  clearMocks();
  delete document.body.dataset.reflectionReady;
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A stored reflection that remembers answers, step, strategies and moves, like the store. */
function fakeStore(
  start: Reflection = makeReflection(),
  options: {
    view?: Partial<ReflectionView>;
    history?: ReturnType<typeof makeSlump>[];
    /** Holds `choose_strategies` until the returned promise is resolved (a slow disk). */
    holdChoice?: () => Promise<void>;
  } = {},
) {
  let stored: Reflection = structuredClone(start);
  const view = () => makeView(structuredClone(stored), options.view);
  const calls = mockCommands((command, args) => {
    switch (command) {
      case 'list_reflections':
        return [structuredClone(stored)];
      case 'get_reflection':
      case 'start_reflection':
        return view();
      case 'get_slump_history':
        return options.history ?? [];
      case 'due_check_ins':
        return [];
      case 'get_slump_notice':
        return null;
      case 'save_reflection_answer': {
        const answer: Answer = {
          step: args.step as ReflectionStep,
          field: args.field as string,
          text: args.text as string,
          updated_at: '2026-11-25T10:00:00Z',
        };
        stored.answers = [...stored.answers.filter((a) => a.step !== answer.step || a.field !== answer.field), answer];
        return answer;
      }
      case 'set_reflection_step':
        stored = { ...stored, step: args.step as ReflectionStep };
        return view();
      case 'choose_strategies':
        stored = { ...stored, strategies: args.strategies as Reflection['strategies'] };
        return options.holdChoice ? options.holdChoice().then(view) : view();
      case 'add_move': {
        const draft = args.draft as { strategy: Reflection['strategies'][number]; text: string; due: string };
        if (!draft.due) return Promise.reject({ code: 'due_required', message: 'Pick a day to look back on this move.' });
        if (!draft.text.trim()) return Promise.reject({ code: 'empty_move', message: 'Write what the move is.' });
        const move = {
          id: 100 + stored.moves.length,
          reflection_id: stored.id,
          strategy: draft.strategy,
          text: draft.text,
          due: draft.due,
          done_on: null,
          outcome: '',
          created_at: '',
          updated_at: '',
        };
        stored = { ...stored, moves: [...stored.moves, move] };
        return move;
      }
      case 'complete_move': {
        const moves = stored.moves.map((m) => (m.id === args.moveId ? { ...m, done_on: '2026-11-25', outcome: args.outcome as string } : m));
        stored = { ...stored, moves };
        return moves.find((m) => m.id === args.moveId);
      }
      case 'finish_reflection':
        stored = { ...stored, status: 'done' };
        return view();
      default:
        return Promise.reject({ code: 'internal', message: `unexpected ${command}` });
    }
  });
  return { calls, stored: () => stored };
}

async function open(slump = new Slump()) {
  const flow = new ReflectionFlow();
  const result = render(ReflectionPlace, { flow, slump });
  await waitFor(() => expect(document.body.dataset.reflectionReady).toBe('true'));
  return { flow, slump, ...result };
}

describe('reflection place', () => {
  it('resumes the reflection in progress at its step with its answers', async () => {
    fakeStore(
      makeReflection({
        step: 'root_cause',
        answers: [
          { step: 'accept', field: 'feeling', text: 'Flat, a bit stuck.', updated_at: '' },
          { step: 'root_cause', field: 'unusual_gap', text: 'Longer than usual.', updated_at: '' },
          { step: 'root_cause', field: 'unusual_gap_applies', text: 'yes', updated_at: '' },
        ],
      }),
    );
    await open();
    await waitFor(() => expect(screen.getByTestId('reflection-step').dataset.step).toBe('root_cause'));
    expect((screen.getByTestId('answer-unusual_gap') as HTMLTextAreaElement).value).toBe('Longer than usual.');
    const yes = screen.getByTestId('answer-unusual_gap_applies').querySelector<HTMLInputElement>('input[value="yes"]');
    expect(yes?.checked).toBe(true);
    expect(screen.getByText('What is behind it?')).toBeTruthy();
  });

  it('saves answers once typing pauses, and a reload resumes at the saved step with them', async () => {
    const store = fakeStore();
    const first = await open();
    await waitFor(() => expect(screen.getByTestId('reflection-step').dataset.step).toBe('accept'));

    const box = screen.getByTestId('answer-feeling');
    const saves = () => store.calls.filter((c) => c.command === 'save_reflection_answer');
    await fireEvent.input(box, { target: { value: 'Qu' } });
    await sleep(SAVE_DELAY_MS / 2);
    expect(saves()).toHaveLength(0);
    await fireEvent.input(box, { target: { value: 'Quiet and slow.' } });
    // Each keystroke restarts the wait: still nothing after the first pause would have ended.
    await sleep(SAVE_DELAY_MS * 0.75);
    expect(saves()).toHaveLength(0);
    await sleep(SAVE_DELAY_MS / 2);
    expect(saves().map((c) => c.args)).toEqual([
      { id: 7, step: 'accept', field: 'feeling', text: 'Quiet and slow.' },
    ]);
    await waitFor(() => expect(screen.getByTestId('answer-status').textContent).toContain('Saved'));

    await fireEvent.click(screen.getByTestId('reflection-next'));
    await waitFor(() => expect(screen.getByTestId('reflection-step').dataset.step).toBe('root_cause'));
    // Typed and left before the pause: saved on the way out.
    await fireEvent.input(screen.getByTestId('answer-timeline'), { target: { value: 'Too tight.' } });
    first.unmount();
    await waitFor(() =>
      expect(store.stored().answers.find((a) => a.field === 'timeline')?.text).toBe('Too tight.'),
    );

    await open();
    await waitFor(() => expect(screen.getByTestId('reflection-step').dataset.step).toBe('root_cause'));
    expect((screen.getByTestId('answer-timeline') as HTMLTextAreaElement).value).toBe('Too tight.');
    await fireEvent.click(screen.getByTestId('reflection-back'));
    await waitFor(() => expect(screen.getByTestId('reflection-step').dataset.step).toBe('accept'));
    expect((screen.getByTestId('answer-feeling') as HTMLTextAreaElement).value).toBe('Quiet and slow.');
  });

  it('shows past slumps on the Accept step, or says there are none yet', async () => {
    fakeStore();
    const slump = new Slump();
    slump.notice = makeNotice();
    await open(slump);
    await waitFor(() => expect(screen.getByTestId('past-slump').textContent).toContain('Spoke at RustConf'));
    expect(screen.getByTestId('past-slump').textContent).toContain('100 days');
  });

  it('says plainly when there are no past slumps', async () => {
    fakeStore();
    await open();
    await waitFor(() => expect(screen.getByTestId('past-slumps').dataset.empty).toBe('true'));
    expect(screen.getByTestId('past-slumps').textContent).toContain('None yet');
  });

  it('shows the notice explanation as the gap lens hint and offers to re-plan when suggested', async () => {
    fakeStore(makeReflection({ step: 'root_cause' }), {
      view: { suggestions: { strategies: makeView().suggestions.strategies, offer_replan: true } },
    });
    const slump = new Slump();
    slump.notice = makeNotice();
    await open(slump);
    await waitFor(() => expect(screen.getByTestId('hint-unusual_gap').textContent).toContain('your usual gap is 40 days'));
    expect(screen.getByTestId('replan-goal').getAttribute('href')).toBe('#goals');
  });

  it('after a relaunch (no notice), takes the gap hint and the other slumps from the history', async () => {
    fakeStore(makeReflection({ step: 'root_cause' }), {
      history: [
        makeSlump({ explanation: 'No milestone for 130 days; usually 40.' }),
        makeSlump({ start: '2025-01-10', detected_on: '2025-03-01', end: '2025-04-20', length_days: 100, ended_by: 'recovered' }),
      ],
    });
    await open();
    await waitFor(() => expect(screen.getByTestId('hint-unusual_gap').textContent).toBe('No milestone for 130 days; usually 40.'));
    await fireEvent.click(screen.getByTestId('reflection-back'));
    await waitFor(() => expect(screen.getByTestId('reflection-step').dataset.step).toBe('accept'));
    const rows = screen.getAllByTestId('past-slump');
    expect(rows).toHaveLength(1);
    expect(rows[0]!.textContent).toContain('the pace came back');
  });

  it('renders the strategies in the suggested order with the way out last, and chooses them', async () => {
    const store = fakeStore(makeReflection({ step: 'moves' }));
    await open();
    await waitFor(() => expect(screen.getByTestId('reflection-step').dataset.step).toBe('moves'));
    const order = screen
      .getAllByRole('checkbox')
      .map((box) => box.dataset.testid);
    expect(order).toEqual([
      'strategy-wider_network',
      'strategy-new_project',
      'strategy-mentor_or_partner',
      'strategy-learn_or_responsibility',
      'strategy-exit',
    ]);
    expect(screen.getByText('Widen your circle')).toBeTruthy();
    expect(screen.getByTestId('let-goal-go').getAttribute('href')).toBe('#goals');

    await fireEvent.click(screen.getByTestId('strategy-exit'));
    await waitFor(() => expect(store.stored().strategies).toEqual(['exit']));
    await fireEvent.click(screen.getByTestId('strategy-new_project'));
    await waitFor(() => expect(store.stored().strategies).toEqual(['new_project', 'exit']));
    expect((screen.getByTestId('strategy-new_project') as HTMLInputElement).checked).toBe(true);
  });

  it('a Next pressed while a strategy choice is still saving waits for it (regression: the click was dropped)', async () => {
    const store = fakeStore(makeReflection({ step: 'moves' }));
    await open();
    await waitFor(() => expect(screen.getByTestId('reflection-step').dataset.step).toBe('moves'));
    // Click the strategy and Next without waiting for the choice to be saved.
    void fireEvent.click(screen.getByTestId('strategy-learn_or_responsibility'));
    void fireEvent.click(screen.getByTestId('reflection-next'));
    await waitFor(() => expect(screen.getByTestId('reflection-step').dataset.step).toBe('commit'));
    const order = store.calls.map((c) => c.command).filter((c) => c === 'choose_strategies' || c === 'set_reflection_step');
    expect(order).toEqual(['choose_strategies', 'set_reflection_step']);
  });

  it('Next stays pressable while a slow strategy choice is saving (regression: a disabled button dropped the click)', async () => {
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    const store = fakeStore(makeReflection({ step: 'moves' }), { holdChoice: () => held });
    await open();
    await waitFor(() => expect(screen.getByTestId('reflection-step').dataset.step).toBe('moves'));
    await fireEvent.click(screen.getByTestId('strategy-learn_or_responsibility'));
    // The choice is still being saved, and the page has had time to show it.
    await new Promise((r) => setTimeout(r, 20));
    const next = screen.getByTestId('reflection-next') as HTMLButtonElement;
    expect(next.disabled).toBe(false);
    await fireEvent.click(next);
    release();
    await waitFor(() => expect(screen.getByTestId('reflection-step').dataset.step).toBe('commit'));
    const order = store.calls.map((c) => c.command).filter((c) => c === 'choose_strategies' || c === 'set_reflection_step');
    expect(order).toEqual(['choose_strategies', 'set_reflection_step']);
  });

  it('keeps the way out last even if an order puts it first', () => {
    expect(orderedStrategies(['exit', 'wider_network', 'new_project'])).toEqual(['wider_network', 'new_project', 'exit']);
    expect(orderedStrategies(['learn_or_responsibility', 'new_project'])).toEqual(['learn_or_responsibility', 'new_project']);
  });

  it('puts a move error next to the field it is about, and lists added moves with their dates', async () => {
    fakeStore(makeReflection({ step: 'commit', strategies: ['new_project'] }));
    await open();
    await waitFor(() => expect(screen.getByTestId('reflection-step').dataset.step).toBe('commit'));

    await fireEvent.input(screen.getByTestId('move-text'), { target: { value: 'Pitch the importer rewrite' } });
    await fireEvent.click(screen.getByTestId('add-move'));
    const error = await screen.findByTestId('move-error');
    expect(error.dataset.code).toBe('due_required');
    expect(error.parentElement?.contains(screen.getByTestId('move-due'))).toBe(true);
    expect(error.parentElement?.contains(screen.getByTestId('move-text'))).toBe(false);

    await fireEvent.input(screen.getByTestId('move-text'), { target: { value: '  ' } });
    await fireEvent.input(screen.getByTestId('move-due'), { target: { value: '2026-12-01' } });
    await fireEvent.click(screen.getByTestId('add-move'));
    await waitFor(() => expect(screen.getByTestId('move-error').dataset.code).toBe('empty_move'));
    expect(screen.getByTestId('move-error').parentElement?.contains(screen.getByTestId('move-text'))).toBe(true);

    await fireEvent.input(screen.getByTestId('move-text'), { target: { value: 'Pitch the importer rewrite' } });
    await fireEvent.click(screen.getByTestId('add-move'));
    await waitFor(() => expect(screen.getByTestId('move-item').textContent).toContain('2026-12-01'));
    expect(screen.queryByTestId('move-error')).toBeNull();

    await fireEvent.click(screen.getByTestId('reflection-next'));
    await waitFor(() => expect(screen.getByTestId('reflection-step').dataset.step).toBe('follow_up'));
    expect(screen.getByTestId('move-item').textContent).toContain('Pitch the importer rewrite');
    await fireEvent.click(screen.getByTestId('complete-move'));
    await waitFor(() => expect(screen.getByTestId('move-item').textContent).toContain('done 2026-11-25'));
    expect(screen.queryByTestId('complete-move')).toBeNull();
    await fireEvent.click(screen.getByTestId('finish-reflection'));
    await waitFor(() => expect(screen.queryByTestId('finish-reflection')).toBeNull());
  });

  it('shows due check-ins in the place and answers them', async () => {
    const slump = new Slump();
    slump.checkIns = [makeCheckIn()];
    const calls = mockCommands((command, args) => {
      if (command === 'answer_check_in') return { ...makeCheckIn(), outcome: args.outcome };
      if (command === 'list_reflections') return [];
      if (command === 'get_slump_history') return [];
      return Promise.reject({ code: 'internal', message: command });
    });
    await open(slump);
    expect(screen.getByTestId('no-reflection')).toBeTruthy();
    await fireEvent.click(screen.getByTestId('check-in-not-yet'));
    await waitFor(() => expect(screen.queryByTestId('check-in')).toBeNull());
    expect(calls.find((c) => c.command === 'answer_check_in')?.args).toEqual({ id: 31, outcome: 'not_yet', note: '' });
  });
});
