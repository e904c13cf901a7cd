// Measures the app beside an empty Tauri window under one Xvfb (issue 7's budgets): the time
// from process start to the first paint each reports (the app: its first page of entries, on
// a journal of --entries entries and --milestones milestones — painted by the page itself,
// decision 0067), the time until the app has mounted and answers the person (reported, not
// budgeted; the empty window's is its first paint), and the memory of each
// process tree (the app and its WebKit processes) after --idle seconds at rest. Runs the two
// alternately, --runs times each after one unmeasured warm-up of each, prints every run and
// the medians, and exits 1 when the app needs more than --budget times the empty window's
// start time or PSS. Started by scripts/bench-app, which builds the three binaries first.
//
//   node bench/app-budget.mjs --app BIN --empty BIN --traj BIN [--runs 5] [--idle 5]
//     [--entries 10000] [--milestones 100] [--budget 1.2]

import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';

import { journalSnapshot } from './journal-seed.mjs';

const { values: opts } = parseArgs({
  options: {
    app: { type: 'string' },
    empty: { type: 'string' },
    traj: { type: 'string' },
    runs: { type: 'string', default: '5' },
    idle: { type: 'string', default: '5' },
    entries: { type: 'string', default: '10000' },
    milestones: { type: 'string', default: '100' },
    budget: { type: 'string', default: '1.2' },
  },
});
for (const key of ['app', 'empty', 'traj']) {
  if (!opts[key] || !fs.existsSync(opts[key])) {
    console.error(`bench-app: --${key} must name a built binary (got ${opts[key] ?? 'nothing'})`);
    process.exit(2);
  }
}
const RUNS = Number(opts.runs);
const IDLE_MS = Number(opts.idle) * 1000;
const BUDGET = Number(opts.budget);
const READY_TIMEOUT_MS = 60_000;
const MiB = 1024 * 1024;

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-app-'));
const started = []; // processes this script started and must end
let xvfb;

function log(text) {
  process.stderr.write(`bench-app: ${text}\n`);
}

// ---------------------------------------------------------------------------------------------
// The journal

