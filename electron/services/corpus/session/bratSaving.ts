import type { ConflictResolutions, SaveConflict, SavedDocument, SaveResult } from '../../../../shared/saveWire';
import type { StoredAnnotation, StoredRelation } from '../../../../shared/model/nativeFormat';
import type { DecodedArticle } from '../../article/articleDecoder';
import { bratAnnotationPathFor } from '../../brat/bratStore';
import { withFileLock } from '../../storage/annotationFileLock';
import type { SessionState } from './sessionState';

/** Saves a brat article merged with the file on disk (BratStore.saveMerged); the window keeps its own ids for what it created. */
export async function saveBrat(state: SessionState, id: string, articlePath: string, article: DecodedArticle, request: SavedDocument, resolutions?: ConflictResolutions): Promise<SaveResult> {
  const aliases = state.bratAliases.get(id) ?? new Map<string, string>();
  const toBrat = (annotationId: string) => aliases.get(annotationId) ?? annotationId;
  const windowIds = new Map([...aliases.entries()].map(([windowId, bratId]) => [bratId, windowId]));
  const toWindow = (bratId: string) => windowIds.get(bratId) ?? bratId;
  const mine: SavedDocument = {
    status: request.status,
    labels: [],
    annotations: request.annotations.map((annotation) => ({ ...annotation, id: toBrat(annotation.id) })),
    relations: request.relations.map((relation) => ({ ...relation, id: toBrat(relation.id), from: toBrat(relation.from), to: toBrat(relation.to) })),
  };
  const bratResolutions = resolutions ? Object.fromEntries(Object.entries(resolutions).map(([key, choice]) => [toBrat(key), choice])) : undefined;
  const outcome = await state.ownWrite(
    bratAnnotationPathFor(articlePath),
    // Under NAME.ann's lock, as native saves are (annotationFileLock.ts): two instances never interleave.
    () => withFileLock(bratAnnotationPathFor(articlePath), () => state.brat.saveMerged(articlePath, article, mine, state.bases.get(id), bratResolutions)),
    (result) => (result.kind === 'saved' ? result.state : null),
  );
  if (outcome.kind === 'conflicts') {
    const conflicts = outcome.conflicts.map((conflict) => windowConflict(conflict, toWindow));
    return {
      ok: false,
      message: `Another program changed ${conflicts.length} item(s) of this article that you changed too; choose which version to keep. Nothing was saved yet.`,
      userProblem: { code: 'saveConflicts', count: conflicts.length },
      retryable: false,
      conflicts,
    };
  }
  for (const [windowId, bratId] of Object.entries(outcome.saved.idMap)) {
    const original = [...aliases.entries()].find(([, value]) => value === windowId)?.[0] ?? windowId;
    aliases.set(original, bratId);
  }
  state.bratAliases.set(id, aliases);
  state.bases.set(id, outcome.base);
  return { ok: true, savedAt: new Date().toISOString(), written: outcome.saved.written, ...(outcome.merged ? { merged: outcome.merged } : {}) };
}

/** A conflict as the window names its items (its own ids for what it created in a brat article). */
function windowConflict(conflict: SaveConflict, toWindow: (id: string) => string): SaveConflict {
  if (conflict.kind === 'status' || conflict.kind === 'judgment') return conflict;
  if (conflict.kind === 'annotation') {
    const named = (annotation: StoredAnnotation | null) => (annotation === null ? null : { ...annotation, id: toWindow(annotation.id) });
    return { ...conflict, key: toWindow(conflict.key), base: named(conflict.base), mine: named(conflict.mine), disk: named(conflict.disk) };
  }
  const named = (relation: StoredRelation | null) => (relation === null ? null : { ...relation, id: toWindow(relation.id), from: toWindow(relation.from), to: toWindow(relation.to) });
  return { ...conflict, key: toWindow(conflict.key), base: named(conflict.base), mine: named(conflict.mine), disk: named(conflict.disk) };
}
