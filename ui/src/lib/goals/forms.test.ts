import { describe, expect, it } from 'vitest';

import type { AppError, ErrorCode } from '../ipc/commands';
import {
  achieveFieldOf,
  goalDraft,
  goalFieldOf,
  isProblem,
  milestoneDraft,
  milestoneFieldOf,
  pausedFieldOf,
  wholeNumber,
} from './forms';
import type { GoalValues, MilestoneValues } from './forms';

const err = (code: ErrorCode): AppError => ({ code, message: code });

const goal: GoalValues = {
  title: 'Staff engineer',
  here: 'Senior',
  there: 'Staff',
  start: '2026-01-05',
  target: '2027-06-30',
  cadence: ' 6 ',
};

const milestone: MilestoneValues = {
  kind: 'promotion',
  title: 'Promotion',
  weight: '',
  planned: '2027-03-01',
  achieved: '',
  notes: 'Ask in the spring cycle.',
};

describe('goal form', () => {
  it('sends what was typed, blanks as null, the cadence as a number', () => {
    expect(goalDraft(goal)).toEqual({
      title: 'Staff engineer',
      here: 'Senior',
      there: 'Staff',
      start_date: '2026-01-05',
      target_date: '2027-06-30',
      cadence_weeks: 6,
    });
    expect(goalDraft({ ...goal, start: ' ', cadence: '' })).toMatchObject({ start_date: null, cadence_weeks: null });
    // Out-of-range numbers go to the Rust side, which owns the rule.
    expect(goalDraft({ ...goal, cadence: '0' })).toMatchObject({ cadence_weeks: 0 });
  });

  it('refuses a cadence that is not a whole number before sending anything', () => {
    for (const cadence of ['six', '2.5', '1e3']) {
      const result = goalDraft({ ...goal, cadence });
      expect(isProblem(result)).toBe(true);
      expect(result).toMatchObject({ field: 'cadence', error: { code: 'invalid_cadence' } });
    }
  });

  it('places every goal error next to its field', () => {
    expect(goalFieldOf(err('empty_title'), goal)).toBe('title');
    expect(goalFieldOf(err('target_before_start'), goal)).toBe('target');
    expect(goalFieldOf(err('invalid_cadence'), goal)).toBe('cadence');
    expect(goalFieldOf(err('invalid_date'), { ...goal, target: '' })).toBe('target');
    expect(goalFieldOf(err('invalid_date'), { ...goal, start: '2026-02-30' })).toBe('start');
    expect(goalFieldOf(err('text_too_long'), { ...goal, title: 'x'.repeat(201) })).toBe('title');
    expect(goalFieldOf(err('text_too_long'), { ...goal, there: 'x'.repeat(20_001) })).toBe('there');
    // Characters, not UTF-16 units: 200 emoji are a fine title.
    expect(goalFieldOf(err('text_too_long'), { ...goal, title: '🚀'.repeat(200), here: 'y'.repeat(20_001) })).toBe('here');
    expect(goalFieldOf(err('storage'), goal)).toBeNull();
  });
});

describe('milestone form', () => {
  it('sends an empty weight as null (the kind decides) and a typed one as a number', () => {
    expect(milestoneDraft(milestone)).toEqual({
      kind: 'promotion',
      title: 'Promotion',
      weight: null,
      planned_date: '2027-03-01',
      achieved_date: null,
      notes: 'Ask in the spring cycle.',
    });
    expect(milestoneDraft({ ...milestone, weight: '2' })).toMatchObject({ weight: 2 });
    expect(milestoneDraft({ ...milestone, weight: 'big' })).toMatchObject({
      field: 'weight',
      error: { code: 'invalid_weight' },
    });
  });

  it('places every milestone error next to its field', () => {
    expect(milestoneFieldOf(err('unknown_kind'), milestone)).toBe('kind');
    expect(milestoneFieldOf(err('empty_title'), milestone)).toBe('title');
    expect(milestoneFieldOf(err('invalid_weight'), milestone)).toBe('weight');
    expect(milestoneFieldOf(err('achieved_in_future'), milestone)).toBe('achieved');
    expect(milestoneFieldOf(err('achieved_before_start'), milestone)).toBe('achieved');
    expect(milestoneFieldOf(err('invalid_date'), { ...milestone, planned: '2027-13-01' })).toBe('planned');
    expect(milestoneFieldOf(err('invalid_date'), { ...milestone, achieved: 'soon' })).toBe('achieved');
    expect(milestoneFieldOf(err('text_too_long'), { ...milestone, notes: 'n'.repeat(20_001) })).toBe('notes');
    expect(milestoneFieldOf(err('not_found'), milestone)).toBeNull();
  });
});

describe('pause and achieve forms', () => {
  it('place their errors next to the right field', () => {
    const v = { start: '2026-03-01', end: '2026-02-01', reason: '' };
    expect(pausedFieldOf(err('invalid_period'), v)).toBe('end');
    expect(pausedFieldOf(err('invalid_date'), { ...v, start: '' })).toBe('start');
    expect(pausedFieldOf(err('invalid_date'), { ...v, end: '2026-02-31' })).toBe('end');
    expect(pausedFieldOf(err('text_too_long'), v)).toBe('reason');
    expect(achieveFieldOf(err('achieved_in_future'))).toBe('date');
    expect(achieveFieldOf(err('achieved_before_start'))).toBe('date');
    expect(achieveFieldOf(err('invalid_date'))).toBe('date');
    expect(achieveFieldOf(err('storage_unavailable'))).toBeNull();
  });

  it('reads whole numbers only', () => {
    expect(wholeNumber('')).toBeNull();
    expect(wholeNumber(' 3 ')).toBe(3);
    expect(wholeNumber('-1')).toBe(-1);
    expect(wholeNumber('1.5')).toBeNaN();
  });
});
