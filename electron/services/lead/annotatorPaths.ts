import path from 'node:path';
import { checkAnnotatorName } from '../../../shared/curation/annotatorName';
import { annotationPathFor, ANNOTATION_SUFFIX } from '../storage/annotationStore';

/**
 * One annotation file per annotator: `NAME.annotators/ANNOTATOR.ann.json` beside `NAME.txt`
 * (a fixed contract). `NAME.ann.json` stays the file every exporter reads: in a corpus with
 * annotator files it holds the curated result.
 */
export const ANNOTATORS_FOLDER_SUFFIX = '.annotators';

export class AnnotatorNameError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AnnotatorNameError';
  }
}

/** The annotator name as it is used in file names; throws AnnotatorNameError for an unsafe one. */
export function annotatorFileName(annotator: string): string {
  const checked = checkAnnotatorName(annotator);
  if (!checked.ok) throw new AnnotatorNameError(checked.reason);
  return checked.name;
}

/** `dir/NAME.txt` → `dir/NAME.annotators`. */
export function annotatorsFolderFor(articlePath: string): string {
  return annotationPathFor(articlePath).slice(0, -ANNOTATION_SUFFIX.length) + ANNOTATORS_FOLDER_SUFFIX;
}

/** `dir/NAME.txt`, `ali` → `dir/NAME.annotators/ali.ann.json`. */
export function annotatorFilePath(articlePath: string, annotator: string): string {
  return path.join(annotatorsFolderFor(articlePath), annotatorFileName(annotator) + ANNOTATION_SUFFIX);
}

