import { createHash } from 'node:crypto';
import path from 'node:path';
import { ENTITIES_FILE_NAME, EntityRegistrySchema, emptyRegistry, type EntityRegistry } from '../../../shared/entities/registry';
import { assertWritableInCorpus } from '../corpus/corpusFileAccess';
import { readConfigurationFile } from '../corpus/confinedReaders';
import { namingFile, withUserProblem } from '../problems/userProblems';
import { writeFileAtomic } from '../storage/atomicWrite';
import { withFileLock } from '../storage/annotationFileLock';
import { mergeRegistries, type RegistryConflict } from '../../../shared/entities/registryMerge';

/**
 * `entities.json` at the corpus root (#24), read and written only through the corpus's confined
 * file access: a link to a file outside the corpus is refused like any corpus file. A file that
 * cannot be read (bad JSON, a field out of shape) is reported with a coded problem and is never
 * overwritten; every write is atomic, under the file's lock, and checks first that the bytes on
 * disk are still those the edit was made on, so an outside change is never silently lost.
 */
export interface RegistryOnDisk {
  registry: EntityRegistry;
  /** SHA-256 of the bytes read ('' when there is no file yet). */
  sha256: string;
}

export function entitiesPathOf(root: string): string {
  return path.join(root, ENTITIES_FILE_NAME);
}

function sha256Of(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

function brokenRegistry(detail: string, field: string): Error {
  return withUserProblem(new Error(`${ENTITIES_FILE_NAME} cannot be read: ${detail}`), { code: 'entitiesBroken', file: ENTITIES_FILE_NAME, field });
}

/** The registry as on disk: an empty one when there is no file. Throws a coded problem for a broken or refused file. */
export async function readRegistry(root: string): Promise<RegistryOnDisk> {
  const read = await readConfigurationFile(root, entitiesPathOf(root));
  if (read.kind === 'absent') return { registry: emptyRegistry(), sha256: '' };
  if (read.kind === 'refused') throw withUserProblem(new Error(read.message), read.userProblem);
  let raw: unknown;
  try {
    raw = JSON.parse(read.text.charCodeAt(0) === 0xfeff ? read.text.slice(1) : read.text);
  } catch (error) {
    throw brokenRegistry((error as Error).message, '');
  }
  const parsed = EntityRegistrySchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw brokenRegistry(issue.message, issue.path.join('.'));
  }
  return { registry: parsed.data, sha256: sha256Of(read.text) };
}

export function serializeRegistry(registry: EntityRegistry): string {
  return `${JSON.stringify(registry, null, 2)}\n`;
}

/** Two writers changed the same entity differently: nothing was written (#17). */
function conflicting(conflicts: readonly RegistryConflict[]): Error {
  const named = conflicts.map((conflict) => (conflict.fields.length > 0 ? `${conflict.entity} (${conflict.fields.join(', ')})` : conflict.entity));
  return withUserProblem(new Error(`${ENTITIES_FILE_NAME} was changed by another window or program in the same places: ${named.join('; ')}; nothing was written`), {
    code: 'entitiesConflict',
    file: ENTITIES_FILE_NAME,
    entities: conflicts.slice(0, 20).map((conflict) => conflict.entity.slice(0, 200)),
  });
}

/**
 * Reads the registry, applies `edit` to it and writes the result, all under the file's lock, so
 * two Hashiye windows never interleave. `base` is the registry as this window last loaded or
 * saved it: when the disk still holds it (or no base is known) the edit is made on the disk's
 * registry; otherwise another writer changed the file since, and the edit is made on the base
 * and three-way merged with the disk (shared/entities/registryMerge.ts): different changes both
 * stand, the same field changed differently is `entitiesConflict` and nothing is written. The
 * bytes are checked again just before the atomic write: a program that changed the file in
 * between gets `entitiesChangedOnDisk` and nothing is written.
 */
export async function editRegistry<T>(
  root: string,
  edit: (registry: EntityRegistry) => { registry: EntityRegistry; result: T },
  base: RegistryOnDisk | null = null,
): Promise<RegistryOnDisk & { result: T }> {
  const file = entitiesPathOf(root);
  return withFileLock(file, async () => {
    const before = await readRegistry(root);
    const edited = edit(base === null || base.sha256 === before.sha256 ? before.registry : base.registry);
    const { result } = edited;
    let { registry } = edited;
    if (base !== null && base.sha256 !== before.sha256) {
      const merge = mergeRegistries(base.registry, before.registry, registry);
      if (merge.conflicts.length > 0) throw conflicting(merge.conflicts);
      registry = EntityRegistrySchema.parse(merge.registry);
    }
    const text = serializeRegistry(registry);
    const now = await readRegistry(root);
    if (now.sha256 !== before.sha256) throw withUserProblem(new Error(`${ENTITIES_FILE_NAME} changed while it was being written`), { code: 'entitiesChangedOnDisk', file: ENTITIES_FILE_NAME });
    await assertWritableInCorpus(root, file);
    try {
      await writeFileAtomic(file, text, { backup: true });
    } catch (error) {
      throw namingFile(error, file);
    }
    return { registry, sha256: sha256Of(text), result };
  });
}
