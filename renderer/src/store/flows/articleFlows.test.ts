import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Api } from '../../../../shared/ipc';
import type { ArticleDocument } from '../../../../shared/articleDocumentWire';
import type { SaveResult, SavedDocument } from '../../../../shared/saveWire';
import type { Corpus } from '../../../../shared/corpusWire';
import type { StoredAnnotation } from '../../../../shared/model/nativeFormat';
import { articleViewActions, useArticleViewStore } from '../articleViewStore';
import { useCorpusViewStore } from '../corpusViewStore';
import { useDocumentStore } from '../documentStore';
import { preferencesActions } from '../preferencesStore';
import { useSaveStatusStore } from '../saveStatusStore';
import { flushSave, hasUnsavedEdits, startAutosave, syncWithDisk } from '../saving/autosave';
import { confirmLeavingUnsaved } from '../saving/closeGuard';
import { useWindowStore, windowActions } from '../window/windowStore';
import { markDoneAndOpenNext, openArticle, openNeighbourArticle, openNextUnfinished } from './article';
import { showCorpus } from './corpus';
import { moveBrokenFileAside, onArticleChangedOnDisk } from './diskChanges';
import { applyTag, confirmDelete, deleteSelectedAnnotation, redo, retagSelectedAnnotation, setArticleStatus, tagAllHits, tagTextSelection, undo, updateSelectedDetails } from './editing';
import { asUtf16Offset } from '../../../../shared/anchoring/offsetUnits';

/**
 * The cross-store flows of the open article, in plain Node against a fake main (window.api is
 * the seam api.ts reads): open, edit, undo and redo, save, leave. No DOM: the browser selection
 * is stood in for by articleViewActions.selectText, as ArticleView sets it.
 */
const TEXT = 'علی دایی در تهران با مدیران فیفا دیدار کرد.\n';

function stored(id: string, word: string, type: string): StoredAnnotation {
  const start = Array.from(TEXT.slice(0, TEXT.indexOf(word))).length;
  return { id, type, start, end: start + Array.from(word).length, text: word };
}

class FakeMain {
  disk = new Map<string, SavedDocument>();
  loads: string[] = [];
  saves: { id: string; document: SavedDocument }[] = [];
  problem: ArticleDocument['problem'] = null;
  reanchored: ArticleDocument['reanchored'] = null;
  failLoad = false;
  deleteLines: string[] = [];
  corpus: Corpus;
  /** While set, saves wait for it (a save on its way). */
  gate: Promise<void> | null = null;
  /** While set, every save fails with it (a full disk, a refusal). */
  failSave: Extract<SaveResult, { ok: false }> | null = null;
  /** What main did, in order: loads, and saves as they start and end. */
  log: string[] = [];

  constructor(ids: string[], mode: Corpus['mode'] = 'native') {
    for (const id of ids) this.disk.set(id, { status: 'new', annotations: [], relations: [], labels: [] });
    this.corpus = {
      name: 'c',
      displayPath: '/c',
      mode,
      articles: ids.map((id) => ({ id, name: id, folder: '', status: 'new' as const, annotationCount: 0, tags: [], problem: null })),
      tagSet: { source: 'default', types: [], problem: null, userProblems: [] },
    };
  }

  load(id: string): ArticleDocument {
    this.loads.push(id);
    this.log.push(`load ${id}`);
    if (this.failLoad) throw new Error('ENOENT: no such file');
    const disk = structuredClone(this.disk.get(id) as SavedDocument);
    return { id, name: id, text: TEXT, encoding: 'utf-8', encodingGuessed: false, sha256: 'sha', problem: this.problem, migratedFrom: null, orphans: [], reanchored: this.reanchored, ...disk };
  }

  async save(id: string, document: SavedDocument): Promise<SaveResult> {
    this.log.push(`save ${id} starts`);
    if (this.gate) await this.gate;
    if (this.failSave) {
      this.log.push(`save ${id} failed`);
      return this.failSave;
    }
    this.saves.push({ id, document: structuredClone(document) });
    this.disk.set(id, structuredClone(document));
    this.log.push(`save ${id} ends`);
    return { ok: true, savedAt: new Date().toISOString(), written: true };
  }

