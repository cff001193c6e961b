// The parts of a tagging in a trace from bench/tagTrace.bench.ts (#25): from each keydown to the end of the
// first frame that paints, the main thread's time in the key handler, style, layout, hover hit test,
// animation-frame callbacks, intersection observers, paint, layerize and commit (means over the
// taggings under 40 ms). Usage: node bench/tagTracePhases.mjs tagging.trace.json
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
const { traceEvents } = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const main = traceEvents.find((e) => e.name === 'thread_name' && e.args.name === 'CrRendererMain');
const ev = traceEvents.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X').sort((a, b) => a.ts - b.ts || b.dur - a.dur);
const keys = ev.filter((e) => e.name === 'EventDispatch' && e.args?.data?.type === 'keydown');
const sums = new Map(); let n = 0;
const add = (k, v) => sums.set(k, (sums.get(k) ?? 0) + v);
for (const key of keys) {
  const tasks = ev.filter((e) => e.name === 'RunTask' && e.ts >= key.ts - 1500 && e.ts < key.ts + 200000 && e.dur > 200);
  const span = [];
  for (const t of tasks) { span.push(t); if (ev.some((e) => e.name === 'Paint' && e.ts >= t.ts && e.ts <= t.ts + t.dur)) break; }
  const total = span.at(-1).ts + span.at(-1).dur - key.ts;
  if (total > 40000) continue; // typical ones only
  n++;
  add('TOTAL key..frame end', total);
  const within = (re, filter = () => true) => ev.filter((e) => span.some((t) => e.ts >= t.ts && e.ts + e.dur <= t.ts + t.dur) && re.test(e.name) && filter(e)).reduce((s, e) => s + e.dur, 0);
  add('onKeyDown (handler)', within(/^FunctionCall$/, (e) => e.args?.data?.functionName === 'onKeyDown'));
  add('microtasks after the handler (React commit)', within(/^RunMicrotasks$/));
  add('keydown dispatch total', within(/^EventDispatch$/, (e) => e.args?.data?.type === 'keydown'));
  add('style recalc (UpdateLayoutTree)', within(/^UpdateLayoutTree$/));
  add('layout (Layout)', within(/^Layout$/));
  add('hover hit test (handleMouseMoveEvent)', within(/^EventHandler::handleMouseMoveEvent$/));
  add('rAF callbacks', within(/^FireAnimationFrame$/));
  add('IntersectionObserver', within(/^IntersectionObserverController::computeIntersections$/));
  add('PrePaint', within(/^PrePaint$/));
  add('Paint', within(/^Blink.Paint.UpdateTime$/));
  add('Layerize', within(/^Layerize$/));
  add('Commit', within(/^Commit$/));
  add('tasks in between (not key, not frame)', span.filter((t) => !ev.some((e) => (e.name === 'BeginMainFrame' || e.name === 'WebFrameWidgetImpl::BeginMainFrame' || e === key) && e.ts >= t.ts && e.ts <= t.ts + t.dur)).reduce((s, t) => s + t.dur, 0));
}
console.log(`${n} typical taggings, mean ms:`);
for (const [k, v] of sums) console.log(`${(v / n / 1000).toFixed(2).padStart(6)}  ${k}`);

// The slow taggings (over 40 ms): what ran between the key's arrival (its dispatch less the input
// delay the page measured, tagging.timings.json beside the trace) and the end of its painting frame,
// task by task, with the script each task ran (timer, idle callback, frame callback, event).
const timingsFile = path.join(path.dirname(process.argv[2]), 'tagging.timings.json');
const timings = existsSync(timingsFile) ? JSON.parse(readFileSync(timingsFile, 'utf8')) : [];
const scriptOf = (task) => {
  const inner = ev.filter((e) => e.ts >= task.ts && e.ts + e.dur <= task.ts + task.dur && /^(FunctionCall|TimerFire|FireIdleCallback|FireAnimationFrame|EventDispatch|BeginMainFrame|WebFrameWidgetImpl::BeginMainFrame|V8.GC_MARK_COMPACTOR|MajorGC|MinorGC|Paint|Layout|UpdateLayoutTree)$/.test(e.name));
  const names = inner.map((e) => `${e.name === 'FunctionCall' ? (e.args?.data?.functionName || 'anonymous') : e.name === 'EventDispatch' ? e.args?.data?.type : e.name} ${(e.dur / 1000).toFixed(1)}`);
  return [...new Set(names)].slice(0, 8).join(', ');
};
keys.forEach((key, index) => {
  const timing = timings[index];
  if (!timing || timing.totalMs <= 40) return;
  const arrived = key.ts - timing.inputDelayMs * 1000;
  const end = arrived + timing.totalMs * 1000;
  console.log(`tagging ${index}: ${timing.totalMs.toFixed(1)} ms, input delay ${timing.inputDelayMs.toFixed(1)} ms`);
  for (const task of ev.filter((e) => e.name === 'RunTask' && e.ts + e.dur > arrived && e.ts < end && e.dur > 1000)) {
    console.log(`  ${((task.ts - arrived) / 1000).toFixed(1).padStart(6)} ms +${(task.dur / 1000).toFixed(1).padStart(5)}: ${scriptOf(task)}`);
  }
});
