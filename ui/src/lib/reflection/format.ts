// Plain words for slumps, check-in outcomes and statuses.
import type { PastSlump, ReflectionStatus, Strategy, StrategyInfo } from '../ipc/commands';

/** "overall", "a goal" or a milestone kind, from a scope such as "all", "goal:3", "kind:talk". */
export function scopeLabel(scope: string): string {
  if (scope === 'all') return 'Overall';
  if (scope.startsWith('goal:')) return 'One goal';
  if (scope.startsWith('kind:')) return scope.slice(5).replace(/_/g, ' ');
  return scope;
}

export function days(n: number): string {
  return n === 1 ? '1 day' : `${n} days`;
}

/** How a stretch ended, in a few words. */
export function endingOf(slump: PastSlump): string {
  if (slump.end === null) return 'still going';
  if (slump.ended_by === 'milestone') {
    return slump.came_after ? `ended with a milestone: ${slump.came_after}` : 'ended with a milestone';
  }
  return 'the pace came back';
}

export const STATUS_WORDS: Record<ReflectionStatus, string> = {
  in_progress: 'In progress',
  done: 'Finished',
  set_aside: 'Set aside',
};

export function strategyLabel(strategies: readonly StrategyInfo[], strategy: Strategy): string {
  return strategies.find((s) => s.strategy === strategy)?.label ?? strategy.replace(/_/g, ' ');
}
