// The first screen the page paints before the app runs (decision 0067) must be the app's own
// first screen, element for element: otherwise the person sees the window jump as the app
// replaces it. These tests mount the real app in jsdom, as main.ts does, on the same start
// data, and compare. The template the page carries is generated here too, from the mounted
// app: `make first-screen` (UPDATE_FIRST_SCREEN=1) rewrites first-screen.html, and the test
// fails while the committed file is not what the components render now.

/// <reference types="node" />
import fs from 'node:fs';
import path from 'node:path';
import { waitFor } from '@testing-library/svelte';
import { mount, unmount } from 'svelte';
import { afterEach, describe, expect, it } from 'vitest';

import App from '../../App.svelte';
import type { Entry, StartData } from '../ipc/commands';
import { clearMocks, makeEntry, mockCommands } from '../ipc/testing';
import { todayLocal } from '../journal/dates';
import { FALLBACK_VIEWPORT, PAGE_SIZE } from '../journal/rows';
import { HOSTILE_PAYLOADS, activeContent } from '../markdown/hostile';
import { forgetEarly } from './early';
import { APP_MODULE_ATTR, FIRST_SCREEN_ID, PAINTED_ATTR, buildFirstScreen, clearFirstScreen, paintFirstScreen, startApp } from './first-screen';
import { START_DATA_ID } from './start-block';
import { prepareFirstScreen } from './start-data';

/** Vitest runs in ui/ (npm test, make test). */
const TEMPLATE_FILE = path.join(process.cwd(), 'src/lib/startup/first-screen.html');

afterEach(() => {
  forgetEarly();
  clearMocks();
  document.head.innerHTML = '';
  document.body.innerHTML = '';
  delete document.body.dataset.timelineReady;
  document.documentElement.style.removeProperty('--font-ui');
  history.replaceState(null, '', '#');
});

function startData(entries: Entry[], more = false): StartData {
  return {
    ui_font: 'Cantarell',
    status: { state: 'open', message: null, encrypted: false, data_dir: '/home/me/Trajectory' },
    first_page: { entries, next: more ? { entry_date: '2020-01-01', id: 1 } : null },
    page_size: PAGE_SIZE,
  };
}

/** The page as the app serves it: the start data in its head, `#app` and the template in its body. */
function servePage(data: StartData, template: string | null): void {
  const block = document.createElement('script');
  block.type = 'application/json';
  block.id = START_DATA_ID;
  block.textContent = JSON.stringify(data);
  document.head.append(block);
  document.body.innerHTML = '<div id="app"></div>';
  if (template !== null) {
    const element = document.createElement('template');
    element.id = FIRST_SCREEN_ID;
    element.innerHTML = template;
    document.body.append(element);
  }
}

/** An element's markup without Svelte's comment anchors, which nothing shows. */
function markupOf(root: Node): string {
  const copy = root.cloneNode(true) as Element;
  const walker = document.createTreeWalker(copy, NodeFilter.SHOW_COMMENT);
  const comments: Node[] = [];
  while (walker.nextNode()) comments.push(walker.currentNode);
  comments.forEach((c) => c.parentNode?.removeChild(c));
  return copy.innerHTML;
}

/**
 * The app's first screen for `data`, mounted as main.ts mounts it: the markup once the timeline
 * is ready, and the editor's day. Every question beyond the start data stays unanswered, as it
 * is when the real window paints first.
 */
async function appFirstScreen(data: StartData): Promise<{ markup: string; day: string }> {
  servePage(data, null);
  mockCommands(() => new Promise(() => undefined));
  prepareFirstScreen(document, true, PAGE_SIZE);
  const target = document.getElementById('app')!;
  const app = mount(App, { target });
  try {
    await waitFor(() => expect(document.body.dataset.timelineReady).toBe('true'));
    return { markup: markupOf(target), day: target.querySelector<HTMLInputElement>('#entry-date')!.value };
  } finally {
    await unmount(app);
    forgetEarly();
    clearMocks();
    document.head.innerHTML = '';
    delete document.body.dataset.timelineReady;
  }
}

/** What the page paints for `data` from the committed template (null: nothing). */
function pageFirstScreen(data: StartData, hash = '', template = committedTemplate()): { markup: string; day: string } | null {
  servePage(data, template);
  const screen = buildFirstScreen(document, data, hash, { today: todayLocal(), viewportHeight: FALLBACK_VIEWPORT });
  if (!screen) return null;
  const holder = document.createElement('div');
  holder.append(screen);
  return { markup: markupOf(holder), day: holder.querySelector<HTMLInputElement>('#entry-date')!.value };
}

