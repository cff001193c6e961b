/**
 * What makes a corpus a brat corpus, in one place: a folder holding `annotation.conf`, or a
 * `NAME.ann` beside a `NAME.txt` (regular files both). Pure: the callers read the folders
 * (bratStore.ts isBratCorpus walks them; the corpus's first folder read notes the signs, #25).
 */
export const BRAT_ANNOTATION_SUFFIX = '.ann';
export const ANNOTATION_CONF = 'annotation.conf';

/** Whether a file name could be a sign at all (checked for every file of a folder: cheap). */
export function mayBeBratSign(name: string): boolean {
  return name === ANNOTATION_CONF || name.endsWith(BRAT_ANNOTATION_SUFFIX);
}

/** Whether a folder whose regular files have these names shows the corpus is brat's. */
export function showsBratCorpus(fileNames: ReadonlySet<string>): boolean {
  if (fileNames.has(ANNOTATION_CONF)) return true;
  for (const name of fileNames) {
    if (name.endsWith(BRAT_ANNOTATION_SUFFIX) && fileNames.has(`${name.slice(0, -BRAT_ANNOTATION_SUFFIX.length)}.txt`)) return true;
  }
  return false;
}
