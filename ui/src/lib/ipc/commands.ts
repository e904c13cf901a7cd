// The one door from the UI to the Rust side: a typed function per Tauri command.
//
// Every function resolves with the command's typed result or rejects with an `AppError`
// (`{ code, message }`). Anything else the IPC layer throws (a missing command, a bug, no
// Tauri at all) is normalised to `{ code: "internal", message }`, so callers can always
// switch on `code`. Only this folder may import `@tauri-apps/*` (enforced by ESLint).

import { invoke } from '@tauri-apps/api/core';

import type { AppError } from './bindings/AppError';
import type { AppInfo } from './bindings/AppInfo';
import type { AppSettings } from './bindings/AppSettings';
import type { ReminderSettings } from './bindings/ReminderSettings';
import type { WeekDay } from './bindings/WeekDay';
import type { BackupView } from './bindings/BackupView';
import type { ImportProgress } from './bindings/ImportProgress';
import type { ImportReport } from './bindings/ImportReport';
import type { RestoreView } from './bindings/RestoreView';
import type { Entry } from './bindings/Entry';
import type { EntryDraft } from './bindings/EntryDraft';
import type { EntryPage } from './bindings/EntryPage';
import type { ErrorCode } from './bindings/ErrorCode';
import type { Draft } from './bindings/Draft';
import type { DraftInput } from './bindings/DraftInput';
import type { MdNode } from './bindings/MdNode';
import type { PageCursor } from './bindings/PageCursor';
import type { Revision } from './bindings/Revision';
import type { SearchHit } from './bindings/SearchHit';
import type { SearchQuery } from './bindings/SearchQuery';
import type { SearchResults } from './bindings/SearchResults';
import type { SnippetPart } from './bindings/SnippetPart';
import type { TagCount } from './bindings/TagCount';
import type { Template } from './bindings/Template';
import type { TemplateDraft } from './bindings/TemplateDraft';

export type {
  AppError,
  AppInfo,
  Draft,
  DraftInput,
  Entry,
  EntryDraft,
  EntryPage,
  ErrorCode,
  MdNode,
  PageCursor,
  Revision,
  SearchHit,
  SearchQuery,
  SearchResults,
  SnippetPart,
  TagCount,
  Template,
  TemplateDraft,
};

// `satisfies Record<ErrorCode, true>` makes svelte-check fail when Rust adds or removes a code
// and this list is not updated, so the two cannot drift apart silently.
const KNOWN_CODES = {
  empty_body: true,
  body_too_large: true,
  invalid_date: true,
  invalid_tag: true,
  too_many_tags: true,
  invalid_rating: true,
  draft_too_large: true,
  invalid_template: true,
  link_not_allowed: true,
  not_found: true,
  in_trash: true,
  empty_title: true,
  text_too_long: true,
  target_before_start: true,
  invalid_cadence: true,
  unknown_status: true,
  unknown_kind: true,
  invalid_weight: true,
  achieved_before_start: true,
  achieved_in_future: true,
  invalid_period: true,
  choose_goal: true,
  unknown_strategy: true,
  unknown_step: true,
  unknown_field: true,
  invalid_answer: true,
  empty_move: true,
  due_required: true,
  due_in_past: true,
  done_in_future: true,
  strategy_not_chosen: true,
  strategy_has_moves: true,
  too_many_moves: true,
  moves_missing: true,
  reflection_closed: true,
  newer_database: true,
  storage_unavailable: true,
  storage: true,
  internal: true,
  invalid_import: true,
  damaged_database: true,
  locked: true,
  wrong_passphrase: true,
  passphrase_too_short: true,
  passphrase_required: true,
  encryption_state: true,
} as const satisfies Record<ErrorCode, true>;
const ERROR_CODES: ReadonlySet<string> = new Set(Object.keys(KNOWN_CODES));

/** True when `value` is an `AppError` as the Rust side sends it. */
export function isAppError(value: unknown): value is AppError {
  if (typeof value !== 'object' || value === null) return false;
  const { code, message } = value as { code?: unknown; message?: unknown };
  return typeof code === 'string' && ERROR_CODES.has(code) && typeof message === 'string';
}

