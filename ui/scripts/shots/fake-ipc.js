// A stand-in for the Rust side, for looking at the production build in a plain browser (see
// shoot.sh): it answers Tauri's `invoke` with a seeded journal and then plays one "scene"
// (query string `?scene=`) by clicking and typing like a person would. Never shipped: the
// server in serve.py adds it to index.html only for screenshots.
(() => {
  'use strict';

  const scene = new URLSearchParams(location.search).get('scene') ?? 'timeline';
  const day = (offset) => new Date(Date.UTC(2026, 10, 25) - offset * 86_400_000).toISOString().slice(0, 10);
  const now = '2026-11-25T13:02:00.000Z';

  const RICH = [
    '## What moved this week',
    '',
    'Shipped the **billing migration** dry run: rollback took *4 minutes* instead of 40.',
    'Notes are in [the runbook](https://wiki.example.org/runbook) and `scripts/rollback.sh`.',
    '',
    '- Paired with Sam on the retry logic',
    '- Wrote the on-call checklist',
    '- [x] Asked for the staff rubric',
    '',
    '> Scope you choose, not scope you are given.',
    '',
    'Pasted from a chat: <script>alert("hi")</script> and <img src=x onerror=alert(1)> stay text,',
    'and so does [this link](javascript:alert(1)). ![the latency chart](https://example.org/chart.png)',
  ].join('\n');

  const SEED = [
    [RICH, ['work', 'migration'], 4, 5],
    ['Quiet week. Mostly reviews and small fixes; noting it so I can see the rhythm later.', ['work'], 3, 2],
    ['Asked my manager what separates senior from staff here. Answer: scope you choose, not scope you are given. Need to pick a problem nobody owns yet.', ['review', 'growth'], 4, 4],
    ['Migration dry run went well; rollback took 4 minutes instead of 40. Wrote the runbook while it was fresh.', ['work', 'migration'], 5, 5],
    ['Paired with Sam on the retry logic. Explaining it out loud showed me two gaps in my own understanding.', ['mentoring'], 4, 3],
    ['Felt stuck: three days on a flaky test that turned out to be a clock skew in CI. Annoyed, but I know the harness far better now.', ['work', 'debugging'], 2, 2],
    ['Kicked off the quarter: three goals, one of them scary, owning the billing migration end to end.', ['planning'], 4, 4],
    ['Gave the design review for the new sync engine. Good questions from the platform team about backpressure.', ['speaking', 'design'], 4, 4],
  ];
  const entries = [];
  const count = scene === 'big' ? 100_000 : 240;
  for (let i = 0; i < count; i += 1) {
    const [body, tags, mood, progress] = SEED[i % SEED.length];
    entries.push({
      id: 240 - i,
      entry_date: day(Math.floor(i * 1.3)),
      body: i < SEED.length ? body : `${body}`,
      tags,
      mood: i % 5 === 4 ? null : mood,
      progress: i % 7 === 6 ? null : progress,
      created_at: now,
      updated_at: now,
      deleted_at: null,
    });
  }
  const trash = [
    { ...entries[5], id: 999, body: 'An entry I wrote twice by mistake.', deleted_at: now },
    { ...entries[6], id: 998, body: 'Draft of the promotion case, moved to the goals doc.', deleted_at: now },
  ];
  const revisions = [
    { id: 31, entry_id: 240, entry_date: day(0), body: RICH.split('\n').slice(0, 8).join('\n'), tags: ['work'], mood: 3, progress: 4, saved_at: '2026-11-25T11:40:00.000Z' },
    { id: 30, entry_id: 240, entry_date: day(0), body: '## What moved this week\n\nShipped the billing migration dry run.', tags: ['work'], mood: 3, progress: null, saved_at: '2026-11-24T17:15:00.000Z' },
    { id: 29, entry_id: 240, entry_date: day(1), body: 'Billing migration: dry run tomorrow. Nervous about the rollback.', tags: [], mood: 2, progress: null, saved_at: '2026-11-23T09:05:00.000Z' },
  ];
  const templates = [
    { id: null, name: 'Blank page', body: '', builtin: true },
    { id: null, name: 'Weekly check-in', body: '## What moved this week\n\n\n## Where I got stuck\n\n\n## What I learned\n\n\n## Next week I will\n\n', builtin: true },
    { id: 1, name: 'One-to-one with my manager', body: '## Topics\n\n## Feedback\n', builtin: false },
  ];
  const drafts =
    scene === 'recovery'
      ? [
          { entry_id: null, entry_date: day(0), body: 'Started writing about the offsite: the roadmap session finally gave the platform work a name, and I volunteered to', tags: ['offsite'], mood: 4, progress: null, saved_at: now },
          { entry_id: 239, entry_date: entries[1].entry_date, body: `${entries[1].body} Also: finished the RFC draft.`, tags: ['work'], mood: 3, progress: 3, saved_at: '2026-11-25T12:48:00.000Z' },
        ]
      : [];

  // ---- Markdown, enough of it for a preview ---------------------------------------------
  const live = (href) => (/^(https?:\/\/|mailto:)/i.test(href) ? href : null);
  function inline(text) {
    const out = [];
    const re = /(\*\*([^*]+)\*\*)|(\*([^*]+)\*)|(`([^`]+)`)|(!\[([^\]]*)\]\(([^)]*)\))|(\[([^\]]+)\]\(([^)]*)\))/g;
    let last = 0;
    let m;
    while ((m = re.exec(text))) {
      if (m.index > last) out.push({ kind: 'text', text: text.slice(last, m.index) });
      if (m[1]) out.push({ kind: 'strong', children: [{ kind: 'text', text: m[2] }] });
      else if (m[3]) out.push({ kind: 'emphasis', children: [{ kind: 'text', text: m[4] }] });
      else if (m[5]) out.push({ kind: 'code', text: m[6] });
      else if (m[7]) out.push({ kind: 'image', alt: m[8], src: m[9] });
      else out.push({ kind: 'link', href: live(m[12]), children: [{ kind: 'text', text: m[11] }] });
      last = re.lastIndex;
    }
    if (last < text.length) out.push({ kind: 'text', text: text.slice(last) });
    return out;
  }
  function markdown(body) {
    const nodes = [];
    let para = null;
    let list = null;
    const flush = () => {
      para = null;
      list = null;
    };
    for (const line of body.split('\n')) {
      const h = /^(#{1,6})\s+(.*)$/.exec(line);
      const item = /^[-*]\s+(\[( |x)\]\s+)?(.*)$/.exec(line);
      if (line.trim() === '') flush();
      else if (h) {
        flush();
        nodes.push({ kind: 'heading', level: h[1].length, children: inline(h[2]) });
      } else if (item) {
        para = null;
        if (!list) nodes.push((list = { kind: 'list', ordered: false, start: null, children: [] }));
        list.children.push({ kind: 'item', checked: item[1] ? item[2] === 'x' : null, children: inline(item[3]) });
      } else if (line.startsWith('> ')) {
        flush();
        nodes.push({ kind: 'quote', children: [{ kind: 'paragraph', children: inline(line.slice(2)) }] });
      } else if (para) {
        para.children.push({ kind: 'soft_break' }, ...inline(line));
      } else {
        list = null;
        nodes.push((para = { kind: 'paragraph', children: inline(line) }));
      }
    }
    return nodes;
  }

  // ---- Search -----------------------------------------------------------------------------
  function search(q) {
    const raw = q.text;
    const hint = (raw.match(/"/g) ?? []).length % 2 === 1 ? 'An unclosed quote was closed at the end.' : null;
    const words = raw
      .replace(/"/g, ' ')
      .split(/\s+/)
      .filter((w) => w && w !== 'OR' && !w.startsWith('-'))
      .map((w) => w.toLowerCase().replace(/\*$/, ''));
    const found = entries.filter(
      (e) =>
        words.every((w) => e.body.toLowerCase().includes(w)) &&
        q.tags.every((t) => e.tags.includes(t)) &&
        (q.min_mood === null || (e.mood ?? 0) >= q.min_mood),
    );
    const hits = found.slice(0, q.limit ?? 50).map((entry) => {
      const lower = entry.body.toLowerCase();
      const first = Math.min(...words.map((w) => lower.indexOf(w)).filter((i) => i >= 0), 0);
      const start = Math.max(0, first - 40);
      const text = (start > 0 ? '…' : '') + entry.body.slice(start, start + 160).replace(/\n+/g, ' ') + '…';
      const parts = [];
      const re = new RegExp(`(${words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')}\\w*)`, 'gi');
      let last = 0;
      let m;
      while (words.length && (m = re.exec(text))) {
        if (m.index > last) parts.push({ text: text.slice(last, m.index), hit: false });
        parts.push({ text: m[0], hit: true });
        last = re.lastIndex;
      }
      if (last < text.length) parts.push({ text: text.slice(last), hit: false });
      return { entry, snippet: parts };
    });
    return { hits, more: found.length > hits.length, hint };
  }

  // ---- Slumps and reflections ----------------------------------------------------------------
  const notice = {
    slump: {
      scope: 'all', start: '2026-07-28', detected_on: '2026-10-15', end: null, length_days: 120, ended_by: null, came_after: null,
      explanation: 'No milestone for 120 days across your goals; your usual gap is about 45 days.',
    },
    surprise: 2.7,
    explanation: 'No milestone for 120 days across your goals; your usual gap is about 45 days.',
    past: [
      { scope: 'all', start: '2025-09-02', detected_on: '2025-11-01', end: '2026-01-12', length_days: 132, ended_by: 'milestone', came_after: 'Led the payments migration', explanation: '' },
      { scope: 'goal:2', start: '2024-04-10', detected_on: '2024-05-20', end: '2024-06-30', length_days: 81, ended_by: 'recovered', came_after: null, explanation: '' },
    ],
    state: null,
  };
  const guides = [
    { step: 'accept', title: 'A slower stretch', intro: 'Every career has flat stretches between the climbs; one of them says little about where yours is heading. Below are the quiet stretches you have had before and how each one ended. Nothing to fix yet — just notice where you are.', fields: [{ field: 'feeling', kind: 'text', label: 'How does this stretch feel?', hint: 'Write it as it is. No one else reads this, and there is no right answer.' }] },
    { step: 'root_cause', title: 'What is behind it?', intro: 'Look at the stretch from four sides. Some will fit, some will not; the numbers beside each are from your own history.', fields: [
      { field: 'unusual_gap', kind: 'text', label: 'Is this gap unusual for you?', hint: 'Compare it with your own pace, not with anyone else’s.' },
      { field: 'unusual_gap_applies', kind: 'yes_no', label: 'Unusual for me', hint: '' },
      { field: 'timeline', kind: 'text', label: 'Was the plan realistic?', hint: 'Planned dates against the pace you have actually kept. A plan can be changed here and now.' },
      { field: 'timeline_applies', kind: 'yes_no', label: 'The plan asked too much', hint: '' },
      { field: 'outside_forces', kind: 'text', label: 'Is something outside your control at work?', hint: 'Budgets, a reorganisation, the market, a change of manager.' },
      { field: 'outside_forces_applies', kind: 'yes_no', label: 'Outside forces play a part', hint: '' },
      { field: 'own_work', kind: 'text', label: 'Is there something in your own work to adjust?', hint: 'Be as fair to yourself as you would be to a colleague.' },
      { field: 'own_work_applies', kind: 'yes_no', label: 'There is something I can adjust', hint: '' },
    ] },
    { step: 'moves', title: 'Ways to move', intro: 'Pick one or more ways forward. They are ordered from what you wrote in the last step; the way out is always there, after the others.', fields: [{ field: 'why', kind: 'text', label: 'Why these?', hint: 'A line on what you hope each one changes.' }] },
    { step: 'commit', title: 'Small, dated steps', intro: 'Turn each way you chose into one to three concrete moves, each with a day to look back on it. Small and done beats big and postponed.', fields: [{ field: 'first_step', kind: 'text', label: 'What will you do first, this week?', hint: '' }] },
    { step: 'follow_up', title: 'Looking back', intro: 'On each move’s day Trajectory asks how it went. When the stretch ends, the moves you made before it are remembered, so next time you can see what has worked for you.', fields: [{ field: 'looking_back', kind: 'text', label: 'What have you learned from this stretch?', hint: '' }] },
  ];
  const strategyInfo = [
    { strategy: 'new_project', label: 'Start something new', description: 'When the days repeat, a fresh piece of work — inside your team or beyond it — changes what you learn and what others see you do.' },
    { strategy: 'mentor_or_partner', label: 'Find a mentor or a peer to think with', description: 'Someone who has been through a stretch like this, or a peer going through one now, can tell you how it looks from outside and what they tried.' },
    { strategy: 'wider_network', label: 'Widen your circle', description: 'New people bring new information: openings, ways of working, and a truer picture of where you stand.' },
    { strategy: 'learn_or_responsibility', label: 'Learn a skill or take on a new responsibility', description: 'A new skill or a new duty changes what you can be trusted with next.' },
    { strategy: 'exit', label: 'Look at a way out', description: 'Sometimes the next climb starts somewhere else: a new role, a new company, or your own venture.' },
  ];
  const reflection = {
    id: 3, trigger: { kind: 'slump', scope: 'all', detected_on: '2026-10-15' }, status: 'none', step: 'accept',
    answers: [], strategies: [], moves: [], set_aside_reason: null, created_at: now, updated_at: now, closed_at: null,
  };
  const pastReflections = [
    { id: 1, trigger: { kind: 'slump', scope: 'all', detected_on: '2025-11-01' }, status: 'done', step: 'follow_up',
      answers: [{ step: 'accept', field: 'feeling', text: 'Tired of the same tickets.', updated_at: now }], strategies: ['wider_network'],
      moves: [], set_aside_reason: null, created_at: '2025-11-03T09:00:00Z', updated_at: now, closed_at: now },
  ];
  const reflectionView = () => {
    const applies = (f) => reflection.answers.some((a) => a.field === f && a.text === 'yes');
    const order = applies('outside_forces_applies')
      ? ['wider_network', 'new_project', 'mentor_or_partner', 'learn_or_responsibility', 'exit']
      : ['new_project', 'mentor_or_partner', 'learn_or_responsibility', 'wider_network', 'exit'];
    return {
      reflection: { ...reflection, status: reflection.status === 'none' ? 'in_progress' : reflection.status, answers: [...reflection.answers], moves: [...reflection.moves] },
      steps: guides,
      strategies: strategyInfo,
      suggestions: { strategies: order.map((strategy) => ({ strategy, because: [] })), offer_replan: applies('timeline_applies') },
    };
  };
  const checkIns = [];

  // ---- Commands -----------------------------------------------------------------------------
  const handlers = {
    app_info: () => ({ version: '0.1.0', data_dir: '/home/alex/.local/share/trajectory' }),
    list_entries: ({ after, limit }) => {
      const start = after ? entries.findIndex((e) => e.id === after.id) + 1 : 0;
      const page = entries.slice(start, start + limit);
      const last = page[page.length - 1];
      return { entries: page, next: start + limit < entries.length && last ? { entry_date: last.entry_date, id: last.id } : null };
    },
    get_entry: ({ id }) => entries.find((e) => e.id === id),
    create_entry: ({ draft }) => {
      const entry = { ...draft, id: 1000 + entries.length, created_at: now, updated_at: now, deleted_at: null };
      entries.unshift(entry);
      return entry;
    },
    update_entry: ({ id, draft }) => {
      const i = entries.findIndex((e) => e.id === id);
      entries[i] = { ...entries[i], ...draft, updated_at: now };
      return entries[i];
    },
    list_trash: () => trash,
    empty_trash: () => trash.splice(0).length,
    list_revisions: ({ id }) => revisions.filter((r) => r.entry_id === id),
    restore_revision: ({ revisionId }) => {
      const r = revisions.find((x) => x.id === revisionId);
      return handlers.update_entry({ id: r.entry_id, draft: r });
    },
    list_tags: () => [
      { name: 'work', count: 90 },
      { name: 'migration', count: 60 },
      { name: 'mentoring', count: 30 },
      { name: 'meetings', count: 12 },
      { name: 'review', count: 30 },
      { name: 'growth', count: 30 },
    ],
    save_draft: ({ draft }) => ({ ...draft, saved_at: now }),
    discard_draft: () => null,
    pending_drafts: () => drafts,
    list_templates: () => templates,
    save_template: ({ template }) => ({ id: 9, ...template, builtin: false }),
    delete_template: () => null,
    search: ({ query }) => search(query),
    render_markdown: ({ body }) => markdown(body),
    open_link: () => null,
    // The slump notice and the guided reflection (wording as the Rust side sends it).
    get_slump_notice: () => (reflection.status === 'none' ? notice : null),
    snooze_slump_notice: ({ notice: key }) => ({ ...key, status: 'snoozed', until: '2026-12-02' }),
    set_aside_slump_notice: ({ notice: key, reason }) => ({ ...key, status: 'set_aside', reason }),
    due_check_ins: () => checkIns,
    answer_check_in: ({ id, outcome, note }) => {
      const i = checkIns.findIndex((c) => c.id === id);
      return { ...checkIns.splice(i, 1)[0], outcome, note, answered_at: now };
    },
    get_slump_history: () => [notice.slump, ...notice.past],
    what_has_worked: () => [
      { strategy: 'wider_network', moves: 3, done: 2, done_before_recovery: 2, recoveries: 1 },
      { strategy: 'learn_or_responsibility', moves: 2, done: 1, done_before_recovery: 0, recoveries: 0 },
    ],
    list_reflections: () => (reflection.status === 'none' ? [] : [reflection]).concat(pastReflections),
    start_reflection: () => {
      if (reflection.status === 'none') reflection.status = 'in_progress';
      return reflectionView();
    },
    get_reflection: ({ id }) => (id === reflection.id ? reflectionView() : { ...reflectionView(), reflection: pastReflections[0] }),
    save_reflection_answer: ({ step, field, text }) => {
      reflection.answers = reflection.answers.filter((a) => a.step !== step || a.field !== field);
      reflection.answers.push({ step, field, text, updated_at: now });
      return { step, field, text, updated_at: now };
    },
    set_reflection_step: ({ step }) => ((reflection.step = step), reflectionView()),
    choose_strategies: ({ strategies }) => ((reflection.strategies = strategies), reflectionView()),
    add_move: ({ draft }) => {
      if (!draft.due) return Promise.reject({ code: 'due_required', message: 'Choose a day to look back on this move.' });
      const move = { id: 500 + reflection.moves.length, reflection_id: reflection.id, ...draft, done_on: null, outcome: '', created_at: now, updated_at: now };
      reflection.moves.push(move);
      return move;
    },
    finish_reflection: () => ((reflection.status = 'done'), reflectionView()),
    set_aside_reflection: ({ reason }) => ((reflection.status = 'set_aside'), (reflection.set_aside_reason = reason), reflectionView()),
  };

  window.__TAURI_INTERNALS__ = {
    invoke: (cmd, args) =>
      new Promise((resolve, reject) => {
        const handler = handlers[cmd];
        setTimeout(() => (handler ? resolve(handler(args ?? {})) : reject({ code: 'internal', message: `no ${cmd}` })), 5);
      }),
    transformCallback: () => 0,
    metadata: { currentWindow: { label: 'main' }, currentWebview: { label: 'main' } },
  };

  // ---- Scenes ---------------------------------------------------------------------------------
  const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
  const $ = (sel) => document.querySelector(sel);
  const click = async (sel) => {
    $(sel)?.click();
    await sleep(150);
  };
  const type = async (sel, value) => {
    const el = $(sel);
    el.focus();
    el.value = value;
    el.dispatchEvent(new Event('input', { bubbles: true }));
    await sleep(300);
  };
  const open = (id) => click(`[data-entry-id="${id}"] button`);

  const scenes = {
    timeline: async () => {},
    'editor-write': async () => {
      await open(239);
      $('.editor-pane').scrollTop = 400;
      await type('[data-testid="entry-tags"]', 'work, me');
    },
    'editor-preview': async () => {
      await open(240);
      await click('[data-testid="preview-toggle"]');
    },
    search: async () => {
      await open(237);
      await type('[data-testid="search-input"]', 'rollback "runbook');
      await click('[data-testid="search-filters-toggle"]');
    },
    history: async () => {
      await open(240);
      await click('[data-testid="revisions-toggle"]');
      await sleep(400);
      $('.editor-pane').scrollTop = 10_000;
    },
    recovery: async () => {},
    templates: async () => {
      await click('[data-testid="template-menu"]');
    },
    trash: async () => {
      await click('[data-testid="show-trash"]');
      await click('[data-testid="empty-trash"]');
    },
    failed: async () => {
      handlers.update_entry = () => Promise.reject({ code: 'storage_unavailable', message: 'The journal is busy in another program.' });
      await open(238);
      await type('[data-testid="entry-body"]', `${entries[2].body} And one more thought.`);
      await click('[data-testid="save-entry"]');
    },
    // 100,000 entries: scroll to the end (every page loads on the way), then jump around and
    // measure how long a scroll takes to paint. Results go to the console.
    big: async () => {
      const viewport = $('[data-testid="timeline-scroll"]');
      const started = performance.now();
      let pages = 0;
      while ($('[data-testid="load-more"]') && performance.now() - started < 120_000) {
        viewport.scrollTop = viewport.scrollHeight;
        viewport.dispatchEvent(new Event('scroll'));
        await sleep(10);
        pages += 1;
      }
      console.log(`big: reached the end after ${Math.round(performance.now() - started)} ms (${pages} scroll steps), rows in DOM: ${document.querySelectorAll('[data-testid="timeline-entry"]').length}, height ${viewport.scrollHeight}px`);
      const times = [];
      for (let i = 0; i < 60; i += 1) {
        const t0 = performance.now();
        viewport.scrollTop = Math.floor(Math.random() * viewport.scrollHeight);
        viewport.dispatchEvent(new Event('scroll'));
        await new Promise((r) => requestAnimationFrame(() => r()));
        times.push(performance.now() - t0);
      }
      times.sort((a, b) => a - b);
      console.log(`big: jump-to-paint ms p50 ${times[30].toFixed(1)} p95 ${times[57].toFixed(1)} max ${times[59].toFixed(1)}; rows in DOM: ${document.querySelectorAll('[data-testid="timeline-entry"]').length}; last id shown ${[...document.querySelectorAll('[data-entry-id]')].map((e) => e.dataset.entryId).join(',').slice(0, 60)}`);
      viewport.scrollTop = viewport.scrollHeight;
      viewport.dispatchEvent(new Event('scroll'));
    },
    'slump-banner': async () => {
      checkIns.push({ id: 1, due: '2026-11-25', answered_at: null, outcome: null, note: '', move: { id: 9, reflection_id: 1, strategy: 'wider_network', text: 'Coffee with two people from the platform team', due: '2026-11-25', done_on: null, outcome: '', created_at: now, updated_at: now } });
      location.hash = '#journal';
      await sleep(300);
    },
    'reflection-accept': async () => {
      await click('[data-testid="start-reflection"]');
      await sleep(300);
      await type('[data-testid="answer-feeling"]', 'Flat. The migration is done and nothing new has started; I keep waiting for the next thing.');
    },
    'reflection-root': async () => {
      reflection.status = 'in_progress';
      reflection.step = 'root_cause';
      reflection.answers.push({ step: 'root_cause', field: 'timeline_applies', text: 'yes', updated_at: now });
      reflection.answers.push({ step: 'root_cause', field: 'outside_forces', text: 'The reorganisation froze new projects for a quarter.', updated_at: now });
      reflection.answers.push({ step: 'root_cause', field: 'outside_forces_applies', text: 'yes', updated_at: now });
      location.hash = '#reflection';
      await sleep(400);
    },
    'reflection-moves': async () => {
      Object.assign(reflection, { status: 'in_progress', step: 'moves', strategies: ['wider_network'] });
      reflection.answers.push({ step: 'root_cause', field: 'outside_forces_applies', text: 'yes', updated_at: now });
      location.hash = '#reflection';
      await sleep(400);
    },
    'reflection-commit': async () => {
      Object.assign(reflection, { status: 'in_progress', step: 'commit', strategies: ['wider_network', 'learn_or_responsibility'] });
      reflection.moves.push({ id: 40, reflection_id: 3, strategy: 'wider_network', text: 'Coffee with two people from the platform team', due: '2026-12-04', done_on: null, outcome: '', created_at: now, updated_at: now });
      location.hash = '#reflection';
      await sleep(400);
      await type('[data-testid="commit-strategy"][data-strategy="learn_or_responsibility"] [data-testid="move-text"]', 'Ask to own the on-call rota');
      await click('[data-testid="commit-strategy"][data-strategy="learn_or_responsibility"] [data-testid="add-move"]');
    },
    'reflection-follow': async () => {
      Object.assign(reflection, { status: 'in_progress', step: 'follow_up', strategies: ['wider_network'] });
      reflection.moves.push({ id: 40, reflection_id: 3, strategy: 'wider_network', text: 'Coffee with two people from the platform team', due: '2026-12-04', done_on: null, outcome: '', created_at: now, updated_at: now });
      location.hash = '#reflection';
      await sleep(400);
    },
    'insights-slumps': async () => {
      location.hash = '#insights';
      await sleep(800);
      $('[data-testid="slump-history"]')?.scrollIntoView();
    },
    scrolled: async () => {
      const viewport = $('[data-testid="timeline-scroll"]');
      viewport.scrollTop = 9_000;
      viewport.dispatchEvent(new Event('scroll'));
    },
  };

  addEventListener('DOMContentLoaded', async () => {
    for (let i = 0; i < 100 && document.body.dataset.timelineReady !== 'true'; i += 1) await sleep(50);
    await sleep(200);
    await scenes[scene]?.();
    await sleep(500);
    document.title = 'ready';
  });
})();
