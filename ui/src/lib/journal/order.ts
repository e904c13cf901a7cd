// Timeline order: newest entry date first, then newest id, the same order the store pages in.

interface Keyed {
  entry_date: string;
  id: number;
}

/** True when `a` comes before `b` in the timeline. */
export function comesBefore(a: Keyed, b: Keyed): boolean {
  return a.entry_date > b.entry_date || (a.entry_date === b.entry_date && a.id > b.id);
}

/** `list` followed by those of `more` it does not hold yet (by id), order kept. */
export function appendNew<T extends { id: number }>(list: readonly T[], more: readonly T[]): T[] {
  const known = new Set(list.map((e) => e.id));
  const out = [...list];
  for (const item of more) {
    if (!known.has(item.id)) {
      known.add(item.id);
      out.push(item);
    }
  }
  return out;
}