/** Turns whatever a failed call produced into an `AppError`. */
export function toAppError(err: unknown): AppError {
  if (isAppError(err)) return { code: err.code, message: err.message };
  const message = err instanceof Error ? err.message : String(err);
  return { code: 'internal', message };
}

async function call<T>(command: string, args: Record<string, unknown> = {}): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (err) {
    throw toAppError(err);
  }
}

/** The app's version and the data folder in use. */
export function appInfo(): Promise<AppInfo> {
  return call<AppInfo>('app_info');
}

/**
 * Whether the app was started to report its first paint (`TRAJECTORY_REPORT_READY=1`, the
 * start-up benchmark `scripts/bench-app`): the Rust side then sets this flag in the window
 * before the UI loads. Never set in normal use.
 */
export function firstPaintReportWanted(): boolean {
  return (globalThis as { __TRAJECTORY_REPORT_FIRST_PAINT__?: unknown }).__TRAJECTORY_REPORT_FIRST_PAINT__ === true;
}

/**
 * Whether the page is to hold the app's start until `__trajectoryStartApp()` is called (the app
 * was launched with `--hold-first-screen`, an end-to-end test aid; decision 0067). Never set in
 * normal use.
 */
export function appStartHeld(): boolean {
  return (globalThis as { __TRAJECTORY_HOLD_APP__?: unknown }).__TRAJECTORY_HOLD_APP__ === true;
}

/** Tells the Rust side the first page (`entries` entries) is painted; it prints the ready line once. */
export function reportFirstPaint(entries: number): Promise<void> {
  return call<void>('report_first_paint', { entries });
}

/**
 * Tells the Rust side the app has mounted with `entries` entries on screen; it prints the
 * interactive line once (and the ready line, if no paint was reported before).
 */
export function reportInteractive(entries: number): Promise<void> {
  return call<void>('report_interactive', { entries });
}

/** Stores a new entry; resolves once it is committed. */
export function createEntry(draft: EntryDraft): Promise<Entry> {
  return call<Entry>('create_entry', { draft });
}

/** Replaces an entry's date, body, tags and ratings; the replaced version is kept as a revision. */
export function updateEntry(id: number, draft: EntryDraft): Promise<Entry> {
  return call<Entry>('update_entry', { id, draft });
}

/** One entry by id (also a trashed one). */
export function getEntry(id: number): Promise<Entry> {
  return call<Entry>('get_entry', { id });
}

/** One page of the timeline, newest entry date first; pass the previous page's `next`. */
export function listEntries(after: PageCursor | null, limit: number): Promise<EntryPage> {
  return call<EntryPage>('list_entries', { after, limit });
}

/** Moves an entry to the trash (recoverable). */
export function trashEntry(id: number): Promise<Entry> {
  return call<Entry>('trash_entry', { id });
}

/** Brings an entry back from the trash. */
export function restoreEntry(id: number): Promise<Entry> {
  return call<Entry>('restore_entry', { id });
}

/** Every entry in the trash. */
export function listTrash(): Promise<Entry[]> {
  return call<Entry[]>('list_trash');
}

/** Deletes every entry in the trash for good; resolves with how many were removed. */
export function emptyTrash(): Promise<number> {
  return call<number>('empty_trash');
}

/** The replaced versions of an entry, newest first. */
export function listRevisions(id: number): Promise<Revision[]> {
  return call<Revision[]>('list_revisions', { id });
}

/**
 * Makes a revision the entry's current version again; the version it replaces is itself kept
 * as a revision. (Tauri maps the `revisionId` key to the Rust `revision_id` parameter.)
 */
export function restoreRevision(revisionId: number): Promise<Entry> {
  return call<Entry>('restore_revision', { revisionId });
}

/** Every tag in use outside the trash, most used first. */
export function listTags(): Promise<TagCount[]> {
  return call<TagCount[]>('list_tags');
}

