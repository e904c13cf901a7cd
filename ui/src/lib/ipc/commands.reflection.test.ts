import { afterEach, describe, expect, it } from 'vitest';

import {
  addMove,
  answerCheckIn,
  chooseStrategies,
  completeMove,
  dueCheckIns,
  finishReflection,
  getReflection,
  getSlumpHistory,
  getSlumpNotice,
  listReflections,
  saveReflectionAnswer,
  setAsideReflection,
  setAsideSlumpNotice,
  setReflectionStep,
  snoozeSlumpNotice,
  startReflection,
  updateMove,
  whatHasWorked,
} from './commands';
import type { MoveDraft } from './commands';
import { clearMocks, mockCommands } from './testing';

afterEach(() => clearMocks());

const key = { scope: 'all', detected_on: '2026-10-01' };
const draft: MoveDraft = { strategy: 'new_project', text: 'Pitch the importer rewrite', due: '2026-12-01' };

describe('slump and reflection commands', () => {
  it('sends each command with its Tauri name and argument keys and returns the answer', async () => {
    const calls = mockCommands((command) => ({ answer: command }));

    expect(await getSlumpNotice()).toEqual({ answer: 'get_slump_notice' });
    expect(await snoozeSlumpNotice(key)).toEqual({ answer: 'snooze_slump_notice' });
    expect(await setAsideSlumpNotice(key, 'on leave')).toEqual({ answer: 'set_aside_slump_notice' });
    expect(await startReflection(key)).toEqual({ answer: 'start_reflection' });
    expect(await startReflection(null)).toEqual({ answer: 'start_reflection' });
    expect(await getReflection(3)).toEqual({ answer: 'get_reflection' });
    expect(await listReflections()).toEqual({ answer: 'list_reflections' });
    expect(await saveReflectionAnswer(3, 'accept', 'feeling', 'flat')).toEqual({ answer: 'save_reflection_answer' });
    expect(await setReflectionStep(3, 'root_cause')).toEqual({ answer: 'set_reflection_step' });
    expect(await chooseStrategies(3, ['new_project', 'exit'])).toEqual({ answer: 'choose_strategies' });
    expect(await addMove(3, draft)).toEqual({ answer: 'add_move' });
    expect(await updateMove(8, draft)).toEqual({ answer: 'update_move' });
    expect(await completeMove(8, null, 'went well')).toEqual({ answer: 'complete_move' });
    expect(await dueCheckIns()).toEqual({ answer: 'due_check_ins' });
    expect(await answerCheckIn(5, 'not_yet', 'soon')).toEqual({ answer: 'answer_check_in' });
    expect(await finishReflection(3)).toEqual({ answer: 'finish_reflection' });
    expect(await setAsideReflection(3, 'not now')).toEqual({ answer: 'set_aside_reflection' });
    expect(await whatHasWorked()).toEqual({ answer: 'what_has_worked' });
    expect(await getSlumpHistory()).toEqual({ answer: 'get_slump_history' });

    expect(calls).toEqual([
      { command: 'get_slump_notice', args: {} },
      { command: 'snooze_slump_notice', args: { notice: key } },
      { command: 'set_aside_slump_notice', args: { notice: key, reason: 'on leave' } },
      { command: 'start_reflection', args: { fromNotice: key } },
      { command: 'start_reflection', args: { fromNotice: null } },
      { command: 'get_reflection', args: { id: 3 } },
      { command: 'list_reflections', args: {} },
      { command: 'save_reflection_answer', args: { id: 3, step: 'accept', field: 'feeling', text: 'flat' } },
      { command: 'set_reflection_step', args: { id: 3, step: 'root_cause' } },
      { command: 'choose_strategies', args: { id: 3, strategies: ['new_project', 'exit'] } },
      { command: 'add_move', args: { id: 3, draft } },
      { command: 'update_move', args: { moveId: 8, draft } },
      { command: 'complete_move', args: { moveId: 8, doneOn: null, outcome: 'went well' } },
      { command: 'due_check_ins', args: {} },
      { command: 'answer_check_in', args: { id: 5, outcome: 'not_yet', note: 'soon' } },
      { command: 'finish_reflection', args: { id: 3 } },
      { command: 'set_aside_reflection', args: { id: 3, reason: 'not now' } },
      { command: 'what_has_worked', args: {} },
      { command: 'get_slump_history', args: {} },
    ]);
  });
});
