import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SaveConflict } from '../../../shared/saveWire';
import type { Corpus } from '../../../shared/corpusWire';
import { createOffsetConverter } from '../../../shared/anchoring/offsets';
import { splitParagraphs } from '../../../shared/text/paragraphs';
import { articleViewActions, canEditArticle, useArticleViewStore, type OpenArticle } from './articleViewStore';
import { corpusSearchActions, useCorpusSearchStore, type CorpusSearchResult } from './corpusSearchStore';
import { corpusViewActions, useCorpusViewStore } from './corpusViewStore';
import { findActions, useFindStore } from './findStore';
import { currentLanguage, preferencesActions, usePreferencesStore } from './preferencesStore';
import { saveStatusActions, useSaveStatusStore } from './saveStatusStore';
import { useWindowStore, windowActions } from './window/windowStore';
import { asUtf16Offset } from '../../../shared/anchoring/offsetUnits';

/** The window's view stores: each named action, what it changes and what it leaves. Plain Node, no DOM. */

const TEXT = 'علی دایی در تهران\n';

function openArticle(id: string, problem: OpenArticle['problem'] = null): OpenArticle {
  return { id, name: id, text: TEXT, sha256: 'sha', encoding: 'utf-8', encodingGuessed: false, paragraphs: splitParagraphs(TEXT), converter: createOffsetConverter(TEXT), problem, orphans: [], reanchored: null };
}

function corpus(ids: string[]): Corpus {
  return {
    name: 'c',
    displayPath: '/c',
    mode: 'native',
    articles: ids.map((id) => ({ id, name: id, folder: '', status: 'new' as const, annotationCount: 0, tags: [], problem: null })),
    tagSet: { source: 'default', types: [], problem: null, userProblems: [] },
  };
}

const initial = {
  articleView: useArticleViewStore.getState(),
  corpusView: useCorpusViewStore.getState(),
  preferences: usePreferencesStore.getState(),
  saveStatus: useSaveStatusStore.getState(),
  window: useWindowStore.getState(),
  find: useFindStore.getState(),
  corpusSearch: useCorpusSearchStore.getState(),
};

afterEach(() => {
  useArticleViewStore.setState(initial.articleView, true);
  useCorpusViewStore.setState(initial.corpusView, true);
  usePreferencesStore.setState(initial.preferences, true);
  useSaveStatusStore.setState(initial.saveStatus, true);
  useWindowStore.setState(initial.window, true);
  useFindStore.setState(initial.find, true);
  useCorpusSearchStore.setState(initial.corpusSearch, true);
});

describe('articleViewActions', () => {
  it('loads an article: loading, then shown with nothing selected, or failed', () => {
    articleViewActions.showError({ code: 'noArticleOpen' });
    articleViewActions.startLoading('a.txt');
    expect(useArticleViewStore.getState()).toMatchObject({ loadingArticleId: 'a.txt', loadError: null });
    articleViewActions.selectAnnotation('x');
    articleViewActions.askToDelete({ annotationId: 'x', lines: ['T1', 'R1'] });
    articleViewActions.showArticle(openArticle('a.txt'));
    expect(useArticleViewStore.getState()).toMatchObject({ article: { id: 'a.txt' }, loadingArticleId: null, selectedAnnotationId: null, textSelection: null, pendingDelete: null });
    articleViewActions.startLoading('b.txt');
    articleViewActions.failLoading({ code: 'noArticleOpen' });
    expect(useArticleViewStore.getState()).toMatchObject({ article: { id: 'a.txt' }, loadingArticleId: null, loadError: { code: 'noArticleOpen' } });
    articleViewActions.closeArticle();
    expect(useArticleViewStore.getState()).toMatchObject({ article: null, loadError: null, selectedAnnotationId: null });
  });

  it('keeps one selection: an annotation or a range of text', () => {
    articleViewActions.selectText({ start: asUtf16Offset(0), end: asUtf16Offset(3) });
    articleViewActions.selectAnnotation('x');
    expect(useArticleViewStore.getState()).toMatchObject({ selectedAnnotationId: 'x', textSelection: null });
    articleViewActions.selectText({ start: asUtf16Offset(4), end: asUtf16Offset(8) });
    expect(useArticleViewStore.getState()).toMatchObject({ selectedAnnotationId: null, textSelection: { start: 4, end: 8 } });
    articleViewActions.clearTextSelection();
    expect(useArticleViewStore.getState().textSelection).toBeNull();
  });

  it('follows the browser selection without dropping the selected annotation; a suggestion accepted keeps the text selection', () => {
    articleViewActions.selectAnnotation('x');
    articleViewActions.followTextSelection({ start: asUtf16Offset(1), end: asUtf16Offset(2) });
    expect(useArticleViewStore.getState()).toMatchObject({ selectedAnnotationId: 'x', textSelection: { start: 1, end: 2 } });
    articleViewActions.selectAnnotationOnly('y');
    expect(useArticleViewStore.getState()).toMatchObject({ selectedAnnotationId: 'y', textSelection: { start: 1, end: 2 } });
  });

});

