// Which tagging frames took Blink's full layerization (#25, session 18): for each keydown in a trace
// from bench/tagTrace.bench.ts, the first Layerize after it (the painting frame's) and whether it ran
// PaintArtifactCompositor::Update (full: paint chunks or properties changed in a way that can move
// layers) or only refreshed the repainted layers. Prints the count and the index of each full one.
// Usage: node bench/tagTraceLayerize.mjs tagging.trace.json
import { readFileSync } from 'node:fs';
const { traceEvents } = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const main = traceEvents.find((e) => e.name === 'thread_name' && e.args.name === 'CrRendererMain');
const ev = traceEvents.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X').sort((a, b) => a.ts - b.ts);
const keys = ev.filter((e) => e.name === 'EventDispatch' && e.args?.data?.type === 'keydown');
const layerizes = ev.filter((e) => e.name === 'Layerize');
const updates = ev.filter((e) => e.name === 'PaintArtifactCompositor::Update');
const full = [];
keys.forEach((key, index) => {
  const layerize = layerizes.find((e) => e.ts > key.ts);
  if (!layerize) return;
  if (updates.some((e) => e.ts >= layerize.ts && e.ts <= layerize.ts + layerize.dur)) full.push(index);
});
console.log(`${full.length} of ${keys.length} tagging frames full: ${full.join(' ')}`);
