// Sums a V8 heap snapshot (bench/heapSnapshot.bench.ts writes one) by category, in KB of self
// size, Blink's native objects left out as `heapMb` leaves them out; and the retained size of a
// few sets of objects (what would go if nothing else held them): every object of the set taken
// out, what is no longer reachable from the roots through strong edges.
// Usage: node bench/heapSnapshotCategories.mjs <file.heapsnapshot> [more files: one column each]
import { nodeReaders, readSnapshotGraph } from './heapSnapshotGraph.mjs';

function load(file) {
  const graph = readSnapshotGraph(file);
  const { meta, nodeFields, edgeFields, nodes, edges, strings, firstEdge } = graph;
  const edgeTypes = meta.edge_types[0];
  return {
    ...nodeReaders(graph),
    /** Whether an object has a property of this name (a fiber's class is minified in the bench's build, its fields are not). */
    hasProperty(node, property) {
      for (let edge = firstEdge[node]; edge < firstEdge[node + 1]; edge += edgeFields) {
        if (edgeTypes[edges[edge]] === 'property' && strings[edges[edge + 1]] === property) return true;
      }
      return false;
    },
    /** The size of an object's out-of-object property store (V8 names it a native `system / PropertyArray`, so the sums below would leave it out). */
    propertyArraySize(node) {
      for (let edge = firstEdge[node]; edge < firstEdge[node + 1]; edge += edgeFields) {
        const child = edges[edge + 2] / nodeFields;
        if (edgeTypes[edges[edge]] === 'internal' && strings[nodes[child * nodeFields + 1]] === 'system / PropertyArray') return nodes[child * nodeFields + 3];
      }
      return 0;
    },
    /** The node a named property of an object points to, or -1. */
    propertyValue(node, property) {
      for (let edge = firstEdge[node]; edge < firstEdge[node + 1]; edge += edgeFields) {
        if (edgeTypes[edges[edge]] === 'property' && strings[edges[edge + 1]] === property) return edges[edge + 2] / nodeFields;
      }
      return -1;
    },
    *strongChildren(node) {
      for (let edge = firstEdge[node]; edge < firstEdge[node + 1]; edge += edgeFields) {
        if (edgeTypes[edges[edge]] === 'weak') continue;
        yield edges[edge + 2] / nodeFields;
      }
    },
  };
}

const LARGE_STRING = 200_000;

/** A React fiber: `FiberNode` in a development build; in the minified one, an object with a fiber's fields. */
function isFiber(heap, node) {
  if (heap.type(node) !== 'object') return false;
  if (heap.name(node) === 'FiberNode') return true;
  return heap.hasProperty(node, 'memoizedProps') && heap.hasProperty(node, 'elementType') && heap.hasProperty(node, 'stateNode');
}

/** The category of one node: its V8 type, with the big strings and the code split out. */
function categoryOf(heap, node) {
  const type = heap.type(node);
  const name = heap.name(node);
  if (type === 'native') return null;
  if (type === 'string' || type === 'concatenated string' || type === 'sliced string') {
    if (heap.selfSize(node) > LARGE_STRING && /[\u0600-\u06ff]/.test(name.slice(0, 2000))) return 'the article text';
    if (/playwright|InjectedScript|__playwright/i.test(name.slice(0, 20_000)) && heap.selfSize(node) > 50_000) return "Playwright's injected scripts";
    return 'other strings';
  }
  if (type === 'code') {
    if (/InstructionStream|Code$/.test(name) && !/Bytecode/.test(name)) return 'code: machine code';
    return 'code: bytecode, feedback, scope and function data';
  }
  if (type === 'object' && /^\$?Zod/.test(name)) return 'zod schema objects';
  if (isFiber(heap, node)) return 'React fibers';
  if (type === 'object' && heap.hasProperty(node, 'start') && heap.hasProperty(node, 'author') && heap.hasProperty(node, 'created')) return 'objects: annotation records';
  if (type === 'object' && heap.hasProperty(node, 'continued') && heap.hasProperty(node, 'paragraph')) return 'objects: paragraph pieces';
  if (type === 'object' && heap.hasProperty(node, 'articleText') && heap.hasProperty(node, 'start')) return 'objects: paragraph pieces';
  if (type === 'closure') return 'closures';
  if (type === 'object shape' || (type === 'hidden' && /Map|DescriptorArray/.test(name))) return 'object shapes';
  if (type === 'array') return 'arrays';
  if (type === 'object') return 'objects';
  return `other (${type})`;
}