/** Keeps the editor's unsaved text for crash recovery (`entry_id` null for a new entry). */
export function saveDraft(draft: DraftInput): Promise<Draft> {
  return call<Draft>('save_draft', { draft });
}

/** Forgets the kept draft of an entry (or of the new entry, for `null`). */
export async function discardDraft(entryId: number | null): Promise<void> {
  await call<null>('discard_draft', { entryId });
}

/** Kept drafts that differ from what is saved: text left behind by an unexpected exit. */
export function pendingDrafts(): Promise<Draft[]> {
  return call<Draft[]>('pending_drafts');
}

/** The built-in templates first, then the person's own. */
export function listTemplates(): Promise<Template[]> {
  return call<Template[]>('list_templates');
}

/** Stores one of the person's own templates. */
export function saveTemplate(template: TemplateDraft): Promise<Template> {
  return call<Template>('save_template', { template });
}

/** Deletes one of the person's own templates. */
export async function deleteTemplate(id: number): Promise<void> {
  await call<null>('delete_template', { id });
}

/** Full-text search with filters; malformed text never fails (see `hint`). */
export function search(query: SearchQuery): Promise<SearchResults> {
  return call<SearchResults>('search', { query });
}

/** The preview tree of a Markdown body: nodes, never HTML. */
export function renderMarkdown(body: string): Promise<MdNode[]> {
  return call<MdNode[]>('render_markdown', { body });
}

/** Opens an http(s) or mailto link in the system's browser or mail program. */
export async function openLink(url: string): Promise<void> {
  await call<null>('open_link', { url });
}

// ---- Goals, milestones, paused periods, velocity and charts ------------------------------
// (Tauri maps camelCase argument keys such as `goalId` to the Rust snake_case parameters.)

import type { Baseline } from './bindings/Baseline';
import type { BaselineSource } from './bindings/BaselineSource';
import type { ChartKind } from './bindings/ChartKind';
import type { ChartQuery } from './bindings/ChartQuery';
import type { ChartRange } from './bindings/ChartRange';
import type { ChartView } from './bindings/ChartView';
import type { Forecast } from './bindings/Forecast';
import type { ForecastItem } from './bindings/ForecastItem';
import type { Goal } from './bindings/Goal';
import type { GoalDraft } from './bindings/GoalDraft';
import type { GoalStatus } from './bindings/GoalStatus';
import type { GoalSummary } from './bindings/GoalSummary';
import type { Milestone } from './bindings/Milestone';
import type { MilestoneDraft } from './bindings/MilestoneDraft';
import type { MilestoneKind } from './bindings/MilestoneKind';
import type { PaceSource } from './bindings/PaceSource';
import type { PausedDraft } from './bindings/PausedDraft';
import type { PausedPeriod } from './bindings/PausedPeriod';
import type { VelocityPoint } from './bindings/VelocityPoint';
import type { VelocityReport } from './bindings/VelocityReport';

export type {
  Baseline,
  BaselineSource,
  ChartKind,
  ChartQuery,
  ChartRange,
  ChartView,
  Forecast,
  ForecastItem,
  Goal,
  GoalDraft,
  GoalStatus,
  GoalSummary,
  Milestone,
  MilestoneDraft,
  MilestoneKind,
  PaceSource,
  PausedDraft,
  PausedPeriod,
  VelocityPoint,
  VelocityReport,
};

/** Every goal, whatever its status. */
export function listGoals(): Promise<Goal[]> {
  return call<Goal[]>('list_goals');
}

/** Stores a new goal; an empty start date means today. */
export function createGoal(draft: GoalDraft): Promise<Goal> {
  return call<Goal>('create_goal', { draft });
}

/** Replaces a goal's title, here, there, dates and cadence. */
export function updateGoal(id: number, draft: GoalDraft): Promise<Goal> {
  return call<Goal>('update_goal', { id, draft });
}

/** Moves a goal to another status. Letting a goal go is a status, never a deletion. */
export function setGoalStatus(id: number, status: GoalStatus): Promise<Goal> {
  return call<Goal>('set_goal_status', { id, status });
}

