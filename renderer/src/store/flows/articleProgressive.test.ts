import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Api } from '../../../../shared/ipc';
import type { ArticleDocument } from '../../../../shared/articleDocumentWire';
import type { StoredAnnotation } from '../../../../shared/model/nativeFormat';
import { encodeProblem } from '../../../../shared/userProblem';
import { asUtf16Offset } from '../../../../shared/anchoring/offsetUnits';
import { articleViewActions, canEditArticle, useArticleViewStore } from '../articleViewStore';
import { documentActions, useDocumentStore } from '../documentStore';
import { takeHeldEdits } from '../saving/heldEdits';
import { preferencesActions } from '../preferencesStore';
import { flushSave, startAutosave } from '../saving/autosave';
import { articlesBeingOpened, openArticle } from './article';
import { showCorpus } from './corpus';
import { setArticleStatus, tagTextSelection } from './editing';
import { defaultTagSet } from '../../../../shared/model/tagSet';
import { KEYMAP } from '../../components/keyboard/keymap';
import { useKeyHintStore } from '../window/keyHintStore';

/**
 * (#17) An article whose annotation list main sends in pages is shown from the first page (the
 * annotations at its start), not editable and never saved until the rest is in; the rest is then
 * adopted whole, and a list replaced meanwhile is loaded again, never completed from two lists.
 */
const WORDS = Array.from({ length: 24 }, (_, index) => `واژه${index}`);
const TEXT = `${WORDS.join(' ')}\n`;
const PAGE = 5;

function annotationOf(index: number): StoredAnnotation {
  const start = Array.from(TEXT.slice(0, TEXT.indexOf(`${WORDS[index]} `))).length;
  return { id: `a${index}`, type: 'PER', start, end: start + Array.from(WORDS[index]).length, text: WORDS[index] };
}

/** Main with one article of 20 annotations sent in pages of PAGE; pages wait for `release` while `held`. */
class PagedMain {
  list = Array.from({ length: 20 }, (_, index) => annotationOf(index));
  revision = 1;
  saves: unknown[] = [];
  loads = 0;
  pagesAsked: number[] = [];
  held = true;
  private waiting: (() => void)[] = [];
  /** `slow-unreadable.txt` fails once `failSlowLoad` is called. */
  failSlowLoad: () => void = () => undefined;
  private slowLoad = new Promise<void>((resolve) => (this.failSlowLoad = resolve));

  release(): void {
    this.held = false;
    for (const resume of this.waiting.splice(0)) resume();
  }

  document(id: string): ArticleDocument {
    const more = id.startsWith('big');
    const annotations = more ? this.list.slice(0, PAGE) : [];
    return {
      id,
      name: id,
      text: TEXT,
      encoding: 'utf-8',
      encodingGuessed: false,
      sha256: 'sha',
      problem: null,
      migratedFrom: null,
      orphans: [],
      reanchored: null,
      status: 'in-progress',
      annotations,
      relations: [],
      labels: [],
      revision: `r${this.revision}`,
      ...(more ? { annotationsTotal: this.list.length } : {}),
    };
  }

  api(): Api {
    const api = {
      article: {
        load: async ({ id }: { id: string }) => {
          this.loads++;
          if (id === 'slow-unreadable.txt') await this.slowLoad;
          if (id.endsWith('unreadable.txt')) throw new Error(`Error invoking remote method 'article.load': Error: ${encodeProblem({ code: 'articleUnreadable', file: id }, 'unreadable')}`);
          return this.document(id);
        },
        annotationPage: async ({ revision, from }: { revision: string; from: number }) => {
          this.pagesAsked.push(from);
          if (this.held) await new Promise<void>((resume) => this.waiting.push(resume));
          if (revision !== `r${this.revision}`) throw new Error(`Error invoking remote method 'article.annotationPage': Error: ${encodeProblem({ code: 'articleChangedOnDisk' }, 'changed')}`);
          // Answered out of order: the later pages first.
          await new Promise((resolve) => setTimeout(resolve, 40 - from));
          return { annotations: this.list.slice(from, from + PAGE) };
        },
      },
      annotations: {
        save: async (request: unknown) => {
          this.saves.push(request);
          return { ok: true, savedAt: new Date().toISOString(), written: true };
        },
        saveChanges: async (request: unknown) => {
          this.saves.push(request);
          return { ok: true, savedAt: new Date().toISOString(), written: true };
        },
      },
      session: { remember: async () => ({ ok: true }) },
    };
    return api as unknown as Api;
  }
}

let main: PagedMain;
let stopAutosave: () => void;

beforeEach(() => {
  main = new PagedMain();
  vi.stubGlobal('window', { api: main.api(), getSelection: () => null });
  vi.stubGlobal('requestIdleCallback', (callback: () => void) => setTimeout(callback, 0) as unknown as number);
  vi.stubGlobal('cancelIdleCallback', (handle: number) => clearTimeout(handle));
  preferencesActions.renameAnnotator('maryam');
  showCorpus({
    name: 'c',
    displayPath: '/c',
    mode: 'native',
    articles: ['big.txt', 'big2.txt', 'small.txt', 'unreadable.txt', 'slow-unreadable.txt'].map((id) => ({ id, name: id, folder: '', status: 'new' as const, annotationCount: 0, tags: [], problem: null })),
    tagSet: { source: 'default', types: defaultTagSet().types, problem: null, userProblems: [] },
  });
  stopAutosave = startAutosave();
});