describe('articleViewActions: deletion, precision, notifications', () => {
  it('asks before a brat deletion, and forgets the question once deleted or cancelled', () => {
    articleViewActions.selectAnnotation('x');
    articleViewActions.askToDelete({ annotationId: 'x', lines: ['T1', 'R1'] });
    expect(useArticleViewStore.getState().pendingDelete).toEqual({ annotationId: 'x', lines: ['T1', 'R1'] });
    articleViewActions.cancelDelete();
    expect(useArticleViewStore.getState()).toMatchObject({ pendingDelete: null, selectedAnnotationId: 'x' });
    articleViewActions.askToDelete({ annotationId: 'x', lines: ['T1', 'R1'] });
    articleViewActions.deleted();
    expect(useArticleViewStore.getState()).toMatchObject({ pendingDelete: null, selectedAnnotationId: null });
  });

  it('switches character precision, and says whether the article can be edited', () => {
    articleViewActions.setCharacterPrecision(true);
    expect(useArticleViewStore.getState().characterPrecision).toBe(true);
    expect(canEditArticle()).toBe(false);
    articleViewActions.showArticle(openArticle('a.txt'));
    expect(canEditArticle()).toBe(true);
    articleViewActions.showArticle(openArticle('b.txt', { kind: 'parse', message: 'broken' }));
    expect(canEditArticle()).toBe(false);
  });

  it('notifies nobody for a change that changes nothing', () => {
    const listener = vi.fn();
    const stop = useArticleViewStore.subscribe(listener);
    articleViewActions.selectAnnotation('x');
    articleViewActions.selectAnnotation('x');
    articleViewActions.clearTextSelection();
    stop();
    expect(listener).toHaveBeenCalledTimes(1);
  });
});

