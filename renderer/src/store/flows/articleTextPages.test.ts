import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Api } from '../../../../shared/ipc';
import type { ArticleDocument } from '../../../../shared/articleDocumentWire';
import type { StoredAnnotation } from '../../../../shared/model/nativeFormat';
import { encodeProblem } from '../../../../shared/userProblem';
import { asUtf16Offset } from '../../../../shared/anchoring/offsetUnits';
import { defaultTagSet } from '../../../../shared/model/tagSet';
import { articleViewActions, canEditArticle, useArticleViewStore } from '../articleViewStore';
import { useDocumentStore } from '../documentStore';
import { searchArticle } from '../findStore';
import { preferencesActions } from '../preferencesStore';
import { flushSave, startAutosave } from '../saving/autosave';
import { openArticle } from './article';
import { showCorpus } from './corpus';
import { tagTextSelection } from './editing';

/**
 * (#17) An article main sends from the first page of its annotations with only the head of its
 * text (`textTotal`): shown from that head, find and tagging waiting, the text then completed
 * page by page (article.textPage) and swapped in, the annotations after it, then editable.
 */
const HEAD = 'سر \u{1F600} مقاله\n';
const TAIL = 'بخش دوم تهران \u{1F600}\nبخش سوم مشهد\n';
const WHOLE = HEAD + TAIL;
/** UTF-16 units a text page holds: the tail's pair is split between the two pages. */
const PAGE_UNITS = 15;
const codePoints = (text: string) => Array.from(text).length;

/** An annotation of `word`, found in the whole text, in code points as main stores it. */
function annotationOf(id: string, word: string): StoredAnnotation {
  const start = codePoints(WHOLE.slice(0, WHOLE.indexOf(word)));
  return { id, type: 'LOC', start, end: start + codePoints(word), text: word };
}

/** Main with one article sent from its head and a first page of one annotation (of three); text pages wait while `held`. */
class TextPagedMain {
  list = [annotationOf('head', 'مقاله'), annotationOf('tehran', 'تهران'), annotationOf('mashhad', 'مشهد')];
  textPagesAsked: number[] = [];
  loads: { firstPageEarly?: boolean }[] = [];
  held = true;
  annotationsHeld = false;
  staleText = false;
  private waiting: (() => void)[] = [];

  release(): void {
    this.held = false;
    this.annotationsHeld = false;
    for (const resume of this.waiting.splice(0)) resume();
  }

  document(early: boolean): ArticleDocument {
    return {
      id: 'big.txt',
      name: 'big.txt',
      text: early ? HEAD : WHOLE,
      ...(early ? { textTotal: WHOLE.length, textPageSize: PAGE_UNITS, annotationsTotal: this.list.length, annotationsPageSize: 1 } : {}),
      encoding: 'utf-8',
      encodingGuessed: false,
      sha256: 'sha',
      problem: null,
      migratedFrom: null,
      orphans: [],
      reanchored: null,
      status: 'in-progress',
      // The first page holds an annotation past the head too: it waits for the whole text.
      annotations: early ? this.list.slice(0, 2) : this.list,
      relations: [],
      labels: [],
      revision: early ? 'early' : 'whole',
    };
  }

  api(): Api {
    const changed = (channel: string) => new Error(`Error invoking remote method '${channel}': Error: ${encodeProblem({ code: 'articleChangedOnDisk' }, 'changed')}`);
    const api = {
      article: {
        load: async (request: { firstPageEarly?: boolean }) => {
          this.loads.push(request);
          return this.document(request.firstPageEarly === true);
        },
        textPage: async ({ revision, from }: { revision: string; from: number }) => {
          this.textPagesAsked.push(from);
          if (this.held) await new Promise<void>((resume) => this.waiting.push(resume));
          if (this.staleText || revision !== 'early') throw changed('article.textPage');
          return { text: WHOLE.slice(from, from + PAGE_UNITS) };
        },
        annotationPage: async ({ from }: { from: number }) => {
          if (this.annotationsHeld) await new Promise<void>((resume) => this.waiting.push(resume));
          return { annotations: this.list.slice(from, from + 1) };
        },
      },
      annotations: { saveChanges: async () => ({ ok: true, savedAt: new Date().toISOString(), written: true }) },
      session: { remember: async () => ({ ok: true }) },
    };
    return api as unknown as Api;
  }
}

let main: TextPagedMain;
let stopAutosave: () => void;

