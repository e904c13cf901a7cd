// The Journal place's state: the timeline (paged, newest first), the trash, and the editor's
// draft. Components read and bind to it; every change to stored data goes through the typed
// commands in `lib/ipc`, and every failure is kept as an `AppError` that the UI switches on by
// `code`. Nothing the person typed is dropped on an error or when they move elsewhere.

import { SvelteMap } from 'svelte/reactivity';

import * as api from '../ipc/commands';
import { toAppError } from '../ipc/commands';
import type { AppError, Entry, EntryDraft, ErrorCode, PageCursor } from '../ipc/commands';
import { todayLocal } from './dates';
import { appendNew, comesBefore } from './order';

/** Entries fetched per timeline page. */
export const PAGE_SIZE = 50;

/** What the editor holds: the entry being edited (`id`), or a new one (`id === null`). */
export interface Draft {
  id: number | null;
  entryDate: string;
  body: string;
  /** Tags as typed, comma-separated. */
  tagsText: string;
}

export type SaveState = 'idle' | 'saving' | 'saved' | 'failed';

/** The editor field an error is about, so the form can point at it. */
export type DraftField = 'date' | 'body' | 'tags';

const FIELD_OF: Partial<Record<ErrorCode, DraftField>> = {
  empty_body: 'body',
  body_too_large: 'body',
  invalid_date: 'date',
  invalid_tag: 'tags',
  too_many_tags: 'tags',
};

/** The field an error code points at, if any. */
export function fieldForCode(code: ErrorCode | undefined): DraftField | null {
  return code ? (FIELD_OF[code] ?? null) : null;
}

/** Splits the tags field on commas; blanks are dropped, the backend normalises the rest. */
export function parseTags(text: string): string[] {
  return text
    .split(',')
    .map((t) => t.trim())
    .filter((t) => t.length > 0);
}

export function emptyDraft(entryDate: string): Draft {
  return { id: null, entryDate, body: '', tagsText: '' };
}

export function draftFromEntry(entry: Entry): Draft {
  return { id: entry.id, entryDate: entry.entry_date, body: entry.body, tagsText: entry.tags.join(', ') };
}

function toEntryDraft(d: Draft): EntryDraft {
  return { entry_date: d.entryDate, body: d.body, tags: parseTags(d.tagsText) };
}

function copy(d: Draft): Draft {
  return { id: d.id, entryDate: d.entryDate, body: d.body, tagsText: d.tagsText };
}

function sameContent(a: Draft, b: Draft): boolean {
  return (
    a.entryDate === b.entryDate &&
    a.body === b.body &&
    parseTags(a.tagsText).join('\u0000') === parseTags(b.tagsText).join('\u0000')
  );
}

/** Checks the UI can make before asking the backend (which stays the authority). */
export function checkDraft(d: Draft): AppError | null {
  if (d.entryDate.trim() === '') {
    return { code: 'invalid_date', message: 'Pick the day this entry is about.' };
  }
  if (d.body.trim() === '') {
    return { code: 'empty_body', message: 'The entry is empty: write something before saving.' };
  }
  return null;
}

export interface JournalOptions {
  /** Today's date as `YYYY-MM-DD`; the local calendar day by default. */
  today?: () => string;
  pageSize?: number;
}

export class Journal {
  // Timeline
  entries = $state<Entry[]>([]);
  next = $state<PageCursor | null>(null);
  /** True once the first page has arrived (or failed to). */
  firstPageSettled = $state(false);
  refreshing = $state(false);
  loadingMore = $state(false);
  loadError = $state<AppError | null>(null);

  // Trash
  showTrash = $state(false);
  trash = $state<Entry[]>([]);
  trashLoading = $state(false);
  trashError = $state<AppError | null>(null);

  // Editor
  draft = $state<Draft>(emptyDraft(''));
  saveState = $state<SaveState>('idle');
  error = $state<AppError | null>(null);
  /** A new, unsaved draft that was cleared away; it can be brought back. */
  setAside = $state<Draft | null>(null);
  /** The entry most recently moved to the trash, for an undo. */
  lastTrashed = $state<Entry | null>(null);

  #baseline = $state<Draft>(emptyDraft(''));
  /** Unsaved edits to stored entries the person moved away from, by entry id. */
  #unsaved = new SvelteMap<number, Draft>();
  #today: () => string;
  #pageSize: number;
  #generation = 0;
  #pagesLoaded = 0;
  /** Counts local changes to the timeline, so a reload that raced one can start over. */
  #changes = 0;
  #refreshRun: Promise<void> | null = null;
  #moreRun: Promise<void> | null = null;
  #saving: Promise<void> | null = null;
  #saveAgain = false;

