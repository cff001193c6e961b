// The code in a V8 heap snapshot (bench/heapSnapshot.bench.ts writes one), by tier and by the
// module its function comes from: baseline code (Sparkplug, held by the function's shared info)
// and optimized code (Maglev or TurboFan, held by the closure), each with its instruction stream
// and deoptimization data, in KB. Written to find what stays behind when the article is opened
// more times (#25 heap, session 19: the heap grows by code, not by data). With a renderer built
// by `HASHIYE_NO_MINIFY=1 npx electron-vite build` (which writes source maps), functions are
// placed in their source module; otherwise in their script.
// Usage: node bench/heapSnapshotCode.mjs <before.heapsnapshot> <after.heapsnapshot> [--assets out/renderer/assets] [--functions] [--top N]
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { readSnapshotGraph } from './heapSnapshotGraph.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(`--${name}`) ? args[args.indexOf(`--${name}`) + 1] : fallback);
const files = args.filter((arg, index) => !arg.startsWith('--') && !args[index - 1]?.match(/^--(assets|top)$/));
const assets = option('assets', 'out/renderer/assets');
const top = Number(option('top', 40));
const byFunction = args.includes('--functions');

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** A source map's mappings as, per generated line, sorted [column, source index] pairs. */
function decodeMappings(map) {
  const lines = [];
  let source = 0;
  for (const line of map.mappings.split(';')) {
    const segments = [];
    let column = 0;
    for (const segment of line.split(',')) {
      if (!segment) continue;
      const fields = [];
      for (let index = 0, value = 0, shift = 0; index < segment.length; index++) {
        const digit = BASE64.indexOf(segment[index]);
        value += (digit & 31) << shift;
        if (digit & 32) shift += 5;
        else {
          fields.push(value & 1 ? -(value >> 1) : value >> 1);
          value = shift = 0;
        }
      }
      column += fields[0];
      if (fields.length > 1) source += fields[1];
      if (fields.length > 1) segments.push([column, source]);
    }
    lines.push(segments);
  }
  return lines;
}

/** The renderer's source maps, by script name without its hash (`index.js`). */
function loadMaps() {
  const maps = new Map();
  if (!existsSync(assets)) return maps;
  for (const file of readdirSync(assets)) {
    if (!file.endsWith('.js.map')) continue;
    const map = JSON.parse(readFileSync(path.join(assets, file), 'utf8'));
    maps.set(file.replace(/-[\w-]{8}\.js\.map$/, '.js'), { sources: map.sources, lines: decodeMappings(map) });
  }
  return maps;
}

/** A module's name: the app's own path, or the npm package. */
function moduleName(source) {
  const clean = source.replace(/^(\.\.\/)+/, '');
  const npm = clean.match(/node_modules\/((@[^/]+\/)?[^/]+)/);
  return npm ? `npm:${npm[1]}` : clean;
}

function moduleAt(maps, script, line, column) {
  const map = maps.get(script);
  if (!map) return script || '(no url: Playwright, evaluated scripts)';
  let found = null;
  for (const [start, source] of map.lines[line] ?? []) {
    if (start > column) break;
    found = source;
  }
  return found === null ? script : moduleName(map.sources[found]);
}

function load(file) {
  const { snapshot, meta, nodeFields, edgeFields, nodes, edges, strings, count, firstEdge } = readSnapshotGraph(file);
  const edgeTypes = meta.edge_types[0];
  const named = (edge) => !['element', 'hidden'].includes(edgeTypes[edges[edge]]);
  return {
    count,
    snapshot,
    nodeFields,
    type: (node) => meta.node_types[0][nodes[node * nodeFields]],
    name: (node) => strings[nodes[node * nodeFields + 1]],
    selfSize: (node) => nodes[node * nodeFields + 3],
    /** The node an edge of this name leads to, or null. */
    child(node, name) {
      for (let edge = firstEdge[node]; edge < firstEdge[node + 1]; edge += edgeFields) {
        if (named(edge) && strings[edges[edge + 1]] === name) return edges[edge + 2] / nodeFields;
      }
      return null;
    },
    *children(node) {
      for (let edge = firstEdge[node]; edge < firstEdge[node + 1]; edge += edgeFields) yield edges[edge + 2] / nodeFields;
    },
  };
}

