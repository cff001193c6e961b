import { AnnotationFileSchema, type AnnotationFile } from './nativeFormat';
import { isObject, migrateToCurrent } from './migrations';
import { codePointArrayText, type CodePointText } from '../text/offsets';

export interface AnnotationFileProblem {
  /** `invariant`: duplicate ids, relations to missing ids. `permission`: the file or its folder cannot be written. */
  kind: 'syntax' | 'schema' | 'version' | 'offsets' | 'text' | 'io' | 'invariant' | 'permission';
  message: string;
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
  if (!isObject(raw)) {
    return { ok: false, problem: { kind: 'schema', message: 'The file does not hold a JSON object.' } };
  }
  if (raw.format !== undefined && raw.format !== 'hashiye-annotations') {
    return { ok: false, problem: { kind: 'schema', message: `Unknown "format": ${JSON.stringify(raw.format)}.` } };
  }
  const migrated = migrateToCurrent(raw);
  if (!migrated.ok) return { ok: false, problem: { kind: 'version', message: migrated.message } };
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