  api(): Api {
    const api = {
      article: { load: async ({ id }: { id: string }) => this.load(id) },
      annotations: {
        save: async ({ id, status, annotations, relations, labels }: SavedDocument & { id: string }) => this.save(id, { status, annotations, relations, labels }),
        previewDelete: async () => ({ lines: this.deleteLines }),
        moveAside: async ({ id }: { id: string }) => {
          this.problem = null;
          return { movedTo: `${id}.ann.json.broken` };
        },
      },
      corpus: { refresh: async () => this.corpus },
      session: { remember: async () => ({ ok: true }) },
    };
    return api as unknown as Api;
  }
}

let main: FakeMain;
let stopAutosave: () => void;

async function start(ids = ['a.txt', 'b.txt', 'c.txt'], mode: Corpus['mode'] = 'native'): Promise<void> {
  main = new FakeMain(ids, mode);
  vi.stubGlobal('window', { api: main.api(), getSelection: () => null });
  showCorpus(main.corpus);
}

function selectWord(word: string): void {
  const start = TEXT.indexOf(word);
  articleViewActions.selectText({ start: asUtf16Offset(start), end: asUtf16Offset(start + word.length) });
}

const tags = () => useDocumentStore.getState().annotations.map((item) => `${item.text}:${item.type}`);

beforeEach(() => {
  vi.stubGlobal('requestIdleCallback', (callback: () => void) => setTimeout(callback, 0) as unknown as number);
  vi.stubGlobal('cancelIdleCallback', (handle: number) => clearTimeout(handle));
  preferencesActions.renameAnnotator('maryam');
  preferencesActions.changeDisplay({ language: 'en' });
  windowActions.dismissNotice();
  stopAutosave = startAutosave();
});

afterEach(async () => {
  await flushSave();
  stopAutosave();
  showCorpus(null);
  vi.unstubAllGlobals();
});

describe('opening an article', () => {
  it('shows it with its annotations in UTF-16 offsets, nothing selected, saved, and an empty history', async () => {
    await start();
    main.disk.set('a.txt', { status: 'in-progress', annotations: [stored('a1', 'تهران', 'LOC')], relations: [], labels: [] });
    articleViewActions.selectText({ start: asUtf16Offset(0), end: asUtf16Offset(3) });
    await openArticle('a.txt');
    expect(useArticleViewStore.getState()).toMatchObject({ article: { id: 'a.txt' }, loadingArticleId: null, textSelection: null, selectedAnnotationId: null });
    const [loaded] = useDocumentStore.getState().annotations;
    expect(TEXT.slice(loaded.start, loaded.end)).toBe('تهران');
    expect(useDocumentStore.getState()).toMatchObject({ articleId: 'a.txt', status: 'in-progress' });
    expect(useSaveStatusStore.getState().saveState).toBe('saved');
    expect(useDocumentStore.temporal.getState().pastStates).toHaveLength(0);
  });

  it('opening the open article again reads nothing; a reload reads it again', async () => {
    await start();
    await openArticle('a.txt');
    await openArticle('a.txt');
    expect(main.loads).toEqual(['a.txt']);
    await openArticle('a.txt', { reload: true });
    expect(main.loads).toEqual(['a.txt', 'a.txt']);
  });

  it('a file that cannot be used opens read-only: no edit, no undo', async () => {
    await start();
    main.problem = { kind: 'syntax', message: 'Unexpected token' };
    await openArticle('a.txt');
    expect(useSaveStatusStore.getState().saveState).toBe('readonly');
    selectWord('تهران');
    expect(tagTextSelection('LOC')).toBeNull();
    undo();
    expect(tags()).toEqual([]);
  });

  it('a load that fails says why and keeps the article shown before', async () => {
    await start();
    await openArticle('a.txt');
    main.failLoad = true;
    await openArticle('b.txt');
    expect(useArticleViewStore.getState()).toMatchObject({ article: { id: 'a.txt' }, loadingArticleId: null });
    expect(useArticleViewStore.getState().loadError).not.toBeNull();
  });

  it('tells what moved when the article changed on disk, in the user language', async () => {
    await start();
    main.reanchored = { moved: 2, fuzzy: 1, orphaned: 0 };
    await openArticle('a.txt');
    expect(useWindowStore.getState().notice).toMatch(/Annotations moved: 2; matched approximately: 1/);
  });

});

