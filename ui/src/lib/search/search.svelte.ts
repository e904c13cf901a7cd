// Search as the person types: the text and the filters, a short debounce, and only the newest
// answer shown (an older request that answers late is ignored). Malformed text is the
// backend's to read; it answers with results and perhaps a `hint`, never an error about syntax.

import * as api from '../ipc/commands';
import { toAppError } from '../ipc/commands';
import type { AppError, SearchHit, SearchQuery } from '../ipc/commands';
import { parseTags } from '../journal/tags';

/** Results follow typing after this pause. */
export const SEARCH_DEBOUNCE_MS = 150;
export const FIRST_LIMIT = 50;
export const MAX_LIMIT = 500;

export interface Filters {
  /** Tags as typed, comma-separated: entries must carry all of them. */
  tagsText: string;
  from: string;
  to: string;
  minMood: number | null;
  maxMood: number | null;
  minProgress: number | null;
  maxProgress: number | null;
}

export function emptyFilters(): Filters {
  return { tagsText: '', from: '', to: '', minMood: null, maxMood: null, minProgress: null, maxProgress: null };
}

/** How many filters are set, for the Filters button. */
export function countFilters(f: Filters): number {
  return [
    parseTags(f.tagsText).length > 0,
    f.from !== '',
    f.to !== '',
    f.minMood !== null || f.maxMood !== null,
    f.minProgress !== null || f.maxProgress !== null,
  ].filter(Boolean).length;
}

export interface SearchOptions {
  debounceMs?: number;
}

export class Search {
  text = $state('');
  filters = $state<Filters>(emptyFilters());
  showFilters = $state(false);

  hits = $state.raw<SearchHit[]>([]);
  more = $state(false);
  hint = $state<string | null>(null);
  error = $state<AppError | null>(null);
  searching = $state(false);
  /** True once an answer for the current text and filters has arrived. */
  answered = $state(false);
  limit = $state(FIRST_LIMIT);

  filterCount = $derived(countFilters(this.filters));
  active = $derived(this.text.trim() !== '' || this.filterCount > 0);

  #debounceMs: number;
  #timer: ReturnType<typeof setTimeout> | null = null;
  #request = 0;

  constructor(options: SearchOptions = {}) {
    this.#debounceMs = options.debounceMs ?? SEARCH_DEBOUNCE_MS;
  }

  /** What is sent: every field, null where unused. */
  query(): SearchQuery {
    const f = this.filters;
    return {
      text: this.text,
      tags: parseTags(f.tagsText),
      from: f.from === '' ? null : f.from,
      to: f.to === '' ? null : f.to,
      min_mood: f.minMood,
      max_mood: f.maxMood,
      min_progress: f.minProgress,
      max_progress: f.maxProgress,
      limit: this.limit,
    };
  }

  #cancel(): void {
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = null;
  }

  /** The text or a filter changed: search again after a short pause. */
  changed(): void {
    this.#cancel();
    this.limit = FIRST_LIMIT;
    this.answered = false;
    if (!this.active) {
      this.#request += 1; // whatever is in flight is no longer wanted
      this.hits = [];
      this.more = false;
      this.hint = null;
      this.error = null;
      this.searching = false;
      return;
    }
    this.#timer = setTimeout(() => {
      this.#timer = null;
      void this.run();
    }, this.#debounceMs);
  }

  /** Searches now; an answer that is overtaken by a newer request is dropped. */
  async run(): Promise<void> {
    this.#cancel();
    if (!this.active) return;
    const request = ++this.#request;
    this.searching = true;
    try {
      const results = await api.search(this.query());
      if (request !== this.#request) return;
      this.hits = results.hits;
      this.more = results.more;
      this.hint = results.hint;
      this.error = null;
      this.answered = true;
    } catch (err) {
      if (request !== this.#request) return;
      this.error = toAppError(err);
    } finally {
      if (request === this.#request) this.searching = false;
    }
  }

  /** Asks for more hits than the first answer had. */
  showMore(): Promise<void> {
    this.limit = Math.min(MAX_LIMIT, this.limit + FIRST_LIMIT * 2);
    return this.run();
  }

  /** Back to the timeline: text and filters cleared. */
  clear(): void {
    this.text = '';
    this.filters = emptyFilters();
    this.changed();
  }

  clearFilters(): void {
    this.filters = emptyFilters();
    this.changed();
  }

  /** Stored entries changed: an open search is asked again so its results stay true. */
  refresh(): void {
    if (this.active && this.answered) void this.run();
  }

  dispose(): void {
    this.#cancel();
  }
}