  loading = $derived(this.refreshing || this.loadingMore);
  hasMore = $derived(this.next !== null);
  dirty = $derived(!sameContent(this.draft, this.#baseline));
  errorField = $derived(fieldForCode(this.error?.code));
  statusText = $derived.by(() => {
    switch (this.saveState) {
      case 'saving':
        return 'Saving…';
      case 'failed':
        return 'Not saved';
      case 'saved':
        return this.dirty ? 'Unsaved changes' : 'Saved';
      default:
        return this.dirty && (this.draft.id !== null || this.draft.body !== '') ? 'Unsaved changes' : '';
    }
  });

  constructor(options: JournalOptions = {}) {
    this.#today = options.today ?? (() => todayLocal());
    this.#pageSize = options.pageSize ?? PAGE_SIZE;
    this.draft = emptyDraft(this.#today());
    this.#baseline = copy(this.draft);
  }

  /** True when the stored entry `id` has edits the person has not saved yet. */
  hasUnsavedEdits(id: number): boolean {
    return this.#unsaved.has(id) || (this.draft.id === id && this.dirty);
  }

  // ---- Timeline -------------------------------------------------------------------------

  /**
   * Loads the timeline again from the top, as many pages as were shown before, and swaps it in
   * once complete (no flicker, no half-lists). Later calls win over earlier ones.
   */
  refresh(): Promise<void> {
    const run = this.#refresh();
    this.#refreshRun = run;
    return run;
  }

  async #refresh(): Promise<void> {
    const generation = ++this.#generation;
    const pages = Math.max(1, this.#pagesLoaded);
    this.refreshing = true;
    this.loadingMore = false;
    this.#moreRun = null;
    try {
      let collected: Entry[] = [];
      let cursor: PageCursor | null = null;
      let loaded = 0;
      // A save or trash while the pages were in flight would be undone by the older answer:
      // read again then (a few times at most; the store is local and fast).
      for (let attempt = 0; attempt < 3; attempt += 1) {
        const changes = this.#changes;
        collected = [];
        cursor = null;
        loaded = 0;
        do {
          const page = await api.listEntries(cursor, this.#pageSize);
          if (generation !== this.#generation) return;
          collected = appendNew(collected, page.entries);
          cursor = page.next;
          loaded += 1;
        } while (cursor !== null && loaded < pages);
        if (changes === this.#changes) break;
      }
      this.entries = collected;
      this.next = cursor;
      this.#pagesLoaded = loaded;
      this.loadError = null;
    } catch (err) {
      if (generation !== this.#generation) return;
      this.loadError = toAppError(err);
    } finally {
      if (generation === this.#generation) {
        this.refreshing = false;
        this.firstPageSettled = true;
      }
    }
  }

  /**
   * Appends the next page of the timeline. Does nothing at the end; waits for a reload in
   * flight first; a second call while a page is loading shares that load.
   */
  async loadMore(): Promise<void> {
    while (this.refreshing && this.#refreshRun) await this.#refreshRun;
    if (this.#moreRun) return this.#moreRun;
    const cursor = this.next;
    if (cursor === null) return;
    const run = this.#loadMore(cursor);
    this.#moreRun = run;
    return run;
  }

  async #loadMore(cursor: PageCursor): Promise<void> {
    const generation = this.#generation;
    this.loadingMore = true;
    try {
      const page = await api.listEntries(cursor, this.#pageSize);
      if (generation !== this.#generation) return;
      this.entries = appendNew(this.entries, page.entries);
      this.next = page.next;
      this.#pagesLoaded += 1;
      this.loadError = null;
    } catch (err) {
      if (generation !== this.#generation) return;
      this.loadError = toAppError(err);
    } finally {
      if (generation === this.#generation) {
        this.loadingMore = false;
        this.#moreRun = null;
      }
    }
  }

  /** Puts a stored entry where it belongs in the loaded part of the timeline. */
  #place(entry: Entry): void {
    this.#changes += 1;
    const rest = this.entries.filter((e) => e.id !== entry.id);
    const cursor = this.next;
    // An entry older than the last loaded one arrives with a later page instead.
    if (cursor !== null && !comesBefore(entry, cursor)) {
      this.entries = rest;
      return;
    }
    const at = rest.findIndex((e) => comesBefore(entry, e));
    rest.splice(at === -1 ? rest.length : at, 0, entry);
    this.entries = rest;
  }

  #forget(id: number): void {
    this.#changes += 1;
    this.entries = this.entries.filter((e) => e.id !== id);
  }

  // ---- Trash ----------------------------------------------------------------------------

  async toggleTrash(): Promise<void> {
    this.showTrash = !this.showTrash;
    if (this.showTrash) await this.loadTrash();
  }

  async loadTrash(): Promise<void> {
    this.trashLoading = true;
    try {
      this.trash = await api.listTrash();
      this.trashError = null;
    } catch (err) {
      this.trashError = toAppError(err);
    } finally {
      this.trashLoading = false;
    }
  }

  /** Brings an entry back from the trash into the timeline. */
  async restore(id: number): Promise<Entry | null> {
    try {
      const entry = await api.restoreEntry(id);
      this.trash = this.trash.filter((e) => e.id !== id);
      if (this.lastTrashed?.id === id) this.lastTrashed = null;
      this.#place(entry);
      this.trashError = null;
      return entry;
    } catch (err) {
      this.trashError = toAppError(err);
      return null;
    }
  }

  /** Restores the entry just trashed and opens it again. */
  async undoTrash(): Promise<void> {
    const entry = this.lastTrashed;
    if (!entry) return;
    const restored = await this.restore(entry.id);
    if (restored) {
      await this.open(restored);
    } else if (this.trashError) {
      this.error = this.trashError;
    }
  }

  // ---- Editor ---------------------------------------------------------------------------

  #keepUnsaved(): void {
    const current = copy(this.draft);
    if (!this.dirty) {
      if (current.id !== null) this.#unsaved.delete(current.id);
      return;
    }
    if (current.id !== null) {
      this.#unsaved.set(current.id, current);
    } else if (current.body.trim() !== '' || current.tagsText.trim() !== '') {
      this.setAside = current;
    }
  }

  #load(draft: Draft, baseline: Draft): void {
    this.draft = draft;
    this.#baseline = baseline;
    this.error = null;
    this.saveState = 'idle';
  }

  /** Opens a stored entry in the editor; unsaved edits made to it earlier come back too. */
  async open(entry: Entry): Promise<void> {
    await this.#saving;
    if (this.draft.id === entry.id && this.dirty) return;
    this.#keepUnsaved();
    const stored = draftFromEntry(entry);
    const edits = this.#unsaved.get(entry.id);
    this.#unsaved.delete(entry.id);
    this.#load(edits ? copy(edits) : stored, stored);
  }

  /** Clears the editor for a new entry dated today. */
  async newEntry(): Promise<void> {
    await this.#saving;
    this.#keepUnsaved();
    const fresh = emptyDraft(this.#today());
    this.#load(fresh, copy(fresh));
  }

  /** Brings back a new draft that was cleared away. */
  async bringBack(): Promise<void> {
    const draft = this.setAside;
    if (!draft) return;
    await this.#saving;
    this.setAside = null;
    this.#keepUnsaved();
    this.#load(copy(draft), emptyDraft(draft.entryDate));
  }

  dismissSetAside(): void {
    this.setAside = null;
  }

  /**
   * Saves the draft: creates a new entry or replaces the open one. A save asked for while one is
   * running happens right after it, so a double Ctrl+S never creates two entries.
   */
  save(): Promise<void> {
    if (this.#saving) {
      this.#saveAgain = true;
      return this.#saving;
    }
    const run = this.#save().finally(() => {
      this.#saving = null;
      if (this.#saveAgain) {
        this.#saveAgain = false;
        if (this.dirty) return this.save();
      }
    });
    this.#saving = run;
    return run;
  }

  async #save(): Promise<void> {
    const sent = copy(this.draft);
    const refused = checkDraft(sent);
    if (refused) {
      this.error = refused;
      this.saveState = 'failed';
      return;
    }
    this.saveState = 'saving';
    this.error = null;
    try {
      const payload = toEntryDraft(sent);
      const saved =
        sent.id === null ? await api.createEntry(payload) : await api.updateEntry(sent.id, payload);
      const stored = draftFromEntry(saved);
      this.draft.id = saved.id;
      // Show the tags as the backend kept them, unless the person typed on meanwhile.
      if (this.draft.tagsText === sent.tagsText) this.draft.tagsText = stored.tagsText;
      this.#baseline = stored;
      this.#unsaved.delete(saved.id);
      this.#place(saved);
      this.saveState = 'saved';
    } catch (err) {
      const error = toAppError(err);
      if (error.code === 'not_found' && sent.id !== null) {
        // The stored entry is gone; the text stays, and the next save keeps it as a new one.
        this.#forget(sent.id);
        this.draft.id = null;
      }
      this.error = error;
      this.saveState = 'failed';
    }
  }

  /** Moves the open entry to the trash and clears the editor. */
  async trashCurrent(): Promise<void> {
    await this.#saving;
    const id = this.draft.id;
    if (id === null) return;
    try {
      const trashed = await api.trashEntry(id);
      this.#forget(id);
      this.trash = [trashed, ...this.trash.filter((e) => e.id !== id)];
      this.lastTrashed = trashed;
      // Unsaved edits are kept with the entry: restoring and opening it brings them back.
      this.#keepUnsaved();
      const fresh = emptyDraft(this.#today());
      this.#load(fresh, copy(fresh));
    } catch (err) {
      this.error = toAppError(err);
      this.saveState = 'idle';
    }
  }
}
