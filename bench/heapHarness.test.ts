import { describe, expect, it } from 'vitest';
import { globalOwner, harnessShare, scriptOwner, type HeapSnapshotJson } from './heapHarness';

const NODE_TYPES = ['hidden', 'array', 'string', 'object', 'code', 'closure', 'regexp', 'number', 'native', 'synthetic'];
const EDGE_TYPES = ['context', 'element', 'property', 'internal', 'hidden', 'shortcut', 'weak'];

interface Node {
  type: string;
  name: string;
  size: number;
  edges: Array<[type: string, name: string, to: string]>;
}

/** A snapshot in V8's layout from nodes named by key; the first is the root. */
function snapshotOf(graph: Record<string, Node>): HeapSnapshotJson {
  const keys = Object.keys(graph);
  const strings: string[] = [];
  const string = (text: string) => (strings.includes(text) ? strings.indexOf(text) : strings.push(text) - 1);
  const nodes: number[] = [];
  const edges: number[] = [];
  keys.forEach((key, index) => {
    const node = graph[key];
    nodes.push(NODE_TYPES.indexOf(node.type), string(node.name), index + 1, node.size, node.edges.length, 0, 0);
    for (const [type, name, to] of node.edges) edges.push(EDGE_TYPES.indexOf(type), string(name), keys.indexOf(to) * 7);
  });
  const meta = {
    node_fields: ['type', 'name', 'id', 'self_size', 'edge_count', 'trace_node_id', 'detachedness'],
    edge_fields: ['type', 'name_or_index', 'to_node'],
    node_types: [NODE_TYPES] as [string[]],
    edge_types: [EDGE_TYPES] as [string[]],
  };
  return { snapshot: { meta }, nodes, edges, strings };
}

const PLAYWRIGHT_SOURCE = '(() => { const module = {}; var __commonJS = obj => obj; class InjectedScript {} })()';
const BENCH_SOURCE = '(function installFrameMarks() { globalThis.__benchFrames = []; })';
const STAND_IN_SOURCE = '(() => { window.__hashiyeEmit = (event, payload) => {}; window.api = {}; })()';

const node = (type: string, name: string, size: number, ...edges: Node['edges']): Node => ({ type, name, size, edges });

/** A main world with the app's script, Playwright's, the bench's and the stand-in's, and Playwright's world. */
const WINDOW = snapshotOf({
  root: node('synthetic', '', 0, ['element', '1', 'main'], ['element', '2', 'world'], ['element', '3', 'appClosure']),
  main: node('native', 'system / NativeContext / http://app', 1000, ['internal', 'global_object', 'mainGlobal']),
  mainGlobal: node('object', 'Window [JSGlobalObject] / http://app', 100, ['property', 'api', 'api'], ['property', '__playwright__binding__', 'bindingClosure'], ['property', '__benchFrames', 'benchFrames'], ['property', '__hashiyeEmit', 'emitClosure']),
  api: node('object', 'Object', 30, ['property', 'invoke', 'emitClosure']),
  benchFrames: node('array', '', 400),
  appScript: node('code', 'system / Script / http://app/index.js', 50, ['internal', 'source', 'appSource']),
  appSource: node('string', 'const app = 1;'.repeat(10), 60),
  appShared: node('code', 'system / SharedFunctionInfo / app', 40, ['internal', 'script', 'appScript']),
  appClosure: node('closure', 'app', 32, ['internal', 'shared', 'appShared']),
  playwrightScript: node('code', 'system / Script / ', 50, ['internal', 'source', 'playwrightSource']),
  playwrightSource: node('string', PLAYWRIGHT_SOURCE, 330_000),
  playwrightShared: node('code', 'system / SharedFunctionInfo / InjectedScript', 40, ['internal', 'script', 'playwrightScript'], ['internal', 'code', 'playwrightCode']),
  playwrightCode: node('code', 'system / BytecodeArray', 2_000),
  bindingClosure: node('closure', 'binding', 32, ['internal', 'shared', 'playwrightShared'], ['internal', 'context', 'bindingData']),
  bindingData: node('object', 'system / Context', 500, ['weak', 'app', 'appClosure']),
  benchScript: node('code', 'system / Script / ', 50, ['internal', 'source', 'benchSource']),
  benchSource: node('string', BENCH_SOURCE, 80),
  benchShared: node('code', 'system / SharedFunctionInfo / installFrameMarks', 40, ['internal', 'script', 'benchScript']),
  benchClosure: node('closure', 'installFrameMarks', 32, ['internal', 'shared', 'benchShared']),
  standInScript: node('code', 'system / Script / ', 50, ['internal', 'source', 'standInSource']),
  standInSource: node('string', STAND_IN_SOURCE, 90),
  standInShared: node('code', 'system / SharedFunctionInfo / emit', 40, ['internal', 'script', 'standInScript']),
  emitClosure: node('closure', 'emit', 32, ['internal', 'shared', 'standInShared']),
  world: node('native', 'system / NativeContext / http://app', 1000, ['internal', 'global_object', 'worldGlobal'], ['internal', 'injected', 'injectedScript']),
  worldGlobal: node('object', 'Window [JSGlobalObject] / http://app', 300, ['property', 'Object', 'worldBuiltin']),
  worldBuiltin: node('closure', 'Object', 700),
  injectedScript: node('object', 'InjectedScript', 600, ['property', 'constructor', 'playwrightClosure']),
  playwrightClosure: node('closure', 'InjectedScript', 32, ['internal', 'shared', 'playwrightShared']),
});

describe("the harness's share of the window's heap (#25 heap)", () => {
  it('tells the scripts and globals of Playwright, the bench and the stand-in from the page', () => {
    expect(scriptOwner('', PLAYWRIGHT_SOURCE)).toBe('playwright');
    expect(scriptOwner('', BENCH_SOURCE)).toBe('bench');
    expect(scriptOwner('', STAND_IN_SOURCE)).toBe('standIn');
    expect(scriptOwner('http://app/index.js', PLAYWRIGHT_SOURCE)).toBeNull();
    expect(scriptOwner('', '() {}')).toBeNull();
    expect(globalOwner('__playwright__binding__')).toBe('playwright');
    expect(globalOwner('__benchFrames')).toBe('bench');
    expect(globalOwner('__hashiyeInvoke')).toBe('standIn');
    expect(globalOwner('api')).toBeNull();
  });

  it('counts what only the harness holds, its own world apart and the app untouched', () => {
    const share = harnessShare(WINDOW);
    // Playwright: its script, source, function, code, the binding's closure and context, the class's closure.
    expect(share.playwright).toBe(50 + 330_000 + 40 + 2_000 + 32 + 500 + 32);
    // The bench's global; its script and function are not reachable here (no closure holds them).
    expect(share.bench).toBe(400);
    expect(share.harness).toBe(share.playwright + share.bench);
    // The stand-in's function, its script and source (the app's `api` holds it, and counts apart).
    expect(share.standIn).toBe(32 + 40 + 50 + 90);
    // Playwright's world: its global and builtins, and the data of Playwright's objects in it (the native context is Blink's: not counted).
    expect(share.playwrightWorld).toBe(300 + 700 + 600);
    // The app's own objects stay: the main global, `api`, the app's script and function.
    expect(share.reachable - share.harness - share.standIn - share.playwrightWorld).toBe(100 + 30 + 50 + 60 + 40 + 32);
  });
});