describe('moving through the corpus', () => {
  it('moves through the corpus: neighbours, then the next unfinished, then says all are done', async () => {
    await start();
    await openNeighbourArticle(1);
    expect(useArticleViewStore.getState().article?.id).toBe('a.txt');
    await openNeighbourArticle(1);
    expect(useArticleViewStore.getState().article?.id).toBe('b.txt');
    await openNeighbourArticle(-1);
    expect(useArticleViewStore.getState().article?.id).toBe('a.txt');
    await markDoneAndOpenNext();
    expect(main.disk.get('a.txt')?.status).toBe('done');
    expect(useCorpusViewStore.getState().corpus?.articles[0].status).toBe('done');
    expect(useArticleViewStore.getState().article?.id).toBe('b.txt');
    for (const id of ['b.txt', 'c.txt']) main.disk.set(id, { status: 'done', annotations: [], relations: [], labels: [] });
    main.corpus.articles = main.corpus.articles.map((entry) => ({ ...entry, status: 'done' as const }));
    showCorpus(main.corpus);
    await openArticle('c.txt');
    await openNextUnfinished();
    expect(useWindowStore.getState().notice).toBe('Every article of this corpus is done.');
  });
});

describe('editing, saving and undo', () => {
  it('tags the selection (a new article becomes in progress), saves it, and undo and redo walk it back and forth', async () => {
    await start();
    await openArticle('a.txt');
    selectWord('تهران');
    const id = tagTextSelection('LOC');
    expect(useArticleViewStore.getState()).toMatchObject({ selectedAnnotationId: id, textSelection: null });
    expect(useDocumentStore.getState().status).toBe('in-progress');
    expect(await flushSave()).toBe(true);
    expect(main.disk.get('a.txt')?.annotations).toMatchObject([{ text: 'تهران', type: 'LOC', author: 'maryam' }]);
    expect(useSaveStatusStore.getState().saveState).toBe('saved');
    undo();
    expect(tags()).toEqual([]);
    await flushSave();
    expect(main.disk.get('a.txt')?.annotations).toEqual([]);
    redo();
    await flushSave();
    expect(main.disk.get('a.txt')?.annotations).toHaveLength(1);
  });

  it('applies a tag by the selection rule: the text selection wins, else the selected annotation is retagged', async () => {
    await start();
    await openArticle('a.txt');
    selectWord('فیفا');
    applyTag('ORG');
    applyTag('PER');
    expect(tags()).toEqual(['فیفا:PER']);
    retagSelectedAnnotation('ORG');
    updateSelectedDetails({ note: 'the federation' });
    expect(useDocumentStore.getState().annotations[0]).toMatchObject({ type: 'ORG', note: 'the federation' });
    selectWord('تهران');
    applyTag('LOC');
    expect(tags().sort()).toEqual(['تهران:LOC', 'فیفا:ORG']);
  });

  it('tags every hit as one step: one undo removes them all', async () => {
    await start();
    await openArticle('a.txt');
    const hits = ['علی', 'تهران'].map((word) => ({ start: asUtf16Offset(TEXT.indexOf(word)), end: asUtf16Offset(TEXT.indexOf(word) + word.length) }));
    expect(tagAllHits(hits, 'LOC')).toBe(2);
    expect(tagAllHits(hits, 'LOC')).toBe(0);
    undo();
    expect(tags()).toEqual([]);
  });

});

describe('deleting and the status', () => {
  it('deletes the selected annotation with its relations; a brat deletion that takes more lines asks first', async () => {
    await start(['a.txt'], 'brat');
    await openArticle('a.txt');
    selectWord('تهران');
    const id = tagTextSelection('LOC') as string;
    main.deleteLines = ['T1\tLOC 12 17\tتهران', 'R1\tnear Arg1:T1 Arg2:T2'];
    await deleteSelectedAnnotation();
    expect(useArticleViewStore.getState().pendingDelete).toEqual({ annotationId: id, lines: main.deleteLines });
    expect(tags()).toHaveLength(1);
    confirmDelete(id);
    expect(tags()).toEqual([]);
    expect(useArticleViewStore.getState()).toMatchObject({ pendingDelete: null, selectedAnnotationId: null });
    undo();
    expect(tags()).toEqual(['تهران:LOC']);
    main.deleteLines = ['T1\tLOC 12 17\tتهران'];
    articleViewActions.selectAnnotation(id);
    await deleteSelectedAnnotation();
    expect(tags()).toEqual([]);
  });

  it('changes the status once, as an edit', async () => {
    await start();
    await openArticle('a.txt');
    setArticleStatus('needs-review');
    setArticleStatus('needs-review');
    expect(useDocumentStore.temporal.getState().pastStates).toHaveLength(1);
    await flushSave();
    expect(main.disk.get('a.txt')?.status).toBe('needs-review');
  });

});

