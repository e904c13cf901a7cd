// The state and steps shared by the goal and milestone forms, whose errors are shown at the
// field they are about: the problem shown, whether a save is under way, each control's aria
// attributes, and the submit sequence — check the values, send the draft, and on any problem
// show it at its field (focused) with everything typed left as it was.

import { tick } from 'svelte';

import { toAppError } from '../ipc/commands';
import type { AppError } from '../ipc/commands';
import { fieldAria } from './aria';
import type { FieldAria } from './aria';
import { isProblem } from './forms';
import type { FieldProblem } from './forms';

export class FieldForm<F extends string> {
  /** The problem shown: at a field, or for the whole form (`field: null`). */
  problem = $state.raw<FieldProblem<F> | null>(null);
  saving = $state(false);
  readonly #ids: Record<F, string>;

  /** `ids`: the element id of each field's control. */
  constructor(ids: Record<F, string>) {
    this.#ids = ids;
  }

  /** The error shown at `field`, if any. */
  errorFor(field: F): AppError | null {
    return this.problem && this.problem.field === field ? this.problem.error : null;
  }

  /** `aria-invalid` and `aria-describedby` for `field`'s control. */
  aria(field: F, hasHint = false): FieldAria {
    return fieldAria(this.#ids[field], this.errorFor(field) !== null, hasHint);
  }

  /** Shows `found` and moves the focus to the field it is about. */
  async show(found: FieldProblem<F>): Promise<void> {
    this.problem = found;
    await tick();
    const target = found.field ? document.getElementById(this.#ids[found.field]) : null;
    target?.focus();
  }

  /**
   * Sends `draft` (or shows the problem the values have) and returns what `send` answered;
   * null when nothing was saved: a problem (now shown at its field, found by `fieldOf` for
   * an error from the app) or a save already under way.
   */
  async submit<D extends object, R>(
    draft: D | FieldProblem<F>,
    send: (draft: D) => Promise<R>,
    fieldOf: (error: AppError) => F | null,
  ): Promise<{ saved: R } | null> {
    if (this.saving) return null;
    if (isProblem<F>(draft)) {
      await this.show(draft);
      return null;
    }
    this.saving = true;
    try {
      const saved = await send(draft as D);
      this.problem = null;
      return { saved };
    } catch (err) {
      const error = toAppError(err);
      await this.show({ field: fieldOf(error), error });
      return null;
    } finally {
      this.saving = false;
    }
  }

  /** Typing in the field an error is about clears the error (an `input` listener). */
  clearOnInput(event: Event): void {
    const id = (event.target as HTMLElement | null)?.id;
    const field = this.problem?.field;
    if (field && this.#ids[field] === id) this.problem = null;
  }
}
