import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Api } from '../../../../shared/ipc';
import type { ArticleDocument } from '../../../../shared/articleDocumentWire';
import type { Corpus } from '../../../../shared/corpusWire';
import type { ExportRunRequest, ImportRunRequest } from '../../../../shared/transferWire';
import { articleViewActions, useArticleViewStore } from '../articleViewStore';
import { corpusSearchActions, useCorpusSearchStore } from '../corpusSearchStore';
import { useCorpusViewStore } from '../corpusViewStore';
import { documentActions, useDocumentStore } from '../documentStore';
import { leadActions, useLeadStore } from '../leadStore';
import { preferencesActions, usePreferencesStore } from '../preferencesStore';
import { suggestionActions, useSuggestionStore } from '../suggestionStore';
import { transferActions, useTransferStore } from '../transferStore';
import { openArticle } from './article';
import { openDroppedFile, openFolderDialog, showCorpus, showOpenRefused, showSavedTagSet, switchCorpusWhenSafe } from './corpus';
import { searchCorpus, tagAllInCorpus, undoTagAllInCorpus } from './corpusSearch';
import { computeAgreementReport, loadCuration, openLeadView, saveAnnotatorName, toggleLeadView } from './lead';
import { setPreferences } from './preferences';
import { acceptSuggestion, acceptSuggestions, refreshSuggestions, rejectSuggestion, rejectSuggestions } from './suggestions';
import { startExport, startImport } from './transfer';

/** The panels' flows (transfer, lead, suggestions, corpus search, preferences, corpus), in plain Node against a fake main. */

// «𝄞» before the words is two UTF-16 units and one code point: the offsets differ after it.
const TEXT = '𝄞 علی دایی در تهران\n';
const corpus: Corpus = {
  name: 'c',
  displayPath: '/c',
  mode: 'native',
  articles: ['a.txt', 'b.txt'].map((id) => ({ id, name: id, folder: '', status: 'new' as const, annotationCount: 0, tags: [], problem: null })),
  tagSet: { source: 'default', types: [], problem: null, userProblems: [] },
};

function document(id: string): ArticleDocument {
  return { id, name: id, text: TEXT, encoding: 'utf-8', encodingGuessed: false, sha256: 'sha', status: 'new', annotations: [], relations: [], labels: [], problem: null, migratedFrom: null, orphans: [], reanchored: null };
}

/** A word's span in code points, as main sends suggestions. */
function codePointSpan(word: string, type: string) {
  const start = Array.from(TEXT.slice(0, TEXT.indexOf(word))).length;
  return { start, end: start + Array.from(word).length, type, text: word, count: 2 };
}

/** Calls main received, by channel. */
let calls: Record<string, unknown[]>;
let answers: Record<string, (request: unknown) => unknown>;

function fakeApi(): Api {
  const call = (channel: string) => async (request: unknown) => {
    (calls[channel] ??= []).push(request);
    const answer = answers[channel];
    if (!answer) throw new Error(`unexpected call ${channel}`);
    return answer(request);
  };
  const channels = ['article.load', 'article.suggestions', 'annotations.save', 'session.remember', 'settings.setPreferences', 'settings.setAnnotator', 'corpus.openDialog', 'corpus.confirmSwitch', 'corpus.search', 'corpus.tagAll', 'corpus.undoTagAll', 'export.run', 'import.run', 'stats.compute', 'annotators.list', 'agreement.compute', 'curation.load', 'pretag.suggestions', 'pretag.reject'];
  const api: Record<string, unknown> = { onExportProgress: () => () => undefined, onImportProgress: () => () => undefined };
  for (const channel of channels) {
    const [group, verb] = channel.split('.');
    api[group] = { ...(api[group] as object), [verb]: call(channel) };
  }
  return api as unknown as Api;
}

beforeEach(() => {
  calls = {};
  answers = {
    'article.load': (request) => document((request as { id: string }).id),
    'session.remember': () => ({ ok: true }),
    'settings.setPreferences': () => ({ ok: true }),
  };
  vi.stubGlobal('window', { api: fakeApi(), getSelection: () => null, dropTarget: { open: async () => ({ corpus, articleId: 'b.txt' }) } });
  vi.stubGlobal('requestIdleCallback', (callback: () => void) => setTimeout(callback, 0) as unknown as number);
  vi.stubGlobal('cancelIdleCallback', (handle: number) => clearTimeout(handle));
  showCorpus(corpus);
});

