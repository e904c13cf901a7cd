// The app's places and how a location hash names one. Plain code, shared by the sidebar, the
// app's start (main.ts) and the first screen the page paints before the app runs.

/** The places of the app. */
export type Place = 'journal' | 'goals' | 'insights' | 'reflection' | 'settings';

export const PLACES: readonly { id: Place; label: string }[] = [
  { id: 'journal', label: 'Journal' },
  { id: 'goals', label: 'Goals' },
  { id: 'insights', label: 'Insights' },
  { id: 'reflection', label: 'Reflection' },
  { id: 'settings', label: 'Settings' },
];

/** The place a location hash (`#goals`) names; the Journal for anything else. */
export function placeOf(hash: string): Place {
  const name = hash.replace(/^#/, '').split('/')[0];
  return PLACES.find((p) => p.id === name)?.id ?? 'journal';
}
