import { afterEach, describe, expect, it } from 'vitest';

import type { EntryPage, JournalStatus, StartData } from '../ipc/commands';
import { clearMocks, makeEntry, mockCommands } from '../ipc/testing';
import { Journal } from '../journal/journal.svelte';
import { forgetEarly } from './early';
import { Gate } from './gate.svelte';
import { fontStack, prepareFirstScreen, START_DATA_ID, takeStartData } from './start-data';

afterEach(() => {
  forgetEarly();
  clearMocks();
  document.head.innerHTML = '';
  document.documentElement.style.removeProperty('--font-ui');
});

const HOSTILE = '</script><script>window.__hit = 1</script><!-- <img src=x onerror=alert(1)> & __TAURI_SCRIPT_NONCE__';

function status(state: JournalStatus['state']): JournalStatus {
  return { state, message: null, encrypted: state === 'locked', data_dir: '/home/me/Trajectory' };
}

function page(): EntryPage {
  return { entries: [makeEntry({ id: 7, entry_date: '2026-11-24', body: HOSTILE })], next: null };
}

/** The JSON as the app writes it into the page (src-tauri/src/start_page.rs: json_inside_html). */
function insideHtml(data: unknown): string {
  return JSON.stringify(data).replace(/[<>&_]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Puts a start data block into the document's head, as the app serves its page. */
function carry(text: string): void {
  const block = document.createElement('script');
  block.type = 'application/json';
  block.id = START_DATA_ID;
  block.textContent = text;
  document.head.append(block);
}

function data(state: JournalStatus['state'] = 'open', pageSize = 100): StartData {
  return { ui_font: 'Cantarell', status: status(state), first_page: state === 'open' ? page() : null, page_size: pageSize };
}

describe('the start data the page carries', () => {
  it('is read once and taken out of the document, the person’s text unchanged', () => {
    carry(insideHtml(data()));
    const read = takeStartData(document);
    expect(read?.first_page?.entries[0]?.body).toBe(HOSTILE);
    expect(document.getElementById(START_DATA_ID)).toBeNull();
    expect(takeStartData(document)).toBeNull();
    expect((window as unknown as { __hit?: number }).__hit).toBeUndefined();
  });

  it('is ignored when it is not JSON or not start data', () => {
    carry('{"status": ');
    expect(takeStartData(document)).toBeNull();
    carry(JSON.stringify({ status: 'open', page_size: 100, first_page: null }));
    expect(takeStartData(document)).toBeNull();
    carry(JSON.stringify({ ui_font: null, status: status('open'), page_size: 100, first_page: { entries: 'none' } }));
    expect(takeStartData(document)).toBeNull();
    carry(JSON.stringify({ ui_font: 12, status: null, page_size: 100, first_page: null }));
    expect(takeStartData(document)).toBeNull();
  });

  it('opens the journal with its first page and asks the backend for neither', async () => {
    const calls = mockCommands(() => null);
    carry(insideHtml(data()));
    prepareFirstScreen(document, true, 100);

    const gate = new Gate();
    await gate.load();
    expect(gate.status?.state).toBe('open');
    const journal = new Journal({ today: () => '2026-11-25', pageSize: 100 });
    const refreshing = journal.refresh();
    // Taken without waiting: the rows are in the journal's first frame.
    expect(journal.entries.map((e) => e.body)).toEqual([HOSTILE]);
    await refreshing;
    expect(calls.map((c) => c.command)).toEqual([]);
  });

  it('asks for the first page when the page carried another size of it', () => {
    const calls = mockCommands((command) => (command === 'list_entries' ? page() : null));
    carry(insideHtml(data('open', 50)));
    prepareFirstScreen(document, true, 100);
    expect(calls.map((c) => [c.command, c.args.limit])).toEqual([['list_entries', 100]]);
  });

  it('asks for no first page for a locked journal or a window opening elsewhere', async () => {
    const calls = mockCommands(() => null);
    carry(insideHtml(data('locked')));
    prepareFirstScreen(document, true, 100);
    const gate = new Gate();
    await gate.load();
    expect(gate.status?.state).toBe('locked');

    forgetEarly();
    carry(insideHtml(data('open')));
    prepareFirstScreen(document, false, 100);
    expect(calls).toEqual([]);
  });

  it('sets the UI font to the desktop font by name, quoted', () => {
    mockCommands(() => null);
    carry(insideHtml(data()));
    prepareFirstScreen(document, true, 100);
    expect(document.documentElement.style.getPropertyValue('--font-ui')).toBe('"Cantarell", sans-serif');
    expect(fontStack('Odd "Name"\\\n')).toBe('"Odd \\"Name\\"\\\\ ", sans-serif');
  });

  it('asks for the status and first page when it carries only the font (the journal was busy)', () => {
    const calls = mockCommands((command) => (command === 'journal_status' ? status('open') : page()));
    carry(insideHtml({ ui_font: 'Cantarell', status: null, first_page: null, page_size: 100 }));
    prepareFirstScreen(document, true, 100);
    expect(calls.map((c) => c.command)).toEqual(['journal_status', 'list_entries']);
    expect(document.documentElement.style.getPropertyValue('--font-ui')).toBe('"Cantarell", sans-serif');
  });

  it('without it, asks for where the journal stands and its first page at once', () => {
    const calls = mockCommands((command) => (command === 'journal_status' ? status('open') : page()));
    prepareFirstScreen(document, true, 100);
    expect(calls.map((c) => c.command)).toEqual(['journal_status', 'list_entries']);
  });
});
