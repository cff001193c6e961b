import path from 'node:path';
import type { ParsedAnnotationFile } from '../../../shared/model/readAnnotationFile';
import type { JsonShape } from '../corpus/jsonShapeTally';

/**
 * What the last annotation file this process wrote parses to, so that the next save of the same
 * article (the app saves a 10,000-annotation document after every pause in tagging) does not
 * decode, measure, JSON.parse and schema-check megabytes of JSON it produced itself. A file
 * opened and found usable for its article is remembered the same way (articleAnnotations.ts,
 * #17), from what reading it gave: the first save after opening, and opening it again, skip it too.
 *
 * It is used only for bytes equal to the ones written, compared in full after reading the file
 * again: a change by another program, a half-finished write or a different file simply misses,
 * and the file is read as any other. The entry holds what reading those bytes gives:
 * - `shape`: what inspectJsonShape measures of the text, taken from the value that was
 *   serialized (jsonShapeOf), so the limits are applied as on a read;
 * - `parsed`: parseAnnotationFile of the text. The value that was serialized had been checked
 *   by AnnotationFileSchema, and it is stored only when it is plain JSON data (jsonShapeOf is
 *   not null), for which JSON.parse(JSON.stringify(value)) is the same value, keys in the same
 *   order; so the schema's output for it is what the schema gives for the file read back.
 * - `offsetsCheckedFor`: the decoded article text its offsets and texts were checked against
 *   (decodedTextKey: the bytes' SHA-256 and the encoding).
 * One entry, for the article being edited: a file saved elsewhere replaces it.
 */
export interface WrittenAnnotationFile {
  path: string;
  bytes: Uint8Array;
  shape: JsonShape;
  parsed: ParsedAnnotationFile & { ok: true };
  offsetsCheckedFor: string;
}

let last: WrittenAnnotationFile | null = null;

export function rememberWrittenAnnotationFile(entry: WrittenAnnotationFile): void {
  last = { ...entry, path: path.resolve(entry.path) };
}

/** Forgets what was written at `file` (before writing it again, so a failed write leaves nothing stale). */
export function forgetWrittenAnnotationFile(file: string): void {
  if (last !== null && last.path === path.resolve(file)) last = null;
}

/** The entry for `file` when `bytes` are exactly the bytes written there last, else null. */
export function writtenAnnotationFileFor(file: string, bytes: Uint8Array): WrittenAnnotationFile | null {
  if (last === null || last.path !== path.resolve(file) || last.bytes.length !== bytes.length) return null;
  return Buffer.from(last.bytes.buffer, last.bytes.byteOffset, last.bytes.byteLength).equals(bytes) ? last : null;
}

/**
 * The shape inspectJsonShape would measure of `JSON.stringify(value, null, 2)`, from the value
 * itself (a walk over its objects instead of a scan of megabytes of text), or null when the
 * value is not plain JSON data: anything JSON.stringify would change or drop (undefined,
 * functions, symbols, non-finite numbers, -0, objects that are not plain, toJSON, array holes)
 * and an own `__proto__` key. For plain data the entries of each object and array are exactly
 * the members the text holds, so the measures agree, including which top-level key is named.
 */
export function jsonShapeOf(value: unknown): JsonShape | null {
  const shape: JsonShape = { maxDepth: 0, largestCollection: 0, largestCollectionKey: '' };
  // inspectJsonShape sees collections as they close (children before their parent) and keeps
  // the first of the largest; the recursion below closes them in the same order.
  const visit = (node: unknown, depth: number, topLevelKey: string): boolean => {
    if (node === null || typeof node === 'string' || typeof node === 'boolean') return true;
    if (typeof node === 'number') return Number.isFinite(node) && !Object.is(node, -0);
    if (typeof node !== 'object') return false;
    if (depth > shape.maxDepth) shape.maxDepth = depth;
    let entries: number;
    if (Array.isArray(node)) {
      entries = node.length;
      for (let index = 0; index < node.length; index++) {
        if (!(index in node) || !visit(node[index], depth + 1, depth === 1 ? '' : topLevelKey)) return false;
      }
    } else {
      const prototype: unknown = Object.getPrototypeOf(node);
      if (prototype !== Object.prototype && prototype !== null) return false;
      const record = node as Record<string, unknown>;
      const keys = Object.keys(record);
      entries = keys.length;
      for (const key of keys) {
        if (key === '__proto__' || key === 'toJSON') return false;
        if (!visit(record[key], depth + 1, depth === 1 ? keyAsScanned(key) : topLevelKey)) return false;
      }
    }
    if (entries > shape.largestCollection) {
      shape.largestCollection = entries;
      shape.largestCollectionKey = depth === 1 ? '' : topLevelKey;
    }
    return true;
  };
  return visit(value, 1, '') ? shape : null;
}

/** A top-level key as inspectJsonShape remembers it: its text between the quotes, escapes and all, if at most 64 characters long. */
function keyAsScanned(key: string): string {
  const raw = JSON.stringify(key).slice(1, -1);
  return raw.length <= 64 ? raw : '';
}
