// The benchmark's journal: a Trajectory JSON export (docs/FORMAT.md) of ENTRIES entries and
// MILESTONES milestones, made up from a fixed seed so every run opens the same journal. Six
// years of writing up to today (about five entries a day), 20–120 words each with one to
// three tags and mostly a mood and felt progress; the milestones spread over four goals, most
// achieved, a few still planned, each linked to an entry of its day.
//
// By hand: `node bench/journal-seed.mjs FILE [ENTRIES] [MILESTONES]` writes the file, for
// `traj --data-dir DIR import --format json FILE`.

import fs from 'node:fs';
import { pathToFileURL } from 'node:url';

const WORDS = (
  'the a to and of in on for with my we it was today team review code design plan ' +
  'meeting shipped release feedback mentor manager promotion customer incident migration ' +
  'roadmap estimate deadline pairing refactor tests launch metrics onboarding interview ' +
  'architecture proposal budget quarter goal milestone learned struggled finished started ' +
  'blocked unblocked hiring presentation workshop conference writing reading focus energy ' +
  'tired calm proud stuck progress slow quick careful messy clean latency database search ' +
  'billing payments mobile backend frontend platform security privacy audit rollout'
).split(' ');
const TAGS = ['work', 'mentoring', 'planning', 'review', 'growth', 'shipping', 'people', 'learning', 'health', 'reading', 'writing', 'hiring'];
const KINDS = ['promotion', 'raise', 'skill', 'recognition', 'project', 'network', 'custom'];

/** A small deterministic generator (mulberry32). */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const day = (date) => date.toISOString().slice(0, 10);
const stamp = (date) => date.toISOString().replace(/\.\d{3}Z$/, '.000Z');
const addDays = (date, n) => new Date(date.getTime() + n * 86_400_000);

/** The snapshot as a JSON string; `today` is a Date at UTC midnight. */
export function journalSnapshot({ entries: entryCount, milestones: milestoneCount, today }) {
  const rnd = random(20261125);
  const pick = (list) => list[Math.floor(rnd() * list.length)];
  const years = 6;
  const spanDays = years * 365;
  const first = addDays(today, -spanDays);

  const entries = [];
  for (let id = 1; id <= entryCount; id++) {
    // Spread evenly over the span, oldest first, so the newest entries are today's.
    const date = addDays(first, Math.floor(((id - 1) * (spanDays + 1)) / entryCount));
    const words = 20 + Math.floor(rnd() * 101);
    const body = [];
    for (let w = 0; w < words; w++) body.push(pick(WORDS));
    body[0] = body[0][0].toUpperCase() + body[0].slice(1);
    if (rnd() < 0.2) body.splice(Math.floor(words / 2), 0, '\n\n- **note:**');
    const tags = [...new Set(Array.from({ length: 1 + Math.floor(rnd() * 3) }, () => pick(TAGS)))];
    const at = stamp(new Date(date.getTime() + (8 + Math.floor(rnd() * 12)) * 3_600_000));
    entries.push({
      id,
      source_key: null,
      entry_date: day(date),
      body: body.join(' ') + '.',
      tags,
      mood: rnd() < 0.8 ? 1 + Math.floor(rnd() * 5) : null,
      progress: rnd() < 0.7 ? 1 + Math.floor(rnd() * 5) : null,
      created_at: at,
      updated_at: at,
      deleted_at: null,
      revisions: [],
    });
  }

  const goalTitles = ['Become a staff engineer', 'Lead the platform team', 'Speak at a conference', 'Own the billing migration'];
  const goals = goalTitles.map((title, i) => {
    const start = addDays(first, -30 * i);
    return {
      id: i + 1,
      source_key: null,
      title,
      here: 'Where I stand today.',
      there: 'Where I want to be.',
      start_date: day(start),
      target_date: day(addDays(today, 180 + i * 60)),
      cadence_weeks: i % 2 === 0 ? 6 : null,
      status: 'active',
      created_at: stamp(start),
      updated_at: stamp(start),
    };
  });

  const milestones = [];
  const achievedCount = Math.round(milestoneCount * 0.9);
  for (let id = 1; id <= milestoneCount; id++) {
    const goal = goals[(id - 1) % goals.length];
    const achieved = id <= achievedCount;
    // Achieved ones spread over the span (about one every three weeks); planned ones ahead.
    const date = achieved
      ? addDays(first, 100 + Math.floor(((id - 1) * (spanDays - 100)) / achievedCount))
      : addDays(today, 14 * (id - achievedCount));
    const linked = entries.find((e) => e.entry_date === day(date));
    milestones.push({
      id,
      source_key: null,
      goal_id: goal.id,
      kind: pick(KINDS),
      title: `Milestone ${id}: ${pick(WORDS)} ${pick(WORDS)}`,
      weight: 1 + Math.floor(rnd() * 3),
      planned_date: day(date),
      achieved_date: achieved ? day(date) : null,
      notes: achieved ? 'Done, and it showed.' : '',
      entries: achieved && linked ? [{ entry_id: linked.id, linked_at: stamp(date) }] : [],
      created_at: stamp(addDays(date, -30)),
      updated_at: stamp(date),
    });
  }

  return JSON.stringify({
    format: 'trajectory',
    version: 1,
    journal_id: 'bench-app-0000-0000-0000-000000000000',
    exported_at: stamp(today),
    entries,
    goals,
    milestones,
    paused_periods: [],
    templates: [],
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [file, entries = '10000', milestones = '100'] = process.argv.slice(2);
  if (!file) {
    console.error('usage: node bench/journal-seed.mjs FILE [ENTRIES] [MILESTONES]');
    process.exit(2);
  }
  const today = new Date(`${new Date().toISOString().slice(0, 10)}T00:00:00Z`);
  fs.writeFileSync(file, journalSnapshot({ entries: Number(entries), milestones: Number(milestones), today }));
}