/** A goal with its milestones, pace, usual pace and forecast, as of the app's today. */
export function getGoalSummary(id: number): Promise<GoalSummary> {
  return call<GoalSummary>('get_goal_summary', { id });
}

/** Every milestone of every goal. */
export function listMilestones(): Promise<Milestone[]> {
  return call<Milestone[]>('list_milestones');
}

/** Adds a milestone to a goal; a null weight means the kind's default. */
export function addMilestone(goalId: number, draft: MilestoneDraft): Promise<Milestone> {
  return call<Milestone>('add_milestone', { goalId, draft });
}

/** Replaces a milestone's kind, title, weight, dates and notes. */
export function updateMilestone(id: number, draft: MilestoneDraft): Promise<Milestone> {
  return call<Milestone>('update_milestone', { id, draft });
}

/** Marks a milestone achieved on a day (`YYYY-MM-DD`). */
export function achieveMilestone(id: number, achievedDate: string): Promise<Milestone> {
  return call<Milestone>('achieve_milestone', { id, achievedDate });
}

/** Links a journal entry to a milestone. */
export function linkMilestoneEntry(id: number, entryId: number): Promise<Milestone> {
  return call<Milestone>('link_milestone_entry', { id, entryId });
}

/** Removes the link between a journal entry and a milestone (the entry itself stays). */
export function unlinkMilestoneEntry(id: number, entryId: number): Promise<Milestone> {
  return call<Milestone>('unlink_milestone_entry', { id, entryId });
}

/** The paused stretches (leave, reorganisation, illness…) that do not count against the pace. */
export function listPausedPeriods(): Promise<PausedPeriod[]> {
  return call<PausedPeriod[]>('list_paused_periods');
}

/** Records a paused stretch; an empty end means it goes on. */
export function addPausedPeriod(draft: PausedDraft): Promise<PausedPeriod> {
  return call<PausedPeriod>('add_paused_period', { draft });
}

/** Takes a paused stretch out of the calculations. */
export async function deletePausedPeriod(id: number): Promise<void> {
  await call<null>('delete_paused_period', { id });
}

/** Velocity (milestones per 30 days) today, the usual pace and the series: overall, per goal or per kind. */
export function getVelocity(goalId: number | null, milestoneKind: MilestoneKind | null): Promise<VelocityReport> {
  return call<VelocityReport>('get_velocity', { goalId, milestoneKind });
}

/** A chart as an SVG document (to show as an image, never as markup) with its text alternative. */
export function getChart(query: ChartQuery): Promise<ChartView> {
  return call<ChartView>('get_chart', { query });
}

/**
 * Asks where to save (a system save dialog) and writes the chart as PNG or SVG by the chosen
 * extension. Resolves with the path written, or null when the person cancelled.
 */
export function exportChart(query: ChartQuery): Promise<string | null> {
  return call<string | null>('export_chart', { query });
}

// ---- Slump notices, guided reflections, moves and check-ins --------------------------------

import type { Answer } from './bindings/Answer';
import type { CheckIn } from './bindings/CheckIn';
import type { CheckInOutcome } from './bindings/CheckInOutcome';
import type { FieldGuide } from './bindings/FieldGuide';
import type { Lens } from './bindings/Lens';
import type { Move } from './bindings/Move';
import type { MoveDraft } from './bindings/MoveDraft';
import type { Notice } from './bindings/Notice';
import type { NoticeKey } from './bindings/NoticeKey';
import type { NoticeState } from './bindings/NoticeState';
import type { PastSlump } from './bindings/PastSlump';
import type { Reflection } from './bindings/Reflection';
import type { ReflectionStatus } from './bindings/ReflectionStatus';
import type { ReflectionStep } from './bindings/ReflectionStep';
import type { ReflectionView } from './bindings/ReflectionView';
import type { StepGuide } from './bindings/StepGuide';
import type { Strategy } from './bindings/Strategy';
import type { StrategyInfo } from './bindings/StrategyInfo';
import type { StrategyRecord } from './bindings/StrategyRecord';

