// The guided reflection in progress: which one, its step, its answers (saved ~400 ms after the
// person stops typing, per field), the chosen strategies and the moves. All wording comes from
// the Rust side (`ReflectionView.steps` / `.strategies`); this module only keeps state.
import {
  addMove,
  chooseStrategies,
  completeMove,
  finishReflection,
  getReflection,
  getSlumpHistory,
  listReflections,
  saveReflectionAnswer,
  setAsideReflection,
  setReflectionStep,
  startReflection,
  toAppError,
} from '../ipc/commands';
import type {
  AppError,
  Move,
  NoticeKey,
  PastSlump,
  Reflection,
  ReflectionStep,
  ReflectionView,
  Strategy,
} from '../ipc/commands';

export const STEPS: readonly ReflectionStep[] = ['accept', 'root_cause', 'moves', 'commit', 'follow_up'];
export const SAVE_DELAY_MS = 400;
export const MAX_MOVES = 3;

export type SaveStatus = '' | 'saving' | 'saved' | 'failed';

function answerKey(step: ReflectionStep, field: string): string {
  return `${step}/${field}`;
}

/** The suggested strategies in the order given, except that the way out is always last. */
export function orderedStrategies(order: readonly Strategy[]): Strategy[] {
  const rest = order.filter((s) => s !== 'exit');
  return order.includes('exit') ? [...rest, 'exit'] : rest;
}

/** Where a move error belongs: next to the text, next to the due date, or the form. */
export function moveErrorField(code: string): 'text' | 'due' | 'form' {
  if (code === 'empty_move' || code === 'text_too_long') return 'text';
  if (code === 'due_required' || code === 'due_in_past' || code === 'invalid_date') return 'due';
  return 'form';
}

export class ReflectionFlow {
  view = $state.raw<ReflectionView | null>(null);
  answers = $state<Record<string, string>>({});
  saveStatus = $state<SaveStatus>('');
  saveError = $state.raw<AppError | null>(null);
  /** A failure moving between steps, choosing strategies, finishing or setting aside. */
  stepError = $state.raw<AppError | null>(null);
  loadError = $state.raw<AppError | null>(null);
  loading = $state(false);
  loaded = $state(false);
  busy = $state(false);
  past = $state.raw<Reflection[]>([]);
  /** The person's slumps so far, for the Accept step when no notice is open. */
  history = $state.raw<PastSlump[]>([]);

  // Bookkeeping, not state to render.
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  private timers = new Map<string, ReturnType<typeof setTimeout>>();
  private actions: Promise<void> = Promise.resolve();
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  private pending = new Map<string, { step: ReflectionStep; field: string; text: string }>();
  private chain: Promise<unknown> = Promise.resolve();

  get reflection(): Reflection | null {
    return this.view?.reflection ?? null;
  }

  get step(): ReflectionStep {
    return this.reflection?.step ?? 'accept';
  }

  get readOnly(): boolean {
    return this.reflection?.status === 'set_aside';
  }

  /** Resumes the reflection in progress (the newest), if any, and reads the past ones. */
  async load(): Promise<void> {
    this.loading = true;
    this.loadError = null;
    void getSlumpHistory().then(
      (h) => (this.history = h),
      () => undefined,
    );
    try {
      const all = await listReflections();
      this.past = all.filter((r) => r.status !== 'in_progress');
      const open = all
        .filter((r) => r.status === 'in_progress')
        .sort((a, b) => b.updated_at.localeCompare(a.updated_at))[0];
      if (open && open.id !== this.reflection?.id) this.show(await getReflection(open.id));
      else if (!open && this.reflection?.status === 'in_progress') this.view = null;
    } catch (err) {
      this.loadError = toAppError(err);
    } finally {
      this.loading = false;
      this.loaded = true;
    }
  }

  /** Starts (or resumes) a reflection, from a notice or by hand. */
  async start(fromNotice: NoticeKey | null): Promise<boolean> {
    this.stepError = null;
    try {
      this.show(await startReflection(fromNotice));
      return true;
    } catch (err) {
      this.stepError = toAppError(err);
      return false;
    }
  }

  answer(step: ReflectionStep, field: string): string {
    return this.answers[answerKey(step, field)] ?? '';
  }

  /** Keeps the text and saves it once typing pauses. */
  setAnswer(step: ReflectionStep, field: string, text: string): void {
    const key = answerKey(step, field);
    this.answers[key] = text;
    this.pending.set(key, { step, field, text });
    this.saveStatus = 'saving';
    clearTimeout(this.timers.get(key));
    this.timers.set(
      key,
      setTimeout(() => void this.save(key), SAVE_DELAY_MS),
    );
  }

  /** Saves every answer still waiting for its pause. */
  async flush(): Promise<void> {
    for (const [key, timer] of this.timers) {
      clearTimeout(timer);
      this.timers.delete(key);
      void this.save(key);
    }
    await this.chain;
  }

