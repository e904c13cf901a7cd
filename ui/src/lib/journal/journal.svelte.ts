// The Journal place's state: the timeline (paged, newest first), the trash, the editor's draft
// with autosave and crash-recovery copies, and an entry's history. Components read and bind to
// it; every change to stored data goes through the typed commands in `lib/ipc`, and every
// failure is kept as an `AppError` that the UI switches on by `code`. Nothing the person typed
// is dropped on an error or when they move elsewhere.
//
// Writes are serialised: saves, crash-recovery copies and restores run one after another in
// the order they were asked for, each reading the editor when its turn comes. So a recovery
// copy of a new entry can never land after the save that cleared it, and a double Ctrl+S
// never creates two entries.

import { SvelteMap } from 'svelte/reactivity';

import * as api from '../ipc/commands';
import { toAppError } from '../ipc/commands';
import { dataChanged } from '../shell/changes';
import type {
  AppError,
  Draft as KeptDraft,
  DraftInput,
  Entry,
  EntryDraft,
  EntryPage,
  ErrorCode,
  PageCursor,
  Revision,
  TagCount,
} from '../ipc/commands';
import { todayLocal } from './dates';
import { arrivedFirstPage, loadFirstPage } from './early-page';
import { appendNew, comesBefore } from './order';
import { PAGE_SIZE } from './rows';
import { normaliseTags, parseTags } from './tags';

export { PAGE_SIZE, normaliseTags, parseTags };

/** Autosave runs this long after the last change (so it is committed within a second). */
export const AUTOSAVE_MS = 700;
/** While the person types, a crash-recovery copy is kept at most this often. */
export const DRAFT_MS = 250;

/** What the editor holds: the entry being edited (`id`), or a new one (`id === null`). */
export interface Draft {
  id: number | null;
  entryDate: string;
  body: string;
  /** Tags as typed, comma-separated. */
  tagsText: string;
  /** 1–5, or null when not said. */
  mood: number | null;
  /** "Did I move forward?" 1–5, or null when not said. */
  progress: number | null;
}

export type SaveState = 'idle' | 'saving' | 'saved' | 'failed';

/** The editor field an error is about, so the form can point at it. */
export type DraftField = 'date' | 'body' | 'tags' | 'ratings';

const FIELD_OF: Partial<Record<ErrorCode, DraftField>> = {
  empty_body: 'body',
  body_too_large: 'body',
  draft_too_large: 'body',
  invalid_date: 'date',
  invalid_tag: 'tags',
  too_many_tags: 'tags',
  invalid_rating: 'ratings',
};

/** The field an error code points at, if any. */
export function fieldForCode(code: ErrorCode | undefined): DraftField | null {
  return code ? (FIELD_OF[code] ?? null) : null;
}

export function emptyDraft(entryDate: string, body = ''): Draft {
  return { id: null, entryDate, body, tagsText: '', mood: null, progress: null };
}

export function draftFromEntry(entry: Entry): Draft {
  return {
    id: entry.id,
    entryDate: entry.entry_date,
    body: entry.body,
    tagsText: entry.tags.join(', '),
    mood: entry.mood,
    progress: entry.progress,
  };
}

function draftFromKept(kept: KeptDraft, id: number | null): Draft {
  return {
    id,
    entryDate: kept.entry_date,
    body: kept.body,
    tagsText: kept.tags.join(', '),
    mood: kept.mood,
    progress: kept.progress,
  };
}

function toEntryDraft(d: Draft): EntryDraft {
  return { entry_date: d.entryDate, body: d.body, tags: parseTags(d.tagsText), mood: d.mood, progress: d.progress };
}

function toDraftInput(d: Draft): DraftInput {
  return { entry_id: d.id, ...toEntryDraft(d) };
}

function keptToInput(kept: KeptDraft): DraftInput {
  const { entry_id, entry_date, body, tags, mood, progress } = kept;
  return { entry_id, entry_date, body, tags, mood, progress };
}

function copy(d: Draft): Draft {
  return { ...d };
}

function sameContent(a: Draft, b: Draft): boolean {
  return (
    a.entryDate === b.entryDate &&
    a.body === b.body &&
    a.mood === b.mood &&
    a.progress === b.progress &&
    normaliseTags(a.tagsText).join('\u0000') === normaliseTags(b.tagsText).join('\u0000')
  );
}

