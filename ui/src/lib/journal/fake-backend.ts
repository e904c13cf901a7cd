// An in-memory stand-in for the Rust side, for tests: it pages, keeps revisions and recovery
// copies, and answers like the real commands (same names, same argument keys). Not used by the
// app.

import type {
  AppError,
  Draft as KeptDraft,
  DraftInput,
  Entry,
  EntryDraft,
  MdNode,
  PageCursor,
  Revision,
  SearchQuery,
  TagCount,
  Template,
  TemplateDraft,
} from '../ipc/commands';
import { makeEntry, mockCommands } from '../ipc/testing';
import type { CommandArgs } from '../ipc/testing';
import { comesBefore } from './order';

export const BUILTIN_TEMPLATES: Template[] = [
  { id: null, name: 'Blank page', body: '', builtin: true },
  {
    id: null,
    name: 'Weekly check-in',
    body: '## What moved this week\n\n\n## Where I got stuck\n\n\n## What I learned\n\n\n## Next week I will\n\n',
    builtin: true,
  },
];

export interface FakeOptions {
  /** Answer a command with an error instead (return undefined to answer normally). */
  fail?: (command: string, args: CommandArgs) => AppError | undefined;
  /** Answer a command after this promise settles (return undefined to answer at once). */
  hold?: (command: string, args: CommandArgs) => Promise<unknown> | undefined;
  drafts?: KeptDraft[];
  templates?: Template[];
  now?: () => string;
  /** The preview tree for a body (a paragraph of its text by default). */
  markdown?: (body: string) => MdNode[];
}

