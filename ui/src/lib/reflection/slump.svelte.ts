// The app-wide slump notice and the due check-ins. Read on start, when the person moves
// between places (after an entry or milestone may have changed) and once a day while open.
// Failures are kept quietly: the banner is a gentle extra and never stands in the way.
import {
  answerCheckIn,
  dueCheckIns,
  getSlumpNotice,
  setAsideSlumpNotice,
  snoozeSlumpNotice,
  toAppError,
} from '../ipc/commands';
import type { AppError, CheckIn, CheckInOutcome, Notice, NoticeKey } from '../ipc/commands';

export function noticeKey(notice: Notice): NoticeKey {
  return { scope: notice.slump.scope, detected_on: notice.slump.detected_on };
}

export class Slump {
  notice = $state.raw<Notice | null>(null);
  checkIns = $state.raw<CheckIn[]>([]);
  /** The last failure of a banner action (snooze, set aside), shown in the banner. */
  error = $state.raw<AppError | null>(null);
  /** Per check-in id, the failure of its answer. */
  checkInErrors = $state.raw<Record<number, AppError>>({});
  busy = $state(false);
  loaded = $state(false);

  async load(): Promise<void> {
    const [notice, checkIns] = await Promise.allSettled([getSlumpNotice(), dueCheckIns()]);
    if (notice.status === 'fulfilled') this.notice = notice.value;
    if (checkIns.status === 'fulfilled') this.checkIns = checkIns.value;
    this.loaded = true;
  }

  async snooze(): Promise<void> {
    await this.act((key) => snoozeSlumpNotice(key));
  }

  async setAside(reason: string): Promise<void> {
    await this.act((key) => setAsideSlumpNotice(key, reason.trim()));
  }

  /** The notice was answered by starting a reflection: the banner goes. */
  dismiss(): void {
    this.notice = null;
    this.error = null;
  }

  async answer(id: number, outcome: CheckInOutcome, note: string): Promise<boolean> {
    try {
      await answerCheckIn(id, outcome, note.trim());
      this.checkIns = this.checkIns.filter((c) => c.id !== id);
      const { [id]: _gone, ...rest } = this.checkInErrors;
      this.checkInErrors = rest;
      return true;
    } catch (err) {
      this.checkInErrors = { ...this.checkInErrors, [id]: toAppError(err) };
      return false;
    }
  }

  private async act(run: (key: NoticeKey) => Promise<unknown>): Promise<void> {
    const notice = this.notice;
    if (!notice || this.busy) return;
    this.busy = true;
    this.error = null;
    try {
      await run(noticeKey(notice));
      this.notice = null;
    } catch (err) {
      this.error = toAppError(err);
    } finally {
      this.busy = false;
    }
  }
}
