// Test data for the reflection feature (tests only).
import type { CheckIn, Notice, PastSlump, Reflection, ReflectionView, StepGuide } from '../ipc/commands';

export function makeSlump(fields: Partial<PastSlump> = {}): PastSlump {
  return {
    scope: 'all',
    start: '2026-08-01',
    detected_on: '2026-10-01',
    end: null,
    length_days: 120,
    ended_by: null,
    came_after: null,
    explanation: 'No milestone for 120 days; your usual gap is 40 days.',
    ...fields,
  };
}

export function makeNotice(fields: Partial<Notice> = {}): Notice {
  const slump = makeSlump();
  return {
    slump,
    surprise: 3,
    explanation: slump.explanation,
    past: [
      makeSlump({ start: '2025-01-10', detected_on: '2025-03-01', end: '2025-04-20', length_days: 100, ended_by: 'milestone', came_after: 'Spoke at RustConf' }),
    ],
    state: null,
    progress: null,
    ...fields,
  };
}

export const GUIDES: StepGuide[] = [
  { step: 'accept', title: 'A slower stretch', intro: 'Accept intro.', fields: [{ field: 'feeling', kind: 'text', label: 'How does this stretch feel?', hint: '' }] },
  {
    step: 'root_cause',
    title: 'What is behind it?',
    intro: 'Root intro.',
    fields: [
      { field: 'unusual_gap', kind: 'text', label: 'Is this gap unusual for you?', hint: 'Compare with your own pace.' },
      { field: 'unusual_gap_applies', kind: 'yes_no', label: 'Unusual for me', hint: '' },
      { field: 'timeline', kind: 'text', label: 'Was the plan realistic?', hint: '' },
      { field: 'timeline_applies', kind: 'yes_no', label: 'The plan asked too much', hint: '' },
    ],
  },
  { step: 'moves', title: 'Ways to move', intro: 'Moves intro.', fields: [{ field: 'why', kind: 'text', label: 'Why these?', hint: '' }] },
  { step: 'commit', title: 'Small, dated steps', intro: 'Commit intro.', fields: [{ field: 'first_step', kind: 'text', label: 'First?', hint: '' }] },
  { step: 'follow_up', title: 'Looking back', intro: 'Follow intro.', fields: [{ field: 'looking_back', kind: 'text', label: 'Learned?', hint: '' }] },
];

export function makeReflection(fields: Partial<Reflection> = {}): Reflection {
  return {
    id: 7,
    trigger: { kind: 'slump', scope: 'all', detected_on: '2026-10-01' },
    status: 'in_progress',
    step: 'accept',
    answers: [],
    strategies: [],
    moves: [],
    set_aside_reason: null,
    created_at: '2026-11-20T09:00:00Z',
    updated_at: '2026-11-20T09:00:00Z',
    closed_at: null,
    ...fields,
  };
}

export function makeView(reflection: Reflection = makeReflection(), fields: Partial<ReflectionView> = {}): ReflectionView {
  return {
    reflection,
    steps: GUIDES,
    strategies: [
      { strategy: 'new_project', label: 'Start something new', description: 'Fresh work.' },
      { strategy: 'mentor_or_partner', label: 'Find a mentor or a peer to think with', description: 'Someone to talk to.' },
      { strategy: 'wider_network', label: 'Widen your circle', description: 'New people.' },
      { strategy: 'learn_or_responsibility', label: 'Learn a skill or take on a new responsibility', description: 'Grow.' },
      { strategy: 'exit', label: 'Look at a way out', description: 'A new role.' },
    ],
    suggestions: {
      strategies: [
        { strategy: 'wider_network', because: ['outside_forces'] },
        { strategy: 'new_project', because: [] },
        { strategy: 'mentor_or_partner', because: [] },
        { strategy: 'learn_or_responsibility', because: [] },
        { strategy: 'exit', because: ['outside_forces'] },
      ],
      offer_replan: false,
    },
    ...fields,
  };
}

export function makeCheckIn(fields: Partial<CheckIn> = {}): CheckIn {
  return {
    id: 31,
    due: '2026-11-25',
    answered_at: null,
    outcome: null,
    note: '',
    move: {
      id: 12,
      reflection_id: 7,
      strategy: 'new_project',
      text: 'Pitch the importer rewrite',
      due: '2026-11-25',
      done_on: null,
      outcome: '',
      created_at: '2026-11-20T09:00:00Z',
      updated_at: '2026-11-20T09:00:00Z',
    },
    ...fields,
  };
}