/** A Code object with what only it holds: its instructions, deoptimization data and literals. */
function codeKb(heap, code) {
  let bytes = heap.selfSize(code);
  for (const child of heap.children(code)) {
    if (heap.type(child) === 'code' && /InstructionStream|TrustedByteArray|ProtectedFixedArray|TrustedWeakFixedArray/.test(heap.name(child))) bytes += heap.selfSize(child);
  }
  return bytes / 1024;
}

/** Each shared function info with a closure, placed in its module through the closure's location. */
function placeFunctions(heap, maps) {
  const { locations, snapshot } = heap.snapshot;
  const fields = snapshot.meta.location_fields.length;
  const placed = new Map();
  for (let index = 0; index < locations.length; index += fields) {
    const closure = locations[index] / heap.nodeFields;
    const shared = heap.type(closure) === 'closure' ? heap.child(closure, 'shared') : null;
    if (shared === null || placed.has(shared)) continue;
    const script = heap.name(locations[index + 2] / heap.nodeFields).replace(/^system \/ Script \/ /, '').replace(/^.*\/assets\//, '').replace(/-[\w-]{8}\.js$/, '.js');
    const where = moduleAt(maps, script, locations[index + 3], locations[index + 4]);
    placed.set(shared, byFunction ? `${where} ${heap.name(closure)}` : where);
  }
  return placed;
}

function codeByModule(file, maps) {
  const heap = load(file);
  const placed = placeFunctions(heap, maps);
  const totals = new Map();
  const add = (key, kb) => {
    const total = totals.get(key) ?? { functions: 0, kb: 0 };
    total.functions++;
    total.kb += kb;
    totals.set(key, total);
  };
  // Baseline code hangs on the shared info, which outlives closures made per call.
  const baselines = new Set();
  for (let node = 0; node < heap.count; node++) {
    if (!heap.name(node).startsWith('system / SharedFunctionInfo')) continue;
    const baseline = heap.child(node, 'trusted_function_data');
    if (baseline === null || heap.name(baseline) !== 'system / Code') continue;
    baselines.add(baseline);
    add(`baseline | ${placed.get(node) ?? '(no closure left)'}`, codeKb(heap, baseline));
  }
  const counted = new Set();
  for (let node = 0; node < heap.count; node++) {
    if (heap.type(node) !== 'closure') continue;
    const code = heap.child(node, 'code');
    if (code === null || baselines.has(code) || counted.has(code) || /builtin/.test(heap.name(code))) continue;
    counted.add(code);
    add(`optimized | ${placed.get(heap.child(node, 'shared')) ?? '(function not placed)'}`, codeKb(heap, code));
  }
  return totals;
}

const maps = loadMaps();
const [before, after] = files.map((file) => codeByModule(file, maps));
const none = { functions: 0, kb: 0 };
const rows = [...new Set([...before.keys(), ...after.keys()])].map((key) => ({ key, before: before.get(key) ?? none, after: after.get(key) ?? none }));
const sum = (side) => rows.reduce((total, row) => total + row[side].kb, 0);
const kind = (prefix, side) => rows.filter((row) => row.key.startsWith(prefix)).reduce((total, row) => total + row[side].kb, 0);
console.log(`code KB (functions' code, instructions and deoptimization data): ${sum('before').toFixed(0)} -> ${sum('after').toFixed(0)}`);
console.log(`  baseline ${kind('baseline', 'before').toFixed(0)} -> ${kind('baseline', 'after').toFixed(0)}, optimized ${kind('optimized', 'before').toFixed(0)} -> ${kind('optimized', 'after').toFixed(0)}`);
console.log('| before KB | after KB | change | functions | tier and module |\n|---|---|---|---|---|');
rows.sort((first, second) => second.after.kb - second.before.kb - (first.after.kb - first.before.kb));
for (const row of rows.slice(0, top)) {
  console.log(`| ${row.before.kb.toFixed(1)} | ${row.after.kb.toFixed(1)} | ${(row.after.kb - row.before.kb).toFixed(1)} | ${row.before.functions} → ${row.after.functions} | ${row.key} |`);
}
