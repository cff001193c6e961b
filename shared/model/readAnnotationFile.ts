import { AnnotationFileSchema, type AnnotationFile } from './nativeFormat';
import { isObject, migrateToCurrent } from './migrations';
import { fastAnnotationFile } from './annotationFileFastPath';
import { codePointArrayText, type CodePointText } from '../anchoring/offsets';
import type { UserProblem } from '../userProblem';

export interface AnnotationFileProblem {
  /** `invariant`: duplicate ids, relations to missing ids. `permission`: the file or its folder cannot be written. */
  kind: 'syntax' | 'schema' | 'version' | 'offsets' | 'text' | 'io' | 'invariant' | 'permission';
  message: string;
  /** The same, coded for the user's language (shared/ipc.ts), when it is more than the kind says. */
  userProblems?: UserProblem[];
}

export type ParsedAnnotationFile =
  | { ok: true; file: AnnotationFile; migratedFrom: number | null }
  | { ok: false; problem: AnnotationFileProblem };

/** Parses and validates the JSON text of a `NAME.ann.json` file, migrating older versions. */
export function parseAnnotationFile(json: string): ParsedAnnotationFile {
  let raw: unknown;
  try {
    raw = JSON.parse(json.charCodeAt(0) === 0xfeff ? json.slice(1) : json);
  } catch (error) {
    return { ok: false, problem: { kind: 'syntax', message: `Not valid JSON: ${(error as Error).message}` } };
  }
  return annotationFileOf(raw);
}

/**
 * Validates what JSON.parse gave for a `NAME.ann.json` file, migrating older versions: the part
 * of parseAnnotationFile after the parse (main parses a big file in slices, #17).
 */
export function annotationFileOf(raw: unknown): ParsedAnnotationFile {
  if (!isObject(raw)) {
    return { ok: false, problem: { kind: 'schema', message: 'The file does not hold a JSON object.' } };
  }
  if (raw.format !== undefined && raw.format !== 'hashiye-annotations') {
    return { ok: false, problem: { kind: 'schema', message: `Unknown "format": ${JSON.stringify(raw.format)}.` } };
  }
  const migrated = migrateToCurrent(raw);
  if (!migrated.ok) return { ok: false, problem: { kind: 'version', message: migrated.message } };
  // (#25) The plain files Hashiye writes are checked by hand, to the same value; zod decides the rest.
  const fast = fastAnnotationFile(migrated.file);
  if (fast !== null) return { ok: true, file: fast, migratedFrom: migrated.migratedFrom };
  const parsed = AnnotationFileSchema.safeParse(migrated.file);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue.path.length > 0 ? issue.path.join('.') : 'file';
    return { ok: false, problem: { kind: 'schema', message: `Invalid field ${where}: ${issue.message}` } };
  }
  return { ok: true, file: parsed.data, migratedFrom: migrated.migratedFrom };
}

/**
 * Checks the annotations against the document text (as code points) they were made on.
 * Used when the text's SHA-256 equals the recorded one: any mismatch means the file is wrong.
 * Pass `codePointText(text)`: an array of code points is accepted for callers that hold one,
 * but building it for a 1 MB article costs more than the check itself.
 */
export function findOffsetProblem(file: AnnotationFile, text: CodePointText | readonly string[]): AnnotationFileProblem | null {
  const codePoints: CodePointText = isCodePointArray(text) ? codePointArrayText(text) : text;
  for (const annotation of file.annotations) {
    if (annotation.end < annotation.start) {
      return { kind: 'offsets', message: `Annotation ${annotation.id} ends (${annotation.end}) before it starts (${annotation.start}).` };
    }
    if (annotation.end > codePoints.length) {
      return { kind: 'offsets', message: `Annotation ${annotation.id} ends at ${annotation.end}, past the end of the article (${codePoints.length} characters).` };
    }
    const fragments = annotation.fragments;
    if (fragments !== undefined) {
      // brat keeps discontinuous fragments in the order of their text, not always by offset.
      const outer =
        fragments.length > 0 &&
        Math.min(...fragments.map((fragment) => fragment.start)) === annotation.start &&
        Math.max(...fragments.map((fragment) => fragment.end)) === annotation.end;
      if (!outer) {
        return { kind: 'offsets', message: `Annotation ${annotation.id} has no fragments, or fragments that do not span ${annotation.start}-${annotation.end}.` };
      }
    }
    for (const fragment of annotation.fragments ?? []) {
      if (fragment.end < fragment.start || fragment.start < annotation.start || fragment.end > annotation.end) {
        return { kind: 'offsets', message: `Annotation ${annotation.id} has a fragment ${fragment.start}-${fragment.end} outside its bounds.` };
      }
    }
    const covered = annotation.fragments
      ? annotation.fragments.map((fragment) => codePoints.slice(fragment.start, fragment.end)).join(' ')
      : codePoints.slice(annotation.start, annotation.end);
    if (covered !== annotation.text) {
      return { kind: 'text', message: `Annotation ${annotation.id} says it covers «${annotation.text}» but the article has «${covered}» at ${annotation.start}-${annotation.end}.` };
    }
  }
  return null;
}

