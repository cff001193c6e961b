import path from 'node:path';
import type { AnnotationFile, StoredAnnotation } from '../../../shared/model/nativeFormat';
import { findInvariantProblem, parseAnnotationFile } from '../../../shared/model/readAnnotationFile';
import { TagSetFileSchema, type TagTypeInput } from '../../../shared/model/tagSet';
import { annotationPathFor } from '../storage/annotationStore';
import { writeFileAtomic } from '../storage/atomicWrite';
import { listArticleIds } from '../corpus/articleFiles';
import { resolveInCorpus } from '../corpus/corpusPaths';
import { assertWritableInCorpus, CorpusFileRefusedError } from '../corpus/corpusFileAccess';
import { readAnnotationText } from '../corpus/confinedReaders';
import { TAG_SET_FILE } from './tagSetLoader';
import { tagSetFileExtras } from './dimensionsFile';
import { withUserProblem } from '../problems/userProblems';
import type { RelationTagSetFields } from '../../../shared/tagset/relationTypes';
import { findRelationTypeProblem, relationTypeProblemText } from '../../../shared/tagset/relationTypeChecks';

/** What editing the tag set does to annotations already made: renames (and merges) and removals. */
export interface TypeChanges {
  /** `from` becomes `to`; when `to` is another existing type this is a merge. */
  renames: { from: string; to: string }[];
  /** Annotations of these types are deleted. */
  removals: string[];
  /** (#20) Event roles renamed: the `roles` saved on triggers of event type `type` (its id after `renames`) follow. */
  roleRenames?: { type: string; from: string; to: string }[];
}

export interface ArticleTypeChange {
  id: string;
  renamed: number;
  removed: number;
}

export interface TypeChangePlan {
  articles: ArticleTypeChange[];
  renamed: number;
  removed: number;
  /** Annotation files that cannot be read: left untouched, and listed. */
  skipped: { id: string; reason: string }[];
}

function renameMap(changes: TypeChanges): Map<string, string> {
  return new Map(changes.renames.filter((rename) => rename.from !== rename.to).map((rename) => [rename.from, rename.to]));
}

/** The renames of one edit: types (and merges), and event roles by the event type's id after the type renames. */
interface Renames {
  types: ReadonlyMap<string, string>;
  roles: ReadonlyMap<string, ReadonlyMap<string, string>>;
}

function renamesOf(changes: TypeChanges): Renames {
  const roles = new Map<string, Map<string, string>>();
  for (const rename of changes.roleRenames ?? []) {
    if (rename.from === rename.to) continue;
    const ofType = roles.get(rename.type) ?? new Map<string, string>();
    ofType.set(rename.from, rename.to);
    roles.set(rename.type, ofType);
  }
  return { types: renameMap(changes), roles };
}

/** The annotation's type after the renames, and its event roles' renames when any of its roles is renamed. */
function renamesOfAnnotation(annotation: StoredAnnotation, renames: Renames): { type: string; roleNames: ReadonlyMap<string, string> | null } {
  const type = renames.types.get(annotation.type) ?? annotation.type;
  const roleNames = renames.roles.get(type);
  return { type, roleNames: roleNames !== undefined && (annotation.roles ?? []).some((argument) => roleNames.has(argument.role)) ? roleNames : null };
}

function isRenamed(annotation: StoredAnnotation, renames: Renames): boolean {
  const { type, roleNames } = renamesOfAnnotation(annotation, renames);
  return type !== annotation.type || roleNames !== null;
}

/** An annotation with its type and its event roles renamed, or null when neither changes. */
function renamedAnnotation(annotation: StoredAnnotation, renames: Renames, now: string): StoredAnnotation | null {
  const { type, roleNames } = renamesOfAnnotation(annotation, renames);
  const rolesChange = roleNames !== null;
  if (type === annotation.type && !rolesChange) return null;
  const roles = roleNames !== null ? { roles: (annotation.roles ?? []).map((argument) => ({ ...argument, role: roleNames.get(argument.role) ?? argument.role })) } : {};
  return { ...annotation, type, ...roles, modified: now };
}

async function readAnnotationFileOf(root: string, id: string): Promise<{ file: string; raw: string } | { file: string; refused: string } | null> {
  const file = annotationPathFor(resolveInCorpus(root, id));
  try {
    const raw = await readAnnotationText(root, file);
    return raw === null ? null : { file, raw };
  } catch (error) {
    // A link leaving the corpus, a FIFO...: never read, never rewritten, and listed.
    if (error instanceof CorpusFileRefusedError) return { file, refused: error.message };
    return null;
  }
}

/** What the changes would do, article by article, without writing anything. */
export async function planTypeChanges(root: string, changes: TypeChanges): Promise<TypeChangePlan> {
  const renames = renamesOf(changes);
  const removals = new Set(changes.removals);
  const plan: TypeChangePlan = { articles: [], renamed: 0, removed: 0, skipped: [] };
  if (renames.types.size === 0 && renames.roles.size === 0 && removals.size === 0) return plan;
  for (const id of await listArticleIds(root)) {
    const existing = await readAnnotationFileOf(root, id);
    if (existing === null) continue;
    if ('refused' in existing) {
      plan.skipped.push({ id, reason: existing.refused });
      continue;
    }
    const parsed = parseAnnotationFile(existing.raw);
    if (!parsed.ok) {
      plan.skipped.push({ id, reason: parsed.problem.message });
      continue;
    }
    // (#20) Relation types are renamed and removed like span types (ids are unique across both).
    const typed = [...parsed.file.annotations, ...parsed.file.relations];
    const renamed = parsed.file.annotations.filter((annotation) => isRenamed(annotation, renames)).length + parsed.file.relations.filter((relation) => renames.types.has(relation.type)).length;
    const removed = typed.filter((entry) => removals.has(entry.type)).length;
    if (renamed + removed === 0) continue;
    plan.articles.push({ id, renamed, removed });
    plan.renamed += renamed;
    plan.removed += removed;
  }
  return plan;
}