export type {
  Answer,
  CheckIn,
  CheckInOutcome,
  FieldGuide,
  Lens,
  Move,
  MoveDraft,
  Notice,
  NoticeKey,
  NoticeState,
  PastSlump,
  Reflection,
  ReflectionStatus,
  ReflectionStep,
  ReflectionView,
  StepGuide,
  Strategy,
  StrategyInfo,
  StrategyRecord,
};

/** The slump worth a gentle banner today, or null. Records that it was shown. */
export function getSlumpNotice(): Promise<Notice | null> {
  return call<Notice | null>('get_slump_notice');
}

/** Hides a notice for a week. */
export function snoozeSlumpNotice(notice: NoticeKey): Promise<NoticeState> {
  return call<NoticeState>('snooze_slump_notice', { notice });
}

/** Sets a notice aside for good, with the person's reason (may be empty). */
export function setAsideSlumpNotice(notice: NoticeKey, reason: string): Promise<NoticeState> {
  return call<NoticeState>('set_aside_slump_notice', { notice, reason });
}

/** Starts (or resumes) a reflection on a notice's slump; `null` starts one by hand. */
export function startReflection(fromNotice: NoticeKey | null): Promise<ReflectionView> {
  return call<ReflectionView>('start_reflection', { fromNotice });
}

/** One reflection with every step's wording and the suggested strategies. */
export function getReflection(id: number): Promise<ReflectionView> {
  return call<ReflectionView>('get_reflection', { id });
}

/** Every reflection. */
export function listReflections(): Promise<Reflection[]> {
  return call<Reflection[]>('list_reflections');
}

/** Saves one answer of a step (a yes/no field takes "yes", "no" or ""). */
export function saveReflectionAnswer(id: number, step: ReflectionStep, field: string, text: string): Promise<Answer> {
  return call<Answer>('save_reflection_answer', { id, step, field, text });
}

/** Moves a reflection to a step (stored, so a relaunch resumes there). */
export function setReflectionStep(id: number, step: ReflectionStep): Promise<ReflectionView> {
  return call<ReflectionView>('set_reflection_step', { id, step });
}

/** Replaces the chosen strategies, in order. */
export function chooseStrategies(id: number, strategies: Strategy[]): Promise<ReflectionView> {
  return call<ReflectionView>('choose_strategies', { id, strategies });
}

/** Adds a dated move under a chosen strategy. */
export function addMove(id: number, draft: MoveDraft): Promise<Move> {
  return call<Move>('add_move', { id, draft });
}

/** Replaces a move's strategy, text and due date. */
export function updateMove(moveId: number, draft: MoveDraft): Promise<Move> {
  return call<Move>('update_move', { moveId, draft });
}

/** Marks a move done (`doneOn` null means today) with how it went. */
export function completeMove(moveId: number, doneOn: string | null, outcome: string): Promise<Move> {
  return call<Move>('complete_move', { moveId, doneOn, outcome });
}

/** Unanswered check-ins due today or before. */
export function dueCheckIns(): Promise<CheckIn[]> {
  return call<CheckIn[]>('due_check_ins');
}

/** Answers a check-in: done, not yet (asks again in a week) or dropped. */
export function answerCheckIn(id: number, outcome: CheckInOutcome, note: string): Promise<CheckIn> {
  return call<CheckIn>('answer_check_in', { id, outcome, note });
}

/** Finishes a reflection (follow-up answers and check-ins go on). */
export function finishReflection(id: number): Promise<ReflectionView> {
  return call<ReflectionView>('finish_reflection', { id });
}

/** Sets a reflection aside, with an optional reason; it becomes read-only. */
export function setAsideReflection(id: number, reason: string): Promise<ReflectionView> {
  return call<ReflectionView>('set_aside_reflection', { id, reason });
}

/** Per strategy, the moves made and done and the slumps that ended after them; best first. */
export function whatHasWorked(): Promise<StrategyRecord[]> {
  return call<StrategyRecord[]>('what_has_worked');
}

