// Words and numbers for goals: kinds and statuses, progress, the next milestone, the pace and
// the forecast, in plain sentences. Dates are `YYYY-MM-DD` days shown as "3 Mar 2027".
import { formatDay } from '../journal/dates';
import type { Baseline, Forecast, GoalStatus, Milestone, MilestoneKind } from '../ipc/commands';

export const KINDS: readonly MilestoneKind[] = [
  'promotion',
  'raise',
  'skill',
  'recognition',
  'project',
  'network',
  'custom',
];

export const KIND_LABELS: Record<MilestoneKind, string> = {
  promotion: 'Promotion',
  raise: 'Raise',
  skill: 'Skill',
  recognition: 'Recognition',
  project: 'Project',
  network: 'Network',
  custom: 'Other',
};

/** The weight a milestone of a kind gets when none is given (as the Rust side decides). */
export const DEFAULT_WEIGHT: Record<MilestoneKind, number> = {
  promotion: 3,
  raise: 2,
  skill: 1,
  recognition: 1,
  project: 2,
  network: 1,
  custom: 1,
};

export const STATUS_LABELS: Record<GoalStatus, string> = {
  active: 'Active',
  paused: 'Paused',
  achieved: 'Achieved',
  let_go: 'Let go',
};

export { formatDay };

/** A date or nothing: "3 Mar 2027", or "" for null. */
export function day(value: string | null | undefined): string {
  return value ? formatDay(value) : '';
}

export interface Progress {
  achievedWeight: number;
  totalWeight: number;
  achievedCount: number;
  totalCount: number;
  /** 0–100, rounded; 0 when there are no milestones. */
  percent: number;
}

/** How far along a goal is: achieved weight over total weight. */
export function progressOf(milestones: readonly Milestone[]): Progress {
  let achievedWeight = 0;
  let totalWeight = 0;
  let achievedCount = 0;
  for (const m of milestones) {
    totalWeight += m.weight;
    if (m.achieved_date) {
      achievedWeight += m.weight;
      achievedCount += 1;
    }
  }
  const percent = totalWeight > 0 ? Math.round((100 * achievedWeight) / totalWeight) : 0;
  return { achievedWeight, totalWeight, achievedCount, totalCount: milestones.length, percent };
}

/** "3 of 8 milestones reached", "No milestones yet". */
export function progressWords(p: Progress): string {
  if (p.totalCount === 0) return 'No milestones yet';
  return `${p.achievedCount} of ${p.totalCount} ${p.totalCount === 1 ? 'milestone' : 'milestones'} reached`;
}

/** The open milestone planned soonest (undated ones after dated ones, then in the order added). */
export function nextMilestone(milestones: readonly Milestone[]): Milestone | null {
  let best: Milestone | null = null;
  for (const m of milestones) {
    if (m.achieved_date) continue;
    if (!best) {
      best = m;
      continue;
    }
    const a = m.planned_date;
    const b = best.planned_date;
    if ((a && !b) || (a && b && a < b) || (a === b && m.id < best.id)) best = m;
  }
  return best;
}

/** A pace for reading: "1.4", "under 0.1", "0". */
export function rate(velocity: number): string {
  if (!Number.isFinite(velocity) || velocity <= 0) return '0';
  if (velocity < 0.05) return 'under 0.1';
  return velocity.toFixed(1);
}

/** How the current pace compares with the usual (or expected) one. */
export type PaceTone = 'faster' | 'usual' | 'slower' | 'unknown';

export function paceTone(velocity: number, usual: number | null | undefined): PaceTone {
  if (usual === null || usual === undefined || !(usual > 0)) return 'unknown';
  const ratio = velocity / usual;
  if (ratio >= 1.15) return 'faster';
  if (ratio <= 0.85) return 'slower';
  return 'usual';
}

/**
 * The pace of a goal in a line: "1.4 a month · usual 1.1 · faster than usual", "0 a month ·
 * you expect 0.7", "No pace yet".
 */
