// The open entry's history, grouped by sitting: autosave keeps a version at every pause in the
// typing, so one evening's writing can leave dozens of versions minutes apart. The History
// panel shows each sitting's latest version and folds the ones before it under it — every one
// of them kept, shown on request and restorable.

import type { Revision } from '../ipc/commands';

/** Versions saved closer together than this belong to one sitting. */
export const SITTING_GAP_MS = 10 * 60 * 1000;

/** The versions of one sitting: the latest, and the ones saved before it in that sitting (newest first). */
export interface Sitting {
  latest: Revision;
  earlier: Revision[];
}

/**
 * Groups `revisions` (newest first, as `list_revisions` answers) into sittings: a new sitting
 * starts wherever two neighbouring versions were saved more than `gapMs` apart. A version
 * whose time cannot be read stands alone.
 */
export function sittings(revisions: readonly Revision[], gapMs: number = SITTING_GAP_MS): Sitting[] {
  const out: Sitting[] = [];
  let newerAt = Number.NaN;
  for (const revision of revisions) {
    const at = Date.parse(revision.saved_at);
    const current = out[out.length - 1];
    if (current && Number.isFinite(at) && Number.isFinite(newerAt) && newerAt - at <= gapMs) {
      current.earlier.push(revision);
    } else {
      out.push({ latest: revision, earlier: [] });
    }
    newerAt = at;
  }
  return out;
}
