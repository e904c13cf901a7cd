// Whether the automatic backups are being made: the day's backup is written a few seconds
// after the journal opens, and when it fails the window says so (decision 0061) instead of
// leaving the person to believe they are covered.

import type { AppError } from '../ipc/commands';
import { backupProblem } from '../ipc/commands';

export class BackupHealth {
  /** Why the last automatic backup could not be made; null when it was (or is not known). */
  problem = $state.raw<AppError | null>(null);
  /** The person closed the notice; Settings still shows the problem. */
  dismissed = $state(false);

  /** Asks again (the answer waits until the day's backup has had its turn). */
  async load(): Promise<void> {
    try {
      this.problem = await backupProblem();
    } catch {
      // Not knowing is not a failed backup: the notice stays as it was.
    }
  }

  dismiss(): void {
    this.dismissed = true;
  }
}
