// Calendar helpers for the journal. Entry dates are plain `YYYY-MM-DD` days with no time
// zone; they are parsed and formatted by hand so that neither the machine's zone nor its
// locale can shift a day or change a label.

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** Today's date in the person's local time, as `YYYY-MM-DD`. */
export function todayLocal(now: Date = new Date()): string {
  return `${pad(now.getFullYear(), 4)}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Parses `YYYY-MM-DD` to a UTC midnight `Date`, or `null` when it is not a real day. */
export function parseDay(day: string): Date | null {
  const m = ISO_DAY.exec(day);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  date.setUTCFullYear(y); // years below 100 would otherwise map to 19xx
  if (date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return date;
}

function isoOf(date: Date): string {
  return `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

/** The Monday starting the week that holds `day` (ISO weeks), as `YYYY-MM-DD`. */
export function weekStart(day: string): string | null {
  const date = parseDay(day);
  if (!date) return null;
  const sinceMonday = (date.getUTCDay() + 6) % 7;
  date.setUTCDate(date.getUTCDate() - sinceMonday);
  return isoOf(date);
}

const weeks = new Map<string, string | null>();

/** `weekStart`, remembered per day: the timeline asks for the same days again and again. */
export function weekOf(day: string): string | null {
  let week = weeks.get(day);
  if (week === undefined) {
    week = weekStart(day);
    if (weeks.size >= 200_000) weeks.clear();
    weeks.set(day, week);
  }
  return week;
}

/** "23 Nov 2026". Unparseable input is returned unchanged. */
export function formatDay(day: string): string {
  const date = parseDay(day);
  if (!date) return day;
  return `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
}

/** "Wed 25 Nov 2026". Unparseable input is returned unchanged. */
export function formatDayWithWeekday(day: string): string {
  const date = parseDay(day);
  if (!date) return day;
  return `${WEEKDAYS[date.getUTCDay()]} ${formatDay(day)}`;
}

export interface WeekGroup<T> {
  /** The Monday of the week, `YYYY-MM-DD`, or the raw date when it could not be read. */
  key: string;
  /** "Week of 23 Nov 2026". */
  label: string;
  items: T[];
}

/**
 * Groups items that are already sorted newest first into consecutive weeks, keeping their
 * order. Items whose date cannot be read form a group of their own.
 */
export function groupByWeek<T extends { entry_date: string }>(items: readonly T[]): WeekGroup<T>[] {
  const groups: WeekGroup<T>[] = [];
  for (const item of items) {
    const monday = weekStart(item.entry_date);
    const key = monday ?? item.entry_date;
    const last = groups[groups.length - 1];
    if (last && last.key === key) {
      last.items.push(item);
    } else {
      groups.push({
        key,
        label: monday ? `Week of ${formatDay(monday)}` : item.entry_date,
        items: [item],
      });
    }
  }
  return groups;
}

/** "14:02" in the person's local time, from an ISO timestamp; the input itself if unreadable. */
export function formatClock(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/**
 * When something happened, in the person's local time: "14:02" today, "yesterday at 14:02",
 * otherwise "Tue 24 Nov 2026 at 14:02".
 */
export function formatMoment(iso: string, now: Date = new Date()): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const day = todayLocal(date);
  const today = todayLocal(now);
  const yesterday = todayLocal(new Date(now.getFullYear(), now.getMonth(), now.getDate() - 1));
  const clock = formatClock(iso);
  if (day === today) return clock;
  if (day === yesterday) return `yesterday at ${clock}`;
  return `${formatDayWithWeekday(day)} at ${clock}`;
}