function committedTemplate(): string {
  return fs.readFileSync(TEMPLATE_FILE, 'utf8').trimEnd();
}

/**
 * The journal the template is made from: a full first page with more to load, both ratings and
 * a tag on the first entry. (A page short enough to ask for the next one at once would show
 * "Loading…" under its rows; a full page of 100 never does in a window of a real height.)
 */
function sampleJournal(): StartData {
  const entries = Array.from({ length: PAGE_SIZE }, (_, i) =>
    makeEntry({
      id: 1000 - i,
      entry_date: new Date(Date.UTC(2026, 9, 30 - i)).toISOString().slice(0, 10),
      body: `Sample entry ${1000 - i}`,
      mood: 3,
      progress: 2,
      tags: ['sample', 'second'],
    }),
  );
  return startData(entries, true);
}

/**
 * The template from the app's first screen (markup without comments): the timeline keeps one
 * week heading, one entry with both ratings and one tag, and one block of the lower spacer
 * (made `b0`); the page's filler (first-screen.ts) clones these for its rows.
 */
function templateOf(markup: string): string {
  const holder = document.createElement('div');
  holder.innerHTML = markup;
  const list = holder.querySelector('ol[data-testid="timeline"]')!;
  const week = list.querySelector('.row-week')!;
  const entry = list.querySelector('.row-entry')!;
  entry.querySelectorAll('.tags .chip').forEach((chip, i) => i > 0 && chip.remove());
  list.replaceChildren(week, entry);
  const below = [...holder.querySelectorAll('[data-testid="timeline-scroll"] > .spacer')].at(-1)!;
  const block = below.querySelector('.block')!;
  block.className = block.className.replace(/\bb\d+\b/, 'b0');
  below.replaceChildren(block);
  below.setAttribute('data-height', '1');
  return holder.innerHTML;
}

describe('the first screen the page carries', () => {
  it('is made from the app’s own first screen (make first-screen regenerates it)', async () => {
    const template = templateOf((await appFirstScreen(sampleJournal())).markup);
    if (process.env.UPDATE_FIRST_SCREEN === '1') fs.writeFileSync(TEMPLATE_FILE, `${template}\n`);
    expect(template, 'ui/src/lib/startup/first-screen.html is stale: run `make first-screen`').toBe(committedTemplate());
  });
});