/**
 * Rewrites every annotation file the changes touch (atomic, previous version kept as `.bak`),
 * then writes the new tag set to `hashiye.json` (previous one kept as `hashiye.json.bak`).
 * Broken files are never written. Relations to removed annotations go with them.
 */
export async function applyTagSetChanges(
  root: string,
  types: TagTypeInput[],
  changes: TypeChanges,
  onWrite?: (file: string, write: () => Promise<void>) => Promise<void>,
  relationFields?: RelationTagSetFields,
): Promise<TypeChangePlan> {
  // (#21) What else the file declares (document-label dimensions...) is kept as it is; (#20)
  // relation and event types, when given, replace the file's (an empty list drops the field).
  const tagSet = TagSetFileSchema.parse(withRelationFields({ ...(await tagSetFileExtras(root)), version: 1, types }, relationFields));
  if (relationFields) {
    const problem = findRelationTypeProblem({ entityIds: types.map((type) => type.id), relations: relationFields.relations ?? [], events: relationFields.events ?? [] });
    if (problem) throw new Error(`The tag set was not saved: ${relationTypeProblemText(problem)}`);
  }
  const ids = new Set<string>();
  for (const type of tagSet.types) {
    if (ids.has(type.id)) throw new Error(`The tag set lists ${type.id} twice.`);
    ids.add(type.id);
  }
  const hotkeys = tagSet.types.flatMap((type) => (type.hotkey ? [type.hotkey] : []));
  if (new Set(hotkeys).size !== hotkeys.length) throw new Error('Two tag types share a hotkey.');
  const tagSetPath = path.join(root, TAG_SET_FILE);
  // Checked before anything is written: a hashiye.json that links outside the corpus is not
  // replaced (its `.bak` would copy the outside file in), and no annotation file is rewritten.
  await assertTagSetWritable(root, tagSetPath);
  const plan = await planTypeChanges(root, changes);
  const renames = renamesOf(changes);
  const removals = new Set(changes.removals);
  const write = onWrite ?? ((_file: string, action: () => Promise<void>) => action());
  for (const article of plan.articles) {
    // Read inside the write turn: what is rewritten is the file as it is now, not as it was
    // when the plan was made (another window or program may have saved it since).
    await write(annotationPathFor(resolveInCorpus(root, article.id)), async () => {
      const existing = await readAnnotationFileOf(root, article.id);
      if (existing === null || 'refused' in existing) return;
      const parsed = parseAnnotationFile(existing.raw);
      // Broken files, and files with ambiguous ids, are never written.
      if (!parsed.ok || findInvariantProblem(parsed.file) !== null) return;
      await assertWritableInCorpus(root, existing.file);
      await writeFileAtomic(existing.file, `${JSON.stringify(renamedFile(parsed.file, renames, removals), null, 2)}\n`, { backup: true });
    });
  }
  await assertTagSetWritable(root, tagSetPath);
  await writeFileAtomic(tagSetPath, `${JSON.stringify(tagSet, null, 2)}\n`, { backup: true });
  return plan;
}

function withRelationFields(file: Record<string, unknown>, fields: RelationTagSetFields | undefined): Record<string, unknown> {
  if (!fields) return file;
  const { relations: _relations, events: _events, ...rest } = file;
  return { ...rest, ...(fields.relations?.length ? { relations: fields.relations } : {}), ...(fields.events?.length ? { events: fields.events } : {}) };
}

/** The annotation file with the types (and event roles) renamed or removed (relations to removed annotations go with them). */
function renamedFile(file: AnnotationFile, renames: Renames, removals: ReadonlySet<string>): AnnotationFile {
  const removedIds = new Set(file.annotations.filter((annotation) => removals.has(annotation.type)).map((annotation) => annotation.id));
  const now = new Date().toISOString();
  return {
    ...file,
    annotations: file.annotations
      .filter((annotation) => !removedIds.has(annotation.id))
      .map((annotation) => renamedAnnotation(annotation, renames, now) ?? annotation),
    relations: file.relations
      .filter((relation) => !removedIds.has(relation.from) && !removedIds.has(relation.to) && !removals.has(relation.type))
      .map((relation) => (renames.types.has(relation.type) ? { ...relation, type: renames.types.get(relation.type) as string } : relation)),
    updated: now,
  };
}

/** assertWritableInCorpus for `hashiye.json`, with a message that says what to do. */
async function assertTagSetWritable(root: string, tagSetPath: string): Promise<void> {
  try {
    await assertWritableInCorpus(root, tagSetPath);
  } catch (error) {
    if (error instanceof CorpusFileRefusedError) {
      throw withUserProblem(new Error(`The tag set was not saved: ${TAG_SET_FILE} cannot be replaced here, as ${error.detail}. Replace it with a file of its own in the corpus folder to edit the tag set here.`), {
        code: 'tagSetNotReplaced',
        file: TAG_SET_FILE,
        refusal: error.refusal,
      });
    }
    throw error;
  }
}