afterEach(async () => {
  main.release();
  await flushSave();
  stopAutosave();
  showCorpus(null);
  vi.unstubAllGlobals();
});

async function until(condition: () => boolean): Promise<void> {
  for (let wait = 0; wait < 200 && !condition(); wait++) await new Promise((resolve) => setTimeout(resolve, 5));
  expect(condition()).toBe(true);
}

const ids = () => useDocumentStore.getState().annotations.map((annotation) => annotation.id);

function selectWord(index: number): void {
  const start = TEXT.indexOf(`${WORDS[index]} `);
  articleViewActions.selectText({ start: asUtf16Offset(start), end: asUtf16Offset(start + WORDS[index].length) });
}

describe('an article whose annotations come in pages (#17)', () => {
  it('is shown from the first page, not editable and not saved until the rest is in, then whole and editable', async () => {
    const opening = openArticle('big.txt');
    await until(() => useArticleViewStore.getState().article?.id === 'big.txt');
    expect(useArticleViewStore.getState().article?.annotationsIncomplete).toBe(true);
    expect(ids()).toEqual(main.list.slice(0, PAGE).map((annotation) => annotation.id));
    expect(canEditArticle()).toBe(false);
    selectWord(22);
    expect(tagTextSelection('LOC')).toBeNull();
    setArticleStatus('done');
    await flushSave();
    expect(main.saves).toEqual([]);
    main.release();
    await opening;
    expect(useArticleViewStore.getState().article?.annotationsIncomplete).toBeUndefined();
    expect(useArticleViewStore.getState().loadingArticleId).toBeNull();
    expect(ids()).toEqual(main.list.map((annotation) => annotation.id));
    expect(canEditArticle()).toBe(true);
    selectWord(22);
    expect(tagTextSelection('LOC')).not.toBeNull();
    await flushSave();
    // The one save there is keeps all 20 annotations: it removes none.
    expect(main.saves).toHaveLength(1);
    const [save] = main.saves as { annotations?: unknown[]; remove?: unknown[]; insert?: unknown[] }[];
    if (save.annotations) expect(save.annotations).toHaveLength(21);
    else expect({ remove: save.remove, inserted: save.insert?.length }).toEqual({ remove: [], inserted: 1 });
  });

  it('keeps no trace of an open once it settled, whatever was opened meanwhile (#25 heap)', async () => {
    const opening = openArticle('big.txt');
    await until(() => useArticleViewStore.getState().article?.id === 'big.txt');
    // Still coming: its call is what says whether the rest of its pages is wanted.
    expect(articlesBeingOpened()).toBe(1);
    const others = [openArticle('small.txt'), openArticle('big2.txt')];
    main.release();
    await Promise.all([opening, ...others]);
    for (const id of ['small.txt', 'big.txt', 'unreadable.txt', 'big2.txt', 'small.txt', 'big.txt']) await openArticle(id);
    expect(useArticleViewStore.getState().article?.id).toBe('big.txt');
    expect(articlesBeingOpened()).toBe(0);
  });

  it('a selection made while the rest comes stays', async () => {
    const opening = openArticle('big.txt');
    await until(() => useArticleViewStore.getState().article?.id === 'big.txt');
    selectWord(3);
    main.release();
    await opening;
    expect(useArticleViewStore.getState().textSelection).not.toBeNull();
  });

  it('another article opened meanwhile stops the pages, and is the one shown and edited', async () => {
    const opening = openArticle('big.txt');
    await until(() => useArticleViewStore.getState().article?.id === 'big.txt');
    await openArticle('small.txt');
    main.release();
    await opening;
    expect(useArticleViewStore.getState().article?.id).toBe('small.txt');
    expect(useArticleViewStore.getState().article?.annotationsIncomplete).toBeUndefined();
    expect(useDocumentStore.getState().articleId).toBe('small.txt');
    expect(canEditArticle()).toBe(true);
    // No more than the first batch of pages was asked for.
    expect(main.pagesAsked.length).toBeLessThanOrEqual(4);
  });

  it('another article clicked meanwhile whose load fails: its failure is shown, and the first article ends whole and editable', async () => {
    const opening = openArticle('big.txt');
    await until(() => useArticleViewStore.getState().article?.id === 'big.txt');
    await openArticle('unreadable.txt');
    expect(useArticleViewStore.getState().loadError).toMatchObject({ code: 'articleUnreadable' });
    main.release();
    await opening;
    await until(() => useArticleViewStore.getState().article?.annotationsIncomplete === undefined);
    expect(useArticleViewStore.getState().article?.id).toBe('big.txt');
    expect(useArticleViewStore.getState().loadError).toMatchObject({ code: 'articleUnreadable' });
    expect(ids()).toEqual(main.list.map((annotation) => annotation.id));
    expect(canEditArticle()).toBe(true);
  });

  it('another article clicked meanwhile and still loading when the first is whole: it is not stopped, and is shown', async () => {
    main.release();
    main.held = true;
    const opening = openArticle('big.txt');
    await until(() => useArticleViewStore.getState().article?.id === 'big.txt');
    const other = openArticle('big2.txt');
    main.release();
    await Promise.all([opening, other]);
    await until(() => useArticleViewStore.getState().article?.annotationsIncomplete === undefined);
    expect(useArticleViewStore.getState().article?.id).toBe('big2.txt');
    expect(useArticleViewStore.getState().loadingArticleId).toBeNull();
    expect(useDocumentStore.getState().articleId).toBe('big2.txt');
    expect(ids()).toEqual(main.list.map((annotation) => annotation.id));
  });

  it('its pages refused while another article loads, and that load fails: the first is loaded again whole, never left incomplete', async () => {
    const opening = openArticle('big.txt');
    await until(() => useArticleViewStore.getState().article?.id === 'big.txt');
    main.revision = 2;
    main.list = main.list.slice(0, 12);
    const other = openArticle('slow-unreadable.txt');
    main.release();
    await until(() => main.pagesAsked.length >= 3);
    // The pages are refused while the other load is still on: that one goes on.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(useArticleViewStore.getState().loadingArticleId).toBe('slow-unreadable.txt');
    main.failSlowLoad();
    await Promise.all([opening, other]);
    await until(() => useArticleViewStore.getState().article?.annotationsIncomplete === undefined && useArticleViewStore.getState().loadingArticleId === null);
    expect(useArticleViewStore.getState().article?.id).toBe('big.txt');
    expect(ids()).toEqual(main.list.map((annotation) => annotation.id));
    expect(canEditArticle()).toBe(true);
  });

  it('its pages refused while another article loads, and that one is shown: the first is not loaded again', async () => {
    const opening = openArticle('big.txt');
    await until(() => useArticleViewStore.getState().article?.id === 'big.txt');
    main.revision = 2;
    const other = openArticle('small.txt');
    main.release();
    await Promise.all([opening, other]);
    const loads = main.loads;
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(main.loads).toBe(loads);
    expect(useArticleViewStore.getState().article?.id).toBe('small.txt');
  });

  it('a list replaced while its pages come is loaded again whole, never completed from two lists', async () => {
    const opening = openArticle('big.txt');
    await until(() => useArticleViewStore.getState().article?.id === 'big.txt');
    main.revision = 2;
    main.list = main.list.slice(0, 12);
    main.release();
    await opening;
    await until(() => useArticleViewStore.getState().loadingArticleId === null);
    expect(ids()).toEqual(main.list.map((annotation) => annotation.id));
    expect(useArticleViewStore.getState().article?.annotationsIncomplete).toBeUndefined();
    expect(canEditArticle()).toBe(true);
  });

  it('a tag key pressed while the rest comes says why it did nothing, and tags once the list is whole', async () => {
    const tagKey = KEYMAP.find((binding) => binding.description === 'keyTag')?.run;
    if (!tagKey) throw new Error('no tag key in the keymap');
    const press = { code: 'Digit1', key: '1', shiftKey: false, ctrlKey: false, altKey: false, metaKey: false } as KeyboardEvent;
    const opening = openArticle('big.txt');
    await until(() => useArticleViewStore.getState().article?.id === 'big.txt');
    selectWord(22);
    tagKey(press);
    expect(useKeyHintStore.getState().hint).toBe('hintStillLoading');
    expect(ids()).toHaveLength(PAGE);
    main.release();
    await opening;
    selectWord(22);
    tagKey(press);
    expect(ids()).toHaveLength(21);
  });

  it('never saves nor holds the first page as the document, even if it were changed behind the flows', async () => {
    // The window's last base is big.txt's whole list; then big2.txt, then big.txt again, both shown from their first page.
    main.release();
    await openArticle('big.txt');
    main.held = true;
    const second = openArticle('big2.txt');
    await until(() => useArticleViewStore.getState().article?.id === 'big2.txt');
    const again = openArticle('big.txt');
    await until(() => useArticleViewStore.getState().article?.id === 'big.txt');
    // Past every flow's check, as no flow can: the store itself changed.
    documentActions.edit({ annotations: useDocumentStore.getState().annotations.slice(1) });
    await flushSave();
    await openArticle('small.txt');
    main.release();
    await Promise.all([second, again]);
    await flushSave();
    expect(main.saves).toEqual([]);
    expect(await takeHeldEdits('big.txt')).toBeNull();
  });

  it('opening the article being opened again reads nothing more', async () => {
    const opening = openArticle('big.txt');
    const again = openArticle('big.txt');
    main.release();
    await Promise.all([opening, again]);
    expect(main.loads).toBe(1);
    expect(ids()).toHaveLength(20);
    expect(canEditArticle()).toBe(true);
  });
});
