// The parts of a tagging as a partition of the main thread's time (#25, session 12): from each
// keydown to the end of the first frame that paints, every microsecond of the renderer main
// thread's tasks goes to the innermost named phase around it (tagTracePhases.mjs sums whole
// events, so a layout forced inside the hover hit test counted twice). Means over the taggings
// under 40 ms, and the events with the most self time left unnamed.
// Usage: node bench/tagTraceSelfTimes.mjs tagging.trace.json [frames] [--cpu] (frames: up to the end of the
// n-th painting frame, 1 by default; 2 adds the frame that draws the elements after a preview).
// --cpu (#25, session 13): the main thread's CPU time (the events' thread durations) instead of
// their wall time, over every tagging: on the shared machine the wall time of the same work
// doubles with the load, the thread's own time much less.
import { readFileSync } from 'node:fs';
const args = process.argv.slice(2).filter((arg) => arg !== '--cpu');
const cpu = process.argv.includes('--cpu');
const { traceEvents } = JSON.parse(readFileSync(args[0], 'utf8'));
const main = traceEvents.find((e) => e.name === 'thread_name' && e.args.name === 'CrRendererMain');
const ev = traceEvents.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.dur !== undefined).sort((a, b) => a.ts - b.ts || b.dur - a.dur);
const paintingFrames = Number(args[1] ?? 1);
/** What a partition adds up: the thread's own time with --cpu, else the wall time. */
const costOf = (e) => (cpu ? (e.tdur ?? e.dur) : e.dur);
const keys = ev.filter((e) => e.name === 'EventDispatch' && e.args?.data?.type === 'keydown');
const phaseOf = (e) => {
  if (e.name === 'EventDispatch' && e.args?.data?.type === 'keydown') return 'keydown dispatch (script outside microtasks)';
  if (e.name === 'RunMicrotasks') return 'microtasks (React render + commit)';
  if (e.name === 'UpdateLayoutTree') return 'style recalc';
  if (e.name === 'Layout') return 'layout';
  if (e.name === 'EventHandler::handleMouseMoveEvent') return 'hover hit test (own part)';
  if (e.name === 'FireAnimationFrame') return 'rAF callbacks';
  if (e.name === 'IntersectionObserverController::computeIntersections') return 'intersection observation';
  if (e.name === 'PrePaint') return 'pre-paint';
  if (e.name === 'Paint' || e.name === 'Blink.Paint.UpdateTime') return 'paint';
  if (e.name === 'Layerize') return 'layerize';
  if (e.name === 'Commit') return 'commit';
  if (/^(MajorGC|MinorGC|V8.GC|BlinkGC)/.test(e.name)) return 'garbage collection';
  if (e.name === 'EventDispatch') return `event ${e.args?.data?.type}`;
  if (e.name === 'TimerFire' || e.name === 'FireIdleCallback') return e.name;
  return null;
};
const sums = new Map();
const unnamed = new Map();
let n = 0;
const add = (map, k, v) => map.set(k, (map.get(k) ?? 0) + v);
for (const key of keys) {
  const tasks = ev.filter((e) => e.name === 'RunTask' && e.ts >= key.ts - 1500 && e.ts < key.ts + 200000 && e.dur > 200);
  const span = [];
  let painted = 0;
  for (const t of tasks) { span.push(t); if (ev.some((e) => e.name === 'Paint' && e.ts >= t.ts && e.ts <= t.ts + t.dur) && ++painted === paintingFrames) break; }
  // (#25, session 16) A key whose tasks fell outside the trace (its end) has nothing to add up.
  if (span.length === 0) continue;
  const total = span.at(-1).ts + span.at(-1).dur - key.ts;
  if (!cpu && total > 40000 * paintingFrames) continue;
  n++;
  add(sums, cpu ? 'TOTAL key..frame end (wall)' : 'TOTAL key..frame end', total);
  add(sums, cpu ? 'tasks busy (CPU)' : 'tasks busy', span.reduce((s, t) => s + costOf(t), 0));
  for (const task of span) {
    const inner = ev.filter((e) => e.ts >= task.ts && e.ts + e.dur <= task.ts + task.dur);
    // A stack of open events: each event's self time (its duration less its children's) goes to
    // the innermost named phase among it and its ancestors.
    const stack = [];
    const selfOf = new Map();
    for (const e of inner) {
      while (stack.length && stack.at(-1).ts + stack.at(-1).dur <= e.ts) stack.pop();
      const parent = stack.at(-1);
      if (parent && e !== parent) selfOf.set(parent, (selfOf.get(parent) ?? costOf(parent)) - costOf(e));
      const phase = phaseOf(e) ?? (parent ? parent.__phase : null);
      e.__phase = phase;
      if (!selfOf.has(e)) selfOf.set(e, costOf(e));
      stack.push(e);
    }
    for (const [e, self] of selfOf) {
      if (e.__phase) add(sums, e.__phase, self);
      else add(unnamed, e.name, self);
    }
  }
}
console.log(cpu ? `${n} taggings, mean ms of the main thread's CPU time (a partition of the tasks' time):` : `${n} typical taggings, mean ms (a partition of the tasks' time):`);
for (const [k, v] of [...sums].sort((a, b) => b[1] - a[1])) console.log(`${(v / n / 1000).toFixed(2).padStart(6)}  ${k}`);
console.log('unnamed, by self time:');
for (const [k, v] of [...unnamed].sort((a, b) => b[1] - a[1]).slice(0, 12)) console.log(`${(v / n / 1000).toFixed(2).padStart(6)}  ${k}`);
