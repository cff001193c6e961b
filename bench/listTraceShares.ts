/**
 * Shares of a CPU profile and a Chromium trace within a time window (listTrace.bench.ts): busy
 * milliseconds by function, by self time and inclusive of callees, and trace events by name.
 */

export interface CpuProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

export interface CpuProfile {
  nodes: CpuProfileNode[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  tid: number;
  pid: number;
  /** `name` on thread-name metadata events, `data.type` on an event dispatch. */
  args?: { name?: string; data?: { type?: string } };
}

function keyOf(node: CpuProfileNode): string {
  const { functionName, url, lineNumber } = node.callFrame;
  const file = url.slice(url.lastIndexOf('/') + 1);
  return file === '' ? functionName || '(anonymous)' : `${functionName || '(anonymous)'}@${file}:${lineNumber + 1}`;
}

function sortedEntries(totals: Map<string, number>): [string, number][] {
  return [...totals].sort((a, b) => b[1] - a[1]);
}

/** Busy time of the samples between `from` and `to` (monotonic µs), idle left out. */
export function busyByFunction(profile: CpuProfile, from: number, to: number): { totalMs: number; self: [string, number][]; inclusive: [string, number][] } {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parentOf = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  let totalMs = 0;
  let time = profile.startTime;
  for (let index = 0; index < profile.samples.length; index++) {
    time += profile.timeDeltas[index];
    const next = profile.timeDeltas[index + 1] ?? 0;
    if (time < from || time > to) continue;
    const node = byId.get(profile.samples[index]);
    if (!node || node.callFrame.functionName === '(idle)') continue;
    const ms = Math.min(next, 10_000) / 1000;
    totalMs += ms;
    const key = keyOf(node);
    self.set(key, (self.get(key) ?? 0) + ms);
    const seen = new Set<string>();
    for (let id: number | undefined = node.id; id !== undefined; id = parentOf.get(id)) {
      const ancestor = byId.get(id);
      if (!ancestor) break;
      const ancestorKey = keyOf(ancestor);
      if (seen.has(ancestorKey)) continue;
      seen.add(ancestorKey);
      inclusive.set(ancestorKey, (inclusive.get(ancestorKey) ?? 0) + ms);
    }
  }
  return { totalMs, self: sortedEntries(self), inclusive: sortedEntries(inclusive) };
}

/** Milliseconds of the renderer main thread's complete events between `from` and `to`, by name (nested events count in each). */
export function traceByName(events: readonly TraceEvent[], from: number, to: number): [string, number][] {
  const threads = new Set(events.filter((event) => event.ph === 'M' && event.name === 'thread_name' && event.args?.name === 'CrRendererMain').map((event) => `${event.pid}:${event.tid}`));
  const totals = new Map<string, number>();
  for (const event of events) {
    if (event.ph !== 'X' || event.dur === undefined || event.ts < from || event.ts > to || !threads.has(`${event.pid}:${event.tid}`)) continue;
    totals.set(event.name, (totals.get(event.name) ?? 0) + event.dur / 1000);
  }
  return sortedEntries(totals);
}
