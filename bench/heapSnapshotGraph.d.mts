// Types of heapSnapshotGraph.mjs for the bench's TypeScript (heapHarness.ts).

interface SnapshotMeta {
  node_fields: string[];
  edge_fields: string[];
  node_types: [string[], ...unknown[]];
  edge_types: [string[], ...unknown[]];
}

export interface SnapshotJson {
  snapshot: { meta: SnapshotMeta };
  nodes: number[];
  edges: number[];
  strings: string[];
}

export interface SnapshotGraph<Json extends SnapshotJson> {
  snapshot: Json;
  meta: SnapshotMeta;
  nodeFields: number;
  edgeFields: number;
  nodes: number[];
  edges: number[];
  strings: string[];
  count: number;
  firstEdge: Uint32Array;
}

export function readSnapshotGraph(file: string): SnapshotGraph<SnapshotJson>;
export function indexSnapshot<Json extends SnapshotJson>(snapshot: Json): SnapshotGraph<Json>;

export interface NodeReaders {
  count: number;
  type: (node: number) => string;
  name: (node: number) => string;
  selfSize: (node: number) => number;
}

export function nodeReaders(graph: SnapshotGraph<SnapshotJson>): NodeReaders;
