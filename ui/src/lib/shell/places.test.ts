import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';

import App from '../../App.svelte';
import { fakeGoals, makeGoal } from '../goals/fake-goals';
import { clearMocks, mockCommands } from '../ipc/testing';
import { makeNotice, makeView } from '../reflection/testing';
import { dataChanged } from './changes';
import { placeOf } from './places';

afterEach(() => {
  clearMocks();
  history.replaceState(null, '', '#');
  for (const key of ['timelineReady', 'goalsReady', 'insightsReady', 'reflectionReady']) delete document.body.dataset[key];
});

function backend(extra: Record<string, (args: Record<string, unknown>) => unknown> = {}) {
  const goals = fakeGoals({ goals: [makeGoal({ id: 1 })] });
  return mockCommands((command, args) => {
    if (extra[command]) return extra[command](args);
    switch (command) {
      case 'journal_status':
        return { state: 'open', message: null, encrypted: false, data_dir: '/tmp/trajectory' };
      case 'app_info':
        return { version: '0.1.0', data_dir: '/tmp/trajectory' };
      case 'list_entries':
        return { entries: [], next: null };
      case 'pending_drafts':
      case 'list_tags':
      case 'list_templates':
      case 'list_trash':
        return [];
      default: {
        const answer = goals.handle(command, args);
        return answer === undefined ? Promise.reject({ code: 'internal', message: `unexpected ${command}` }) : answer;
      }
    }
  });
}

async function go(hash: string) {
  history.replaceState(null, '', hash);
  await fireEvent(window, new HashChangeEvent('hashchange'));
}

describe('places', () => {
  it('reads the place from the location hash', () => {
    expect(placeOf('')).toBe('journal');
    expect(placeOf('#goals')).toBe('goals');
    expect(placeOf('#insights/velocity')).toBe('insights');
    expect(placeOf('#elsewhere')).toBe('journal');
  });

  it('offers Journal, Goals and Insights in the sidebar and shows the one chosen', async () => {
    backend();
    render(App);
    await waitFor(() => expect(document.body.dataset.timelineReady).toBe('true'));
    const links = ['nav-journal', 'nav-goals', 'nav-insights'].map((id) => screen.getByTestId(id));
    expect(links.map((a) => a.getAttribute('href'))).toEqual(['#journal', '#goals', '#insights']);
    expect(links.map((a) => a.getAttribute('aria-current'))).toEqual(['page', null, null]);

    await go('#goals');
    await waitFor(() => expect(document.body.dataset.goalsReady).toBe('true'));
    expect(screen.getByTestId('goal-card').dataset.goalId).toBe('1');
    expect(screen.queryByTestId('timeline')).toBeNull();
    expect(screen.getByTestId('nav-goals').getAttribute('aria-current')).toBe('page');
    expect(screen.getByTestId('nav-journal').getAttribute('aria-current')).toBeNull();

    await go('#insights');
    await waitFor(() => expect(document.body.dataset.insightsReady).toBe('true'));
    expect(screen.getAllByTestId('insights-chart')).toHaveLength(4);
    expect(screen.queryByTestId('goals-place')).toBeNull();
    expect(screen.getByTestId('nav-insights').getAttribute('aria-current')).toBe('page');

    await go('#journal');
    await waitFor(() => expect(document.body.dataset.timelineReady).toBe('true'));
    expect(screen.getByTestId('new-entry')).toBeTruthy();
  });

  it('shows the slump banner above any place and starts the reflection from it', async () => {
    let started = false;
    const view = makeView();
    const calls = backend({
      get_slump_notice: () => (started ? null : makeNotice()),
      due_check_ins: () => [],
      start_reflection: () => ((started = true), view),
      list_reflections: () => [view.reflection],
      get_reflection: () => view,
      get_slump_history: () => [],
    });
    render(App);
    await waitFor(() => expect(screen.getByTestId('slump-banner')).toBeTruthy());
    expect(screen.getByTestId('new-entry')).toBeTruthy();
    expect(screen.getByTestId('nav-reflection').getAttribute('href')).toBe('#reflection');

    await go('#goals');
    await waitFor(() => expect(document.body.dataset.goalsReady).toBe('true'));
    expect(screen.getByTestId('slump-banner')).toBeTruthy();

    await fireEvent.click(screen.getByTestId('start-reflection'));
    await waitFor(() => expect(location.hash).toBe('#reflection'));
    await fireEvent(window, new HashChangeEvent('hashchange'));
    await waitFor(() => expect(screen.getByTestId('reflection-step').dataset.step).toBe('accept'));
    expect(screen.queryByTestId('slump-banner')).toBeNull();
    expect(calls.find((c) => c.command === 'start_reflection')?.args).toEqual({
      fromNotice: { scope: 'all', detected_on: '2026-10-01' },
    });
  });

  it('looks for a slump again once an entry or milestone change settles', async () => {
    let raised = false;
    const calls = backend({ get_slump_notice: () => (raised ? makeNotice() : null), due_check_ins: () => [] });
    render(App);
    await waitFor(() => expect(calls.filter((c) => c.command === 'get_slump_notice')).toHaveLength(1));
    expect(screen.queryByTestId('slump-banner')).toBeNull();
    raised = true;
    dataChanged();
    dataChanged();
    await waitFor(() => expect(screen.getByTestId('slump-banner')).toBeTruthy(), { timeout: 3000 });
    expect(calls.filter((c) => c.command === 'get_slump_notice')).toHaveLength(2);
  });
});
