import path from 'node:path';
import type { DocumentFields } from '../../../../shared/articleDocumentWire';
import type { ConflictResolutions, SaveResult } from '../../../../shared/saveWire';
import type { StoredAnnotation } from '../../../../shared/model/nativeFormat';
import type { ArticleStatus } from '../../../../shared/model/status';
import type { DecodedArticle } from '../../article/articleDecoder';
import { bratAnnotationPathFor } from '../../brat/bratStore';
import { problemOfError, tooManyEntriesProblem } from '../../problems/userProblems';
import { annotationPathFor, SaveRefusedError } from '../../storage/annotationStore';
import { saveMerged } from '../../storage/mergingSave';
import { isPermissionFailure } from '../../storage/writeAccess';
import { resolveInCorpus } from '../corpusPaths';
import { annotationFileLimitProblem, INPUT_LIMITS, saveRequestProblem } from '../inputLimits';
import { saveBrat } from './bratSaving';
import type { SessionState } from './sessionState';
import { withoutQuotes } from './windowAnnotations';

/** The document fields as shared/ipc.ts DOCUMENT_FIELDS lists them (absent document labels or zones: kept as the file has them). */
export interface SessionSaveRequest extends DocumentFields {
  status: ArticleStatus;
  annotations: StoredAnnotation[];
  /** How the user settled the conflicts an earlier save of this article reported. */
  resolutions?: ConflictResolutions;
}

/** Saves the whole annotation list of an article, checked against the text its edits were made on. */
export async function saveWholeList(state: SessionState, id: string, sha256: string, request: SessionSaveRequest): Promise<SaveResult> {
  // What was tagged changes with every save: suggestions gather it again.
  state.taggedTexts.forget();
  const articlePath = resolveInCorpus(state.requireRoot(), id);
  const onDisk = await state.readArticle(articlePath, state.loaded.get(id));
  // Edits made before the article changed on disk are saved against the text they were made
  // on; reopening the article then re-anchors them to the new text.
  const article = onDisk.sha256 === sha256 ? onDisk : state.loaded.get(id)?.sha256 === sha256 ? (state.loaded.get(id) as DecodedArticle) : null;
  if (article === null) {
    return { ok: false, message: 'The article changed on disk since it was opened; reopen it before saving.', userProblem: { code: 'articleChangedOnDisk' }, retryable: false };
  }
  const { resolutions, ...mine } = request;
  const requestProblem = saveRequestProblem(mine);
  if (requestProblem) return { ok: false, message: requestProblem, userProblem: tooManyEntriesProblem(mine) ?? { code: 'unexpected', detail: requestProblem }, retryable: false };
  if (state.mode === 'brat') {
    const refused = await annotationFileLimitProblem(bratAnnotationPathFor(articlePath), INPUT_LIMITS, state.requireRoot());
    if (refused) return { ok: false, message: refused, userProblem: { code: 'saveRefused', file: path.basename(bratAnnotationPathFor(articlePath)) }, retryable: false };
    try {
      return await saveBrat(state, id, articlePath, article, mine, resolutions);
    } catch (error) {
      return saveFailure(error, bratAnnotationPathFor(articlePath));
    }
  }
  return saveNative(state, id, articlePath, article, mine, resolutions);
}

/**
 * The annotation file is read inside the watcher's own-write turn and merged with what this
 * window last loaded or saved: its limits, whether it can be used, what it keeps (unknown
 * fields) and what another writer changed are all decided on the bytes replaced.
 */
async function saveNative(state: SessionState, id: string, articlePath: string, article: DecodedArticle, mine: Omit<SessionSaveRequest, 'resolutions'>, resolutions: ConflictResolutions | undefined): Promise<SaveResult> {
  const saved = await state.ownWrite(
    annotationPathFor(articlePath),
    () => saveMerged(articlePath, article, { mine, base: state.bases.forMerge(id), resolutions, lastWrite: state.lastWrites.recent(id), root: state.requireRoot() }),
    (outcome) => ('state' in outcome ? outcome.state : null),
  );
  switch (saved.kind) {
    case 'refused':
      return { ok: false, message: saved.message, userProblem: { code: 'saveRefused', file: path.basename(annotationPathFor(articlePath)) }, retryable: false };
    case 'failed':
      return saveFailure(saved.error, annotationPathFor(articlePath));
    case 'conflicts':
      return {
        ok: false,
        message: `Another window or program changed ${saved.conflicts.length} item(s) of this article that you changed too; choose which version to keep. Nothing was saved yet.`,
        userProblem: { code: 'saveConflicts', count: saved.conflicts.length },
        retryable: false,
        conflicts: saved.conflicts,
      };
    case 'written':
    case 'unchanged': {
      state.bases.set(id, saved.base);
      if (saved.kind === 'written' && saved.replaced !== null && saved.base.sha256 !== null) {
        state.lastWrites.note(id, { replaced: saved.replaced, wrote: saved.base.document, sha256: saved.base.sha256 });
      }
      const savedAt = saved.kind === 'written' ? (saved.file.updated ?? new Date().toISOString()) : new Date().toISOString();
      return { ok: true, savedAt, written: saved.kind === 'written', ...(saved.merged ? { merged: withoutQuotes(saved.merged) } : {}) };
    }
  }
}

function saveFailure(error: unknown, annotationPath: string): SaveResult {
  const coded = problemOfError(error);
  // A refusal of ours that did not say more: the file on disk is left as it is.
  const userProblem = coded.code === 'unexpected' && error instanceof SaveRefusedError ? { code: 'saveRefused' as const, file: path.basename(annotationPath) } : coded;
  // A file or folder we may not write: the window keeps the edits and says why (it is not a full disk).
  if (isPermissionFailure(error)) return { ok: false, message: (error as Error).message, userProblem, retryable: true, readOnly: true };
  return { ok: false, message: (error as Error).message, userProblem, retryable: !(error instanceof SaveRefusedError) };
}
