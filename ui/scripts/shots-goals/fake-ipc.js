// A stand-in for the Rust side for looking at the Goals and Insights places in a plain browser
// (see shoot.sh): answers Tauri's `invoke` from window.__SEED__ (seed.py: real goals, summaries
// and charts rendered by `traj`), then plays one scene (`?scene=`) like a person would. Never
// shipped: serve.py adds it to index.html only for screenshots.
(() => {
  'use strict';

  const seed = window.__SEED__;
  const scene = new URLSearchParams(location.search).get('scene') ?? 'goals';
  const now = '2026-11-25T13:02:00.000Z';
  const TODAY = '2026-11-25';
  const goals = seed.goals;
  const milestones = seed.milestones;
  const paused = seed.paused;
  let nextId = 500;

  const reject = (code, message) => Promise.reject({ code, message });

  function summary(id) {
    const s = seed.summaries[id];
    return { ...s, goal: goals.find((g) => g.id === id), milestones: milestones.filter((m) => m.goal_id === id) };
  }

  function chartView(q) {
    const key = q.chart === 'trajectory' ? `trajectory:${q.goal_id}:${q.theme}` : `${q.chart}:${q.range ?? 'one_year'}:${q.theme}`;
    const chart = seed.charts[key];
    if (!chart) return reject('internal', `no chart ${key}`);
    const [first, ...rest] = chart.said.trim().split('\n');
    const title = first.split(' — ').slice(1).join(' — ');
    let columns = ['Date', 'Value'];
    let rows = [];
    if (q.chart === 'trajectory') {
      columns = ['Milestone', 'Weight', 'Planned', 'Achieved', 'Expected'];
      const items = seed.summaries[q.goal_id]?.forecast?.items ?? [];
      rows = milestones
        .filter((m) => m.goal_id === q.goal_id)
        .map((m) => [m.title, String(m.weight), m.planned_date ?? '', m.achieved_date ?? '', items.find((i) => i.milestone_id === m.id)?.expected_date ?? '']);
    } else if (q.chart === 'velocity') {
      columns = ['Date', 'Milestones per 30 days'];
      rows = seed.velocity.series.filter((_, i) => i % 8 === 0).map((p) => [p.date, p.velocity.toFixed(2)]);
    } else {
      columns = q.chart === 'mood' ? ['Month', 'Felt progress', 'Mood', 'Entries'] : ['Month', 'Days with an entry', 'Entries', 'Milestones'];
      rows = [['2026-09', '3.4', '3.6', '14'], ['2026-10', '3.1', '3.3', '12'], ['2026-11', '3.6', '3.5', '11']];
    }
    return { title, svg: chart.svg, description: rest.join(' ').trim(), columns, rows };
  }

  const entries = [
    { id: 31, entry_date: '2026-11-02', body: 'Started mentoring Priya and Tom: weekly, 30 minutes, their agenda.', tags: [], mood: 4, progress: 4, created_at: now, updated_at: now, deleted_at: null },
    { id: 32, entry_date: '2026-09-10', body: '## RFC accepted\nThe data platform RFC went through review with two small changes.', tags: [], mood: 5, progress: 5, created_at: now, updated_at: now, deleted_at: null },
  ];
  const rfc = milestones.find((m) => m.title.startsWith('Data platform RFC'));
  if (rfc) rfc.entry_ids = [32];
  const mentoring = milestones.find((m) => m.title.startsWith('Mentoring'));
  if (mentoring) mentoring.entry_ids = [31];

  const handlers = {
    app_info: () => ({ version: '0.1.0', data_dir: '/home/alex/.local/share/trajectory' }),
    list_goals: () => goals,
    list_milestones: () => milestones,
    list_paused_periods: () => paused,
    get_goal_summary: ({ id }) => summary(id),
    get_velocity: () => seed.velocity,
    get_chart: ({ query }) => chartView(query),
    export_chart: ({ query }) => `/home/alex/Pictures/trajectory-${query.chart}.png`,
    get_entry: ({ id }) => entries.find((e) => e.id === id) ?? reject('not_found', 'No such entry.'),
    list_entries: () => ({ entries, next: null }),
    create_goal: ({ draft }) => {
      if (!draft.title.trim()) return reject('empty_title', "The goal's title is empty: give it a short name.");
      const start = draft.start_date || TODAY;
      if (draft.target_date < start)
        return reject('target_before_start', `The target date ${draft.target_date} is before the goal's start (${start}); pick a target on or after the start.`);
      const goal = { id: nextId++, ...draft, start_date: start, status: 'active', created_at: now, updated_at: now };
      goals.push(goal);
      return goal;
    },
    set_goal_status: ({ id, status }) => {
      const goal = goals.find((g) => g.id === id);
      goal.status = status;
      return goal;
    },
    achieve_milestone: ({ id, achievedDate }) => {
      if (achievedDate > TODAY)
        return reject('achieved_in_future', `The achieved date ${achievedDate} is in the future (today is ${TODAY}); mark it achieved once it has happened.`);
      const m = milestones.find((x) => x.id === id);
      m.achieved_date = achievedDate;
      return m;
    },
    add_milestone: ({ goalId, draft }) => {
      if (draft.weight !== null && (draft.weight < 1 || draft.weight > 3))
        return reject('invalid_weight', `A milestone's weight is 1, 2 or 3 (got ${draft.weight}).`);
      const m = { id: nextId++, goal_id: goalId, ...draft, weight: draft.weight ?? 1, entry_ids: [], created_at: now, updated_at: now };
      milestones.push(m);
      return m;
    },
  };

  window.__TAURI_INTERNALS__ = {
    invoke: (cmd, args) =>
      new Promise((resolve, reject) => {
        const handler = handlers[cmd];
        setTimeout(() => {
          if (!handler) return reject({ code: 'internal', message: `no ${cmd}` });
          Promise.resolve(handler(args ?? {})).then(resolve, reject);
        }, 5);
      }),
    transformCallback: () => 0,
    metadata: { currentWindow: { label: 'main' }, currentWebview: { label: 'main' } },
  };

  // ---- Scenes ---------------------------------------------------------------------------------
  const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
  const $ = (sel) => document.querySelector(sel);
  const click = async (sel) => {
    $(sel)?.click();
    await sleep(250);
  };
  const set = async (sel, value) => {
    const el = $(sel);
    el.focus();
    el.value = value;
    el.dispatchEvent(new Event('input', { bubbles: true }));
    el.dispatchEvent(new Event('change', { bubbles: true }));
    await sleep(100);
  };
  const open = (id) => click(`[data-goal-id="${id}"] .open`);
  const scrollTo = (sel, offset = 0) => {
    const scroller = $('.goals-place') ?? $('.insights-place');
    const el = $(sel);
    if (scroller && el) scroller.scrollTop = el.getBoundingClientRect().top - scroller.getBoundingClientRect().top + scroller.scrollTop - offset;
  };

  const scenes = {
    goals: async () => {},
    'goals-all': async () => {
      await click('[data-status="all"]');
    },
    detail: async () => {
      await open(1);
      await sleep(400);
    },
    'detail-milestones': async () => {
      await open(1);
      await sleep(400);
      scrollTo('[data-testid="milestone-list"]', 60);
    },
    'goal-form-errors': async () => {
      await click('[data-testid="new-goal"]');
      await set('[data-testid="goal-title"]', 'Lead a team');
      await set('[data-testid="goal-here"]', 'Senior engineer');
      await set('[data-testid="goal-there"]', 'Leading a team of five');
      await set('[data-testid="goal-target"]', '2026-01-31');
      await set('[data-testid="goal-cadence"]', '4');
      await click('[data-testid="save-goal"]');
    },
    'milestone-form': async () => {
      await open(2);
      await sleep(300);
      await click('[data-testid="add-milestone"]');
      await set('[data-testid="milestone-kind"]', 'recognition');
      await set('[data-testid="milestone-title"]', 'Talk accepted at a conference');
      await set('[data-testid="milestone-weight"]', '5');
      await set('[data-testid="milestone-planned"]', '2027-02-01');
      await click('[data-testid="save-milestone"]');
      scrollTo('[data-testid="milestone-form"]', 40);
    },
    achieve: async () => {
      await open(2);
      await sleep(300);
      scrollTo('[data-testid="milestone-list"]', 60);
      await click('[data-milestone-id="15"] [data-testid="achieve-milestone"]');
      await set('[data-testid="achieve-date"]', '2026-12-24');
      await click('[data-testid="confirm-achieve"]');
    },
    'let-go': async () => {
      await open(2);
      await sleep(300);
      await click('[data-testid="let-go-goal"]');
    },
    insights: async () => {},
    'insights-bottom': async () => {
      await click('[data-range="all"]');
      await sleep(300);
      await click('[data-testid="add-paused"]');
      const scroller = $('.insights-place');
      scroller.scrollTop = scroller.scrollHeight;
    },
  };

  addEventListener('DOMContentLoaded', async () => {
    for (let i = 0; i < 100 && !document.body.dataset.goalsReady && !document.body.dataset.insightsReady; i += 1) await sleep(50);
    await sleep(300);
    await scenes[scene]?.();
    await sleep(500);
    document.title = 'ready';
  });
})();
