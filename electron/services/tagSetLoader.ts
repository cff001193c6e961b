import path from 'node:path';
import { readConfigurationFile } from './confinedReaders';
import { defaultTagSet, resolveTagSet, TagSetFileSchema, type TagSet } from '../../shared/model/tagSet';

export const TAG_SET_FILE = 'hashiye.json';

export interface LoadedTagSet extends TagSet {
  /** Why the corpus's own tag set could not be used, when the default stands in for it. */
  problem: string | null;
}

/** The corpus tag set: `hashiye.json` in the corpus root, else the built-in news default. */
export async function loadTagSet(root: string): Promise<LoadedTagSet> {
  const file = path.join(root, TAG_SET_FILE);
  let raw: string;
  try {
    // Confined (a link to an outside file is not read), a regular file, within the limit.
    const read = await readConfigurationFile(root, file);
    if (read.kind === 'absent') return { ...defaultTagSet(), problem: null };
    if (read.kind === 'refused') return { ...defaultTagSet(), problem: `${read.message} The default tag set is shown.` };
    raw = read.text;
  } catch {
    return { ...defaultTagSet(), problem: null };
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (error) {
    return { ...defaultTagSet(), problem: `${TAG_SET_FILE} is not valid JSON (${(error as Error).message}); the default tag set is shown.` };
  }
  const parsed = TagSetFileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ...defaultTagSet(), problem: `${TAG_SET_FILE}: ${issue.path.join('.')}: ${issue.message}; the default tag set is shown.` };
  }
  return { ...resolveTagSet('hashiye.json', parsed.data.types), problem: null };
}
