import { afterEach, describe, expect, it } from 'vitest';
import { asUtf16Offset } from '../../../shared/anchoring/offsetUnits';
import { leadActions, useLeadStore } from './leadStore';
import { suggestionActions, useSuggestionStore } from './suggestionStore';
import { transferActions, useTransferStore } from './transferStore';

/** The panels' stores (transfer dialogs, lead view, suggestions): each named action, what it changes and what it leaves. Plain Node, no DOM. */

const initial = {
  transfer: useTransferStore.getState(),
  lead: useLeadStore.getState(),
  suggestion: useSuggestionStore.getState(),
};

afterEach(() => {
  useTransferStore.setState(initial.transfer, true);
  useLeadStore.setState(initial.lead, true);
  useSuggestionStore.setState(initial.suggestion, true);
});

describe('transferActions', () => {
  it('opens one dialog at a time; a finished export goes back to its form, a running one keeps its progress', () => {
    transferActions.openExportDialog();
    expect(useTransferStore.getState()).toMatchObject({ exportOpen: true, importOpen: false, exportStage: 'form' });
    transferActions.exportStarted();
    transferActions.exportProgressed({ phase: 'reading', done: 1, total: 4 });
    transferActions.openImportDialog();
    expect(useTransferStore.getState()).toMatchObject({ exportOpen: false, importOpen: true });
    transferActions.openExportDialog();
    expect(useTransferStore.getState()).toMatchObject({ exportStage: 'running', exportProgress: { phase: 'reading', done: 1, total: 4 } });
    transferActions.exportEnded({ outcome: 'dismissed' });
    expect(useTransferStore.getState().exportStage).toBe('form');
    transferActions.exportProgressed({ phase: 'reading', done: 2, total: 4 });
    expect(useTransferStore.getState().exportProgress).toEqual({ phase: 'reading', done: 1, total: 4 });
    transferActions.exportFailed({ code: 'exportUnsavedEdits' });
    transferActions.openExportDialog();
    expect(useTransferStore.getState()).toMatchObject({ exportStage: 'form', exportError: null, exportProgress: null });
    transferActions.closeDialogs();
    expect(useTransferStore.getState()).toMatchObject({ exportOpen: false, importOpen: false });
  });

  it('a choice clears the last error and keeps the other choices', () => {
    transferActions.exportRefused({ code: 'noArticleOpen' });
    transferActions.chooseExport({ format: 'jsonl' });
    expect(useTransferStore.getState().exportError).toBeNull();
    expect(useTransferStore.getState().exportChoices).toMatchObject({ format: 'jsonl', scope: 'corpus', scheme: 'iob2' });
    transferActions.importRefused({ code: 'badSentenceCount' });
    transferActions.chooseImport({ sentencesPerArticle: '۱۲' });
    expect(useTransferStore.getState()).toMatchObject({ importError: null, importChoices: { from: 'conll', sentencesPerArticle: '۱۲' } });
    transferActions.importStarted();
    transferActions.importEnded({ outcome: 'dismissed' });
    expect(useTransferStore.getState().importStage).toBe('form');
    transferActions.importStarted();
    transferActions.importFailed({ code: 'badSentenceCount' });
    expect(useTransferStore.getState()).toMatchObject({ importStage: 'form', importError: { code: 'badSentenceCount' } });
  });
});