describe('edits and the disk', () => {
  it('an edit on its way when the article is left is saved, not lost', async () => {
    await start();
    await openArticle('a.txt');
    selectWord('تهران');
    tagTextSelection('LOC');
    await openArticle('b.txt');
    expect(main.disk.get('a.txt')?.annotations).toHaveLength(1);
    expect(hasUnsavedEdits()).toBe(false);
  });

  it('a full disk: the edit stays unsaved and the status says saving is tried again; a refusal does not say so', async () => {
    await start();
    await openArticle('a.txt');
    main.failSave = { ok: false, message: 'ENOSPC', userProblem: { code: 'diskFull', file: 'a.ann.json' }, retryable: true };
    selectWord('تهران');
    tagTextSelection('LOC');
    expect(await flushSave()).toBe(false);
    expect(useSaveStatusStore.getState()).toMatchObject({ saveState: 'error', saveRetrying: true, saveProblem: { problem: { code: 'diskFull', file: 'a.ann.json' } } });
    main.failSave = { ok: false, message: 'refused', userProblem: { code: 'writeFailed', file: 'a.ann.json', errno: 'EINVAL' }, retryable: false };
    expect(await flushSave()).toBe(false);
    expect(useSaveStatusStore.getState()).toMatchObject({ saveState: 'error', saveRetrying: false });
    main.failSave = null;
    expect(await flushSave()).toBe(true);
    expect(useSaveStatusStore.getState()).toMatchObject({ saveState: 'saved', saveRetrying: false, saveProblem: null });
    expect(main.disk.get('a.txt')?.annotations).toHaveLength(1);
  });

  it('(#17) a reload reads the file only after every save of it landed, a sync started meanwhile included', async () => {
    await start();
    await openArticle('a.txt');
    selectWord('تهران');
    tagTextSelection('LOC');
    let landFirst = () => {};
    let landSecond = () => {};
    main.gate = new Promise<void>((resolve) => (landFirst = resolve));
    main.log = [];
    const reload = openArticle('a.txt', { reload: true });
    await vi.waitFor(() => expect(main.log).toEqual(['save a.txt starts']));
    // The watcher's sync arrives while the flush's save is on its way: it starts once that lands, and takes a while.
    const sync = syncWithDisk('a.txt');
    main.gate = new Promise<void>((resolve) => (landSecond = resolve));
    landFirst();
    await vi.waitFor(() => expect(main.log.filter((entry) => entry === 'save a.txt starts')).toHaveLength(2));
    setTimeout(landSecond, 50);
    await Promise.all([reload, sync]);
    expect(main.log).toEqual(['save a.txt starts', 'save a.txt ends', 'save a.txt starts', 'save a.txt ends', 'load a.txt']);
    expect(tags()).toEqual(['تهران:LOC']);
  });

  it('the article changed on disk: what the window holds is saved, then it is read again', async () => {
    await start();
    await openArticle('a.txt');
    selectWord('تهران');
    tagTextSelection('LOC');
    await onArticleChangedOnDisk('a.txt');
    expect(main.saves.at(-1)?.document.annotations).toHaveLength(1);
    expect(main.loads).toEqual(['a.txt', 'a.txt']);
    expect(tags()).toEqual(['تهران:LOC']);
  });

  it('a broken file moved aside: the user is told where, and the article opens afresh, editable', async () => {
    await start();
    main.problem = { kind: 'syntax', message: 'Unexpected token' };
    await openArticle('a.txt');
    await moveBrokenFileAside();
    expect(useWindowStore.getState().notice).toBe('The broken file was kept as \u2068a.txt.ann.json.broken\u2069');
    expect(useArticleViewStore.getState().article?.problem).toBeNull();
    expect(useSaveStatusStore.getState().saveState).toBe('saved');
  });
});

describe('leaving', () => {
  it('leaves without asking once everything is saved', async () => {
    await start();
    await openArticle('a.txt');
    selectWord('تهران');
    tagTextSelection('LOC');
    expect(await confirmLeavingUnsaved('switch-corpus')).toBe(true);
    expect(main.disk.get('a.txt')?.annotations).toHaveLength(1);
    expect(useSaveStatusStore.getState().leaveQuestion).toBeNull();
  });
});
