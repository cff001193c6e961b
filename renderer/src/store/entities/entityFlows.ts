import { createEntityId } from '../../../../shared/entities/entityOperations';
import type { RegistryEditRequest, UnlinkedMention } from '../../../../shared/entities/entityWire';
import { findEntity } from '../../../../shared/entities/registryEntries';
import { addAnnotation, createAnnotationId, updateAnnotationDetails } from '../../../../shared/model/annotationOperations';
import { api } from '../../api';
import { problemOf } from '../../ipcError';
import { articleViewActions, canEditArticle, useArticleViewStore } from '../articleViewStore';
import { documentActions, useDocumentStore } from '../documentStore';
import { entityActions, useEntityStore } from './entityStore';
import { usePreferencesStore } from '../preferencesStore';
import { flushSave } from '../saving/autosave';
import { openArticle } from '../flows/article';
import { updateSelectedDetails } from '../flows/editing';
import { useCorpusViewStore } from '../corpusViewStore';
import { windowActions } from '../window/windowStore';
import { problemText } from '../../i18n/problemMessages';
import { currentLanguage } from '../preferencesStore';

/**
 * The entity registry in the window (#24). Linking an annotation is an edit of the open article
 * (one undo step, saved by autosave); registry edits and links in other articles are made by
 * main on the files, after the window's own edits are saved, and the open article is reloaded
 * when main rewrote its file.
 */

export async function loadEntities(): Promise<void> {
  try {
    const state = await api().entities.load({});
    entityActions.registryLoaded(state.registry);
    // (#17) A read-only entities.json is shown with the reason; edits of it are refused by main.
    if (state.readOnly) entityActions.failed(state.readOnly);
  } catch (error) {
    entityActions.failed(problemOf(error));
  }
}

/** Edits the registry; resolves to false when main refused (the problem is in the store). */
export async function editEntities(request: RegistryEditRequest): Promise<boolean> {
  entityActions.started();
  try {
    await flushSave();
    const result = await api().entities.edit(request);
    entityActions.registryLoaded(result.registry);
    const open = useArticleViewStore.getState().article;
    if (open && result.rewritten.includes(open.id)) await openArticle(open.id, { reload: true });
    return true;
  } catch (error) {
    const problem = problemOf(error);
    // (#17) Another writer changed the same entity: show their version (the edit can be made again on it), and say why.
    if (problem?.code === 'entitiesConflict') await loadEntities();
    entityActions.failed(problem);
    return false;
  }
}

export function linkSelectedAnnotation(entityId: string): void {
  updateSelectedDetails({ entity: entityId });
  entityActions.closePicker();
}

export function unlinkSelectedAnnotation(): void {
  updateSelectedDetails({ entity: null });
}

function selectedAnnotation() {
  const id = useArticleViewStore.getState().selectedAnnotationId;
  return id === null ? null : (useDocumentStore.getState().annotations.find((annotation) => annotation.id === id) ?? null);
}

/** Ctrl+Enter in the popup: a new entity named after the selected annotation's text, linked to it. */
export async function createEntityFromSelection(): Promise<void> {
  const annotation = selectedAnnotation();
  if (!annotation || !canEditArticle()) return;
  const id = createEntityId();
  if (await editEntities({ kind: 'create', id, type: annotation.type, text: annotation.text })) linkSelectedAnnotation(id);
}

export function openEntityPicker(): void {
  // (#24) A brat corpus has no native annotation files to hold a link: say why, in the user's language, instead of an empty picker.
  if (useCorpusViewStore.getState().corpus?.mode === 'brat') {
    windowActions.showNotice(problemText({ code: 'entityLinkBratMode' }, currentLanguage()));
    return;
  }
  if (selectedAnnotation() !== null && canEditArticle()) entityActions.openPicker();
}

export async function openEntityView(id: string): Promise<void> {
  entityActions.viewStarted(id);
  const stop = api().onEntitiesProgress((progress) => entityActions.viewProgressed(progress));
  try {
    await flushSave();
    entityActions.viewLoaded(await api().entities.view({ entity: id }));
  } catch (error) {
    entityActions.failed(problemOf(error));
  } finally {
    stop();
  }
}

/** Links an unlinked mention: in the open article as an undoable edit, elsewhere by main on the file. */
export async function linkUnlinkedMention(mention: UnlinkedMention): Promise<void> {
  const { viewedId, registry } = useEntityStore.getState();
  const entity = viewedId === null ? undefined : findEntity(registry, viewedId);
  if (!entity) return;
  const article = useArticleViewStore.getState().article;
  if (article && article.id === mention.articleId) {
    if (!canEditArticle()) return;
    const context = { text: article.text, author: usePreferencesStore.getState().annotator, now: new Date().toISOString(), newId: () => createAnnotationId() };
    let { annotations } = useDocumentStore.getState();
    let target = mention.annotationId;
    if (target === undefined) {
      const added = addAnnotation(annotations, { start: article.converter.toUtf16(mention.start), end: article.converter.toUtf16(mention.end), type: entity.type }, context);
      annotations = added.annotations;
      target = added.id;
    }
    documentActions.edit({ annotations: updateAnnotationDetails(annotations, target, { entity: entity.id }, context) });
    articleViewActions.selectAnnotation(target);
  } else {
    try {
      await api().entities.linkSpan({ articleId: mention.articleId, entity: entity.id, start: mention.start, end: mention.end, type: entity.type, ...(mention.annotationId ? { annotationId: mention.annotationId } : {}) });
    } catch (error) {
      entityActions.failed(problemOf(error));
      return;
    }
  }
  await openEntityView(entity.id);
}
