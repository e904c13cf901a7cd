// Mood and felt progress: 1–5, or not said. Words for each value, for labels and read-outs.

export type RatingKind = 'mood' | 'progress';

export const RATING_VALUES = [1, 2, 3, 4, 5] as const;

export const RATING_NAME: Record<RatingKind, string> = {
  mood: 'Mood',
  progress: 'Felt progress',
};

export const RATING_QUESTION: Record<RatingKind, string> = {
  mood: 'How did the day feel?',
  progress: 'Did I move forward?',
};

const WORDS: Record<RatingKind, readonly string[]> = {
  mood: ['very low', 'low', 'okay', 'good', 'great'],
  progress: ['not at all', 'a little', 'somewhat', 'yes', 'clearly'],
};

/** "good", "a little"…; empty for anything but 1–5. */
export function ratingWord(kind: RatingKind, value: number | null): string {
  if (value === null) return '';
  return WORDS[kind][value - 1] ?? '';
}

/** "Mood 4 of 5 (good)". */
export function ratingLabel(kind: RatingKind, value: number): string {
  const word = ratingWord(kind, value);
  return `${RATING_NAME[kind]} ${value} of 5${word ? ` (${word})` : ''}`;
}