describe('the first screen the page paints', () => {
  const journals: [string, () => StartData][] = [
    ['the template’s own journal', sampleJournal],
    ['one entry, no ratings, no tags', () => startData([makeEntry({ id: 1, entry_date: '2026-11-25', body: 'Only one' })])],
    [
      'a hundred entries over many weeks, some rated, some tagged, more to load',
      () =>
        startData(
          Array.from({ length: 100 }, (_, i) =>
            makeEntry({
              id: 500 - i,
              entry_date: new Date(Date.UTC(2026, 10, 25 - i * 2)).toISOString().slice(0, 10),
              body: `Day ${i}\n\n\n   second line ${'word '.repeat(i * 3)}`,
              mood: i % 3 === 0 ? null : (i % 5) + 1,
              progress: i % 4 === 0 ? null : ((i + 2) % 5) + 1,
              tags: Array.from({ length: i % 6 }, (_, t) => `tag-${t}-${i}`),
            }),
          ),
          true,
        ),
    ],
    ['a day that cannot be read', () => startData([makeEntry({ id: 3, entry_date: '2026-02-31', tags: ['x'] }), makeEntry({ id: 2, entry_date: '2026-02-27' })])],
    [
      'hostile text in bodies and tags',
      () =>
        startData(
          HOSTILE_PAYLOADS.slice(0, 40)
            .map((line, i) => makeEntry({ id: 900 - i, entry_date: '2026-11-20', body: line, tags: [line.slice(0, 40)], mood: 2 })),
        ),
    ],
  ];

  it.each(journals)('is the app’s first screen, element for element: %s', async (_, journal) => {
    const app = await appFirstScreen(journal());
    const page = pageFirstScreen(journal());
    expect(page).not.toBeNull();
    const differsAt = Array.from({ length: page!.markup.length }, (_, i) => i).find((i) => page!.markup[i] !== app.markup[i]) ?? -1;
    expect(differsAt < 0 ? '' : page!.markup.slice(Math.max(0, differsAt - 300), differsAt + 200)).toBe(
      differsAt < 0 ? '' : app.markup.slice(Math.max(0, differsAt - 300), differsAt + 200),
    );
    expect(page!.markup).toBe(app.markup);
    expect(page!.day).toBe(app.day);
  });

  it('runs none of the person’s text', () => {
    const lines = HOSTILE_PAYLOADS;
    const data = startData(lines.map((line, i) => makeEntry({ id: 5000 - i, entry_date: '2026-11-20', body: line, tags: [line] })));
    servePage(data, committedTemplate());
    expect(paintFirstScreen(document, data, '', { today: '2026-11-25', viewportHeight: 100_000 })).toBe(lines.length);
    const app = document.getElementById('app')!;
    expect(app.querySelectorAll('[data-testid="timeline-entry"]').length).toBe(lines.length);
    expect(activeContent(app.querySelector('ol[data-testid="timeline"]')!)).toEqual([]);
    expect((window as unknown as { __xss_fired?: unknown }).__xss_fired).toBeUndefined();
    const tags = [...app.querySelectorAll('.tags .chip')].map((e) => e.textContent);
    expect(tags).toEqual([...lines]);
  });

  it('is inert and hidden from assistive technology until the app replaces it', () => {
    const data = sampleJournal();
    servePage(data, committedTemplate());
    expect(paintFirstScreen(document, data, '#journal', { today: '2026-11-25', viewportHeight: 800 })).toBe(PAGE_SIZE);
    const app = document.getElementById('app')!;
    expect(app.inert).toBe(true);
    expect(app.getAttribute('aria-hidden')).toBe('true');
    expect(app.hasAttribute(PAINTED_ATTR)).toBe(true);
    expect(document.documentElement.style.getPropertyValue('--font-ui')).toBe('"Cantarell", sans-serif');
    clearFirstScreen(app);
    expect(app.childNodes.length).toBe(0);
    expect(app.inert).toBe(false);
    expect(app.hasAttribute('aria-hidden')).toBe(false);
    expect(app.hasAttribute(PAINTED_ATTR)).toBe(false);
  });

  it('leaves the first screen to the app when it cannot paint the journal as the app would', () => {
    const open = sampleJournal();
    const notOpen = (state: 'locked' | 'damaged' | 'newer') => ({ ...open, status: { ...open.status!, state }, first_page: null });
    expect(pageFirstScreen(open, '#goals')).toBeNull();
    expect(pageFirstScreen(open, '#reflection/1')).toBeNull();
    expect(pageFirstScreen(notOpen('locked'))).toBeNull();
    expect(pageFirstScreen(notOpen('damaged'))).toBeNull();
    expect(pageFirstScreen(notOpen('newer'))).toBeNull();
    expect(pageFirstScreen({ ...open, status: null })).toBeNull();
    expect(pageFirstScreen({ ...open, page_size: 50 })).toBeNull();
    expect(pageFirstScreen(startData([]))).toBeNull();
    expect(pageFirstScreen(open, '', '<p>another page</p>')).toBeNull();
    servePage(open, null);
    expect(paintFirstScreen(document, open, '', { today: '2026-11-25', viewportHeight: 800 })).toBeNull();
    expect(document.getElementById('app')!.childNodes.length).toBe(0);
    expect(paintFirstScreen(document, null, '', { today: '2026-11-25', viewportHeight: 800 })).toBeNull();
  });
});

describe('starting the app from the page', () => {
  it('runs the preloaded bundle as a module script at the page’s own address', () => {
    document.head.innerHTML = `<link rel="modulepreload" crossorigin href="/assets/index-abc.js" ${APP_MODULE_ATTR}>`;
    startApp(document);
    const scripts = [...document.head.querySelectorAll('script')];
    expect(scripts).toHaveLength(1);
    expect(scripts[0]!.type).toBe('module');
    expect(scripts[0]!.getAttribute('src')).toBe('/assets/index-abc.js');
  });

  it('does nothing on a page without the preload (the dev server runs the app itself)', () => {
    startApp(document);
    expect(document.querySelectorAll('script')).toHaveLength(0);
  });
});