afterEach(() => {
  showCorpus(null);
  vi.unstubAllGlobals();
});

describe('corpus flows', () => {
  it('a folder chosen shows its corpus afresh; a failure is shown, nothing lost', async () => {
    await openArticle('a.txt');
    answers['corpus.openDialog'] = () => ({ ...corpus, name: 'other' });
    await openFolderDialog();
    expect(useCorpusViewStore.getState().corpus?.name).toBe('other');
    expect(useArticleViewStore.getState().article).toBeNull();
    expect(useDocumentStore.getState().articleId).toBeNull();
    answers['corpus.openDialog'] = () => {
      throw new Error('EACCES');
    };
    await openFolderDialog();
    expect(useArticleViewStore.getState().loadError).not.toBeNull();
    expect(useCorpusViewStore.getState().corpus?.name).toBe('other');
  });

  it('a dropped article opens its corpus at that article; a saved tag set shows and the open article is read again', async () => {
    await openDroppedFile({} as File);
    expect(useArticleViewStore.getState().article?.id).toBe('b.txt');
    await showSavedTagSet({ ...corpus, name: 'renamed' });
    expect(useCorpusViewStore.getState().corpus?.name).toBe('renamed');
    expect(calls['article.load']).toHaveLength(2);
  });
});

describe('corpus hand-over flows (a file opened from the OS or a second launch, #23)', () => {
  const token = `switch${'a'.repeat(24)}`;

  it('a switch main asks for opens the other corpus at the article asked for, after saving the open one', async () => {
    await openArticle('a.txt');
    answers['corpus.confirmSwitch'] = () => ({ ...corpus, name: 'news' });
    await switchCorpusWhenSafe(token, 'b.txt');
    expect(calls['corpus.confirmSwitch']).toEqual([{ token }]);
    expect(useCorpusViewStore.getState().corpus?.name).toBe('news');
    expect(useArticleViewStore.getState().article?.id).toBe('b.txt');
  });

  it('a request main replaced meanwhile opens nothing and leaves the open article', async () => {
    await openArticle('a.txt');
    answers['corpus.confirmSwitch'] = () => null;
    await switchCorpusWhenSafe(token, 'b.txt');
    expect(useCorpusViewStore.getState().corpus?.name).toBe('c');
    expect(useArticleViewStore.getState().article?.id).toBe('a.txt');
  });

  it('a path that opens nothing is shown as main coded it, and nothing changes', async () => {
    await openArticle('a.txt');
    showOpenRefused({ code: 'outsideCorpus', file: 'leak.txt' });
    expect(useArticleViewStore.getState().loadError).toEqual({ code: 'outsideCorpus', file: 'leak.txt' });
    expect(useCorpusViewStore.getState().corpus?.name).toBe('c');
    expect(calls['corpus.confirmSwitch']).toBeUndefined();
  });
});

describe('preference flows', () => {
  it('shows a display change now and remembers it in the settings', () => {
    setPreferences({ language: 'en', fontSize: 22 });
    expect(usePreferencesStore.getState()).toMatchObject({ language: 'en', fontSize: 22 });
    expect(calls['settings.setPreferences']).toEqual([{ uiLanguage: 'en', fontSize: 22 }]);
  });
});

describe('suggestion flows', () => {
  it('converts main suggestions to UTF-16, drops those under an annotation or rejected, and accepts one as an annotation', async () => {
    await openArticle('a.txt');
    answers['article.suggestions'] = () => ({ suggestions: [codePointSpan('علی', 'PER'), codePointSpan('تهران', 'LOC')] });
    await refreshSuggestions();
    expect(useSuggestionStore.getState().items.map((item) => TEXT.slice(item.start, item.end))).toEqual(['علی', 'تهران']);
    acceptSuggestion(1);
    expect(useDocumentStore.getState().annotations).toMatchObject([{ text: 'تهران', type: 'LOC' }]);
    expect(useDocumentStore.getState().status).toBe('in-progress');
    expect(useArticleViewStore.getState().selectedAnnotationId).toBe(useDocumentStore.getState().annotations[0].id);
    rejectSuggestion(0);
    await refreshSuggestions();
    expect(useSuggestionStore.getState().items).toEqual([]);
    documentActions.undo();
    suggestionActions.clear();
  });
});

