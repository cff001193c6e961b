import type { Page } from '@playwright/test';
import { indexSnapshot, nodeReaders, type SnapshotJson } from './heapSnapshotGraph.mjs';

/**
 * The harness's share of a window's JS heap, read from a V8 heap snapshot (#25 heap, session 20):
 * what of `heapMb` is Playwright's and the bench's, which no analyst's window holds. Counted as
 * retained size: the V8 objects (Blink's native ones left out, as `usedSize` leaves them out)
 * that are no longer reachable once the harness's roots are taken out:
 * - Playwright: its scripts evaluated through CDP (the injected script's two 330 KB copies, the
 *   utility and binding scripts), every function made from them with its code and closures, and
 *   the main world's `__playwright*` globals;
 * - the bench: the functions `page.evaluate` ran (scripts evaluated without a URL that are not
 *   Playwright's nor the stand-in's) and the `__bench*` globals they left.
 * Counted apart, not the harness's share: the stand-in's preload (the init script that gives the
 * page `window.api` over Playwright's binding), where Electron's preload holds its own; and
 * Playwright's isolated world beyond Playwright's functions (its global, prototypes and builtins,
 * and the data of Playwright's objects in it), where Electron's preload has an isolated world of
 * its own: the share is the harness's at least.
 */

/** The parts of a snapshot's JSON read here (`HeapProfiler.takeHeapSnapshot`'s chunks joined). */
export type HeapSnapshotJson = SnapshotJson;

export interface HarnessShare {
  /** Retained by Playwright's scripts, functions and globals, in bytes. */
  playwright: number;
  /** Retained by the bench's evaluated functions and their globals. */
  bench: number;
  /** Both together (what they share counted once): the harness's share of `usedSize`. */
  harness: number;
  /** Retained by the stand-in's preload (not the harness's share: Electron has its own). */
  standIn: number;
  /** Retained by Playwright's isolated world beyond `playwright` (in part Electron's preload world's in an analyst's window). */
  playwrightWorld: number;
  /** Every reachable V8 object, for scale. */
  reachable: number;
}

interface Graph {
  count: number;
  type: (node: number) => string;
  name: (node: number) => string;
  selfSize: (node: number) => number;
  /** [edge type, edge name (or index), child node] of each edge of `node`. */
  edgesOf: (node: number) => Array<[string, string, number]>;
}

function graphOf(json: HeapSnapshotJson): Graph {
  const graph = indexSnapshot(json);
  const { meta, nodeFields, edgeFields, edges, strings, firstEdge } = graph;
  const edgeTypes = meta.edge_types[0];
  return {
    ...nodeReaders(graph),
    edgesOf(node) {
      const result: Array<[string, string, number]> = [];
      for (let edge = firstEdge[node]; edge < firstEdge[node + 1]; edge += edgeFields) {
        const edgeType = edgeTypes[edges[edge]];
        const named = edgeType !== 'element' && edgeType !== 'hidden';
        result.push([edgeType, named ? strings[edges[edge + 1]] : String(edges[edge + 1]), edges[edge + 2] / nodeFields]);
      }
      return result;
    },
  };
}

const child = (graph: Graph, node: number, edgeName: string): number => graph.edgesOf(node).find(([, name]) => name === edgeName)?.[2] ?? -1;

type Owner = 'playwright' | 'bench' | 'standIn' | 'playwrightWorld';

/** Whose a script evaluated without a URL is, by its source; null for the page's own and V8's. */
export function scriptOwner(url: string, source: string): Owner | null {
  if (url !== '' || source.length < 40) return null;
  if (source.includes('__hashiyeEmit')) return 'standIn';
  if (source.includes('const module = {};') && source.includes('__commonJS')) return 'playwright';
  return 'bench';
}

/** Whose a global of the main world is, by its name; null for the page's own. */
export function globalOwner(property: string): Owner | null {
  if (property.startsWith('__playwright')) return 'playwright';
  if (property.startsWith('__bench')) return 'bench';
  if (property.startsWith('__hashiye')) return 'standIn';
  return null;
}