function seedJournal() {
  const seed = path.join(root, 'seed');
  fs.mkdirSync(seed);
  const today = new Date(`${new Date().toISOString().slice(0, 10)}T00:00:00Z`);
  const file = path.join(root, 'journal.json');
  fs.writeFileSync(file, journalSnapshot({ entries: Number(opts.entries), milestones: Number(opts.milestones), today }));
  const t0 = performance.now();
  const imported = spawnSync(opts.traj, ['--data-dir', seed, 'import', '--format', 'json', file], { encoding: 'utf8' });
  if (imported.status !== 0) throw new Error(`traj import failed:\n${imported.stdout}${imported.stderr}`);
  log(`journal of ${opts.entries} entries and ${opts.milestones} milestones imported in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  fs.rmSync(file);
  return seed;
}

// ---------------------------------------------------------------------------------------------
// Processes

/** Every process's parent, from /proc/PID/stat. */
function parents() {
  const map = new Map();
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${name}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      map.set(Number(name), Number(fields[1]));
    } catch {
      // The process ended meanwhile.
    }
  }
  return map;
}

/** `pid` and every process below it. */
function tree(pid) {
  const parentOf = parents();
  const found = [pid];
  for (let i = 0; i < found.length; i++) {
    for (const [child, parent] of parentOf) if (parent === found[i]) found.push(child);
  }
  return found;
}

/** Rss, Pss and private memory of one process, in bytes, from smaps_rollup. */
function memoryOf(pid) {
  const text = fs.readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
  const kb = (field) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(text)?.[1] ?? 0) * 1024;
  const comm = fs.readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
  return { pid, comm, rss: kb('Rss'), pss: kb('Pss'), private: kb('Private_Clean') + kb('Private_Dirty') };
}

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Ends a started process and everything below it: SIGTERM to its group, then SIGKILL by id. */
async function end(child, pids) {
  const all = new Set([...pids, ...tree(child.pid)]);
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    // Already gone.
  }
  for (let i = 0; i < 50 && [...all].some(alive); i++) await sleep(100);
  for (const pid of all) {
    if (alive(pid)) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // Ended between the check and the signal.
      }
    }
  }
  const at = started.indexOf(child);
  if (at >= 0) started.splice(at, 1);
}

/**
 * A session bus of the benchmark's own, as a desktop has one (the app's one-window-per-folder
 * check runs on it at start, decision 0045); both windows get it. Resolves to its address.
 */
async function startSessionBus() {
  const socket = path.join(root, 'bus');
  const address = `unix:path=${socket}`;
  const child = spawn('dbus-daemon', ['--session', '--nofork', '--nopidfile', `--address=${address}`], {
    stdio: 'ignore',
    detached: true,
  });
  started.push(child);
  for (let i = 0; i < 100; i++) {
    if (fs.existsSync(socket)) return address;
    if (child.exitCode !== null) break;
    await sleep(50);
  }
  throw new Error('dbus-daemon did not open its socket (is dbus-daemon installed? scripts/setup)');
}

function startXvfb() {
  return new Promise((resolve, reject) => {
    const child = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', '1280x800x24', '-nolisten', 'tcp'], {
      stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
      detached: true,
    });
    started.push(child);
    let text = '';
    child.stdio[3].on('data', (chunk) => {
      text += chunk;
      if (text.includes('\n')) resolve({ child, display: `:${text.trim()}` });
    });
    child.on('exit', (code) => reject(new Error(`Xvfb exited (${code}) before naming its display`)));
  });
}

// ---------------------------------------------------------------------------------------------
// One run

async function run(kind, seed, display, bus) {
  const dataDir = path.join(root, `run-${kind}`);
  const args = [];
  if (kind === 'app') {
    fs.cpSync(seed, dataDir, { recursive: true });
    spawnSync('sync');
    args.push('--data-dir', dataDir);
  }
  const env = {
    ...process.env,
    DISPLAY: display,
    DBUS_SESSION_BUS_ADDRESS: bus,
    TRAJECTORY_REPORT_READY: '1',
    // WebKit's caches and local storage go to the benchmark's own folders, shared by the runs.
    XDG_DATA_HOME: path.join(root, 'xdg-data'),
    XDG_CACHE_HOME: path.join(root, 'xdg-cache'),
    XDG_CONFIG_HOME: path.join(root, 'xdg-config'),
  };
  const binary = kind === 'app' ? opts.app : opts.empty;
  const t0 = performance.now();
  const child = spawn(binary, args, { env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  started.push(child);
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr = (stderr + chunk).slice(-4000)));
  // The app prints `ready_ms=…` at its first paint and `interactive_ms=…` once mounted; the
  // empty window prints the first only.
  const ready = await new Promise((resolve, reject) => {
    let out = '';
    let painted = null;
    const timer = setTimeout(() => reject(new Error(`${kind}: no ready line within ${READY_TIMEOUT_MS / 1000} s`)), READY_TIMEOUT_MS);
    child.stdout.on('data', (chunk) => {
      const now = performance.now();
      out += chunk;
      const match = /^ready_ms=(\S+)(?: entries=(\d+))?$/m.exec(out);
      if (match && !painted) {
        painted = { ms: now - t0, selfMs: match[1], entries: match[2] === undefined ? null : Number(match[2]), interactiveMs: now - t0 };
      }
      const mounted = /^interactive_ms=\S+/m.exec(out);
      if (painted && (kind === 'empty' || mounted)) {
        if (mounted) painted.interactiveMs = now - t0;
        clearTimeout(timer);
        resolve(painted);
      }
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`${kind} exited (${code ?? signal}) before its first paint:\n${stderr}`));
    });
  }).catch(async (e) => {
    await end(child, []);
    throw e;
  });
  child.removeAllListeners('exit');
  if (kind === 'app' && !(ready.entries > 0)) {
    await end(child, []);
    throw new Error(`app: its first paint showed no entries (${ready.entries ?? 'none said'}); the journal did not load:\n${stderr}`);
  }
  await sleep(IDLE_MS);
  const pids = tree(child.pid);
  const processes = [];
  for (const pid of pids) {
    try {
      processes.push(memoryOf(pid));
    } catch {
      // Ended while being read: it holds no memory now.
    }
  }
  await end(child, pids);
  fs.rmSync(dataDir, { recursive: true, force: true });
  // What this run wrote (the journal's copy, the day's backup, WebKit's caches) goes to disk
  // now, not while the next window starts.
  spawnSync('sync');
  const sum = (field) => processes.reduce((total, p) => total + p[field], 0);
  return { kind, startMs: ready.ms, interactiveMs: ready.interactiveMs, selfMs: ready.selfMs, entries: ready.entries, rss: sum('rss'), pss: sum('pss'), private: sum('private'), processes };
}

// ---------------------------------------------------------------------------------------------
// The report

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const mib = (bytes) => (bytes / MiB).toFixed(1);

function report(results) {
  const of = (kind) => results.filter((r) => r.kind === kind);
  console.log('\nEvery measured run (start: process start to first paint; memory: the process tree after idling)');
  console.log('| run | window | start ms | interactive ms | ready_ms (self, 10 ms steps) | entries painted | RSS MiB | PSS MiB | private MiB | processes |');
  console.log('|---|---|---|---|---|---|---|---|---|---|');
  results.forEach((r, i) => {
    const names = r.processes.map((p) => p.comm).join(', ');
    console.log(
      `| ${i + 1} | ${r.kind} | ${r.startMs.toFixed(0)} | ${r.interactiveMs.toFixed(0)} | ${r.selfMs} | ${r.entries ?? '—'} | ${mib(r.rss)} | ${mib(r.pss)} | ${mib(r.private)} | ${names} |`,
    );
  });

  // Where the memory is: each process's median PSS and RSS (the window's own process first).
  console.log('\nMedian memory by process (MiB)');
  console.log('| process | empty window PSS | app PSS | empty window RSS | app RSS |');
  console.log('|---|---|---|---|---|');
  const roles = [
    ['the window process (Rust)', (p, r) => p.pid === r.processes[0].pid],
    ['WebKitWebProcess', (p) => p.comm.startsWith('WebKitWebProces')],
    ['WebKitNetworkProcess', (p) => p.comm.startsWith('WebKitNetworkPr')],
  ];
  for (const [label, matches] of roles) {
    const per = (kind, field) => median(of(kind).map((r) => r.processes.filter((p) => matches(p, r)).reduce((t, p) => t + p[field], 0)));
    console.log(`| ${label} | ${mib(per('empty', 'pss'))} | ${mib(per('app', 'pss'))} | ${mib(per('empty', 'rss'))} | ${mib(per('app', 'rss'))} |`);
  }

  const rows = [
    ['start → first paint', 'startMs', (v) => `${v.toFixed(0)} ms`, true],
    ['start → app mounted (interactive)', 'interactiveMs', (v) => `${v.toFixed(0)} ms`, false],
    ['memory, PSS', 'pss', (v) => `${mib(v)} MiB`, true],
    ['memory, RSS', 'rss', (v) => `${mib(v)} MiB`, false],
    ['memory, private', 'private', (v) => `${mib(v)} MiB`, false],
  ];
  let failed = false;
  console.log(`\nMedians of ${RUNS} runs each`);
  console.log(`| what | empty window | app | app ÷ empty | budget |`);
  console.log('|---|---|---|---|---|');
  for (const [label, field, format, budgeted] of rows) {
    const empty = median(of('empty').map((r) => r[field]));
    const app = median(of('app').map((r) => r[field]));
    const ratio = app / empty;
    let verdict = '(reported)';
    if (budgeted) {
      const ok = ratio <= BUDGET;
      failed ||= !ok;
      verdict = `≤ ${BUDGET.toFixed(2)}: ${ok ? 'met' : 'MISSED'}`;
    }
    console.log(`| ${label} | ${format(empty)} | ${format(app)} | ${ratio.toFixed(2)} | ${verdict} |`);
  }
  return failed;
}

// ---------------------------------------------------------------------------------------------

async function main() {
  const load = os.loadavg().map((l) => l.toFixed(2)).join(' ');
  log(`${os.cpus().length} cores, load average ${load} at the start`);
  const seed = seedJournal();
  const x = await startXvfb();
  xvfb = x.child;
  const bus = await startSessionBus();
  log(`Xvfb on ${x.display}, a session bus of its own; idle ${IDLE_MS / 1000} s before reading memory`);

  const order = [];
  for (let i = 0; i < RUNS; i++) order.push('empty', 'app');
  log('warm-up: one unmeasured run of each');
  await run('empty', seed, x.display, bus);
  await run('app', seed, x.display, bus);
  const results = [];
  for (const [i, kind] of order.entries()) {
    const r = await run(kind, seed, x.display, bus);
    log(`run ${i + 1}/${order.length} ${kind}: ${r.startMs.toFixed(0)} ms, PSS ${mib(r.pss)} MiB, RSS ${mib(r.rss)} MiB`);
    results.push(r);
  }
  const failed = report(results);
  log(`load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')} at the end`);
  return failed ? 1 : 0;
}

async function cleanUp() {
  for (const child of [...started].reverse()) await end(child, []);
  fs.rmSync(root, { recursive: true, force: true });
}

let code = 2;
try {
  code = await main();
} catch (e) {
  log(e instanceof Error ? e.message : String(e));
} finally {
  await cleanUp();
}
process.exit(code);