function tagsOf(draft: EntryDraft): string[] {
  const out: string[] = [];
  for (const raw of draft.tags) {
    const t = raw.trim().replace(/^#/, '').trim();
    if (t && !out.some((o) => o.toLowerCase() === t.toLowerCase())) out.push(t);
  }
  return out;
}

export function fakeBackend(initial: Entry[] = [], options: FakeOptions = {}) {
  const stored = [...initial];
  const trashed: Entry[] = [];
  const revisions: Revision[] = [];
  const drafts = new Map<number, KeptDraft>();
  for (const d of options.drafts ?? []) drafts.set(d.entry_id ?? 0, d);
  const templates: Template[] = [...(options.templates ?? BUILTIN_TEMPLATES)];
  const now = options.now ?? (() => '2026-11-25T10:00:00.000Z');
  let nextId = 10_000;
  let nextRevision = 500;
  let nextTemplate = 1;

  function answer(command: string, args: CommandArgs): unknown {
    const reject = (code: AppError['code'], message: string) => Promise.reject({ code, message } satisfies AppError);
    switch (command) {
      case 'list_entries': {
        const after = args.after as PageCursor | null;
        const limit = args.limit as number;
        const sorted = [...stored].sort((a, b) => (comesBefore(a, b) ? -1 : 1));
        const rest = after ? sorted.filter((e) => comesBefore(after, e)) : sorted;
        const entries = rest.slice(0, limit);
        const last = entries[entries.length - 1];
        const next = rest.length > limit && last ? { entry_date: last.entry_date, id: last.id } : null;
        return { entries, next };
      }
      case 'create_entry': {
        const draft = args.draft as EntryDraft;
        if (draft.body.trim() === '') return reject('empty_body', 'The entry is empty.');
        const entry = makeEntry({
          id: nextId++,
          entry_date: draft.entry_date,
          body: draft.body,
          tags: tagsOf(draft),
          mood: draft.mood,
          progress: draft.progress,
        });
        stored.push(entry);
        drafts.delete(0);
        return entry;
      }
      case 'update_entry': {
        const draft = args.draft as EntryDraft;
        const i = stored.findIndex((e) => e.id === args.id);
        const current = stored[i];
        if (!current) return reject('not_found', 'No such entry.');
        revisions.unshift({
          id: nextRevision++,
          entry_id: current.id,
          entry_date: current.entry_date,
          body: current.body,
          tags: current.tags,
          mood: current.mood,
          progress: current.progress,
          saved_at: current.updated_at,
        });
        const entry: Entry = {
          ...current,
          entry_date: draft.entry_date,
          body: draft.body,
          tags: tagsOf(draft),
          mood: draft.mood,
          progress: draft.progress,
          updated_at: now(),
        };
        stored[i] = entry;
        drafts.delete(entry.id);
        return entry;
      }
      case 'get_entry': {
        const entry = stored.find((e) => e.id === args.id) ?? trashed.find((e) => e.id === args.id);
        return entry ?? reject('not_found', 'No such entry.');
      }
      case 'trash_entry': {
        const i = stored.findIndex((e) => e.id === args.id);
        if (i === -1) return reject('not_found', 'No such entry.');
        const [entry] = stored.splice(i, 1);
        const gone = { ...entry!, deleted_at: now() };
        trashed.unshift(gone);
        return gone;
      }
      case 'restore_entry': {
        const i = trashed.findIndex((e) => e.id === args.id);
        if (i === -1) return reject('not_found', 'No such entry.');
        const [entry] = trashed.splice(i, 1);
        const back = { ...entry!, deleted_at: null };
        stored.push(back);
        return back;
      }
      case 'list_trash':
        return [...trashed];
      case 'empty_trash': {
        const n = trashed.length;
        trashed.length = 0;
        return n;
      }
      case 'list_revisions':
        return revisions.filter((r) => r.entry_id === args.id);
      case 'restore_revision': {
        const revision = revisions.find((r) => r.id === args.revisionId);
        if (!revision) return reject('not_found', 'No such revision.');
        const { entry_date, body, tags, mood, progress } = revision;
        return answer('update_entry', { id: revision.entry_id, draft: { entry_date, body, tags, mood, progress } });
      }
      case 'list_tags': {
        const counts = new Map<string, number>();
        for (const e of stored) for (const t of e.tags) counts.set(t, (counts.get(t) ?? 0) + 1);
        const list: TagCount[] = [...counts].map(([name, count]) => ({ name, count }));
        return list.sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
      }
      case 'save_draft': {
        const input = args.draft as DraftInput;
        const kept: KeptDraft = { ...input, saved_at: now() };
        drafts.set(input.entry_id ?? 0, kept);
        return kept;
      }
      case 'discard_draft':
        drafts.delete((args.entryId as number | null) ?? 0);
        return null;
      case 'pending_drafts':
        return [...drafts.values()].filter((d) => {
          if (d.entry_id === null) return d.body.trim() !== '';
          const e = stored.find((s) => s.id === d.entry_id);
          return e !== undefined && (e.body !== d.body || e.entry_date !== d.entry_date);
        });
      case 'list_templates':
        return [...templates];
      case 'save_template': {
        const t = args.template as TemplateDraft;
        if (t.name.trim() === '') return reject('invalid_template', 'Give the template a name.');
        const template: Template = { id: nextTemplate++, name: t.name.trim(), body: t.body, builtin: false };
        templates.push(template);
        return template;
      }
      case 'delete_template': {
        const i = templates.findIndex((t) => t.id === args.id);
        if (i === -1) return reject('not_found', 'No such template.');
        templates.splice(i, 1);
        return null;
      }
      case 'search': {
        const q = args.query as SearchQuery;
        const words = q.text.toLowerCase().split(/\s+/).filter(Boolean);
        const hits = stored
          .filter((e) => words.every((w) => e.body.toLowerCase().includes(w.replace(/\*$/, ''))))
          .map((entry) => ({ entry, snippet: [{ text: entry.body, hit: false }] }));
        return { hits, more: false, hint: null };
      }
      case 'render_markdown':
        return (
          options.markdown?.(args.body as string) ?? [
            { kind: 'paragraph', children: [{ kind: 'text', text: args.body as string }] },
          ]
        );
      case 'open_link':
        return null;
      default:
        return reject('internal', `unexpected ${command}`);
    }
  }

  const calls = mockCommands((command, args) => {
    const failure = options.fail?.(command, args);
    if (failure) return Promise.reject(failure);
    const held = options.hold?.(command, args);
    if (held) return held.then(() => answer(command, args));
    return answer(command, args);
  });

  /** The calls made with one of these command names, in order. */
  function callsOf(...commands: string[]) {
    return calls.filter((c) => commands.includes(c.command));
  }

  return { calls, callsOf, stored, trashed, revisions, drafts, templates };
}