/** The crash-recovery slot of an entry: its id, or 0 for the new entry. */
function slotOf(id: number | null): number {
  return id ?? 0;
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

export interface SaveOptions {
  /** An autosave: a blank body or date waits quietly instead of showing an error. */
  auto?: boolean;
}

export interface JournalOptions {
  /** Today's date as `YYYY-MM-DD`; the local calendar day by default. */
  today?: () => string;
  pageSize?: number;
  autosaveMs?: number;
  draftMs?: number;
}

export class Journal {
  // Timeline
  // Lists are replaced, never changed in place: raw state avoids proxying 100,000 entries.
  entries = $state.raw<Entry[]>([]);
  next = $state<PageCursor | null>(null);
  /** True once the first page has arrived (or failed to). */
  firstPageSettled = $state(false);
  /** Resolves when `firstPageSettled` turns true. */
  readonly firstPage: Promise<void>;
  #firstPageDone: () => void = () => undefined;
  refreshing = $state(false);
  loadingMore = $state(false);
  loadError = $state<AppError | null>(null);

  // Trash
  showTrash = $state(false);
  trash = $state.raw<Entry[]>([]);
  trashLoading = $state(false);
  trashError = $state<AppError | null>(null);
  /** How many entries the last "Empty trash" removed for good, to say so. */
  emptied = $state<number | null>(null);

  // Editor
  draft = $state<Draft>(emptyDraft(''));
  saveState = $state<SaveState>('idle');
  error = $state<AppError | null>(null);
  /** The last crash-recovery copy could not be kept. */
  draftError = $state<AppError | null>(null);
  /** A new, unsaved draft that was cleared away; it can be brought back. */
  setAside = $state<Draft | null>(null);
  /** The entry most recently moved to the trash, for an undo. */
  lastTrashed = $state<Entry | null>(null);

  // Crash recovery
  /** Unsaved text found at start-up, waiting for the person to restore or discard it. */
  recoveries = $state.raw<KeptDraft[]>([]);
  /** A failed restore or discard, and which recovery it was about (its slot). */
  recoveryError = $state<{ slot: number; error: AppError } | null>(null);

  // History of the open entry
  showHistory = $state(false);
  revisions = $state.raw<Revision[]>([]);
  revisionsLoading = $state(false);
  revisionsError = $state<AppError | null>(null);

  // Tags in use, for autocomplete
  knownTags = $state.raw<TagCount[]>([]);
  tagsError = $state<AppError | null>(null);

  #baseline = $state<Draft>(emptyDraft(''));
  /** Unsaved edits to stored entries the person moved away from, by entry id. */
  #unsaved = new SvelteMap<number, Draft>();
  #today: () => string;
  #pageSize: number;
  #autosaveMs: number;
  #draftMs: number;
  #generation = 0;
  #pagesLoaded = 0;
  /** Counts local changes to the timeline, so a reload that raced one can start over. */
  #changes = 0;
  #refreshRun: Promise<void> | null = null;
  #moreRun: Promise<void> | null = null;

  /** The end of the chain of writes; tasks never reject. */
  #tail: Promise<void> = Promise.resolve();
  /** A save that is queued and has not started: later asks share it. */
  #queuedSave: Promise<void> | null = null;
  #queuedAuto = false;
  #autosaveTimer: ReturnType<typeof setTimeout> | null = null;
  #draftTimer: ReturnType<typeof setTimeout> | null = null;
  /** Recovery slots this editor has written a copy to that no save has cleared yet. */
  // Bookkeeping for the write chain, never shown: not reactive on purpose.
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  #keptSlots = new Set<number>();
  #revisionsRequest = 0;

  loading = $derived(this.refreshing || this.loadingMore);
  hasMore = $derived(this.next !== null);
  dirty = $derived(!sameContent(this.draft, this.#baseline));
  errorField = $derived(fieldForCode(this.error?.code));
  statusText = $derived.by(() => {
    if (this.saveState === 'saving') return 'Saving…';
    if (this.saveState === 'failed') return 'Not saved';
    if (this.dirty) return 'Not saved yet';
    return this.saveState === 'saved' ? 'Saved' : '';
  });

  constructor(options: JournalOptions = {}) {
    this.#today = options.today ?? (() => todayLocal());
    this.#pageSize = options.pageSize ?? PAGE_SIZE;
    this.#autosaveMs = options.autosaveMs ?? AUTOSAVE_MS;
    this.#draftMs = options.draftMs ?? DRAFT_MS;
    this.draft = emptyDraft(this.#today());
    this.#baseline = copy(this.draft);
    this.firstPage = new Promise((resolve) => (this.#firstPageDone = resolve));
  }

  /**
   * True when the stored entry `id` has edits that are not saved and will not be by the next
   * autosave on its own: edits left behind in another entry, or a save that failed.
   */
  hasUnsavedEdits(id: number): boolean {
    return this.#unsaved.has(id) || (this.draft.id === id && this.dirty && this.saveState === 'failed');
  }

  /** Stops the timers (the component is going away). */
  dispose(): void {
    this.#clearAutosave();
    this.#clearDraftTimer();
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
          const first = attempt === 0 && loaded === 0;
          // Taken without waiting when it is already here: the entries are then set in the
          // same task that builds the journal, and drawn in its first frame.
          const page: EntryPage = (first && arrivedFirstPage(this.#pageSize)) || (await this.#page(cursor, first));
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
        this.#firstPageDone();
      }
    }
  }

  /**
   * One page of the timeline after `cursor`. The very first one may already be on its way,
   * asked for as the window started (`early-page.ts`); if that failed, it is asked for again.
   */
  #page(cursor: PageCursor | null, first: boolean): Promise<EntryPage> {
    if (first && cursor === null) return loadFirstPage(this.#pageSize);
    return api.listEntries(cursor, this.#pageSize);
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
    this.emptied = null;
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
      void this.loadTags();
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

  /** Deletes everything in the trash for good. Resolves with how many went, or null on error. */
  async emptyTrash(): Promise<number | null> {
    try {
      const removed = await api.emptyTrash();
      for (const e of this.trash) this.#unsaved.delete(e.id);
      this.trash = [];
      this.lastTrashed = null;
      this.trashError = null;
      this.emptied = removed;
      return removed;
    } catch (err) {
      this.trashError = toAppError(err);
      return null;
    }
  }

  // ---- Tags -----------------------------------------------------------------------------

  async loadTags(): Promise<void> {
    try {
      this.knownTags = await api.listTags();
      this.tagsError = null;
    } catch (err) {
      this.tagsError = toAppError(err);
    }
  }

  // ---- The chain of writes --------------------------------------------------------------

  #enqueue(task: () => Promise<void>): Promise<void> {
    const run = this.#tail.then(task);
    this.#tail = run;
    return run;
  }

  /** Waits until every write asked for so far has finished. */
  settled(): Promise<void> {
    return this.#tail;
  }

  #clearAutosave(): void {
    if (this.#autosaveTimer !== null) clearTimeout(this.#autosaveTimer);
    this.#autosaveTimer = null;
  }

  #clearDraftTimer(): void {
    if (this.#draftTimer !== null) clearTimeout(this.#draftTimer);
    this.#draftTimer = null;
  }

  /**
   * The editor changed (a keystroke, a rating, a tag picked): keep a recovery copy soon and
   * autosave once the person pauses. Cheap; call it on every change.
   */
  changed(): void {
    if (this.#draftTimer === null) {
      // Throttled rather than debounced: during a long burst of typing a copy is still kept
      // every DRAFT_MS, so a crash loses at most that much.
      this.#draftTimer = setTimeout(() => {
        this.#draftTimer = null;
        void this.#enqueue(() => this.#writeDraft());
      }, this.#draftMs);
    }
    this.#clearAutosave();
    if (this.dirty) {
      this.#autosaveTimer = setTimeout(() => {
        this.#autosaveTimer = null;
        if (this.dirty) void this.save({ auto: true });
      }, this.#autosaveMs);
    }
  }

  /** A recovery for this slot is waiting for the person: its copy must not be overwritten. */
  #holdsRecovery(slot: number): boolean {
    return this.recoveries.some((r) => slotOf(r.entry_id) === slot);
  }

  async #writeDraft(): Promise<void> {
    const d = copy(this.draft);
    const slot = slotOf(d.id);
    if (this.#holdsRecovery(slot)) return;
    try {
      if (this.dirty) {
        await api.saveDraft(toDraftInput(d));
        this.#keptSlots.add(slot);
      } else if (this.#keptSlots.has(slot)) {
        // Back to what is stored: the copy has nothing left to offer.
        await api.discardDraft(d.id);
        this.#keptSlots.delete(slot);
      }
      this.draftError = null;
    } catch (err) {
      this.draftError = toAppError(err);
    }
  }

  /**
   * Before the editor moves to something else: a pending recovery copy is written now and
   * pending edits are saved (when they can be), then every write has finished.
   */
  async #flush(): Promise<void> {
    this.#clearAutosave();
    if (this.#draftTimer !== null) {
      this.#clearDraftTimer();
      void this.#enqueue(() => this.#writeDraft());
    }
    if (this.dirty && checkDraft(this.draft) === null) void this.save({ auto: true });
    await this.#tail;
  }

  /** Saves pending edits now (when they can be saved) and waits for every write. */
  flush(): Promise<void> {
    return this.#flush();
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
    this.#clearAutosave();
    this.#clearDraftTimer();
    const sameEntry = draft.id !== null && draft.id === this.draft.id;
    this.draft = draft;
    this.#baseline = baseline;
    this.error = null;
    this.saveState = 'idle';
    if (!sameEntry) {
      this.revisions = [];
      this.revisionsError = null;
      if (this.showHistory) void this.loadRevisions();
    }
  }

  /** Opens a stored entry in the editor; unsaved edits made to it earlier come back too. */
  async open(entry: Entry): Promise<void> {
    if (this.draft.id === entry.id && this.dirty) return;
    await this.#flush();
    if (this.draft.id === entry.id && this.dirty) return;
    this.#keepUnsaved();
    const stored = draftFromEntry(entry);
    const edits = this.#unsaved.get(entry.id);
    this.#unsaved.delete(entry.id);
    this.#load(edits ? copy(edits) : stored, stored);
  }

  /**
   * Clears the editor for a new entry dated today, optionally starting from a template's
   * text. The template text alone is not a change: nothing is saved until the person writes.
   */
  async newEntry(body = ''): Promise<void> {
    await this.#flush();
    this.#keepUnsaved();
    const fresh = emptyDraft(this.#today(), body);
    this.#load(fresh, copy(fresh));
  }

  /** Brings back a new draft that was cleared away. */
  async bringBack(): Promise<void> {
    const draft = this.setAside;
    if (!draft) return;
    await this.#flush();
    this.setAside = null;
    this.#keepUnsaved();
    this.#load(copy(draft), emptyDraft(draft.entryDate));
    this.changed();
  }

  dismissSetAside(): void {
    this.setAside = null;
  }

  /**
   * Saves the draft now: creates a new entry or replaces the open one. Every ask made before
   * a queued save starts shares it; one made while a save runs is served right after it.
   */
  save(options: SaveOptions = {}): Promise<void> {
    this.#clearAutosave();
    const auto = options.auto === true;
    if (this.#queuedSave) {
      // An explicit ask joining a queued autosave makes it explicit (errors are shown).
      if (!auto) this.#queuedAuto = false;
      return this.#queuedSave;
    }
    this.#queuedAuto = auto;
    const run = this.#enqueue(async () => {
      this.#queuedSave = null;
      await this.#save(this.#queuedAuto);
    });
    this.#queuedSave = run;
    return run;
  }

  /** Asks again after a failed save. */
  retry(): Promise<void> {
    return this.save();
  }

  async #save(auto: boolean): Promise<void> {
    const target = this.draft;
    const sent = copy(target);
    if (sent.id !== null && !this.dirty) {
      // Nothing changed since the last save: nothing to write.
      if (!auto) {
        this.error = null;
        this.saveState = 'saved';
      }
      return;
    }
    const refused = checkDraft(sent);
    if (refused) {
      // An autosave waits quietly for a body and a day; only an explicit save says why not.
      if (auto) return;
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
      dataChanged();
      // The save cleared this slot's recovery copy in the same transaction.
      this.#keptSlots.delete(slotOf(sent.id));
      this.#unsaved.delete(saved.id);
      this.#place(saved);
      if (this.draft === target) {
        this.draft.id = saved.id;
        // On an explicit save, show the tags as the backend kept them, unless the person typed
        // on meanwhile. An autosave never rewrites a field the person may be typing in.
        if (!auto && this.draft.tagsText === sent.tagsText) this.draft.tagsText = stored.tagsText;
        this.#baseline = stored;
        this.saveState = 'saved';
        if (!this.dirty) this.#clearDraftTimer();
      }
      await this.#keepRecovery(slotOf(sent.id));
      void this.loadTags();
    } catch (err) {
      const error = toAppError(err);
      if (error.code === 'not_found' && sent.id !== null && this.draft === target) {
        // The stored entry is gone; the text stays, and the next save keeps it as a new one.
        this.#forget(sent.id);
        this.draft.id = null;
      }
      if (this.draft === target) {
        this.error = error;
        this.saveState = 'failed';
      }
    }
  }

  /** Moves the open entry to the trash (its pending edits saved first) and clears the editor. */
  async trashCurrent(): Promise<void> {
    await this.#flush();
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
      void this.loadTags();
    } catch (err) {
      this.error = toAppError(err);
      this.saveState = 'idle';
    }
  }

  // ---- Crash recovery -------------------------------------------------------------------

  /**
   * Asks for text left behind by an unexpected exit. Queued first, so no recovery copy
   * written in this session can overwrite one before it has been read.
   */
  loadRecoveries(): Promise<void> {
    return this.#enqueue(async () => {
      try {
        this.recoveries = await api.pendingDrafts();
      } catch (err) {
        this.recoveryError = { slot: -1, error: toAppError(err) };
      }
    });
  }

  /** A save cleared a slot whose recovery is still undecided: keep that text stored. */
  async #keepRecovery(slot: number): Promise<void> {
    const waiting = this.recoveries.find((r) => slotOf(r.entry_id) === slot);
    if (!waiting) return;
    try {
      await api.saveDraft(keptToInput(waiting));
    } catch (err) {
      this.draftError = toAppError(err);
    }
  }

  #dropRecovery(kept: KeptDraft): void {
    this.recoveries = this.recoveries.filter((r) => r !== kept);
    if (this.recoveryError?.slot === slotOf(kept.entry_id)) this.recoveryError = null;
  }

  /**
   * Puts recovered text in the editor: in its entry (compared with what is stored) or in a new
   * entry. It is saved by the normal autosave from there.
   */
  async recover(kept: KeptDraft): Promise<void> {
    await this.#flush();
    let baseline: Draft;
    let id: number | null = null;
    if (kept.entry_id === null) {
      baseline = emptyDraft(kept.entry_date);
    } else {
      try {
        const entry = await api.getEntry(kept.entry_id);
        if (entry.deleted_at === null) {
          id = entry.id;
          baseline = draftFromEntry(entry);
        } else {
          baseline = emptyDraft(kept.entry_date);
        }
      } catch (err) {
        const error = toAppError(err);
        if (error.code !== 'not_found') {
          this.recoveryError = { slot: slotOf(kept.entry_id), error };
          return;
        }
        // The entry is gone: the words come back as a new entry.
        baseline = emptyDraft(kept.entry_date);
      }
    }
    this.#dropRecovery(kept);
    if (id !== null) this.#keptSlots.add(slotOf(id));
    this.#keepUnsaved();
    if (id !== null) this.#unsaved.delete(id);
    this.#load(draftFromKept(kept, id), baseline);
    this.changed();
  }

  /** Forgets recovered text for good. */
  async discardRecovery(kept: KeptDraft): Promise<void> {
    try {
      await api.discardDraft(kept.entry_id);
      this.#dropRecovery(kept);
      // The editor's own copy for that slot was held back while the recovery waited.
      if (slotOf(this.draft.id) === slotOf(kept.entry_id) && this.dirty) this.changed();
    } catch (err) {
      this.recoveryError = { slot: slotOf(kept.entry_id), error: toAppError(err) };
    }
  }

  // ---- History --------------------------------------------------------------------------

  async toggleHistory(): Promise<void> {
    this.showHistory = !this.showHistory;
    if (this.showHistory) await this.loadRevisions();
  }

  closeHistory(): void {
    this.showHistory = false;
  }

  async loadRevisions(): Promise<void> {
    const id = this.draft.id;
    const request = ++this.#revisionsRequest;
    if (id === null) {
      this.revisions = [];
      this.revisionsLoading = false;
      return;
    }
    this.revisionsLoading = true;
    try {
      const revisions = await api.listRevisions(id);
      if (request !== this.#revisionsRequest) return;
      this.revisions = revisions;
      this.revisionsError = null;
    } catch (err) {
      if (request !== this.#revisionsRequest) return;
      this.revisionsError = toAppError(err);
    } finally {
      if (request === this.#revisionsRequest) this.revisionsLoading = false;
    }
  }

  /**
   * Makes an older version current again. Pending edits are saved first, so they become a
   * revision too; if they cannot be saved, nothing is restored over them.
   */
  async restoreRevision(revision: Revision): Promise<boolean> {
    await this.#flush();
    if (this.draft.id !== revision.entry_id) return false;
    if (this.dirty) {
      // The pending edits could not be saved: say why, next to the history.
      this.revisionsError = this.error ?? checkDraft(this.draft);
      return false;
    }
    let restored = false;
    await this.#enqueue(async () => {
      try {
        const entry = await api.restoreRevision(revision.id);
        const stored = draftFromEntry(entry);
        this.#load(copy(stored), stored);
        this.saveState = 'saved';
        this.#place(entry);
        restored = true;
      } catch (err) {
        this.revisionsError = toAppError(err);
      }
    });
    if (restored) {
      void this.loadTags();
      await this.loadRevisions();
    }
    return restored;
  }
}
