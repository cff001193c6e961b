// A V8 heap snapshot read as its flat arrays, with the index of each node's first edge: what
// the snapshot scripts (heapSnapshotCategories.mjs, heapSnapshotCode.mjs) walk.
import { readFileSync } from 'node:fs';

export function readSnapshotGraph(file) {
  return indexSnapshot(JSON.parse(readFileSync(file, 'utf8')));
}

/** A parsed snapshot (also `HeapProfiler.takeHeapSnapshot`'s chunks joined) with its first-edge index. */
export function indexSnapshot(snapshot) {
  const meta = snapshot.snapshot.meta;
  const nodeFields = meta.node_fields.length;
  const edgeFields = meta.edge_fields.length;
  const { nodes, edges, strings } = snapshot;
  const count = nodes.length / nodeFields;
  // Edges are stored node after node; a node's edge count is its fifth field.
  const firstEdge = new Uint32Array(count + 1);
  for (let node = 0, edge = 0; node < count; node++) {
    firstEdge[node] = edge;
    edge += nodes[node * nodeFields + 4] * edgeFields;
  }
  firstEdge[count] = edges.length;
  return { snapshot, meta, nodeFields, edgeFields, nodes, edges, strings, count, firstEdge };
}

/** A node's type, name and self size read from an indexed snapshot, with the node count. */
export function nodeReaders(graph) {
  const { meta, nodeFields, nodes, strings, count } = graph;
  const nodeTypes = meta.node_types[0];
  return {
    count,
    type: (node) => nodeTypes[nodes[node * nodeFields]],
    name: (node) => strings[nodes[node * nodeFields + 1]],
    selfSize: (node) => nodes[node * nodeFields + 3],
  };
}
