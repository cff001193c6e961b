import { copyUnknownFields, fastStoredAnnotation, isOffset, plainObject } from './annotationListFastPath';
import { AnnotationFileSchema, NATIVE_FORMAT_ID, NATIVE_FORMAT_VERSION, type AnnotationFile } from './nativeFormat';
import { ArticleStatusSchema } from './status';

/**
 * (#25) A fast path for validating a whole `NAME.ann.json`, as annotationListFastPath.ts is for
 * its annotations: an export of 10,000 articles spent about half a second in zod's checks of the
 * files around their annotation lists (the object, its source, the literals, the defaults). The
 * plain shape Hashiye writes is checked by hand; the rarer fields (document labels, zones,
 * source tokens, relations when there are any) by their own zod schemas; anything else not
 * recognised (a missing or wrong field, an undefined value, an object that is not plain, an
 * annotation the list's fast path leaves to zod) makes it answer null, and zod then decides and
 * names the problem. What it accepts is what AnnotationFileSchema gives: the schema's fields in
 * its order, the defaults filled in, then the unknown fields (annotationFileFastPath.test.ts).
 */

const SHAPE = AnnotationFileSchema.shape;
type FileField = keyof typeof SHAPE;
/** AnnotationFileSchema's fields, in its order. */
const FILE_FIELDS = Object.keys(SHAPE) as FileField[];
const KNOWN_FILE_FIELDS: ReadonlySet<string> = new Set(FILE_FIELDS);
/** The fields a file must have; `relations` and `labels` read as empty when absent. */
const REQUIRED_FIELDS: ReadonlySet<string> = new Set(['format', 'version', 'offsetUnit', 'source', 'status', 'annotations']);
const DEFAULTED_FIELDS: ReadonlySet<string> = new Set(['relations', 'labels']);
const SOURCE_FIELDS: ReadonlySet<string> = new Set(['file', 'sha256', 'encoding', 'length', 'encodingChosen']);
const STATUSES: ReadonlySet<unknown> = new Set(ArticleStatusSchema.options);
const SHA256 = /^[0-9a-f]{64}$/;
/** A field the fast path does not take: zod decides the file. */
const NOT_TAKEN = Symbol('not taken');

function fastSource(value: unknown): Record<string, unknown> | typeof NOT_TAKEN {
  const source = plainObject(value);
  if (source === null) return NOT_TAKEN;
  const { file, sha256, encoding, length } = source;
  if (typeof file !== 'string' || typeof sha256 !== 'string' || !SHA256.test(sha256) || typeof encoding !== 'string' || !isOffset(length)) return NOT_TAKEN;
  const copy: Record<string, unknown> = { file, sha256, encoding, length };
  if ('encodingChosen' in source) {
    // Any other value is read as not chosen by the schema's `catch`: zod says how.
    if (typeof source.encodingChosen !== 'boolean') return NOT_TAKEN;
    copy.encodingChosen = source.encodingChosen;
  }
  return copyUnknownFields(source, SOURCE_FIELDS, copy) ? copy : NOT_TAKEN;
}

function fastAnnotations(value: unknown): Record<string, unknown>[] | typeof NOT_TAKEN {
  if (!Array.isArray(value)) return NOT_TAKEN;
  const annotations: Record<string, unknown>[] = new Array<Record<string, unknown>>(value.length);
  for (let index = 0; index < value.length; index++) {
    if (!(index in value)) return NOT_TAKEN;
    const annotation = fastStoredAnnotation(value[index]);
    if (annotation === null) return NOT_TAKEN;
    annotations[index] = annotation;
  }
  return annotations;
}

function fastLabels(value: unknown): string[] | typeof NOT_TAKEN {
  if (!Array.isArray(value)) return NOT_TAKEN;
  for (let index = 0; index < value.length; index++) if (!(index in value) || typeof value[index] !== 'string') return NOT_TAKEN;
  return value.slice() as string[];
}

/** What the schema gives for the field `key` holding `value` (present), or NOT_TAKEN. */
function fastField(key: FileField, value: unknown): unknown {
  if (value === undefined) return NOT_TAKEN;
  switch (key) {
    case 'format':
      return value === NATIVE_FORMAT_ID ? value : NOT_TAKEN;
    case 'version':
      return value === NATIVE_FORMAT_VERSION ? value : NOT_TAKEN;
    case 'offsetUnit':
      return value === 'codepoint' ? value : NOT_TAKEN;
    case 'source':
      return fastSource(value);
    case 'status':
      return STATUSES.has(value) ? value : NOT_TAKEN;
    case 'annotations':
      return fastAnnotations(value);
    case 'labels':
      return fastLabels(value);
    case 'assignee':
    case 'updated':
      return typeof value === 'string' ? value : NOT_TAKEN;
    case 'relations':
      if (Array.isArray(value) && value.length === 0) return [];
      break;
    default:
      break;
  }
  // Relations, document labels, zones, source tokens: few files have them, their own schema checks them.
  const parsed = SHAPE[key].safeParse(value);
  return parsed.success ? parsed.data : NOT_TAKEN;
}

/** What AnnotationFileSchema gives for `value` (a migrated file), or null: zod decides, and may still accept it. */
export function fastAnnotationFile(value: unknown): AnnotationFile | null {
  const file = plainObject(value);
  if (file === null) return null;
  const checked: Record<string, unknown> = {};
  for (const key of FILE_FIELDS) {
    if (!(key in file)) {
      if (REQUIRED_FIELDS.has(key)) return null;
      if (DEFAULTED_FIELDS.has(key)) checked[key] = [];
      continue;
    }
    const field = fastField(key, file[key]);
    if (field === NOT_TAKEN) return null;
    checked[key] = field;
  }
  return copyUnknownFields(file, KNOWN_FILE_FIELDS, checked) ? (checked as AnnotationFile) : null;
}