describe('saveStatusActions', () => {
  const conflicts: SaveConflict[] = [{ kind: 'status', key: 'status', base: 'new', mine: 'done', disk: 'in-progress' }];

  it('walks a save: dirty, saving, saved (or dirty again when edited meanwhile)', () => {
    saveStatusActions.markDirty();
    expect(useSaveStatusStore.getState().saveState).toBe('dirty');
    saveStatusActions.markSaving();
    expect(useSaveStatusStore.getState().saveState).toBe('saving');
    saveStatusActions.markSaved(false, '2026-01-01T00:00:00Z');
    expect(useSaveStatusStore.getState()).toMatchObject({ saveState: 'dirty', lastSavedAt: '2026-01-01T00:00:00Z' });
    saveStatusActions.markSaved(true, '2026-01-01T00:00:01Z');
    expect(useSaveStatusStore.getState()).toMatchObject({ saveState: 'saved', saveProblem: null, lastSavedAt: '2026-01-01T00:00:01Z' });
  });

  it('keeps why a save failed until the next one lands or an article starts afresh', () => {
    const problem = { problem: { code: 'noArticleOpen' as const }, detail: 'EROFS' };
    saveStatusActions.markUnsaved('unwritable', problem);
    expect(useSaveStatusStore.getState()).toMatchObject({ saveState: 'unwritable', saveProblem: problem, saveRetrying: false });
    saveStatusActions.markUnsaved('error', problem, true);
    expect(useSaveStatusStore.getState()).toMatchObject({ saveState: 'error', saveProblem: problem, saveRetrying: true });
    saveStatusActions.startFresh(true);
    expect(useSaveStatusStore.getState()).toMatchObject({ saveState: 'readonly', saveProblem: null, saveRetrying: false });
    saveStatusActions.startFresh(false);
    expect(useSaveStatusStore.getState().saveState).toBe('saved');
    saveStatusActions.markReadOnly();
    expect(useSaveStatusStore.getState().saveState).toBe('readonly');
  });

  it('asks about conflicts, postpones, reopens, and forgets them once answered', () => {
    saveStatusActions.askAboutConflicts('a.txt', conflicts);
    expect(useSaveStatusStore.getState()).toMatchObject({ saveState: 'conflict', conflictPrompt: { articleId: 'a.txt', conflicts, open: true } });
    saveStatusActions.postponeConflicts();
    expect(useSaveStatusStore.getState().conflictPrompt?.open).toBe(false);
    saveStatusActions.markDirty();
    saveStatusActions.markWaitingForConflicts();
    expect(useSaveStatusStore.getState().saveState).toBe('conflict');
    saveStatusActions.reopenConflicts();
    expect(useSaveStatusStore.getState().conflictPrompt?.open).toBe(true);
    saveStatusActions.conflictsAnswered();
    expect(useSaveStatusStore.getState()).toMatchObject({ saveState: 'dirty', conflictPrompt: null });
    saveStatusActions.askAboutConflicts('a.txt', conflicts);
    saveStatusActions.dropConflictQuestion();
    expect(useSaveStatusStore.getState().conflictPrompt).toBeNull();
  });

  it('postponing or reopening without a question changes nothing', () => {
    saveStatusActions.postponeConflicts();
    saveStatusActions.reopenConflicts();
    expect(useSaveStatusStore.getState()).toMatchObject({ saveState: 'saved', conflictPrompt: null });
  });

  it('lists the unsaved articles and the question about leaving them', () => {
    saveStatusActions.showUnsavedArticles([{ id: 'b.txt', state: 'error', problem: null }]);
    expect(useSaveStatusStore.getState().unsavedArticles).toEqual([{ id: 'b.txt', state: 'error', problem: null }]);
    saveStatusActions.askToLeave({ action: 'close', articles: ['b.txt'] });
    expect(useSaveStatusStore.getState().leaveQuestion).toEqual({ action: 'close', articles: ['b.txt'] });
    saveStatusActions.dropLeaveQuestion();
    expect(useSaveStatusStore.getState().leaveQuestion).toBeNull();
  });
});

describe('corpusViewActions', () => {
  it('shows a corpus, and an article saved with its status, count and tags', () => {
    corpusViewActions.showCorpus(corpus(['a.txt', 'b.txt']));
    corpusViewActions.reflectSaved('a.txt', { status: 'in-progress', annotations: [{ type: 'PER' }, { type: 'LOC' }, { type: 'PER' }] });
    const [a, b] = useCorpusViewStore.getState().corpus?.articles ?? [];
    expect(a).toMatchObject({ status: 'in-progress', annotationCount: 3, tags: ['LOC', 'PER'] });
    expect(b).toMatchObject({ status: 'new', annotationCount: 0 });
    corpusViewActions.showCorpus(null);
    corpusViewActions.reflectSaved('a.txt', { status: 'done', annotations: [] });
    expect(useCorpusViewStore.getState().corpus).toBeNull();
  });
});