export function paceLine(velocity: number, baseline: Baseline | null, unit = 'a month'): string {
  const expected = baseline?.source === 'expected_cadence';
  if (velocity <= 0 && !baseline) return 'No pace yet';
  const parts = [`${rate(velocity)} ${unit}`];
  if (baseline) parts.push(`${expected ? 'you expect' : 'usual'} ${rate(baseline.velocity)}`);
  const tone = paceTone(velocity, baseline?.velocity);
  if (tone === 'faster') parts.push(expected ? 'ahead of what you expect' : 'faster than usual');
  else if (tone === 'slower') parts.push(expected ? 'slower than you expect' : 'slower than usual');
  else if (tone === 'usual') parts.push(expected ? 'about as you expect' : 'about your usual pace');
  return parts.join(' · ');
}

/** A stretch of days in words: "3 days", "2 weeks", "4 months", "about 2 years". */
export function span(days: number): string {
  const n = Math.abs(Math.round(days));
  if (n < 14) return n === 1 ? '1 day' : `${n} days`;
  if (n < 60) {
    const weeks = Math.round(n / 7);
    return `${weeks} weeks`;
  }
  if (n < 730) {
    const months = Math.round(n / 30.44);
    return `${months} months`;
  }
  return `about ${Math.round(n / 365.25)} years`;
}

/** " — 2 weeks after plan", " — on plan", " — 3 days ahead of plan", or "" when unplanned. */
function versusPlan(daysLate: number | null): string {
  if (daysLate === null) return '';
  if (Math.abs(daysLate) <= 1) return ' — on plan';
  return daysLate > 0 ? ` — ${span(daysLate)} after plan` : ` — ${span(daysLate)} ahead of plan`;
}

/**
 * The forecast in sentences: "At your current pace the next milestone lands around 3 Mar 2027
 * — 2 weeks after plan." plus, with several open milestones, when the last one lands against
 * the target date. Null when there is no forecast or nothing is open.
 */
export function forecastSentences(forecast: Forecast | null, baseline: Baseline | null): string[] {
  if (!forecast || forecast.items.length === 0) return [];
  const pace =
    forecast.pace_source === 'current'
      ? 'At your current pace'
      : baseline?.source === 'expected_cadence'
        ? 'At the pace you expect'
        : 'At your usual pace';
  const next = forecast.items[0]!;
  const out = [`${pace} the next milestone lands around ${formatDay(next.expected_date)}${versusPlan(next.days_late)}.`];
  if (forecast.items.length > 1 && forecast.expected_finish) {
    let last = `The last of the ${forecast.items.length} open milestones lands around ${formatDay(forecast.expected_finish)}`;
    const past = forecast.days_past_target;
    if (past !== null) {
      last += past > 1 ? ` — ${span(past)} after your target date` : ', in time for your target date';
    }
    out.push(`${last}.`);
  }
  return out;
}

/** "A milestone about every 6 weeks", or null. */
export function cadenceWords(weeks: number | null): string | null {
  if (weeks === null) return null;
  return weeks === 1 ? 'A milestone about every week' : `A milestone about every ${weeks} weeks`;
}

/** The first line of an entry with words in it, without Markdown's leading marks, shortened. */
export function firstLine(body: string, max = 90): string {
  const line =
    body
      .split('\n')
      .map((l) => l.replace(/^\s*(#{1,6}\s+|>\s*|[-*+]\s+(\[[ xX]\]\s+)?|\d+[.)]\s+)/, '').trim())
      .find((l) => l !== '') ?? '';
  const chars = [...line];
  return chars.length > max ? `${chars.slice(0, max - 1).join('').trimEnd()}…` : line;
}

/** Achieved milestones first (oldest first), then open ones by planned date (undated last). */
export function inPathOrder(milestones: readonly Milestone[]): Milestone[] {
  const key = (m: Milestone): [number, string, number] =>
    m.achieved_date ? [0, m.achieved_date, m.id] : m.planned_date ? [1, m.planned_date, m.id] : [2, '', m.id];
  return [...milestones].sort((a, b) => {
    const [ga, da, ia] = key(a);
    const [gb, db, ib] = key(b);
    return ga - gb || (da < db ? -1 : da > db ? 1 : 0) || ia - ib;
  });
}