/** Every slump so far, newest first, each with how it ended. */
export function getSlumpHistory(): Promise<PastSlump[]> {
  return call<PastSlump[]>('get_slump_history');
}

export type { AppSettings, ReminderSettings, WeekDay };

/** The person's settings: slump sensitivity, the opt-in desktop notification and reminders. */
export function getSettings(): Promise<AppSettings> {
  return call<AppSettings>('get_settings');
}

/** Saves the settings; resolves with what was stored. */
export function updateSettings(settings: AppSettings): Promise<AppSettings> {
  return call<AppSettings>('update_settings', { settings });
}

export type { BackupView, ImportProgress, ImportReport, RestoreView };

/** The import formats `importJournal` takes. */
export type ImportFormat = 'jrnl' | 'jrnl-json' | 'dayone' | 'json';
/** The export formats `exportJournal` takes. */
export type ExportFormat = 'json' | 'markdown' | 'review';

/** The backups in the data folder, newest first. */
export function listBackups(): Promise<BackupView[]> {
  return call<BackupView[]>('list_backups');
}

/** Takes a backup now (SQLite's online backup); resolves with it. */
export function backupNow(): Promise<BackupView> {
  return call<BackupView>('backup_now');
}

/** Why the last automatic backup could not be made; `null` when it was made (or none was due). */
export function backupProblem(): Promise<AppError | null> {
  return call<AppError | null>('backup_problem');
}

/** Restores backup `id`; the current database is kept aside, never overwritten. */
export function restoreBackup(id: string): Promise<RestoreView> {
  return call<RestoreView>('restore_backup', { id });
}

/** Asks for a file (system dialog) and imports it; `null` when the person cancelled. */
export function importJournal(format: ImportFormat): Promise<ImportReport | null> {
  return call<ImportReport | null>('import_journal', { format });
}

/**
 * Asks where to write (system dialog; a folder for Markdown) and exports; resolves with the
 * path written, or `null` when the person cancelled. `from`/`to` (YYYY-MM-DD) bound the review.
 */
export function exportJournal(
  format: ExportFormat,
  from: string | null = null,
  to: string | null = null,
): Promise<string | null> {
  return call<string | null>('export_journal', { format, from, to });
}

import type { EncryptionView } from './bindings/EncryptionView';
import type { JournalState } from './bindings/JournalState';
import type { JournalStatus } from './bindings/JournalStatus';
import type { SalvageView } from './bindings/SalvageView';
import type { StartData } from './bindings/StartData';

export type { EncryptionView, JournalState, JournalStatus, SalvageView, StartData };

/** Where the journal stands: open, locked (encrypted), damaged, from a newer version, or unavailable. */
export function journalStatus(): Promise<JournalStatus> {
  return call<JournalStatus>('journal_status');
}

/** Tries a passphrase on the locked journal; rejects with `wrong_passphrase` and changes nothing. */
export function unlockJournal(passphrase: string): Promise<JournalStatus> {
  return call<JournalStatus>('unlock_journal', { passphrase });
}

/** Restores the newest backup that passes the integrity check; the damaged file is kept aside. */
export function restoreNewestBackup(): Promise<RestoreView> {
  return call<RestoreView>('restore_newest_backup');
}

/** Writes what can still be read of a damaged journal to `recovered/` in the data folder. */
export function saveReadableJournal(): Promise<SalvageView> {
  return call<SalvageView>('save_readable_journal');
}

/** Encrypts the journal and every backup with a new passphrase. */
export function turnOnEncryption(passphrase: string): Promise<EncryptionView> {
  return call<EncryptionView>('turn_on_encryption', { passphrase });
}

/** Re-encrypts the journal and backups under a new passphrase; the current one must open it. */
export function changePassphrase(current: string, passphrase: string): Promise<EncryptionView> {
  return call<EncryptionView>('change_passphrase', { current, passphrase });
}

/** Decrypts the journal and every backup; the current passphrase must open it. */
export function turnOffEncryption(current: string): Promise<EncryptionView> {
  return call<EncryptionView>('turn_off_encryption', { current });
}