beforeEach(() => {
  main = new TextPagedMain();
  vi.stubGlobal('window', { api: main.api(), getSelection: () => null });
  vi.stubGlobal('requestIdleCallback', (callback: () => void) => setTimeout(callback, 0) as unknown as number);
  vi.stubGlobal('cancelIdleCallback', (handle: number) => clearTimeout(handle));
  preferencesActions.renameAnnotator('maryam');
  showCorpus({
    name: 'c',
    displayPath: '/c',
    mode: 'native',
    articles: [{ id: 'big.txt', name: 'big.txt', folder: '', status: 'new' as const, annotationCount: 0, tags: [], problem: null }],
    tagSet: { source: 'default', types: defaultTagSet().types, problem: null, userProblems: [] },
  });
  stopAutosave = startAutosave();
});

afterEach(async () => {
  main.release();
  await flushSave();
  stopAutosave();
  showCorpus(null);
  articleViewActions.closeArticle();
  vi.unstubAllGlobals();
});

async function until(condition: () => boolean): Promise<void> {
  for (let wait = 0; wait < 200 && !condition(); wait++) await new Promise((resolve) => setTimeout(resolve, 5));
  expect(condition()).toBe(true);
}

const article = () => useArticleViewStore.getState().article;
const ids = () => useDocumentStore.getState().annotations.map((annotation) => annotation.id);

describe('an article whose text comes as its head, the rest in pages (#17)', () => {
  it('is shown from its head, find and tagging waiting, then whole: the text, its hits and every annotation where the file has them', async () => {
    const opening = openArticle('big.txt');
    await until(() => article()?.id === 'big.txt');
    expect(article()).toMatchObject({ text: HEAD, textIncomplete: true, annotationsIncomplete: true });
    // The annotation past the head waits for the whole text; the one in it is shown.
    expect(ids()).toEqual(['head']);
    expect(canEditArticle()).toBe(false);
    // Find answers nothing from a part: not even the head's word, which would be one hit of maybe many.
    expect(searchArticle(article(), 'مقاله', false)).toEqual([]);
    expect(searchArticle(article(), 'تهران', false)).toEqual([]);
    const start = HEAD.indexOf('مقاله');
    articleViewActions.selectText({ start: asUtf16Offset(start), end: asUtf16Offset(start + 5) });
    expect(tagTextSelection('PER')).toBeNull();
    main.release();
    await opening;
    expect(main.textPagesAsked).toEqual([HEAD.length, HEAD.length + PAGE_UNITS]);
    expect(WHOLE.slice(HEAD.length + PAGE_UNITS - 1, HEAD.length + PAGE_UNITS + 1)).toBe('\u{1F600}');
    expect(article()?.text).toBe(WHOLE);
    expect(article()?.textIncomplete).toBeUndefined();
    expect(article()?.annotationsIncomplete).toBeUndefined();
    expect(canEditArticle()).toBe(true);
    expect(searchArticle(article(), 'مشهد', false)).toEqual([{ start: WHOLE.indexOf('مشهد'), end: WHOLE.indexOf('مشهد') + 4 }]);
    // Offsets past the head's surrogate pair: UTF-16 in the window, the file's code points converted by the whole text's converter.
    const mashhad = useDocumentStore.getState().annotations.find((annotation) => annotation.id === 'mashhad');
    expect(mashhad && WHOLE.slice(mashhad.start, mashhad.end)).toBe('مشهد');
    expect(ids()).toEqual(['head', 'tehran', 'mashhad']);
  });

  it('the text is whole before the annotations are: find answers while tagging still waits', async () => {
    main.held = false;
    main.annotationsHeld = true;
    const opening = openArticle('big.txt');
    await until(() => article()?.text === WHOLE);
    expect(article()).toMatchObject({ annotationsIncomplete: true });
    expect(article()?.textIncomplete).toBeUndefined();
    expect(canEditArticle()).toBe(false);
    expect(searchArticle(article(), 'مشهد', false)).toHaveLength(1);
    main.release();
    await opening;
    expect(canEditArticle()).toBe(true);
  });

  it('a text revision main no longer keeps: the article is loaded again whole, never completed from two texts', async () => {
    main.staleText = true;
    main.release();
    await openArticle('big.txt');
    await until(() => article()?.text === WHOLE && article()?.annotationsIncomplete === undefined);
    expect(main.loads.map((load) => load.firstPageEarly === true)).toEqual([true, false]);
    expect(ids()).toEqual(['head', 'tehran', 'mashhad']);
    expect(canEditArticle()).toBe(true);
  });
});
