import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';

import type { ChartQuery, ChartView } from '../ipc/commands';
import { clearMocks, mockCommands } from '../ipc/testing';
import ChartFigure from './ChartFigure.svelte';
import ExportButton from './ExportButton.svelte';
import { base64Utf8, svgDataUrl } from './svg';

afterEach(() => {
  clearMocks();
  delete (window as { pwned?: unknown }).pwned;
});

const EVIL_SVG = [
  '<svg xmlns="http://www.w3.org/2000/svg" width="960" height="540" onload="window.pwned = 1">',
  '<script>window.pwned = 2</script>',
  '<foreignObject><div id="injected">injected</div></foreignObject>',
  '<text id="label">Août — 1.4 ✓</text>',
  '</svg>',
].join('');

const view: ChartView = {
  title: 'Milestone velocity',
  svg: EVIL_SVG,
  description: 'Velocity from 2026-01-01 to 2026-11-25, in milestones per 30 days.',
  columns: ['Date', 'Milestones per 30 days'],
  rows: [
    ['2026-01-01', '0.00'],
    ['2026-06-01', '1.20'],
    ['2026-11-25', '1.40'],
  ],
};

function decode(src: string): string {
  const b64 = src.slice('data:image/svg+xml;base64,'.length);
  const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
  return new TextDecoder().decode(bytes);
}

describe('ChartFigure', () => {
  it('shows the SVG as an image from a base64 data URL, with the data as a table', () => {
    render(ChartFigure, { kind: 'velocity', heading: 'Pace', view, figureTestid: 'insights-chart', imgTestid: 'chart-img' });

    const img = screen.getByTestId('chart-img') as HTMLImageElement;
    expect(img.tagName).toBe('IMG');
    expect(img.getAttribute('src')!.startsWith('data:image/svg+xml;base64,')).toBe(true);
    expect(decode(img.getAttribute('src')!)).toBe(EVIL_SVG);
    expect(img.alt).toBe('Milestone velocity');
    expect(img.dataset.rows).toBe('3');

    const figure = screen.getByTestId('insights-chart');
    expect(figure.tagName).toBe('FIGURE');
    expect(figure.dataset.chart).toBe('velocity');
    expect(figure.dataset.rows).toBe('3');

    const description = document.getElementById(img.getAttribute('aria-describedby')!)!;
    expect(description.textContent).toBe(view.description);

    const table = figure.querySelector('table')!;
    expect([...table.querySelectorAll('th')].map((th) => th.textContent)).toEqual(view.columns);
    const rows = [...table.querySelectorAll('tbody tr')].map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent));
    expect(rows).toEqual(view.rows);
    expect(table.querySelector('caption')?.textContent).toBe('Milestone velocity');
  });

  it('never puts the SVG into the page as markup', async () => {
    render(ChartFigure, { kind: 'velocity', heading: 'Pace', view });
    await new Promise((r) => setTimeout(r, 20));
    expect(document.querySelector('svg')).toBeNull();
    expect(document.querySelector('script')).toBeNull();
    expect(document.querySelector('foreignObject')).toBeNull();
    expect(document.getElementById('injected')).toBeNull();
    expect(document.getElementById('label')).toBeNull();
    expect((window as { pwned?: unknown }).pwned).toBeUndefined();
    expect(document.body.innerHTML).not.toContain('<script');
  });

  it('keeps the last picture while a new one loads and shows errors with a retry', async () => {
    let retried = 0;
    const { rerender } = render(ChartFigure, { kind: 'trajectory', heading: 'Trajectory', view, loading: true });
    expect(screen.getByRole('img')).toBeTruthy();
    expect(screen.getByRole('figure').getAttribute('aria-busy')).toBe('true');
    await rerender({
      view: null,
      loading: false,
      error: { code: 'choose_goal', message: 'Choose a goal.' },
      onRetry: () => (retried += 1),
    });
    expect(screen.queryByRole('img')).toBeNull();
    const problem = screen.getByTestId('chart-error');
    expect(problem.dataset.code).toBe('choose_goal');
    await fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(retried).toBe(1);
  });

  it('encodes any UTF-8 text to base64', () => {
    expect(base64Utf8('plain')).toBe(btoa('plain'));
    expect(decode(svgDataUrl('<svg>é ✓ 🚀</svg>'))).toBe('<svg>é ✓ 🚀</svg>');
    const big = 'x'.repeat(200_000) + '✓';
    expect(decode(svgDataUrl(big))).toBe(big);
  });
});

describe('ExportButton', () => {
  const query: ChartQuery = { chart: 'mood', goal_id: null, milestone_kind: null, range: 'all', theme: 'dark' };

  it('exports the chart as shown and says where it was saved', async () => {
    const calls = mockCommands(() => '/home/me/mood.png');
    render(ExportButton, { query });
    await fireEvent.click(screen.getByTestId('export-chart'));
    expect(calls).toEqual([{ command: 'export_chart', args: { query } }]);
    await waitFor(() => expect(screen.getByTestId('export-status').textContent).toBe('Saved to /home/me/mood.png'));
  });

  it('says nothing when the save dialog was cancelled, and the error when it failed', async () => {
    mockCommands(() => null);
    render(ExportButton, { query });
    await fireEvent.click(screen.getByTestId('export-chart'));
    await waitFor(() => expect((screen.getByTestId('export-chart') as HTMLButtonElement).disabled).toBe(false));
    expect(screen.queryByTestId('export-status')).toBeNull();
    expect(screen.queryByTestId('export-error')).toBeNull();

    clearMocks();
    mockCommands(() => Promise.reject({ code: 'internal', message: 'could not write /x.png' }));
    await fireEvent.click(screen.getByTestId('export-chart'));
    await waitFor(() => expect(screen.getByTestId('export-error').dataset.code).toBe('internal'));
  });

  it('is disabled while there is no chart to export', () => {
    render(ExportButton, { query: null });
    expect((screen.getByTestId('export-chart') as HTMLButtonElement).disabled).toBe(true);
  });
});
