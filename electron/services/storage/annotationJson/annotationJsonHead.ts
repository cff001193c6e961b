import { setImmediate as nextTurn } from 'node:timers/promises';
import type { JsonShape } from '../../corpus/jsonShapeTally';
import { bracketed, parseAnnotationJsonHead, scanAnnotationJson, scanAnnotationJsonAhead, skeletonOf } from './slicedAnnotationJson';

/**
 * (#17) The head of a big annotation file: its fields other than `annotations`, the first
 * `count` elements of that array, and how many it holds, read without scanning the whole file.
 * The first answer of an article with 100,000 annotations (39 MB) was mostly the byte scan of the
 * whole file (a JavaScript loop, needed only for the total and for the fields after the array);
 * this reads about as much as the page.
 *
 * The head is scanned exactly (scanAnnotationJson, stopping at the comma after the `count`th
 * element). The rest is found by the layout Hashiye writes (`JSON.stringify(file, null, 2)`):
 * every element of a top-level array starts a line with four spaces and `{`, and the array ends
 * on a line of two spaces and `]`. JSON strings hold no raw line breaks and deeper collections are
 * indented further, so in such a file the first `\n  ]` after the head ends the array, and the
 * lines opening with `    {` before it are its elements. That layout is checked on every element of the
 * head; a file laid out otherwise (another tool's, minified) is scanned whole, as before.
 *
 * This is a preview, never trusted: everything it gives is compared with what the whole file
 * gives once parsed and checked (corpus/session/earlyFirstPage.ts), and the article is loaded
 * again whole if they differ. Only what was scanned is parsed (the head, and the fields after
 * the array, scanned as the skeleton), so the shape limits hold for everything parsed here.
 */
export interface AnnotationJsonHead {
  /** The file's top-level object, its `annotations` the first `count` elements. */
  value: Record<string, unknown>;
  /** How many elements the array holds in all. */
  total: number;
  /** The shape of what was scanned, the array counted with its total. */
  shape: JsonShape;
}

/** How JSON.stringify(file, null, 2) starts an element of a top-level array, and ends that array. */
const ELEMENT_LINE = Buffer.from('\n    {');
const ARRAY_END_LINE = Buffer.from('\n  ]');

/** Bytes searched for element lines between two turns of the event loop. */
const COUNT_SLICE_BYTES = 4 * 1024 * 1024;

/** The head of the file (see above), or undefined when the array has no more than `count` elements or only a parse of the whole can tell. */
export async function readAnnotationJsonHead(bytes: Buffer, from: number, count: number): Promise<AnnotationJsonHead | undefined> {
  const head = await scanAnnotationJson(bytes, from, count);
  const { open, commas } = head.annotations;
  // The scan reached the end: an array of `count` elements or fewer, or none.
  if (open < 0 || commas.length < count) return undefined;
  const laidOut = [open, ...commas].every((at) => ELEMENT_LINE.compare(bytes, at + 1, at + 1 + ELEMENT_LINE.length) === 0);
  const read = laidOut ? await headByLayout(bytes, from, count, head.shape, { open, cut: commas[count - 1] }) : undefined;
  return read ?? (await headFromWholeScan(bytes, from, count));
}

/** The head, the array's end and total found by the layout (see above). */
async function headByLayout(bytes: Buffer, from: number, count: number, headShape: JsonShape, { open, cut }: { open: number; cut: number }): Promise<AnnotationJsonHead | undefined> {
  const endLine = bytes.indexOf(ARRAY_END_LINE, cut);
  if (endLine < 0) return undefined;
  const close = endLine + ARRAY_END_LINE.length - 1;
  const total = count + (await linesStartingElements(bytes.subarray(cut, close)));
  // The fields before and after the array, with the array emptied: scanned (shape, a second
  // `annotations` key) and parsed as the whole file's skeleton is.
  const skeletonBytes = Buffer.concat([bytes.subarray(from, open + 1), bytes.subarray(close)]);
  const skeletonScan = await scanAnnotationJson(skeletonBytes, 0);
  const skeleton = skeletonOf(skeletonBytes, 0, skeletonScan.annotations);
  if (skeleton === undefined) return undefined;
  let elements: unknown;
  try {
    elements = JSON.parse(bracketed(bytes, open + 1, cut));
  } catch {
    return undefined;
  }
  if (!Array.isArray(elements) || elements.length !== count) return undefined;
  return { value: { ...skeleton, annotations: elements }, total, shape: shapeOf(headShape, skeletonScan.shape, total) };
}

/** Lines opening an element in `region`, counted a slice a turn. */
async function linesStartingElements(region: Buffer): Promise<number> {
  let lines = 0;
  let pauseAt = COUNT_SLICE_BYTES;
  for (let at = region.indexOf(ELEMENT_LINE); at !== -1; at = region.indexOf(ELEMENT_LINE, at + ELEMENT_LINE.length)) {
    lines += 1;
    if (at >= pauseAt) {
      await nextTurn();
      pauseAt = at + COUNT_SLICE_BYTES;
    }
  }
  return lines;
}

/** The shape of the whole as far as it was scanned: the deepest of both parts, the largest collection of both and the array. */
function shapeOf(head: JsonShape, skeleton: JsonShape, total: number): JsonShape {
  const maxDepth = Math.max(head.maxDepth, skeleton.maxDepth);
  const largest = head.largestCollection >= skeleton.largestCollection ? head : skeleton;
  if (total > largest.largestCollection) return { maxDepth, largestCollection: total, largestCollectionKey: 'annotations' };
  return { maxDepth, largestCollection: largest.largestCollection, largestCollectionKey: largest.largestCollectionKey };
}

/** The head of a file laid out otherwise: the whole file scanned (the scan handed to its whole parse), then the head parsed. */
async function headFromWholeScan(bytes: Buffer, from: number, count: number): Promise<AnnotationJsonHead | undefined> {
  const { shape, annotations } = await scanAnnotationJsonAhead(bytes, from);
  const head = parseAnnotationJsonHead(bytes, from, annotations, count);
  return head === undefined ? undefined : { ...head, shape };
}
