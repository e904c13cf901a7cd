import { render } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';

import type { SnippetPart } from '../ipc/commands';
import { HOSTILE_PAYLOADS, activeContent } from '../markdown/hostile';
import Snippet from './Snippet.svelte';

describe('the hostile-text corpus in search snippets', () => {
  it('shows every payload as text, as a hit and around one, with only <span> and <mark>', () => {
    const parts: SnippetPart[] = HOSTILE_PAYLOADS.flatMap((p) => [
      { text: p, hit: false },
      { text: p, hit: true },
    ]);
    const { container } = render(Snippet, { parts });

    expect(activeContent(container)).toEqual([]);
    const tags = new Set([...container.querySelectorAll('*')].map((el) => el.localName));
    expect([...tags].sort()).toEqual(['mark', 'span']);
    const marks = [...container.querySelectorAll('mark')].map((m) => m.textContent);
    expect(marks).toEqual([...HOSTILE_PAYLOADS]);
    expect(container.textContent).toBe(HOSTILE_PAYLOADS.map((p) => p + p).join(''));
  });
});
