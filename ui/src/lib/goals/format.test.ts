import { describe, expect, it } from 'vitest';

import type { Forecast } from '../ipc/commands';
import { makeMilestone } from './fake-goals';
import { firstLine, forecastSentences, inPathOrder, nextMilestone, paceLine, progressOf, rate, span } from './format';

const forecast = (fields: Partial<Forecast> = {}): Forecast => ({
  as_of: '2026-11-25',
  pace: 1.2,
  pace_source: 'current',
  items: [
    {
      milestone_id: 3,
      title: 'Promotion',
      weight: 3,
      planned_date: '2027-02-17',
      expected_date: '2027-03-03',
      days_late: 14,
    },
  ],
  expected_finish: '2027-03-03',
  target_date: '2027-06-30',
  days_past_target: -119,
  ...fields,
});

describe('goal words', () => {
  it('measures progress by weight', () => {
    const p = progressOf([
      makeMilestone({ id: 1, weight: 3, achieved_date: '2026-05-01' }),
      makeMilestone({ id: 2, weight: 1 }),
      makeMilestone({ id: 3, weight: 2 }),
    ]);
    expect(p).toEqual({ achievedWeight: 3, totalWeight: 6, achievedCount: 1, totalCount: 3, percent: 50 });
    expect(progressOf([]).percent).toBe(0);
  });

  it('finds the next planned milestone and orders the path', () => {
    const done = makeMilestone({ id: 1, achieved_date: '2026-04-01', planned_date: '2026-03-01' });
    const undated = makeMilestone({ id: 2 });
    const later = makeMilestone({ id: 3, planned_date: '2027-05-01' });
    const sooner = makeMilestone({ id: 4, planned_date: '2027-01-10' });
    expect(nextMilestone([done, undated, later, sooner])?.id).toBe(4);
    expect(nextMilestone([done, undated])?.id).toBe(2);
    expect(nextMilestone([done])).toBeNull();
    expect(inPathOrder([undated, later, done, sooner]).map((m) => m.id)).toEqual([1, 4, 3, 2]);
  });

  it('says the pace and how it compares', () => {
    expect(rate(1.4321)).toBe('1.4');
    expect(rate(0.01)).toBe('under 0.1');
    expect(rate(0)).toBe('0');
    expect(paceLine(1.4, { velocity: 1.1, low: 1, high: 1.2, source: 'history' })).toBe(
      '1.4 a month · usual 1.1 · faster than usual',
    );
    expect(paceLine(0.5, { velocity: 0.7, low: 0.7, high: 0.7, source: 'expected_cadence' })).toBe(
      '0.5 a month · you expect 0.7 · slower than you expect',
    );
    expect(paceLine(0, null)).toBe('No pace yet');
  });

  it('tells the forecast in a sentence', () => {
    expect(forecastSentences(forecast(), null)).toEqual([
      'At your current pace the next milestone lands around 3 Mar 2027 — 2 weeks after plan.',
    ]);
    const two = forecast({
      pace_source: 'baseline',
      items: [
        { milestone_id: 3, title: 'A', weight: 1, planned_date: null, expected_date: '2027-01-10', days_late: null },
        { milestone_id: 4, title: 'B', weight: 1, planned_date: '2027-03-01', expected_date: '2027-02-20', days_late: -9 },
      ],
      expected_finish: '2027-08-01',
      days_past_target: 32,
    });
    expect(forecastSentences(two, { velocity: 1, low: 1, high: 1, source: 'history' })).toEqual([
      'At your usual pace the next milestone lands around 10 Jan 2027.',
      'The last of the 2 open milestones lands around 1 Aug 2027 — 5 weeks after your target date.',
    ]);
    expect(forecastSentences(null, null)).toEqual([]);
    expect(span(3)).toBe('3 days');
    expect(span(-45)).toBe('6 weeks');
    expect(span(200)).toBe('7 months');
  });

  it('shortens an entry to its first line of words', () => {
    expect(firstLine('\n## What moved\n\nShipped it.')).toBe('What moved');
    expect(firstLine('- [x] Asked for the rubric')).toBe('Asked for the rubric');
    expect(firstLine('a'.repeat(100), 10)).toBe('aaaaaaaaa…');
  });
});
