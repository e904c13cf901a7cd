// The start-up gate's state: where the journal stands, and the actions of the lock and
// recovery screens. The window shows the journal only once `status.state` is `open`.

import type { AppError, JournalStatus, RestoreView, SalvageView } from '../ipc/commands';
import { journalStatus, restoreNewestBackup, saveReadableJournal, toAppError, unlockJournal } from '../ipc/commands';
import { askEarly, earlyOr, keptSettled, settleEarly } from './early';

/** Where `askForStatusEarly` keeps its answer. */
const STATUS = 'journal-status';

/** Asks where the journal stands now, for the gate's first load to take (see early.ts). */
export function askForStatusEarly(): void {
  askEarly(STATUS, journalStatus);
}

/** Keeps where the journal stands as the window's page told it, for the gate's first load. */
export function statusCarried(status: JournalStatus): void {
  settleEarly(STATUS, status);
}

export class Gate {
  status = $state.raw<JournalStatus | null>(null);
  /** Why reading the status itself failed (the window then says so and offers to try again). */
  loadError = $state.raw<AppError | null>(null);
  /** The last failed action on a start-up screen. */
  error = $state.raw<AppError | null>(null);
  busy = $state(false);
  /** Set when the person chose the recovery screen from the lock screen. */
  recovering = $state(false);
  restored = $state.raw<RestoreView | null>(null);
  salvaged = $state.raw<SalvageView | null>(null);

  async load(): Promise<void> {
    try {
      const status = await earlyOr(STATUS, journalStatus);
      // An open journal is shown once what was asked for with the status is back too (its
      // first page), so the journal's first frame has its entries.
      if (status.state === 'open') await keptSettled();
      this.status = status;
      this.loadError = null;
    } catch (e) {
      this.loadError = toAppError(e);
    }
  }

  private async act<T>(work: () => Promise<T>): Promise<T | null> {
    if (this.busy) return null;
    this.busy = true;
    this.error = null;
    try {
      return await work();
    } catch (e) {
      this.error = toAppError(e);
      return null;
    } finally {
      this.busy = false;
    }
  }

  /** Tries a passphrase; a wrong one leaves the screen as it is with the error set. */
  async unlock(passphrase: string): Promise<boolean> {
    const status = await this.act(() => unlockJournal(passphrase));
    if (status) this.status = status;
    return status !== null;
  }

  /** Restores the newest good backup, then reads the status again (the journal opens). */
  async restoreNewest(): Promise<void> {
    const done = await this.act(() => restoreNewestBackup());
    if (done) {
      this.restored = done;
      this.recovering = false;
      await this.load();
    }
  }

  /** Saves what can be read; the journal stays as it is. */
  async saveReadable(): Promise<void> {
    const done = await this.act(() => saveReadableJournal());
    if (done) this.salvaged = done;
  }
}
