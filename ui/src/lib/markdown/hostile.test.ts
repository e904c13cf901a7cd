import { render } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';

import type { MdNode } from '../ipc/commands';
import Markdown from './Markdown.svelte';
import { HOSTILE_PAYLOADS, activeContent } from './hostile';

declare global {
  interface Window {
    __xss_fired?: unknown;
  }
}

const text = (t: string): MdNode => ({ kind: 'text', text: t });

/** The payload in every string a Markdown tree can carry. */
function everySlot(p: string): MdNode[] {
  return [
    { kind: 'paragraph', children: [text(p)] },
    { kind: 'heading', level: 2, children: [text(p)] },
    { kind: 'code_block', text: p },
    {
      kind: 'paragraph',
      children: [
        { kind: 'code', text: p },
        { kind: 'link', href: p, children: [text(p)] },
        { kind: 'link', href: `https://example.org/${p}`, children: [text(p)] },
        { kind: 'image', alt: p, src: p },
      ],
    },
    {
      kind: 'table',
      children: [
        { kind: 'table_row', header: true, children: [{ kind: 'table_cell', children: [text(p)] }] },
        { kind: 'table_row', header: false, children: [{ kind: 'table_cell', children: [text(p)] }] },
      ],
    },
  ];
}

describe('the hostile-text corpus in the Markdown preview', () => {
  it('has at least 200 payloads', () => {
    expect(HOSTILE_PAYLOADS.length).toBeGreaterThanOrEqual(200);
  });

  it('renders every payload, in every slot of the tree, as text and inert elements only', () => {
    const onLink = vi.fn();
    const nodes = HOSTILE_PAYLOADS.flatMap(everySlot);
    const { container } = render(Markdown, { nodes, onLink });

    expect(activeContent(container)).toEqual([]);
    const shown = container.textContent ?? '';
    const missing = HOSTILE_PAYLOADS.filter((p) => !shown.includes(p));
    expect(missing).toEqual([]);

    // Every link that stayed live is a web or email link, and a click never navigates: it is
    // handed to the app, which asks Rust to open it.
    const links = [...container.querySelectorAll('a')];
    expect(links.length).toBe(HOSTILE_PAYLOADS.length);
    for (const a of links) {
      expect(a.getAttribute('href')).toMatch(/^https:\/\/example\.org\//);
      const event = new MouseEvent('click', { bubbles: true, cancelable: true });
      a.dispatchEvent(event);
      expect(event.defaultPrevented).toBe(true);
    }
    expect(onLink).toHaveBeenCalledTimes(links.length);
    // The javascript:, data: and other links are plain text, and clicking them does nothing.
    for (const dead of container.querySelectorAll('.inert-link')) dead.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    expect(onLink).toHaveBeenCalledTimes(links.length);
    expect(window.__xss_fired).toBeUndefined();
  }, 30_000);
});
