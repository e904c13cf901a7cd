import { fireEvent, render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';

import type { MdNode } from '../ipc/commands';
import { clearMocks, mockCommands } from '../ipc/testing';
import Markdown from './Markdown.svelte';
import { liveHref } from './links';
import { Preview } from './preview.svelte';

declare global {
  interface Window {
    __pwned?: number;
  }
}

afterEach(() => {
  clearMocks();
  delete window.__pwned;
});

const text = (t: string): MdNode => ({ kind: 'text', text: t });
const para = (...children: MdNode[]): MdNode => ({ kind: 'paragraph', children });

describe('Markdown', () => {
  it('renders the tree with real elements', () => {
    const nodes: MdNode[] = [
      { kind: 'heading', level: 2, children: [text('What moved')] },
      para(text('A '), { kind: 'strong', children: [text('big')] }, text(' week'), { kind: 'soft_break' }, text('with '), {
        kind: 'code',
        text: 'sync()',
      }),
      {
        kind: 'list',
        ordered: true,
        start: 3,
        children: [
          { kind: 'item', checked: null, children: [text('third')] },
          { kind: 'item', checked: true, children: [text('done')] },
        ],
      },
      { kind: 'quote', children: [para({ kind: 'emphasis', children: [text('quiet')] })] },
      { kind: 'code_block', text: 'let x = 1;\n' },
      { kind: 'rule' },
      {
        kind: 'table',
        children: [
          { kind: 'table_row', header: true, children: [{ kind: 'table_cell', children: [text('When')] }] },
          { kind: 'table_row', header: false, children: [{ kind: 'table_cell', children: [text('Monday')] }] },
        ],
      },
    ];
    const { container } = render(Markdown, { nodes });
    expect(container.querySelector('h2')?.textContent).toBe('What moved');
    expect(container.querySelector('p strong')?.textContent).toBe('big');
    expect(container.querySelector('p code')?.textContent).toBe('sync()');
    expect(container.querySelector('ol')?.getAttribute('start')).toBe('3');
    expect(container.querySelectorAll('ol > li')).toHaveLength(2);
    expect((container.querySelector('li input[type=checkbox]') as HTMLInputElement).checked).toBe(true);
    expect(container.querySelector('blockquote em')?.textContent).toBe('quiet');
    expect(container.querySelector('pre code')?.textContent).toBe('let x = 1;\n');
    expect(container.querySelector('hr')).not.toBeNull();
    expect(container.querySelector('thead th')?.textContent).toBe('When');
    expect(container.querySelector('tbody td')?.textContent).toBe('Monday');
  });

  it('keeps script, HTML and a javascript: link inert', () => {
    const nodes: MdNode[] = [
      para(text('<script>window.__pwned=1</script>')),
      para(text('<img src=x onerror="window.__pwned=1">')),
      para({ kind: 'link', href: null, children: [text('click me')] }),
      // Even if a bad href slipped through, the preview would not make it live.
      para({ kind: 'link', href: 'javascript:window.__pwned=1', children: [text('or me')] }),
      para({ kind: 'image', alt: 'a chart', src: 'https://tracker.example/pixel.png' }),
    ];
    const { container } = render(Markdown, { nodes });
    expect(container.querySelector('script')).toBeNull();
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('a')).toBeNull();
    expect(container.querySelector('[href]')).toBeNull();
    expect(container.querySelector('[src]')).toBeNull();
    expect(container.textContent).toContain('<script>window.__pwned=1</script>');
    expect(container.textContent).toContain('<img src=x onerror="window.__pwned=1">');
    expect(container.textContent).toContain('click me');
    expect(container.textContent).toContain('[image: a chart]');
    expect(window.__pwned).toBeUndefined();
  });

  it('a click on a live link is handed over and never navigates; dead links do nothing', async () => {
    const onLink = vi.fn();
    const nodes: MdNode[] = [
      para({ kind: 'link', href: 'https://example.org/talk', children: [text('the talk')] }),
      para({ kind: 'link', href: null, children: [text('a file link')] }),
    ];
    render(Markdown, { nodes, onLink });
    const link = screen.getByRole('link', { name: 'the talk' });
    expect(link.getAttribute('href')).toBe('https://example.org/talk');
    const notCancelled = await fireEvent.click(link);
    expect(notCancelled).toBe(false);
    expect(onLink).toHaveBeenCalledExactlyOnceWith('https://example.org/talk');

    await fireEvent.click(screen.getByText('a file link'));
    expect(onLink).toHaveBeenCalledOnce();
  });
});

describe('liveHref', () => {
  it('allows only web and email links', () => {
    expect(liveHref('https://a.example/')).toBe('https://a.example/');
    expect(liveHref('HTTP://a.example/')).toBe('HTTP://a.example/');
    expect(liveHref('mailto:me@example.org')).toBe('mailto:me@example.org');
    expect(liveHref('javascript:alert(1)')).toBeNull();
    expect(liveHref(' javascript:alert(1)')).toBeNull();
    expect(liveHref('file:///etc/passwd')).toBeNull();
    expect(liveHref('/relative')).toBeNull();
    expect(liveHref(null)).toBeNull();
  });
});

describe('Preview', () => {
  it('renders through render_markdown, drops stale answers, opens links through open_link', async () => {
    const answers: ((nodes: MdNode[]) => void)[] = [];
    const calls = mockCommands((command) =>
      command === 'render_markdown' ? new Promise((resolve) => answers.push(resolve)) : null,
    );
    const preview = new Preview();
    const first = preview.render('old');
    const second = preview.render('new');
    answers[1]!([para(text('new'))]);
    await second;
    answers[0]!([para(text('old'))]);
    await first;
    expect(preview.renderedBody).toBe('new');
    expect(preview.nodes).toEqual([para(text('new'))]);

    await preview.openLink('https://example.org/');
    expect(calls.map((c) => [c.command, c.args])).toEqual([
      ['render_markdown', { body: 'old' }],
      ['render_markdown', { body: 'new' }],
      ['open_link', { url: 'https://example.org/' }],
    ]);
  });

  it('keeps an open_link refusal as a typed error', async () => {
    mockCommands(() => Promise.reject({ code: 'link_not_allowed', message: 'Only web and email links open.' }));
    const preview = new Preview();
    await preview.openLink('https://example.org/');
    expect(preview.linkError?.code).toBe('link_not_allowed');
  });
});