function reachable(heap, excluded) {
  const seen = new Uint8Array(heap.count);
  const stack = [0];
  seen[0] = 1;
  while (stack.length > 0) {
    const node = stack.pop();
    for (const child of heap.strongChildren(node)) {
      if (seen[child] || excluded(child)) continue;
      seen[child] = 1;
      stack.push(child);
    }
  }
  return seen;
}

function summarise(file) {
  const heap = load(file);
  const all = reachable(heap, () => false);
  // The annotations' ids and texts, counted apart from the other strings (a text shared by
  // several annotations through the pool is counted once).
  const annotationStrings = new Map();
  for (let node = 0; node < heap.count; node++) {
    if (!all[node] || categoryOf(heap, node) !== 'objects: annotation records') continue;
    for (const [field, label] of [['id', 'strings: annotation ids'], ['text', 'strings: annotation texts']]) {
      const value = heap.propertyValue(node, field);
      if (value >= 0 && /string/.test(heap.type(value))) annotationStrings.set(value, label);
    }
  }
  const sums = new Map();
  let total = 0;
  for (let node = 0; node < heap.count; node++) {
    if (!all[node]) continue;
    const category = annotationStrings.get(node) ?? categoryOf(heap, node);
    if (!category) continue;
    sums.set(category, (sums.get(category) ?? 0) + heap.selfSize(node));
    total += heap.selfSize(node);
    if (category === 'objects: annotation records') {
      const outside = heap.propertyArraySize(node);
      sums.set("objects: annotation records' property arrays", (sums.get("objects: annotation records' property arrays") ?? 0) + outside);
      total += outside;
    }
  }
  const sets = {
    'retained: zod schemas': (node) => heap.type(node) === 'object' && /^\$?Zod/.test(heap.name(node)),
    'retained: React fibers': (node) => isFiber(heap, node),
  };
  const retained = new Map();
  const counts = new Map();
  for (const [label, member] of Object.entries(sets)) {
    const without = reachable(heap, member);
    let size = 0;
    let members = 0;
    for (let node = 0; node < heap.count; node++) {
      if (!all[node] || without[node] || heap.type(node) === 'native') continue;
      size += heap.selfSize(node);
      if (member(node)) members++;
    }
    retained.set(label, size);
    counts.set(label, members);
  }
  return { sums, total, retained, counts };
}

const files = process.argv.slice(2);
const results = files.map(summarise);
const kb = (bytes) => Math.round(bytes / 1024).toLocaleString('en');
const categories = [...new Set(results.flatMap((result) => [...result.sums.keys()]))].sort((a, b) => (results[0].sums.get(b) ?? 0) - (results[0].sums.get(a) ?? 0));
console.log(`| KB | ${files.map((file) => file.split('/').pop()).join(' | ')} |`);
console.log(`|---|${files.map(() => '---').join('|')}|`);
for (const category of categories) console.log(`| ${category} | ${results.map((result) => kb(result.sums.get(category) ?? 0)).join(' | ')} |`);
console.log(`| total (V8 self size) | ${results.map((result) => kb(result.total)).join(' | ')} |`);
for (const label of results[0].retained.keys()) {
  console.log(`| ${label} | ${results.map((result) => `${kb(result.retained.get(label))} (${result.counts.get(label)})`).join(' | ')} |`);
}
