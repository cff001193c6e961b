import { NATIVE_FORMAT_ID, NATIVE_FORMAT_VERSION } from '../../../shared/model/nativeFormat';
import { findInvariantProblem, type AnnotationFileProblem } from '../../../shared/model/readAnnotationFile';
import { ArticleStatusSchema } from '../../../shared/model/status';
import type { ArticleEntry } from '../../../shared/corpusWire';

/**
 * What the file list shows of an annotation file (status, count, tags, assignee, and the
 * invariant check opening makes), read without validating every annotation: the full check runs
 * when the article is opened.
 *
 * (#18, #25) Decoding a file's UTF-8 took longer than parsing it (Persian quotes and texts are
 * most of its bytes, and the list uses none of them). So the bytes are first read as Latin-1
 * (a copy): JSON's structure is ASCII, and no byte of a multi-byte UTF-8 character is ASCII, so
 * that parse succeeds exactly when the UTF-8 one does and gives the same tree, every string the
 * same wherever it is ASCII (a string is ASCII in one reading exactly when it is in the other).
 * The summary is taken from that tree only when every string it uses (types, ids, relation ends,
 * assignee) is ASCII; otherwise the caller decodes the file as UTF-8 and summarizes that.
 */
export type AnnotationSummary = Pick<ArticleEntry, 'status' | 'annotationCount' | 'tags' | 'assignee'> & { invariantProblem: AnnotationFileProblem | null };

const UTF8_BOM = [0xef, 0xbb, 0xbf] as const;

/** Whether every UTF-16 unit of `text` is ASCII. */
export function isAscii(text: string): boolean {
  for (let index = 0; index < text.length; index++) if (text.charCodeAt(index) > 0x7f) return false;
  return true;
}

function hasUtf8Bom(bytes: Buffer): boolean {
  return bytes.length >= 3 && bytes[0] === UTF8_BOM[0] && bytes[1] === UTF8_BOM[1] && bytes[2] === UTF8_BOM[2];
}

/** JSON.parse of the bytes read as Latin-1 (see above), a UTF-8 byte-order mark skipped; undefined when they are not JSON. */
export function parseJsonBytesAsLatin1(bytes: Buffer): unknown {
  try {
    return JSON.parse(bytes.toString('latin1', hasUtf8Bom(bytes) ? 3 : 0));
  } catch {
    return undefined;
  }
}

/** Accepts a string the summary uses: always for a UTF-8 parse, only an ASCII one for a Latin-1 parse. */
type StringCheck = (value: unknown) => value is string;
const anyString: StringCheck = (value): value is string => typeof value === 'string';
const asciiString: StringCheck = (value): value is string => typeof value === 'string' && isAscii(value);

/** The summary of a parsed file, or null when it needs the full reader (or, for a Latin-1 parse, a UTF-8 one). */
function summaryOfJson(json: unknown, usable: StringCheck): AnnotationSummary | null {
  if (typeof json !== 'object' || json === null) return null;
  const file = json as { format?: unknown; version?: unknown; status?: unknown; annotations?: unknown; relations?: unknown; assignee?: unknown; orphans?: unknown };
  if (file.format !== NATIVE_FORMAT_ID || file.version !== NATIVE_FORMAT_VERSION || !Array.isArray(file.annotations) || !Array.isArray(file.relations)) return null;
  const status = ArticleStatusSchema.safeParse(file.status);
  if (!status.success) return null;
  if (typeof file.assignee === 'string' && !usable(file.assignee)) return null;
  const tags = new Set<string>();
  for (const annotation of file.annotations as unknown[]) {
    const { type, id } = (annotation ?? {}) as { type?: unknown; id?: unknown };
    if (!usable(type) || !usable(id)) return null;
    tags.add(type);
  }
  for (const relation of file.relations as unknown[]) {
    const { id, from, to } = (relation ?? {}) as { id?: unknown; from?: unknown; to?: unknown };
    if (!usable(id) || !usable(from) || !usable(to)) return null;
  }
  // The same check opening makes (duplicate ids, relations to missing ids: the article opens read-only), so the list shows it first.
  // Orphan ids only answer whether a relation's (usable) end exists: an ASCII end equals an orphan id in both readings or in neither.
  const invariant = findInvariantProblem({ annotations: file.annotations as { id: string }[], relations: file.relations as { id: string; from: string; to: string }[], orphans: file.orphans });
  return { status: status.data, annotationCount: file.annotations.length, tags: [...tags].sort(), assignee: typeof file.assignee === 'string' ? file.assignee : null, invariantProblem: invariant };
}

/** The summary of a file's UTF-8 text, or null when it needs the full reader. */
export function summarizeAnnotationText(raw: string): AnnotationSummary | null {
  let json: unknown;
  try {
    json = JSON.parse(raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw);
  } catch {
    return null;
  }
  return summaryOfJson(json, anyString);
}

/** The summary from the file's bytes without decoding them as UTF-8, or null when that cannot give it (the caller then decodes). */
export function summarizeAnnotationBytes(bytes: Buffer): AnnotationSummary | null {
  return summaryOfJson(parseJsonBytesAsLatin1(bytes), asciiString);
}
