// Immutable lookups for `$state.raw` fields: built once and replaced whole, never changed in
// place, so they need no reactive (Svelte) Map or Set.

export function snapshotMap<K, V>(pairs: Iterable<readonly [K, V]>): ReadonlyMap<K, V> {
  return new Map(pairs);
}

export function unique<T>(items: Iterable<T>): T[] {
  return [...new Set(items)];
}