  async goTo(step: ReflectionStep): Promise<void> {
    const id = this.reflection?.id;
    if (id === undefined) return;
    await this.flush();
    await this.run(async () => this.show(await setReflectionStep(id, step)));
  }

  async next(): Promise<void> {
    const step = STEPS[STEPS.indexOf(this.step) + 1];
    if (step) await this.goTo(step);
  }

  async back(): Promise<void> {
    const step = STEPS[STEPS.indexOf(this.step) - 1];
    if (step) await this.goTo(step);
  }

  async toggleStrategy(strategy: Strategy, on: boolean): Promise<void> {
    const view = this.view;
    if (!view) return;
    const chosen = view.reflection.strategies.filter((s) => s !== strategy);
    if (on) chosen.push(strategy);
    const order = orderedStrategies(view.suggestions.strategies.map((s) => s.strategy));
    const next = order.filter((s) => chosen.includes(s));
    await this.run(async () => this.show(await chooseStrategies(view.reflection.id, next)));
  }

  /** Adds a move; resolves with the error when the backend refuses it. */
  async addMove(strategy: Strategy, text: string, due: string): Promise<AppError | null> {
    const view = this.view;
    if (!view) return null;
    try {
      const move = await addMove(view.reflection.id, { strategy, text, due });
      this.view = { ...view, reflection: { ...view.reflection, moves: [...view.reflection.moves, move] } };
      return null;
    } catch (err) {
      return toAppError(err);
    }
  }

  /** The slump this reflection answers (from the history), when it was started from one. */
  get triggerSlump(): PastSlump | null {
    const trigger = this.reflection?.trigger;
    if (trigger?.kind !== 'slump') return null;
    return this.history.find((s) => s.scope === trigger.scope && s.detected_on === trigger.detected_on) ?? null;
  }

  /** The person's other slumps, for the Accept step. */
  get otherSlumps(): PastSlump[] {
    const current = this.triggerSlump;
    return this.history.filter((s) => s !== current);
  }

  /** Marks a move done today with a word on how it went. */
  async completeMove(moveId: number, outcome: string): Promise<void> {
    await this.run(async () => {
      const done = await completeMove(moveId, null, outcome.trim());
      const view = this.view;
      if (!view) return;
      const moves = view.reflection.moves.map((m) => (m.id === done.id ? done : m));
      this.view = { ...view, reflection: { ...view.reflection, moves } };
    });
  }

  movesOf(strategy: Strategy): Move[] {
    return this.reflection?.moves.filter((m) => m.strategy === strategy) ?? [];
  }

  async finish(): Promise<void> {
    const id = this.reflection?.id;
    if (id === undefined) return;
    await this.flush();
    await this.run(async () => this.show(await finishReflection(id)));
    if (!this.stepError) await this.load();
  }

  async setAside(reason: string): Promise<void> {
    const id = this.reflection?.id;
    if (id === undefined) return;
    await this.flush();
    await this.run(async () => this.show(await setAsideReflection(id, reason.trim())));
    if (!this.stepError) await this.load();
  }

  /** Leaves the shown (finished or set-aside) reflection, back to the overview. */
  close(): void {
    if (this.reflection?.status !== 'in_progress') this.view = null;
  }

  private show(view: ReflectionView): void {
    const sameReflection = view.reflection.id === this.reflection?.id;
    this.view = view;
    if (sameReflection) return;
    const answers: Record<string, string> = {};
    for (const a of view.reflection.answers) answers[answerKey(a.step, a.field)] = a.text;
    this.answers = answers;
    this.saveStatus = '';
    this.saveError = null;
  }

  /**
   * Runs step actions one after another: a Next pressed while a strategy choice is still being
   * saved waits for it instead of being dropped (or racing it to the backend).
   */
  private run(action: () => Promise<void>): Promise<void> {
    const task = this.actions.then(async () => {
      this.busy = true;
      this.stepError = null;
      try {
        await action();
      } catch (err) {
        this.stepError = toAppError(err);
      } finally {
        this.busy = false;
      }
    });
    this.actions = task;
    return task;
  }

  private save(key: string): Promise<unknown> {
    this.timers.delete(key);
    const item = this.pending.get(key);
    const id = this.reflection?.id;
    if (!item || id === undefined) return this.chain;
    this.pending.delete(key);
    this.chain = this.chain.then(async () => {
      try {
        await saveReflectionAnswer(id, item.step, item.field, item.text);
        this.saveError = null;
        if (this.pending.size === 0) this.saveStatus = 'saved';
      } catch (err) {
        this.saveError = toAppError(err);
        this.saveStatus = 'failed';
        // Keep it so the next pause or step change tries again.
        if (!this.pending.has(key)) this.pending.set(key, item);
      }
    });
    return this.chain;
  }
}
