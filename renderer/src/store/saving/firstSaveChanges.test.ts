// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Api } from '../../../../shared/ipc';
import type { ArticleDocument } from '../../../../shared/articleDocumentWire';
import type { SaveResult } from '../../../../shared/saveWire';
import type { StoredAnnotation } from '../../../../shared/model/nativeFormat';
import { articleViewActions } from '../articleViewStore';
import { documentActions, useDocumentStore } from '../documentStore';
import { openArticle } from '../flows/article';
import { showCorpus } from '../flows/corpus';
import { tagTextSelection } from '../flows/editing';
import { preferencesActions } from '../preferencesStore';
import { saveStatusActions } from '../saveStatusStore';
import { windowActions } from '../window/windowStore';
import { flushSave, startAutosave } from './autosave';
import { asUtf16Offset } from '../../../../shared/anchoring/offsetUnits';

/**
 * (#17) The first save after opening an article sends only what changed when main named the
 * list it sent (article.load's `revision`) and the window keeps it in that order: 100,000
 * annotations sent whole on the first tag took seconds.
 */
const TEXT = 'علی دایی در تهران با مدیران فیفا دیدار کرد.\n';

function annotation(id: string, word: string): StoredAnnotation {
  const start = Array.from(TEXT.slice(0, TEXT.indexOf(word))).length;
  return { id, type: 'LOC', start, end: start + Array.from(word).length, text: word };
}

interface Calls {
  whole: number;
  changes: { base: string; count: number; inserted: string[] }[];
  /** (#25) The relations each save of changes carried, or null when it left them out. */
  relationsSent?: (string[] | null)[];
}

function fakeMain(loaded: StoredAnnotation[], revision: string | undefined, calls: Calls): Api {
  const relations = loaded.length > 1 ? [{ id: 'r1', type: 'near', from: loaded[0].id, to: loaded[1].id }] : [];
  const document: ArticleDocument = { id: 'a.txt', name: 'a.txt', text: TEXT, encoding: 'utf-8', encodingGuessed: false, sha256: 'sha', status: 'in-progress', annotations: loaded, relations, labels: [], problem: null, migratedFrom: null, orphans: [], reanchored: null, ...(revision ? { revision } : {}) };
  const ok: SaveResult = { ok: true, savedAt: new Date().toISOString(), written: true, revision: 'next' };
  return {
    article: { load: async () => structuredClone(document) },
    annotations: {
      save: async () => {
        calls.whole++;
        return ok;
      },
      saveChanges: async ({ base, count, insert, relations }: { base: string; count: number; insert: { annotation: StoredAnnotation }[]; relations?: { id: string }[] }) => {
        calls.changes.push({ base, count, inserted: insert.map((placed) => placed.annotation.text) });
        calls.relationsSent?.push(relations ? relations.map((relation) => relation.id) : null);
        return ok;
      },
    },
    session: { remember: async () => ({ ok: true }) },
  } as unknown as Api;
}

let stopAutosave: () => void;
beforeEach(() => {
  vi.stubGlobal('requestIdleCallback', (callback: () => void) => setTimeout(callback, 0) as unknown as number);
  vi.stubGlobal('cancelIdleCallback', (handle: number) => clearTimeout(handle));
});
afterEach(() => {
  stopAutosave();
  vi.unstubAllGlobals();
});

async function openAndTag(loaded: StoredAnnotation[], revision: string | undefined, calls: Calls = { whole: 0, changes: [] }): Promise<Calls> {
  window.api = fakeMain(loaded, revision, calls);
  preferencesActions.renameAnnotator('maryam');
  preferencesActions.changeDisplay({ language: 'fa' });
  windowActions.dismissNotice();
  saveStatusActions.dropLeaveQuestion();
  showCorpus({ name: 'corpus', displayPath: '/corpus', mode: 'native', articles: [{ id: 'a.txt', name: 'a.txt', folder: '', status: 'new', annotationCount: 0, tags: [], problem: null }], tagSet: { source: 'default', types: [], problem: null, userProblems: [] } });
  stopAutosave = startAutosave();
  await openArticle('a.txt');
  const start = TEXT.indexOf('فیفا');
  articleViewActions.selectText({ start: asUtf16Offset(start), end: asUtf16Offset(start + 'فیفا'.length) });
  tagTextSelection('ORG');
  expect(await flushSave()).toBe(true);
  return calls;
}

describe('the first save after opening', () => {
  it('sends only the new tag, against the revision main named the loaded list with', async () => {
    const calls = await openAndTag([annotation('a1', 'علی'), annotation('a2', 'تهران')], 'loaded-revision');
    expect(calls.whole).toBe(0);
    expect(calls.changes).toEqual([{ base: 'loaded-revision', count: 3, inserted: ['فیفا'] }]);
  });

  it('sends the whole list when main named none', async () => {
    const calls = await openAndTag([annotation('a1', 'علی')], undefined);
    expect(calls.whole).toBe(1);
    expect(calls.changes).toEqual([]);
  });

  it('sends the whole list when the file was not in reading order (main’s revision names another order)', async () => {
    const calls = await openAndTag([annotation('a2', 'تهران'), annotation('a1', 'علی')], 'loaded-revision');
    expect(calls.whole).toBe(1);
    expect(calls.changes).toEqual([]);
  });

  it('(#25) leaves out relations unchanged since the base (main keeps them), and sends them once they change', async () => {
    const calls = await openAndTag([annotation('a1', 'علی'), annotation('a2', 'تهران')], 'loaded-revision', { whole: 0, changes: [], relationsSent: [] });
    const start = TEXT.indexOf('مدیران');
    articleViewActions.selectText({ start: asUtf16Offset(start), end: asUtf16Offset(start + 'مدیران'.length) });
    tagTextSelection('ORG');
    expect(await flushSave()).toBe(true);
    const { annotations } = useDocumentStore.getState();
    documentActions.edit({ annotations, relations: [] });
    expect(await flushSave()).toBe(true);
    expect(calls.whole).toBe(0);
    expect(calls.relationsSent).toEqual([null, null, []]);
  });
});