describe('pre-annotation suggestions (#24)', () => {
  const pretagSpan = (word: string, type: string, id: string) => {
    const { count: _count, ...span } = codePointSpan(word, type);
    return { ...span, as: 'gazetteer', id };
  };

  it('shows a run\'s suggestions with the corpus ones (once per span), accepts all of a type in one undoable edit, rejects into the annotator file', async () => {
    await openArticle('a.txt');
    answers['article.suggestions'] = () => ({ suggestions: [codePointSpan('دایی', 'PER')] });
    answers['pretag.suggestions'] = () => ({ suggestions: [pretagSpan('دایی', 'PER', 'pre-1'), pretagSpan('تهران', 'LOC', 'pre-2')] });
    answers['pretag.reject'] = () => ({ changed: 1 });
    await refreshSuggestions();
    const items = useSuggestionStore.getState().items;
    expect(items.map((item) => [TEXT.slice(item.start, item.end), item.pretag?.id])).toEqual([
      ['دایی', 'pre-1'],
      ['تهران', 'pre-2'],
    ]);
    suggestionActions.select(0);
    expect(acceptSuggestions('type')).toBe(1);
    expect(useDocumentStore.getState().annotations).toMatchObject([{ text: 'دایی', type: 'PER' }]);
    expect(useSuggestionStore.getState().items.map((item) => item.pretag?.id)).toEqual(['pre-2']);
    rejectSuggestion(0);
    await vi.waitFor(() => expect(calls['pretag.reject']).toEqual([{ id: 'a.txt', as: 'gazetteer', ids: ['pre-2'] }]));
    expect(useSuggestionStore.getState().items).toEqual([]);
    documentActions.undo();
    expect(useDocumentStore.getState().annotations).toEqual([]);
    suggestionActions.clear();
  });

  it('accepts or rejects all of the run only (not the older corpus suggestions), and still shows the corpus suggestions when the annotator files cannot be listed', async () => {
    await openArticle('a.txt');
    answers['article.suggestions'] = () => ({ suggestions: [codePointSpan('تهران', 'LOC')] });
    answers['pretag.suggestions'] = () => ({ suggestions: [pretagSpan('دایی', 'PER', 'pre-1')] });
    await refreshSuggestions();
    expect(acceptSuggestions('all')).toBe(1);
    expect(useDocumentStore.getState().annotations.map((annotation) => annotation.type)).toEqual(['PER']);
    expect(useSuggestionStore.getState().items.map((item) => [TEXT.slice(item.start, item.end), item.pretag ?? null])).toEqual([['تهران', null]]);
    documentActions.undo();
    // Two runs: all acts on the current suggestion's run; rejecting all of it leaves the other run's and the corpus's.
    answers['pretag.suggestions'] = () => ({ suggestions: [pretagSpan('دایی', 'PER', 'pre-1'), { ...pretagSpan('در', 'LOC', 'pre-9'), as: 'tagger' }] });
    answers['pretag.reject'] = () => ({ changed: 1 });
    await refreshSuggestions();
    suggestionActions.select(useSuggestionStore.getState().items.findIndex((item) => item.pretag?.as === 'tagger'));
    expect(rejectSuggestions('all')).toBe(1);
    await vi.waitFor(() => expect(calls['pretag.reject']).toEqual([{ id: 'a.txt', as: 'tagger', ids: ['pre-9'] }]));
    expect(useSuggestionStore.getState().items.map((item) => item.pretag?.as ?? 'corpus').sort()).toEqual(['corpus', 'gazetteer']);
    delete answers['pretag.reject'];
    delete calls['pretag.reject'];
    delete answers['pretag.suggestions'];
    await refreshSuggestions();
    expect(useSuggestionStore.getState().items.map((item) => TEXT.slice(item.start, item.end))).toEqual(['تهران']);
    expect(rejectSuggestions('all')).toBe(1);
    expect(useSuggestionStore.getState().items).toEqual([]);
    expect(calls['pretag.reject']).toBeUndefined();
    suggestionActions.clear();
  });
});