function isCodePointArray(text: CodePointText | readonly string[]): text is readonly string[] {
  return Array.isArray(text);
}

/**
 * What makes a file's annotations ambiguous to edit: two annotations or two relations under one
 * id (deleting one by its id would delete both), or a relation whose end is no annotation. Such
 * a file opens read-only and is never written until it is fixed. `orphans` (annotations kept
 * aside after the article changed) count as annotations a relation may name.
 */
export function findInvariantProblem(file: { annotations: readonly { id: string }[]; relations: readonly { id: string; from: string; to: string }[]; orphans?: unknown }): AnnotationFileProblem | null {
  const problems: string[] = [];
  const userProblems: UserProblem[] = [];
  const { ids: annotationIds, duplicates: duplicateAnnotations } = idsAndDuplicates(file.annotations);
  const { duplicates: duplicateRelations } = idsAndDuplicates(file.relations);
  for (const [of, duplicates] of [['annotation', duplicateAnnotations], ['relation', duplicateRelations]] as const) {
    if (duplicates.size === 0) continue;
    problems.push(`${of} ids used more than once: ${quoteIds(duplicates)}`);
    userProblems.push({ code: 'duplicateIds', of, ...firstIds(duplicates) });
  }
  // Orphan ids are added to the annotation ids themselves (no copy of a set of 100,000 ids).
  const known = annotationIds;
  if (Array.isArray(file.orphans) && file.relations.length > 0) {
    for (const orphan of file.orphans as unknown[]) {
      if (typeof orphan === 'object' && orphan !== null && typeof (orphan as { id?: unknown }).id === 'string') known.add((orphan as { id: string }).id);
    }
  }
  const dangling = file.relations.filter((relation) => !known.has(relation.from) || !known.has(relation.to));
  if (dangling.length > 0) {
    const described = dangling.slice(0, 10).map((relation) => `«${relation.id}» (${[relation.from, relation.to].filter((end) => !known.has(end)).map((end) => `«${end}»`).join(', ')})`);
    problems.push(`relations pointing at annotations that do not exist: ${described.join(', ')}${dangling.length > 10 ? ` and ${dangling.length - 10} more` : ''}`);
    userProblems.push({ code: 'relationsToMissing', relations: dangling.slice(0, 10).map((relation) => relation.id), more: Math.max(0, dangling.length - 10) });
  }
  if (problems.length === 0) return null;
  return { kind: 'invariant', message: `The file cannot be edited safely: ${problems.join('; ')}. Fix the ids in the file (or run hashiye validate); it opens read-only until then.`, userProblems };
}

/** Every id of `items`, and those used more than once. */
function idsAndDuplicates(items: readonly { id: string }[]): { ids: Set<string>; duplicates: Set<string> } {
  const ids = new Set<string>();
  const duplicates = new Set<string>();
  for (const item of items) {
    if (ids.has(item.id)) duplicates.add(item.id);
    ids.add(item.id);
  }
  return { ids, duplicates };
}

/** The first ten ids (as the English message lists them) and how many more there are. */
function firstIds(ids: ReadonlySet<string>): { ids: string[]; more: number } {
  return { ids: [...ids].slice(0, 10), more: Math.max(0, ids.size - 10) };
}

function quoteIds(ids: ReadonlySet<string>): string {
  const listed = [...ids].slice(0, 10).map((id) => `«${id}»`).join(', ');
  return ids.size > 10 ? `${listed} and ${ids.size - 10} more` : listed;
}
