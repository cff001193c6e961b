// Where each open of bench/openVariance.bench.ts spent its time from the click to the shown
// frame (#17, session 14): the window's busy time, garbage collection and longest task (trace),
// when the window asked for the answer and when its bytes arrived, and what main (this
// process, in the Chromium stand-in) was busy with meanwhile (its CPU profile, by function,
// idle left out). Usage: node bench/openVariancePhases.mjs <folder>
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

const folder = process.argv[2] ?? '.';
const TOP = Number(process.env.TOP ?? 8);
const ms = (us) => Math.round(us / 1000);

function windowPhases(file) {
  const { traceEvents } = JSON.parse(readFileSync(file, 'utf8'));
  const main = traceEvents.find((e) => e.name === 'thread_name' && e.args.name === 'CrRendererMain');
  const ev = traceEvents.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X').sort((a, b) => a.ts - b.ts);
  const click = ev.find((e) => e.name === 'EventDispatch' && e.args?.data?.type === 'click');
  const origin = click.ts;
  const resources = new Map();
  for (const e of traceEvents) {
    const data = e.args?.data;
    if (!data?.requestId) continue;
    if (e.name === 'ResourceSendRequest') resources.set(data.requestId, { url: data.url, sent: e.ts });
    const entry = resources.get(data.requestId);
    if (!entry) continue;
    if (e.name === 'ResourceReceiveResponse') entry.response = e.ts;
    if (e.name === 'ResourceFinish') entry.finish = e.ts;
  }
  const fetches = [...resources.values()].filter((r) => r.sent >= origin && /large-answer/.test(r.url));
  return { ev, origin, fetches };
}

function busyBetween(ev, from, to) {
  const tasks = ev.filter((e) => e.name === 'RunTask' && e.ts >= from && e.ts < to);
  const gc = ev.filter((e) => (e.name === 'MinorGC' || e.name === 'MajorGC') && e.ts >= from && e.ts < to);
  return {
    busy: ms(tasks.reduce((sum, e) => sum + e.dur, 0)),
    cpu: ms(tasks.reduce((sum, e) => sum + (e.tdur ?? 0), 0)),
    longest: ms(Math.max(0, ...tasks.map((e) => e.dur))),
    longestCpu: ms(Math.max(0, ...tasks.map((e) => e.tdur ?? 0))),
    over50: tasks.filter((e) => e.dur >= 50_000).map((e) => `${ms(e.ts - from)}+${ms(e.dur)}(${ms(e.tdur ?? 0)})`).join(' '),
    gc: ms(gc.reduce((sum, e) => sum + e.dur, 0)),
    majorGc: ms(gc.filter((e) => e.name === 'MajorGC').reduce((sum, e) => sum + e.dur, 0)),
  };
}

/** Main's CPU profile from `fromMs` to `toMs` after it started, by function, idle left out. */
function mainFunctions(file, fromMs, toMs) {
  const profile = JSON.parse(readFileSync(file, 'utf8'));
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const self = new Map();
  let at = profile.startTime;
  let busy = 0;
  for (let index = 0; index < profile.samples.length; index++) {
    at += profile.timeDeltas[index];
    if (at - profile.startTime > toMs * 1000) break;
    if (at - profile.startTime < fromMs * 1000) continue;
    const step = index + 1 < profile.timeDeltas.length ? profile.timeDeltas[index + 1] : 0;
    const node = byId.get(profile.samples[index]);
    const name = node.callFrame.functionName;
    if (name === '(idle)' || name === '(program)') continue;
    busy += step;
    // Named by the nearest frame of the project (electron/, shared/, e2e/), else by the function itself.
    let label = `${name || '(anonymous)'} ${path.basename(node.callFrame.url || '')}`;
    for (let id = node.id; id !== undefined; id = parent.get(id)) {
      const frame = byId.get(id).callFrame;
      if (/\/(electron|shared|e2e)\//.test(frame.url)) {
        label = `${frame.functionName || '(anonymous)'} ${path.basename(frame.url)}`;
        break;
      }
    }
    self.set(label, (self.get(label) ?? 0) + step);
  }
  return { busy: ms(busy), top: [...self].sort((a, b) => b[1] - a[1]).slice(0, TOP).map(([name, us]) => `${ms(us)} ${name}`) };
}

for (let open = 0; existsSync(path.join(folder, `open-${open}.json`)); open++) {
  const figures = JSON.parse(readFileSync(path.join(folder, `open-${open}.json`), 'utf8'));
  const { ev, origin, fetches } = windowPhases(path.join(folder, `open-${open}.trace.json`));
  const shownAt = origin + figures.shownMs * 1000;
  const window = busyBetween(ev, origin, shownAt);
  const stalls = figures.mainStalls.filter(([at]) => at - figures.startedAt < figures.shownMs).map(([at, length]) => `${Math.round(at - figures.startedAt)}+${Math.round(length)}`);
  // The profile starts a little before the click (the trace is started in between).
  const clickInProfile = figures.profiledFrom === undefined ? 0 : figures.startedAt - figures.profiledFrom;
  const main = mainFunctions(path.join(folder, `open-${open}.main.cpuprofile`), clickInProfile, clickInProfile + figures.shownMs);
  console.log(`\nopen ${open} (load ${figures.load[0].toFixed(1)}): shown ${Math.round(figures.shownMs)} ms`);
  console.log(`  window, click → shown: busy ${window.busy} ms (CPU ${window.cpu}), GC ${window.gc} (major ${window.majorGc}), longest task ${window.longest} (CPU ${window.longestCpu}); tasks over 50 ms at +ms: ${window.over50}`);
  for (const fetch of fetches) console.log(`  answer fetched: asked at ${ms(fetch.sent - origin)}, response at ${fetch.response ? ms(fetch.response - origin) : '-'}, last byte at ${fetch.finish ? ms(fetch.finish - origin) : '-'} ms`);
  console.log(`  main's stalls over 20 ms before shown (at+ms): ${stalls.join(' ')}`);
  console.log(`  main busy from the click to shown ${main.busy} ms: ${main.top.join('; ')}`);
}