describe('corpus search flows', () => {
  it('searches, tags every hit in the corpus and undoes it, reading the open article again after each', async () => {
    await openArticle('a.txt');
    corpusSearchActions.changeQuery('تهران');
    answers['corpus.search'] = () => ({ hits: [], total: 3, articles: 2, truncated: false, skipped: [] });
    await searchCorpus();
    expect(useCorpusSearchStore.getState()).toMatchObject({ busy: false, result: { total: 3 } });
    answers['corpus.tagAll'] = () => ({ batchId: 'batch1', added: 3, articles: ['a.txt'], skipped: [] });
    await tagAllInCorpus('LOC');
    expect(calls['corpus.tagAll']).toEqual([{ query: 'تهران', wholeWords: true, type: 'LOC' }]);
    answers['corpus.undoTagAll'] = () => ({ removed: 3, articles: ['a.txt'] });
    await undoTagAllInCorpus();
    expect(calls['corpus.undoTagAll']).toEqual([{ batchId: 'batch1' }]);
    expect(useCorpusSearchStore.getState().lastTagAll).toBeNull();
    expect(calls['article.load']).toHaveLength(3);
  });
});

describe('transfer flows', () => {
  it('refuses an article export with no article open; sends the choices that apply to the format', async () => {
    transferActions.chooseExport({ scope: 'article' });
    await startExport();
    expect(useTransferStore.getState()).toMatchObject({ exportStage: 'form', exportError: { code: 'noArticleOpen' } });
    await openArticle('a.txt');
    answers['export.run'] = () => ({ outcome: 'dismissed' });
    transferActions.chooseExport({ format: 'jsonl', jsonlVariant: 'label' });
    await startExport();
    expect(calls['export.run']).toEqual([{ format: 'jsonl', scope: 'article', articleId: 'a.txt', jsonlVariant: 'label', allowLossy: false } satisfies ExportRunRequest]);
    expect(useTransferStore.getState().exportStage).toBe('form');
  });

  it('reads a sentence count typed in Persian digits, and refuses one that is not a whole number', async () => {
    transferActions.chooseImport({ sentencesPerArticle: '۱.۵' });
    await startImport();
    expect(useTransferStore.getState().importError).toEqual({ code: 'badSentenceCount' });
    transferActions.chooseImport({ sentencesPerArticle: '۱۲' });
    answers['import.run'] = () => {
      throw new Error('cancelled');
    };
    await startImport();
    expect(calls['import.run']).toEqual([{ from: 'conll', sourceKind: 'file', sentencesPerArticle: 12, separator: 'auto', scheme: 'auto' } satisfies ImportRunRequest]);
    expect(useTransferStore.getState()).toMatchObject({ importStage: 'form' });
    expect(useTransferStore.getState().importError).not.toBeNull();
  });
});

describe('lead flows', () => {
  it('opens on a tab and loads it; a failed request is shown in the panel, not thrown', async () => {
    answers['annotators.list'] = () => ({ annotators: ['maryam', 'reza'], articles: [], articleCount: 2 });
    openLeadView('annotators');
    await vi.waitFor(() => expect(useLeadStore.getState().annotators?.annotators).toEqual(['maryam', 'reza']));
    expect(useLeadStore.getState()).toMatchObject({ agreementA: 'maryam', agreementB: 'reza', busy: false });
    answers['agreement.compute'] = () => {
      throw new Error('boom');
    };
    await computeAgreementReport();
    expect(calls['agreement.compute']).toEqual([{ selection: { kind: 'pair', a: 'maryam', b: 'reza' } }]);
    expect(useLeadStore.getState()).toMatchObject({ busy: false, agreement: null });
    expect(useLeadStore.getState().error).not.toBeNull();
    toggleLeadView();
    expect(useLeadStore.getState().open).toBe(false);
    leadActions.close();
  });

  it('curation needs an open article; a new annotator name is taken as main saved it', async () => {
    await loadCuration();
    expect(useLeadStore.getState().curation).toBeNull();
    expect(calls['curation.load']).toBeUndefined();
    answers['settings.setAnnotator'] = () => ({ annotator: 'Sara' });
    expect(await saveAnnotatorName(' Sara ')).toBe(true);
    expect(usePreferencesStore.getState().annotator).toBe('Sara');
    preferencesActions.renameAnnotator('');
    articleViewActions.closeArticle();
  });
});
