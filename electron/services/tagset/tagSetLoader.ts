import path from 'node:path';
import type { UserProblem } from '../../../shared/userProblem';
import { readConfigurationFile } from '../corpus/confinedReaders';
import { resolveDimensions } from '../../../shared/documentLabels/dimensions';
import { resolveZoneTypes } from '../../../shared/zones/zoneTypeResolution';
import { defaultTagSet, resolveTagSet, TagSetFileSchema, type TagSet } from '../../../shared/model/tagSet';
import { RelationTagSetFieldsSchema, resolveEventTypes, resolveRelationTypes, type EventType, type RelationType } from '../../../shared/tagset/relationTypes';

export const TAG_SET_FILE = 'hashiye.json';

export interface LoadedTagSet extends TagSet {
  /** Why the corpus's own tag set could not be used, when the default stands in for it (English, for logs and tooltips). */
  problem: string | null;
  /** The same, coded for the window (shared/ipc.ts); empty when there is none. */
  userProblems: UserProblem[];
  /** Relation and event types (#20), when the tag set defines any. */
  relationTypes?: RelationType[];
  eventTypes?: EventType[];
}

/** The corpus tag set: `hashiye.json` in the corpus root, else the built-in news default. */
export async function loadTagSet(root: string): Promise<LoadedTagSet> {
  const file = path.join(root, TAG_SET_FILE);
  let raw: string;
  try {
    // Confined (a link to an outside file is not read), a regular file, within the limit.
    const read = await readConfigurationFile(root, file);
    if (read.kind === 'absent') return { ...defaultTagSet(), problem: null, userProblems: [] };
    if (read.kind === 'refused') return { ...defaultTagSet(), problem: `${read.message} The default tag set is shown.`, userProblems: [read.userProblem] };
    raw = read.text;
  } catch {
    return { ...defaultTagSet(), problem: null, userProblems: [] };
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (error) {
    return { ...defaultTagSet(), problem: `${TAG_SET_FILE} is not valid JSON (${(error as Error).message}); the default tag set is shown.`, userProblems: [{ code: 'tagSetNotJson', file: TAG_SET_FILE }] };
  }
  const parsed = TagSetFileSchema.and(RelationTagSetFieldsSchema).safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return {
      ...defaultTagSet(),
      problem: `${TAG_SET_FILE}: ${issue.path.join('.')}: ${issue.message}; the default tag set is shown.`,
      userProblems: [{ code: 'tagSetInvalid', file: TAG_SET_FILE, field: issue.path.join('.').slice(0, 400) }],
    };
  }
  return {
    ...resolveTagSet('hashiye.json', parsed.data.types),
    dimensions: resolveDimensions(parsed.data.dimensions ?? []),
    zoneTypes: resolveZoneTypes(parsed.data.zoneTypes ?? []),
    relationTypes: resolveRelationTypes(parsed.data.relations ?? []),
    eventTypes: resolveEventTypes(parsed.data.events ?? []),
    problem: null,
    userProblems: [],
  };
}
