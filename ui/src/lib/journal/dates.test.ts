import { describe, expect, it } from 'vitest';

import { formatClock, formatDayWithWeekday, formatMoment, groupByWeek, parseDay, todayLocal, weekStart } from './dates';
import { excerpt } from './excerpt';

describe('dates', () => {
  it('gives today in local time, zero-padded', () => {
    expect(todayLocal(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
    expect(todayLocal(new Date(2026, 10, 25, 0, 1))).toBe('2026-11-25');
  });

  it('refuses days that do not exist', () => {
    expect(parseDay('2026-02-30')).toBeNull();
    expect(parseDay('2026-2-3')).toBeNull();
    expect(parseDay('2028-02-29')).not.toBeNull();
  });

  it('finds the Monday of the week, across month and year ends', () => {
    expect(weekStart('2026-11-25')).toBe('2026-11-23');
    expect(weekStart('2026-11-23')).toBe('2026-11-23');
    expect(weekStart('2026-11-22')).toBe('2026-11-16');
    expect(weekStart('2027-01-01')).toBe('2026-12-28');
  });

  it('labels days and weeks without depending on the locale', () => {
    expect(formatDayWithWeekday('2026-11-25')).toBe('Wed 25 Nov 2026');
    const groups = groupByWeek([
      { entry_date: '2026-11-25' },
      { entry_date: '2026-11-23' },
      { entry_date: '2026-11-01' },
    ]);
    expect(groups.map((g) => [g.label, g.items.length])).toEqual([
      ['Week of 23 Nov 2026', 2],
      ['Week of 26 Oct 2026', 1],
    ]);
  });
});

describe('excerpt', () => {
  it('keeps short bodies whole and cuts long ones at 300 characters, never mid-character', () => {
    expect(excerpt('Short\nand sweet')).toBe('Short\nand sweet');
    expect(excerpt('## Heading\n\n  \nText\n\n\nMore')).toBe('## Heading\nText\nMore');
    const emoji = '🚀'.repeat(301);
    expect(excerpt(emoji)).toBe(`${'🚀'.repeat(300)}…`);
  });
});

describe('formatClock / formatMoment', () => {
  it('says when, in local time, briefly for today', () => {
    const now = new Date(2026, 10, 25, 18, 0);
    const at = (d: number, h: number, m: number) => new Date(2026, 10, d, h, m).toISOString();
    expect(formatClock(at(25, 14, 2))).toBe('14:02');
    expect(formatMoment(at(25, 14, 2), now)).toBe('14:02');
    expect(formatMoment(at(24, 9, 5), now)).toBe('yesterday at 09:05');
    expect(formatMoment(at(20, 23, 59), now)).toBe('Fri 20 Nov 2026 at 23:59');
    expect(formatMoment('not a time', now)).toBe('not a time');
  });
});