/** The harness's roots in `graph`, by owner: scripts, their functions and closures, globals, Playwright's world. */
function harnessRoots(graph: Graph): Map<Owner, Set<number>> {
  const roots = new Map<Owner, Set<number>>([['playwright', new Set()], ['bench', new Set()], ['standIn', new Set()], ['playwrightWorld', new Set()]]);
  const scripts = new Map<number, Owner>();
  const contexts: number[] = [];
  for (let node = 0; node < graph.count; node++) {
    const name = graph.name(node);
    if (name.startsWith('system / NativeContext')) contexts.push(node);
    if (graph.type(node) !== 'code' || !name.startsWith('system / Script')) continue;
    const source = child(graph, node, 'source');
    const owner = scriptOwner(name.slice('system / Script / '.length), source >= 0 ? graph.name(source) : '');
    if (owner) scripts.set(node, owner);
  }
  const functions = new Map<number, Owner>();
  for (let node = 0; node < graph.count; node++) {
    if (!graph.name(node).startsWith('system / SharedFunctionInfo') && graph.type(node) !== 'closure') continue;
    const shared = graph.type(node) === 'closure' ? child(graph, node, 'shared') : node;
    const owner = scripts.get(child(graph, shared, 'script')) ?? functions.get(shared);
    if (owner) functions.set(node, owner);
  }
  for (const [node, owner] of [...scripts, ...functions]) roots.get(owner)?.add(node);
  for (const context of contexts) {
    const global = child(graph, context, 'global_object');
    const globals = graph.edgesOf(global).filter(([type]) => type === 'property');
    // The main world's global holds the app's `api`; a world of another window-like global is Playwright's.
    if (!globals.some(([, name]) => name === 'api')) {
      if (graph.name(global).startsWith('Window')) roots.get('playwrightWorld')?.add(context);
      continue;
    }
    for (const [, name, value] of globals) {
      const owner = globalOwner(name);
      if (owner) roots.get(owner)?.add(value);
    }
  }
  return roots;
}

/** The V8 bytes reachable from the snapshot's root through strong edges, leaving `excluded` out. */
function reachableBytes(graph: Graph, excluded: ReadonlySet<number>): number {
  const seen = new Uint8Array(graph.count);
  const stack = [0];
  seen[0] = 1;
  let bytes = 0;
  while (stack.length > 0) {
    const node = stack.pop() as number;
    if (graph.type(node) !== 'native') bytes += graph.selfSize(node);
    for (const [type, , next] of graph.edgesOf(node)) {
      if (type === 'weak' || seen[next] || excluded.has(next)) continue;
      seen[next] = 1;
      stack.push(next);
    }
  }
  return bytes;
}

export function harnessShare(json: HeapSnapshotJson): HarnessShare {
  const graph = graphOf(json);
  const roots = harnessRoots(graph);
  const all = reachableBytes(graph, new Set());
  const retained = (...owners: Owner[]) => all - reachableBytes(graph, new Set(owners.flatMap((owner) => [...(roots.get(owner) ?? [])])));
  const harness = retained('playwright', 'bench');
  return { playwright: retained('playwright'), bench: retained('bench'), harness, standIn: retained('standIn'), playwrightWorld: retained('playwright', 'bench', 'playwrightWorld') - harness, reachable: all };
}

/** A snapshot of `page`'s heap as it is now (HeapProfiler's chunks joined), the profiler left off afterwards. */
export async function takeHeapSnapshot(page: Page): Promise<HeapSnapshotJson> {
  const session = await page.context().newCDPSession(page);
  const chunks: string[] = [];
  session.on('HeapProfiler.addHeapSnapshotChunk', ({ chunk }) => chunks.push(chunk));
  await session.send('HeapProfiler.enable');
  await session.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  // Disabled again: the profiler otherwise keeps tracking objects moved by each later GC.
  await session.send('HeapProfiler.disable');
  await session.detach();
  return JSON.parse(chunks.join('')) as HeapSnapshotJson;
}