describe('leadActions', () => {
  it('opens on a tab, shows a tab afresh, and toggles the settings popover', () => {
    leadActions.open('agreement');
    expect(useLeadStore.getState()).toMatchObject({ open: true, tab: 'agreement' });
    leadActions.showMessage('saved as stats.csv');
    leadActions.showTab('stats');
    expect(useLeadStore.getState()).toMatchObject({ tab: 'stats', message: null, error: null });
    leadActions.close();
    expect(useLeadStore.getState().open).toBe(false);
    leadActions.requestFailed({ code: 'noArticleOpen' });
    leadActions.toggleSettings();
    expect(useLeadStore.getState()).toMatchObject({ settingsOpen: true, error: null });
    leadActions.closeSettings();
    expect(useLeadStore.getState().settingsOpen).toBe(false);
  });

  it('marks a request busy until it ends; a failure is kept', () => {
    leadActions.showMessage('old');
    leadActions.requestStarted();
    expect(useLeadStore.getState()).toMatchObject({ busy: true, error: null, message: null });
    leadActions.requestFailed({ code: 'noArticleOpen' });
    leadActions.requestEnded();
    expect(useLeadStore.getState()).toMatchObject({ busy: false, error: { code: 'noArticleOpen' } });
  });

  it('keeps the chosen agreement pair while both annotators exist, else takes the first two', () => {
    const annotators = (names: string[]) => ({ annotators: names, articles: [], articleCount: 3 });
    leadActions.showAnnotators(annotators(['maryam', 'sara', 'reza']));
    expect(useLeadStore.getState()).toMatchObject({ agreementA: 'maryam', agreementB: 'sara' });
    leadActions.chooseAgreementPair({ b: 'reza' });
    leadActions.chooseAgreementMode('all');
    leadActions.showAnnotators(annotators(['maryam', 'sara', 'reza']));
    expect(useLeadStore.getState()).toMatchObject({ agreementMode: 'all', agreementA: 'maryam', agreementB: 'reza' });
    leadActions.showAnnotators(annotators(['sara', 'reza']));
    expect(useLeadStore.getState()).toMatchObject({ agreementA: 'sara', agreementB: 'reza' });
  });

  it('ticks articles to assign, and clears them once assigned', () => {
    leadActions.toggleAssignSelection('a.txt');
    leadActions.toggleAssignSelection('b.txt');
    leadActions.toggleAssignSelection('a.txt');
    expect(useLeadStore.getState().assignSelection).toEqual(['b.txt']);
    leadActions.assigned({ updated: ['b.txt'], failed: [] });
    expect(useLeadStore.getState()).toMatchObject({ assignSelection: [], assignResult: { updated: ['b.txt'] } });
  });

  it('a switch preview gives way to the switch done', () => {
    const summary = { articles: 1, written: [], skipped: [], relationsNotCarried: 0 };
    leadActions.showSwitchPreview(summary);
    expect(useLeadStore.getState()).toMatchObject({ switchPreview: summary, switchDone: null });
    leadActions.switched(summary);
    expect(useLeadStore.getState()).toMatchObject({ switchPreview: null, switchDone: summary });
  });
});

describe('suggestionActions', () => {
  const items = [
    { start: asUtf16Offset(0), end: asUtf16Offset(3), type: 'PER', text: 'علی', count: 2 },
    { start: asUtf16Offset(12), end: asUtf16Offset(17), type: 'LOC', text: 'تهران', count: 5 },
  ];

  it('shows suggestions, keeps the current one when it is still there, and steps through them', () => {
    suggestionActions.show('a.txt', items);
    expect(useSuggestionStore.getState()).toMatchObject({ articleId: 'a.txt', current: null });
    expect(suggestionActions.next()).toEqual(items[0]);
    expect(suggestionActions.next()).toEqual(items[1]);
    suggestionActions.show('a.txt', [items[1]]);
    expect(useSuggestionStore.getState().current).toBe(0);
    suggestionActions.show('b.txt', [items[1]]);
    expect(useSuggestionStore.getState().current).toBeNull();
    suggestionActions.clear();
    expect(useSuggestionStore.getState()).toMatchObject({ articleId: null, items: [], current: null });
    expect(suggestionActions.next()).toBeNull();
  });

  it('selects the suggestion under an offset, or leaves the current one when there is none', () => {
    suggestionActions.show('a.txt', items);
    expect(suggestionActions.selectAt(13)).toBe(true);
    expect(useSuggestionStore.getState().current).toBe(1);
    expect(suggestionActions.selectAt(8)).toBe(false);
    expect(useSuggestionStore.getState().current).toBe(1);
    suggestionActions.select(null);
    expect(useSuggestionStore.getState().current).toBeNull();
  });

  it('a rejected suggestion leaves the list and is remembered for its article', () => {
    suggestionActions.show('a.txt', items);
    suggestionActions.select(0);
    suggestionActions.reject('a.txt', 0);
    expect(useSuggestionStore.getState().items).toEqual([items[1]]);
    expect(useSuggestionStore.getState().current).toBeNull();
    expect([...(useSuggestionStore.getState().rejected.get('a.txt') ?? [])]).toEqual(['0:3:PER']);
    suggestionActions.remove(0);
    expect(useSuggestionStore.getState().items).toEqual([]);
  });
});