describe('preferencesActions and windowActions', () => {
  it('applies the settings read at start-up, a display change, and a new annotator name', () => {
    preferencesActions.applySettings({ annotator: 'maryam', language: 'en', theme: 'dark', fontSize: 22, development: true });
    expect(usePreferencesStore.getState()).toEqual({ annotator: 'maryam', language: 'en', theme: 'dark', fontSize: 22, development: true });
    expect(currentLanguage()).toBe('en');
    preferencesActions.changeDisplay({ fontSize: 24 });
    expect(usePreferencesStore.getState()).toMatchObject({ language: 'en', theme: 'dark', fontSize: 24 });
    preferencesActions.renameAnnotator('sara');
    expect(usePreferencesStore.getState().annotator).toBe('sara');
  });

  it('shows and dismisses the notice; opens, closes and toggles the shortcut sheet', () => {
    windowActions.showNotice('saved elsewhere');
    expect(useWindowStore.getState().notice).toBe('saved elsewhere');
    windowActions.dismissNotice();
    expect(useWindowStore.getState().notice).toBeNull();
    windowActions.openShortcuts();
    expect(useWindowStore.getState().shortcutsOpen).toBe(true);
    windowActions.toggleShortcuts();
    expect(useWindowStore.getState().shortcutsOpen).toBe(false);
    windowActions.toggleShortcuts();
    windowActions.closeShortcuts();
    expect(useWindowStore.getState().shortcutsOpen).toBe(false);
  });
});

describe('findActions and corpusSearchActions', () => {
  it('find: a new query drops the tag-all preview; hits start at the first', () => {
    findActions.open();
    findActions.previewTagAll('PER');
    findActions.changeQuery('تهران');
    expect(useFindStore.getState()).toMatchObject({ open: true, query: 'تهران', previewType: null });
    findActions.showHits([{ start: asUtf16Offset(0), end: asUtf16Offset(3) }, { start: asUtf16Offset(5), end: asUtf16Offset(8) }]);
    findActions.goToHit(1);
    expect(useFindStore.getState().current).toBe(1);
    findActions.showHits([{ start: asUtf16Offset(0), end: asUtf16Offset(3) }]);
    expect(useFindStore.getState().current).toBe(0);
    findActions.setWholeWords(false);
    findActions.previewTagAll('LOC');
    findActions.close();
    // The query and its settings are kept for the next opening; the hits go with the bar.
    expect(useFindStore.getState()).toMatchObject({ open: false, query: 'تهران', wholeWords: false, previewType: null, hits: [], current: 0 });
  });

  it('corpus search: a new query or word setting drops the result; a step is busy until it ends or fails', () => {
    const result: CorpusSearchResult = { hits: [], total: 0, articles: 0, truncated: false, skipped: [] };
    corpusSearchActions.open();
    corpusSearchActions.searchStarted();
    expect(useCorpusSearchStore.getState()).toMatchObject({ open: true, busy: true, error: null });
    corpusSearchActions.showResult(result);
    expect(useCorpusSearchStore.getState()).toMatchObject({ busy: false, result });
    corpusSearchActions.setWholeWords(false);
    expect(useCorpusSearchStore.getState()).toMatchObject({ wholeWords: false, result: null });
    corpusSearchActions.showResult(result);
    corpusSearchActions.previewTagAll('PER');
    corpusSearchActions.changeQuery('دایی');
    expect(useCorpusSearchStore.getState()).toMatchObject({ query: 'دایی', result: null, previewType: null });
    corpusSearchActions.stepStarted();
    corpusSearchActions.taggedAll({ batchId: 'batch1', added: 2, articles: ['a.txt'], skipped: [] }, 'PER');
    expect(useCorpusSearchStore.getState()).toMatchObject({ busy: false, lastTagAll: { batchId: 'batch1', type: 'PER' } });
    corpusSearchActions.tagAllUndone();
    expect(useCorpusSearchStore.getState().lastTagAll).toBeNull();
    corpusSearchActions.stepStarted();
    corpusSearchActions.failed({ code: 'noArticleOpen' });
    expect(useCorpusSearchStore.getState()).toMatchObject({ busy: false, error: { code: 'noArticleOpen' } });
    corpusSearchActions.close();
    expect(useCorpusSearchStore.getState().open).toBe(false);
  });
});
