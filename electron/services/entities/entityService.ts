import { addAlias, addEntity, entityFromText, mergeEntities, removeEntity, splitEntity, updateEntity } from '../../../shared/entities/entityOperations';
import type { EntityRegistry } from '../../../shared/entities/registry';
import { findEntity } from '../../../shared/entities/registryEntries';
import type { EntityView, RegistryEditRequest, RegistryState } from '../../../shared/entities/entityWire';
import { createAnnotationId } from '../../../shared/model/annotationOperations';
import type { WriteTurn } from '../corpus/corpusSearch';
import { problemOfError, withUserProblem } from '../problems/userProblems';
import { linkSpan, repointLinks, type LinkSpan } from './entityLinks';
import { scanEntity } from './entityMentions';
import { editRegistry, entitiesPathOf, readRegistry } from './entityRegistryFile';
import { writeAccessRefusal } from '../storage/writeAccess';
import type { RegistryBase } from './registryBase';

/** Where the entity services read and write: the native corpus's root and the session's write turn. */
export interface EntityFileAccess {
  root: string;
  write: WriteTurn;
  /** The registry as this session last loaded or saved it (#17): its edits merge with other writers' instead of overwriting them. */
  base?: RegistryBase;
}

const VIEW_LIMIT = 2000;

function requireEntity(registry: EntityRegistry, id: string): void {
  if (!findEntity(registry, id)) throw withUserProblem(new Error(`no entity ${id}`), { code: 'entityMissing', entity: id });
}

interface AppliedEdit {
  registry: EntityRegistry;
  repoint: Map<string, string>;
  only?: Set<string>;
}

/** A registry edit request applied to the registry as it is on disk now (pure). */
export function applyRegistryEdit(registry: EntityRegistry, request: RegistryEditRequest): AppliedEdit {
  const none = new Map<string, string>();
  switch (request.kind) {
    case 'create':
      return { registry: addEntity(registry, entityFromText(request.text, request.type, request.id)), repoint: none };
    case 'addAlias':
      requireEntity(registry, request.id);
      return { registry: addAlias(registry, request.id, request.alias), repoint: none };
    case 'update': {
      requireEntity(registry, request.id);
      const { kind: _kind, id, ...change } = request;
      return { registry: updateEntity(registry, id, change), repoint: none };
    }
    case 'merge':
      requireEntity(registry, request.kept);
      requireEntity(registry, request.absorbed);
      return mergeEntities(registry, request.kept, request.absorbed);
    case 'split':
      requireEntity(registry, request.id);
      return {
        registry: splitEntity(registry, request.id, request.aliases, request.newId),
        repoint: new Map([[request.id, request.newId]]),
        only: new Set(request.mentions.map((mention) => `${mention.articleId}\0${mention.annotationId}`)),
      };
    case 'remove':
      requireEntity(registry, request.id);
      return removeEntity(registry, request.id);
  }
}

/** The entity registry of the open corpus (#24): what the IPC handlers call. */
export async function loadRegistry(access: EntityFileAccess): Promise<RegistryState> {
  const state = await readRegistry(access.root);
  access.base?.remember(access.root, state);
  const refusal = state.sha256 === '' ? null : await writeAccessRefusal(entitiesPathOf(access.root));
  return refusal ? { ...state, readOnly: refusal.userProblem } : state;
}

/** Edits the registry, then re-points the links the edit moved in every annotation file. */
export async function editEntities(access: EntityFileAccess, request: RegistryEditRequest): Promise<RegistryState & { rewritten: string[] }> {
  let saved;
  try {
    saved = await editRegistry(
      access.root,
      (registry) => {
        const applied = applyRegistryEdit(registry, request);
        return { registry: applied.registry, result: applied };
      },
      access.base?.get(access.root) ?? null,
    );
  } catch (error) {
    // A conflict: the window reloads the registry and shows the other writer's version, its next edit is made on that.
    if (problemOfError(error).code === 'entitiesConflict') access.base?.remember(access.root, await readRegistry(access.root));
    throw error;
  }
  access.base?.remember(access.root, { registry: saved.registry, sha256: saved.sha256 });
  const { repoint, only } = saved.result;
  const rewritten = repoint.size === 0 ? [] : await repointLinks(access.root, repoint, access.write, only);
  return { registry: saved.registry, sha256: saved.sha256, rewritten };
}

export async function viewEntity(access: EntityFileAccess, entityId: string, onProgress?: (done: number, total: number) => void): Promise<EntityView> {
  const { registry } = await readRegistry(access.root);
  const entity = findEntity(registry, entityId);
  if (!entity) throw withUserProblem(new Error(`no entity ${entityId}`), { code: 'entityMissing', entity: entityId });
  return scanEntity(access.root, entity, { limit: VIEW_LIMIT, onProgress });
}

export async function linkEntitySpan(access: EntityFileAccess, link: LinkSpan, author: string): Promise<{ annotationId: string }> {
  const { registry } = await readRegistry(access.root);
  requireEntity(registry, link.entity);
  return { annotationId: await linkSpan(access.root, link, { author, newId: () => createAnnotationId() }, access.write) };
}
