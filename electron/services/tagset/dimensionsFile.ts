import path from 'node:path';
import { readConfigurationFile } from '../corpus/confinedReaders';
import { writeFileAtomic } from '../storage/atomicWrite';
import { withUserProblem } from '../problems/userProblems';
import { DEFAULT_NEWS_TYPES, TagSetFileSchema } from '../../../shared/model/tagSet';
import type { DimensionInput } from '../../../shared/documentLabels/dimensions';
import { TAG_SET_FILE } from './tagSetLoader';
import { assertWritableInCorpus } from '../corpus/corpusFileAccess';

/**
 * (#21) Document-label dimensions live in `hashiye.json` beside the tag types. Saving them
 * rewrites only the `dimensions` field: the types and whatever else the file declares stay as
 * they are; with no `hashiye.json` yet, the default types are written with them. A file that
 * does not parse is never overwritten.
 */
type JsonObject = Record<string, unknown>;

async function existingTagSetObject(root: string): Promise<JsonObject | null> {
  const read = await readConfigurationFile(root, path.join(root, TAG_SET_FILE));
  if (read.kind === 'absent') return null;
  if (read.kind === 'refused') throw withUserProblem(new Error(read.message), read.userProblem);
  let json: unknown;
  try {
    json = JSON.parse(read.text);
  } catch (error) {
    throw withUserProblem(new Error(`${TAG_SET_FILE} is not valid JSON (${(error as Error).message}); it was left untouched.`), { code: 'tagSetNotJson', file: TAG_SET_FILE });
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw withUserProblem(new Error(`${TAG_SET_FILE} is not a JSON object; it was left untouched.`), { code: 'tagSetInvalid', file: TAG_SET_FILE, field: '' });
  }
  return json as JsonObject;
}

/** The top-level fields of `hashiye.json` other than `version` and `types` (empty without a file, or when it does not parse). */
export async function tagSetFileExtras(root: string): Promise<JsonObject> {
  try {
    const existing = await existingTagSetObject(root);
    if (existing === null) return {};
    const { version: _version, types: _types, ...extras } = existing;
    return extras;
  } catch {
    return {};
  }
}

/** Problems with the dimensions as given (English; the window checks the same before sending). */
export function dimensionsProblem(dimensions: readonly DimensionInput[]): string | null {
  const ids = new Set<string>();
  const keys = new Set<string>();
  for (const dimension of dimensions) {
    if (ids.has(dimension.id)) return `The dimension ${dimension.id} is listed twice.`;
    ids.add(dimension.id);
    const values = new Set<string>();
    for (const value of dimension.values ?? []) {
      if (values.has(value.id)) return `The dimension ${dimension.id} lists the value ${value.id} twice.`;
      values.add(value.id);
      if (value.hotkey && keys.has(value.hotkey)) return `Two document-label values share the key ${value.hotkey}.`;
      if (value.hotkey) keys.add(value.hotkey);
    }
  }
  return null;
}

export async function saveDimensions(root: string, dimensions: DimensionInput[]): Promise<void> {
  const problem = dimensionsProblem(dimensions);
  if (problem) throw withUserProblem(new Error(problem), { code: 'tagSetInvalid', file: TAG_SET_FILE, field: 'dimensions' });
  const existing = await existingTagSetObject(root);
  const next = TagSetFileSchema.parse({ ...(existing ?? { version: 1, types: DEFAULT_NEWS_TYPES }), dimensions });
  const tagSetPath = path.join(root, TAG_SET_FILE);
  // A hashiye.json that links outside the corpus is not replaced (its `.bak` would copy the outside file in).
  await assertWritableInCorpus(root, tagSetPath);
  await writeFileAtomic(tagSetPath, `${JSON.stringify(next, null, 2)}\n`, { backup: true });
}
