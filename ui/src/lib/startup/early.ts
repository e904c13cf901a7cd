// Answers asked for the moment the window's script starts, before the components that want
// them exist — or carried by the window's page itself (start-data.ts): where the journal
// stands (the start-up gate) and the timeline's first page (the journal). Both wait for the
// journal to be opened and come back together, instead of one after the other with the window's first screen built in between. Each is taken once, by the
// first to ask for it; a failed one only means that asker asks again. The gate waits until
// they are all back before it shows the journal, and the journal takes an answer that is
// already here without waiting (`takeArrived`), so its first page is in the window's first
// frame instead of the frame after.

const held = new Map<string, Promise<unknown>>();
/** The answers that have come back, by key, until they are taken. */
const arrived = new Map<string, unknown>();

/** Sends `ask` now and keeps its answer under `key` for whoever takes it first. */
export function askEarly<T>(key: string, ask: () => Promise<T>): void {
  const answer = ask();
  // Whoever takes it handles a failure; until then it is not an unhandled rejection.
  answer.then(
    (value) => {
      if (held.get(key) === answer) arrived.set(key, value);
    },
    () => undefined,
  );
  held.set(key, answer);
}

/** Keeps `value` under `key` as an answer already back (one the window's page carried). */
export function settleEarly<T>(key: string, value: T): void {
  held.set(key, Promise.resolve(value));
  arrived.set(key, value);
}

/** The answer kept under `key`, once; null when there is none (then ask as usual). */
export function takeEarly<T>(key: string): Promise<T> | null {
  const answer = held.get(key) as Promise<T> | undefined;
  held.delete(key);
  arrived.delete(key);
  return answer ?? null;
}

/** The answer kept under `key` if it has already come back, taken at once; else undefined. */
export function takeArrived<T>(key: string): T | undefined {
  if (!arrived.has(key)) return undefined;
  const value = arrived.get(key) as T;
  arrived.delete(key);
  held.delete(key);
  return value;
}

/** Settles once every answer kept now has come back, whether it succeeded or not (none is taken). */
export function keptSettled(): Promise<void> {
  return Promise.allSettled([...held.values()]).then(() => undefined);
}

/** The answer kept under `key` if there is one, else `ask()`; a failed early answer is asked again. */
export function earlyOr<T>(key: string, ask: () => Promise<T>): Promise<T> {
  const early = takeEarly<T>(key);
  return early ? early.catch(() => ask()) : ask();
}

/** Forgets every kept answer (for tests). */
export function forgetEarly(): void {
  held.clear();
  arrived.clear();
}
