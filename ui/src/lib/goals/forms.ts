// The goal, milestone, pause and "achieved on" forms as plain values: what is typed (kept as
// typed), the draft sent to the Rust side, and which field an error belongs next to.
//
// The UI places an error by its `code`. A few codes can be about more than one field
// (`invalid_date`, `text_too_long`); those are placed by looking at the typed values, never at
// the message text.
import { parseDay } from '../journal/dates';
import type { AppError, GoalDraft, MilestoneDraft, PausedDraft } from '../ipc/commands';

/** Limits as the Rust side counts them (characters). */
export const MAX_TITLE_CHARS = 200;
export const MAX_TEXT_CHARS = 20_000;

/** An error and the field it is about (`null`: the form as a whole). */
export interface FieldProblem<F extends string> {
  field: F | null;
  error: AppError;
}

function chars(text: string): number {
  return [...text].length;
}

/** A date field that holds something that is not a real `YYYY-MM-DD` day. */
function badDate(text: string): boolean {
  return text.trim() !== '' && parseDay(text.trim()) === null;
}

/** Reads an optional whole number: '' → null, '6' → 6, anything else → NaN. */
export function wholeNumber(text: string): number | null {
  const t = text.trim();
  if (t === '') return null;
  return /^[+-]?\d+$/.test(t) ? Number(t) : Number.NaN;
}

function blankToNull(text: string): string | null {
  return text.trim() === '' ? null : text.trim();
}

// ---- Goal -------------------------------------------------------------------------------------

export type GoalField = 'title' | 'here' | 'there' | 'start' | 'target' | 'cadence';

export interface GoalValues {
  title: string;
  here: string;
  there: string;
  start: string;
  target: string;
  /** Weeks, as typed. */
  cadence: string;
}

/** The draft to send, or the problem that stops it from being sent. */
export function goalDraft(v: GoalValues): GoalDraft | FieldProblem<GoalField> {
  const cadence = wholeNumber(v.cadence);
  if (Number.isNaN(cadence)) {
    return {
      field: 'cadence',
      error: {
        code: 'invalid_cadence',
        message: `"${v.cadence.trim()}" is not a number of weeks: use a whole number, e.g. 6, or leave it empty.`,
      },
    };
  }
  return {
    title: v.title,
    here: v.here,
    there: v.there,
    start_date: blankToNull(v.start),
    target_date: v.target.trim(),
    cadence_weeks: cadence,
  };
}

/** The field a goal error belongs next to. */
export function goalFieldOf(error: AppError, v: GoalValues): GoalField | null {
  switch (error.code) {
    case 'empty_title':
      return 'title';
    case 'target_before_start':
      return 'target';
    case 'invalid_cadence':
      return 'cadence';
    case 'invalid_date':
      if (badDate(v.start)) return 'start';
      return 'target';
    case 'text_too_long':
      if (chars(v.title) > MAX_TITLE_CHARS) return 'title';
      if (chars(v.here) > MAX_TEXT_CHARS) return 'here';
      if (chars(v.there) > MAX_TEXT_CHARS) return 'there';
      return null;
    default:
      return null;
  }
}

// ---- Milestone --------------------------------------------------------------------------------

export type MilestoneField = 'kind' | 'title' | 'weight' | 'planned' | 'achieved' | 'notes';

export interface MilestoneValues {
  kind: string;
  title: string;
  /** 1–3 as typed; empty for the kind's default. */
  weight: string;
  planned: string;
  achieved: string;
  notes: string;
}

export function milestoneDraft(v: MilestoneValues): MilestoneDraft | FieldProblem<MilestoneField> {
  const weight = wholeNumber(v.weight);
  if (Number.isNaN(weight)) {
    return {
      field: 'weight',
      error: {
        code: 'invalid_weight',
        message: `"${v.weight.trim()}" is not a weight: use 1, 2 or 3, or leave it empty for the kind's default.`,
      },
    };
  }
  return {
    kind: v.kind,
    title: v.title,
    weight,
    planned_date: blankToNull(v.planned),
    achieved_date: blankToNull(v.achieved),
    notes: v.notes,
  };
}

export function milestoneFieldOf(error: AppError, v: MilestoneValues): MilestoneField | null {
  switch (error.code) {
    case 'unknown_kind':
      return 'kind';
    case 'empty_title':
      return 'title';
    case 'invalid_weight':
      return 'weight';
    case 'achieved_in_future':
    case 'achieved_before_start':
      return 'achieved';
    case 'invalid_date':
      if (badDate(v.planned)) return 'planned';
      if (badDate(v.achieved)) return 'achieved';
      return null;
    case 'text_too_long':
      if (chars(v.title) > MAX_TITLE_CHARS) return 'title';
      if (chars(v.notes) > MAX_TEXT_CHARS) return 'notes';
      return null;
    default:
      return null;
  }
}

// ---- Paused period ----------------------------------------------------------------------------

export type PausedField = 'start' | 'end' | 'reason';

export interface PausedValues {
  start: string;
  end: string;
  reason: string;
}

export function pausedDraft(v: PausedValues): PausedDraft {
  return { start: v.start.trim(), end: blankToNull(v.end), reason: v.reason };
}

export function pausedFieldOf(error: AppError, v: PausedValues): PausedField | null {
  switch (error.code) {
    case 'invalid_period':
      return 'end';
    case 'invalid_date':
      if (badDate(v.end)) return 'end';
      return 'start';
    case 'text_too_long':
      return 'reason';
    default:
      return null;
  }
}

// ---- Achieved on --------------------------------------------------------------------------------

/** Errors of "Mark achieved" all belong to its one date field. */
export function achieveFieldOf(error: AppError): 'date' | null {
  switch (error.code) {
    case 'invalid_date':
    case 'achieved_in_future':
    case 'achieved_before_start':
      return 'date';
    default:
      return null;
  }
}

/** True when `value` is a problem rather than a draft. */
export function isProblem<F extends string>(value: object): value is FieldProblem<F> {
  return 'error' in value && 'field' in value;
}
