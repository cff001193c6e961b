// The window's long tasks in a trace of bench/openTrace.bench.ts (#17): for each task over 50 ms
// from the click on the article on, when it ran, what the browser did in it (script, style, layout,
// paint, garbage collection) and the functions the CPU profile found it in (self time, and time
// inside each function with its callees). Usage: node bench/openTracePhases.mjs <folder>
// (the folder holding open.trace.json and open.cpuprofile).
import { readFileSync } from 'node:fs';
import path from 'node:path';

const folder = process.argv[2] ?? '.';
const { traceEvents } = JSON.parse(readFileSync(path.join(folder, 'open.trace.json'), 'utf8'));
const profile = JSON.parse(readFileSync(path.join(folder, 'open.cpuprofile'), 'utf8'));
const TOP = Number(process.env.TOP ?? 14);
const LONG_US = Number(process.env.LONG_MS ?? 50) * 1000;

const main = traceEvents.find((e) => e.name === 'thread_name' && e.args.name === 'CrRendererMain');
const ev = traceEvents.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X').sort((a, b) => a.ts - b.ts || b.dur - a.dur);
const click = ev.find((e) => e.name === 'EventDispatch' && e.args?.data?.type === 'click');
const origin = click ? click.ts : ev[0].ts;
const tasks = ev.filter((e) => e.name === 'RunTask' && e.dur >= LONG_US && e.ts >= origin - 1000);

// The CPU profile's samples, each with its time and node; the parent of every node.
const parent = new Map();
const byId = new Map(profile.nodes.map((node) => [node.id, node]));
for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
const sampleTimes = [];
let now = profile.startTime;
for (const delta of profile.timeDeltas) sampleTimes.push((now += delta));
const label = (node) => {
  const frame = node.callFrame;
  const file = frame.url ? path.basename(frame.url) : '';
  return `${frame.functionName || '(anonymous)'}${file ? ` ${file}:${frame.lineNumber + 1}` : ''}`;
};

const BROWSER_WORK = ['FunctionCall', 'TimerFire', 'FireIdleCallback', 'FireAnimationFrame', 'EventDispatch', 'RunMicrotasks', 'UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint', 'Layerize', 'MinorGC', 'MajorGC', 'V8.GC_SCAVENGER', 'V8.GC_MARK_COMPACTOR', 'ParseHTML', 'HitTest'];

function summarise(task) {
  const end = task.ts + task.dur;
  const inner = ev.filter((e) => e !== task && e.ts >= task.ts && e.ts + e.dur <= end && BROWSER_WORK.includes(e.name));
  const kinds = new Map();
  for (const e of inner) {
    // Only outermost events of a kind: a FunctionCall inside a FunctionCall is counted once.
    if (inner.some((outer) => outer !== e && outer.name === e.name && outer.ts <= e.ts && outer.ts + outer.dur >= e.ts + e.dur && outer.dur > e.dur)) continue;
    const name = e.name === 'FunctionCall' ? `FunctionCall ${e.args?.data?.functionName || 'anonymous'}` : e.name === 'EventDispatch' ? `EventDispatch ${e.args?.data?.type}` : e.name;
    kinds.set(name, (kinds.get(name) ?? 0) + e.dur);
  }
  const self = new Map();
  const total = new Map();
  let samples = 0;
  for (let index = 0; index < profile.samples.length; index++) {
    const at = sampleTimes[index];
    if (at < task.ts || at > end) continue;
    const step = index + 1 < sampleTimes.length ? sampleTimes[index + 1] - at : 0;
    const node = byId.get(profile.samples[index]);
    samples += step;
    self.set(label(node), (self.get(label(node)) ?? 0) + step);
    const seen = new Set();
    for (let id = node.id; id !== undefined; id = parent.get(id)) {
      const name = label(byId.get(id));
      if (seen.has(name)) continue;
      seen.add(name);
      total.set(name, (total.get(name) ?? 0) + step);
    }
  }
  const ms = (us) => (us / 1000).toFixed(1).padStart(7);
  console.log(`\ntask at ${((task.ts - origin) / 1000).toFixed(0)} ms after the click, ${(task.dur / 1000).toFixed(1)} ms (profiled ${(samples / 1000).toFixed(1)} ms)`);
  for (const [name, us] of [...kinds].sort((a, b) => b[1] - a[1]).slice(0, 10)) console.log(`  ${ms(us)}  ${name}`);
  console.log('  self:');
  for (const [name, us] of [...self].sort((a, b) => b[1] - a[1]).slice(0, TOP)) console.log(`  ${ms(us)}  ${name}`);
  console.log('  with callees:');
  for (const [name, us] of [...total].sort((a, b) => b[1] - a[1]).slice(0, TOP + 6)) console.log(`  ${ms(us)}  ${name}`);
}

console.log(`${tasks.length} tasks of ${LONG_US / 1000} ms or more from the click on`);
if (process.env.BRIEF) {
  // One line a task: when, how long, and its three heaviest functions (self time).
  for (const task of tasks) {
    const self = new Map();
    for (let index = 0; index < profile.samples.length; index++) {
      const at = sampleTimes[index];
      if (at < task.ts || at > task.ts + task.dur) continue;
      const name = label(byId.get(profile.samples[index])).replace(/ index-[^ ]+/, '');
      self.set(name, (self.get(name) ?? 0) + (index + 1 < sampleTimes.length ? sampleTimes[index + 1] - at : 0));
    }
    const heaviest = [...self].sort((a, b) => b[1] - a[1]).slice(0, 4).map(([name, us]) => `${name} ${(us / 1000).toFixed(0)}`);
    console.log(`${((task.ts - origin) / 1000).toFixed(0).padStart(6)} +${(task.dur / 1000).toFixed(0).padStart(4)}  ${heaviest.join(', ')}`);
  }
} else for (const task of tasks) summarise(task);
