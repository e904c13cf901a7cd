// Answers asked for the moment the window's script starts, before the components that want
// them exist: where the journal stands (the start-up gate) and the timeline's first page (the
// journal). Both wait for the journal to be opened and come back together, instead of one
// after the other with the window's first screen built in between. Each is taken once, by the
// first to ask for it; a failed one only means that asker asks again.

const held = new Map<string, Promise<unknown>>();

/** Sends `ask` now and keeps its answer under `key` for whoever takes it first. */
export function askEarly<T>(key: string, ask: () => Promise<T>): void {
  const answer = ask();
  // Whoever takes it handles a failure; until then it is not an unhandled rejection.
  answer.catch(() => undefined);
  held.set(key, answer);
}

/** The answer kept under `key`, once; null when there is none (then ask as usual). */
export function takeEarly<T>(key: string): Promise<T> | null {
  const answer = held.get(key) as Promise<T> | undefined;
  held.delete(key);
  return answer ?? null;
}

/** The answer kept under `key` if there is one, else `ask()`; a failed early answer is asked again. */
export function earlyOr<T>(key: string, ask: () => Promise<T>): Promise<T> {
  const early = takeEarly<T>(key);
  return early ? early.catch(() => ask()) : ask();
}

/** Forgets every kept answer (for tests). */
export function forgetEarly(): void {
  held.clear();
}
