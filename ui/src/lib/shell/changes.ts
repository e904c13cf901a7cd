// A quiet signal that the person's data changed (an entry or a milestone saved), so views
// that depend on it (the slump notice) can look again. Listeners are coalesced by the caller.

const EVENT = 'trajectory:data-changed';

/** Tells whoever listens that entries or milestones changed. */
export function dataChanged(): void {
  window.dispatchEvent(new Event(EVENT));
}

/** Calls `listener` after each change; returns the unsubscribe function. */
export function onDataChanged(listener: () => void): () => void {
  window.addEventListener(EVENT, listener);
  return () => window.removeEventListener(EVENT, listener);
}
