import { render, screen, waitFor, within } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';

import { clearMocks, mockCommands } from '../ipc/testing';
import { makeReflection, makeSlump, makeView } from '../reflection/testing';
import SlumpInsights from './SlumpInsights.svelte';

afterEach(() => clearMocks());

describe('slump insights', () => {
  it('lists past stretches with how each ended, and what has worked per strategy', async () => {
    mockCommands((command) => {
      switch (command) {
        case 'get_slump_history':
          return [
            makeSlump(),
            makeSlump({ start: '2025-01-10', detected_on: '2025-03-01', end: '2025-04-20', length_days: 100, ended_by: 'milestone', came_after: 'Spoke at RustConf' }),
          ];
        case 'what_has_worked':
          return [
            { strategy: 'wider_network', moves: 3, done: 2, done_before_recovery: 2, recoveries: 1 },
            { strategy: 'exit', moves: 1, done: 0, done_before_recovery: 0, recoveries: 0 },
          ];
        case 'list_reflections':
          return [makeReflection()];
        case 'get_reflection':
          return makeView();
        default:
          return Promise.reject({ code: 'internal', message: command });
      }
    });
    render(SlumpInsights);
    const history = screen.getByTestId('slump-history');
    await waitFor(() => expect(within(history).getAllByTestId('past-slump')).toHaveLength(2));
    expect(within(history).getAllByTestId('past-slump')[0]!.textContent).toContain('still going');
    expect(within(history).getAllByTestId('past-slump')[1]!.textContent).toContain('Spoke at RustConf');

    const worked = screen.getByTestId('what-has-worked');
    await waitFor(() => expect(within(worked).getAllByTestId('worked-strategy')[0]!.textContent).toContain('Widen your circle'));
    const rows = within(worked).getAllByTestId('worked-strategy');
    expect(rows.map((r) => r.dataset.strategy)).toEqual(['wider_network', 'exit']);
    expect(rows[0]!.textContent).toContain('2 of 3 moves done');
    expect(rows[0]!.textContent).toContain('ended after it once');
  });

  it('says plainly when there is nothing yet', async () => {
    mockCommands((command) => (command === 'get_slump_history' || command === 'what_has_worked' ? [] : null));
    render(SlumpInsights);
    await waitFor(() => expect(screen.getByTestId('slump-history').textContent).toContain('None yet'));
    await waitFor(() => expect(screen.getByTestId('what-has-worked').textContent).toContain('Nothing yet'));
  });
});
