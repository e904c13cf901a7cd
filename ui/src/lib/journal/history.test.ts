import { describe, expect, it } from 'vitest';

import type { Revision } from '../ipc/commands';
import { SITTING_GAP_MS, sittings } from './history';

function revision(id: number, savedAt: string): Revision {
  return { id, entry_id: 7, entry_date: '2026-11-20', body: `version ${id}`, tags: [], saved_at: savedAt, mood: null, progress: null };
}

const ids = (groups: ReturnType<typeof sittings>) => groups.map((g) => [g.latest.id, ...g.earlier.map((r) => r.id)]);

describe('sittings', () => {
  it('folds versions saved minutes apart under the latest of them', () => {
    const history = [
      revision(6, '2026-11-25T21:14:00Z'),
      revision(5, '2026-11-25T21:09:30Z'),
      revision(4, '2026-11-25T21:02:00Z'),
      revision(3, '2026-11-24T08:00:00Z'),
      revision(2, '2026-11-20T19:40:10Z'),
      revision(1, '2026-11-20T19:40:00Z'),
    ];
    expect(ids(sittings(history))).toEqual([[6, 5, 4], [3], [2, 1]]);
  });

  it('chains a sitting through its neighbours, and splits just past the gap', () => {
    const start = Date.parse('2026-11-25T20:00:00Z');
    const at = (ms: number) => new Date(start + ms).toISOString();
    const history = [
      revision(3, at(2 * SITTING_GAP_MS + 1)),
      revision(2, at(SITTING_GAP_MS)),
      revision(1, at(0)),
    ];
    expect(ids(sittings(history))).toEqual([[3], [2, 1]]);
  });

  it('keeps every version exactly once, and a version without a readable time alone', () => {
    const history = [revision(3, '2026-11-25T21:00:00Z'), revision(2, 'not a time'), revision(1, '2026-11-25T20:59:00Z')];
    const groups = sittings(history);
    expect(ids(groups)).toEqual([[3], [2], [1]]);
    expect(sittings([])).toEqual([]);
  });
});
