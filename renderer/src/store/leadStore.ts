import { problemOf } from '../ipcError';
import type { UserProblem } from '../../../shared/userProblem';
import { create } from 'zustand';
import type { AgreementReport } from '../../../shared/agreement/agreementReport';
import type { CurationDecision } from '../../../shared/curation/curationDecision';
import type { ArticleCuration, AssignSummary, CorpusAnnotators, SwitchSummary } from '../../../shared/curation/curationSchemas';
import type { CorpusStats } from '../../../shared/stats/corpusStatsReport';
import { api } from '../api';
import { openArticle } from './actions';
import { flushSave } from './autosave';
import { useSessionStore } from './sessionStore';

export type LeadTab = 'stats' | 'annotators' | 'agreement' | 'curation';
export type AgreementMode = 'pair' | 'all';

/** The lead's view: statistics, annotators, agreement and curation. UI state only, never saved. */
export interface LeadState {
  open: boolean;
  tab: LeadTab;
  /** Whether the annotator-name popover of the toolbar is open. */
  settingsOpen: boolean;
  busy: boolean;
  /** The last failure, shown in the panel. */
  error: UserProblem | null;
  /** The last outcome worth telling (a CSV saved, articles assigned...). */
  message: string | null;
  stats: CorpusStats | null;
  annotators: CorpusAnnotators | null;
  switchPreview: SwitchSummary | null;
  switchDone: SwitchSummary | null;
  assignResult: AssignSummary | null;
  /** Article ids ticked in the Annotators tab for assigning. */
  assignSelection: readonly string[];
  agreementMode: AgreementMode;
  agreementA: string;
  agreementB: string;
  agreement: AgreementReport | null;
  curation: ArticleCuration | null;
  set: (change: Partial<Omit<LeadState, 'set'>>) => void;
}

export const useLeadStore = create<LeadState>()((set) => ({
  open: false,
  tab: 'stats',
  settingsOpen: false,
  busy: false,
  error: null,
  message: null,
  stats: null,
  annotators: null,
  switchPreview: null,
  switchDone: null,
  assignResult: null,
  assignSelection: [],
  agreementMode: 'pair',
  agreementA: '',
  agreementB: '',
  agreement: null,
  curation: null,
  set: (change) => set(change),
}));


/** Runs one request with the panel marked busy; a failure lands in `error`, never thrown. */
async function run<T>(request: () => Promise<T>): Promise<T | null> {
  const store = useLeadStore.getState();
  store.set({ busy: true, error: null, message: null });
  try {
    return await request();
  } catch (error) {
    useLeadStore.getState().set({ error: problemOf(error) });
    return null;
  } finally {
    useLeadStore.getState().set({ busy: false });
  }
}

export function openLeadView(tab?: LeadTab): void {
  const store = useLeadStore.getState();
  store.set({ open: true, ...(tab ? { tab } : {}) });
  void refreshLeadTab(tab ?? store.tab);
}

export function closeLeadView(): void {
  useLeadStore.getState().set({ open: false });
}

export function toggleLeadView(): void {
  if (useLeadStore.getState().open) closeLeadView();
  else openLeadView();
}

export function showLeadTab(tab: LeadTab): void {
  useLeadStore.getState().set({ tab, error: null, message: null });
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
  if (stats) useLeadStore.getState().set({ stats });
}

export async function exportStatsCsv(): Promise<void> {
  await flushSave();
  const result = await run(() => api().stats.exportCsv({}));
  if (result?.savedAs) useLeadStore.getState().set({ message: result.savedAs });
}

export async function loadAnnotators(): Promise<void> {
  const annotators = await run(() => api().annotators.list({}));
  if (!annotators) return;
  const { agreementA, agreementB } = useLeadStore.getState();
  const names = annotators.annotators;
  // Keep the chosen pair while it still exists; otherwise the first two annotators.
  const a = names.includes(agreementA) ? agreementA : (names[0] ?? '');
  const b = names.includes(agreementB) && agreementB !== a ? agreementB : (names.find((name) => name !== a) ?? '');
  useLeadStore.getState().set({ annotators, agreementA: a, agreementB: b });
}

export async function previewAnnotatorSwitch(): Promise<void> {
  await flushSave();
  const preview = await run(() => api().annotators.previewSwitch({}));
  if (preview) useLeadStore.getState().set({ switchPreview: preview, switchDone: null });
}

export async function switchToAnnotatorFiles(): Promise<void> {
  await flushSave();
  const done = await run(() => api().annotators.switch({}));
  if (!done) return;
  useLeadStore.getState().set({ switchDone: done, switchPreview: null });
  await loadAnnotators();
}

export function toggleAssignSelection(id: string): void {
  const { assignSelection } = useLeadStore.getState();
  useLeadStore.getState().set({ assignSelection: assignSelection.includes(id) ? assignSelection.filter((entry) => entry !== id) : [...assignSelection, id] });
}

export async function assignArticles(assignee: string | null): Promise<void> {
  const ids = [...useLeadStore.getState().assignSelection];
  if (ids.length === 0) return;
  await flushSave();
  const result = await run(() => api().annotators.assign({ ids, assignee }));
  if (result) useLeadStore.getState().set({ assignResult: result, assignSelection: [] });
}

export async function computeAgreementReport(): Promise<void> {
  const { agreementMode, agreementA, agreementB } = useLeadStore.getState();
  const selection = agreementMode === 'all' ? ({ kind: 'all' } as const) : ({ kind: 'pair', a: agreementA, b: agreementB } as const);
  const report = await run(() => api().agreement.compute({ selection }));
  if (report) useLeadStore.getState().set({ agreement: report });
}

/** The open article's disagreements; nothing when no article is open. */
export async function loadCuration(): Promise<void> {
  const article = useSessionStore.getState().article;
  if (!article) {
    useLeadStore.getState().set({ curation: null });
    return;
  }
  const curation = await run(() => api().curation.load({ id: article.id }));
  useLeadStore.getState().set({ curation });
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
  useLeadStore.getState().set({ curation: curated });
  if (useSessionStore.getState().article?.id === curation.articleId) await openArticle(curation.articleId, { reload: true });
}

export async function saveAnnotatorName(name: string): Promise<boolean> {
  const result = await run(() => api().settings.setAnnotator({ name }));
  if (!result) return false;
  useSessionStore.getState().set({ annotator: result.annotator });
  return true;
}
