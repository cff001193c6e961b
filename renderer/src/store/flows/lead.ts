import type { CurationDecision } from '../../../../shared/curation/curationDecision';
import { api } from '../../api';
import { problemOf } from '../../ipcError';
import { useArticleViewStore } from '../articleViewStore';
import { leadActions, useLeadStore, type LeadTab } from '../leadStore';
import { preferencesActions } from '../preferencesStore';
import { flushSave } from '../saving/autosave';
import { openArticle } from './article';

/** The lead's requests to main: statistics, annotators, agreement and curation, read from the files now. */

/** Runs one request with the panel marked busy; a failure lands in `error`, never thrown. */
async function run<T>(request: () => Promise<T>): Promise<T | null> {
  leadActions.requestStarted();
  try {
    return await request();
  } catch (error) {
    leadActions.requestFailed(problemOf(error));
    return null;
  } finally {
    leadActions.requestEnded();
  }
}

export function openLeadView(tab?: LeadTab): void {
  leadActions.open(tab);
  void refreshLeadTab(tab ?? useLeadStore.getState().tab);
}

export function toggleLeadView(): void {
  if (useLeadStore.getState().open) leadActions.close();
  else openLeadView();
}

export function showLeadTab(tab: LeadTab): void {
  leadActions.showTab(tab);
  void refreshLeadTab(tab);
}

/** Loads what a tab shows when it is opened: the figures are always those of the files now. */
async function refreshLeadTab(tab: LeadTab): Promise<void> {
  if (tab === 'stats') await loadStats();
  else if (tab === 'annotators' || tab === 'agreement') await loadAnnotators();
  else await loadCuration();
}

export async function loadStats(): Promise<void> {
  // The figures are read from the files: what the window has not saved yet would be missing.
  await flushSave();
  const stats = await run(() => api().stats.compute({}));
  if (stats) leadActions.showStats(stats);
}

export async function exportStatsCsv(): Promise<void> {
  await flushSave();
  const result = await run(() => api().stats.exportCsv({}));
  if (result?.savedAs) leadActions.showMessage(result.savedAs);
}

export async function loadAnnotators(): Promise<void> {
  const annotators = await run(() => api().annotators.list({}));
  if (annotators) leadActions.showAnnotators(annotators);
}

export async function previewAnnotatorSwitch(): Promise<void> {
  await flushSave();
  const preview = await run(() => api().annotators.previewSwitch({}));
  if (preview) leadActions.showSwitchPreview(preview);
}

export async function switchToAnnotatorFiles(): Promise<void> {
  await flushSave();
  const done = await run(() => api().annotators.switch({}));
  if (!done) return;
  leadActions.switched(done);
  await loadAnnotators();
}

export async function assignArticles(assignee: string | null): Promise<void> {
  const ids = [...useLeadStore.getState().assignSelection];
  if (ids.length === 0) return;
  await flushSave();
  const result = await run(() => api().annotators.assign({ ids, assignee }));
  if (result) leadActions.assigned(result);
}

export async function computeAgreementReport(): Promise<void> {
  const { agreementMode, agreementA, agreementB } = useLeadStore.getState();
  const selection = agreementMode === 'all' ? ({ kind: 'all' } as const) : ({ kind: 'pair', a: agreementA, b: agreementB } as const);
  const report = await run(() => api().agreement.compute({ selection }));
  if (report) leadActions.showAgreement(report);
}

/** The open article's disagreements; nothing when no article is open. */
export async function loadCuration(): Promise<void> {
  const article = useArticleViewStore.getState().article;
  if (!article) {
    leadActions.showCuration(null);
    return;
  }
  leadActions.showCuration(await run(() => api().curation.load({ id: article.id })));
}

/**
 * Records one decision, which rewrites the curated `NAME.ann.json`, then reloads the article so
 * that the view shows the curated annotations.
 */
export async function decideDisagreement(groupId: string, decision: CurationDecision | null): Promise<void> {
  const curation = useLeadStore.getState().curation;
  if (!curation) return;
  await flushSave();
  const curated = await run(() => api().curation.decide({ id: curation.articleId, changes: [{ groupId, decision }] }));
  if (!curated) return;
  leadActions.showCuration(curated);
  if (useArticleViewStore.getState().article?.id === curation.articleId) await openArticle(curation.articleId, { reload: true });
}

export async function saveAnnotatorName(name: string): Promise<boolean> {
  const result = await run(() => api().settings.setAnnotator({ name }));
  if (!result) return false;
  preferencesActions.renameAnnotator(result.annotator);
  return true;
}
