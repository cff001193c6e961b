import { ProblemError, problemOf } from '../ipcError';
import type { ExportRunRequest, ImportRunRequest } from '../../../shared/transferWire';
import { api } from '../api';
import { flushSave } from './autosave';
import { confirmLeavingUnsaved } from './closeGuard';
import { useSessionStore } from './sessionStore';
import { useTransferStore } from './transferStore';

/** File › Export and File › Import: the user's intents, from the menu, the toolbar and the dialogs. */


export function openExportDialog(): void {
  const { exportStage } = useTransferStore.getState();
  // A running export keeps its progress; a finished one goes back to the form.
  useTransferStore.getState().set({ exportOpen: true, importOpen: false, ...(exportStage === 'running' ? {} : { exportStage: 'form', exportResult: null, exportError: null, exportProgress: null }) });
}

export function openImportDialog(): void {
  const { importStage } = useTransferStore.getState();
  useTransferStore.getState().set({ importOpen: true, exportOpen: false, ...(importStage === 'running' ? {} : { importStage: 'form', importResult: null, importError: null, importProgress: null }) });
}

export function closeTransferDialogs(): void {
  useTransferStore.getState().set({ exportOpen: false, importOpen: false });
}

/** Saves pending edits (the export reads the files), then asks main to export; main asks where. */
export async function startExport(): Promise<void> {
  const store = useTransferStore.getState();
  const choices = store.exportChoices;
  const articleId = useSessionStore.getState().article?.id;
  if (choices.scope === 'article' && !articleId) {
    store.set({ exportError: { code: 'noArticleOpen' } });
    return;
  }
  store.set({ exportStage: 'running', exportProgress: null, exportResult: null, exportError: null });
  const stopProgress = api().onExportProgress((progress) => {
    if (useTransferStore.getState().exportStage === 'running') useTransferStore.getState().set({ exportProgress: progress });
  });
  try {
    if (!(await flushSave())) throw new ProblemError({ code: 'exportUnsavedEdits' });
    const request: ExportRunRequest = {
      format: choices.format,
      scope: choices.scope,
      ...(choices.scope === 'article' && articleId ? { articleId } : {}),
      ...(choices.format === 'conll' || choices.format === 'hf' ? { scheme: choices.scheme } : {}),
      ...(choices.format === 'jsonl' ? { jsonlVariant: choices.jsonlVariant } : {}),
      allowLossy: choices.allowLossy,
    };
    const result = await api().export.run(request);
    useTransferStore.getState().set(result.outcome === 'dismissed' ? { exportStage: 'form' } : { exportStage: 'finished', exportResult: result });
  } catch (error) {
    useTransferStore.getState().set({ exportStage: 'form', exportError: problemOf(error) });
  } finally {
    stopProgress();
  }
}

export async function cancelExport(): Promise<void> {
  await api().export.cancel({});
}

export async function startImport(): Promise<void> {
  const store = useTransferStore.getState();
  const choices = store.importChoices;
  const typed = choices.sentencesPerArticle.trim();
  const sentences = typed === '' ? undefined : Number(typed.replace(/[۰-۹]/g, (digit) => String(digit.charCodeAt(0) - 0x06f0)));
  if (sentences !== undefined && (!Number.isInteger(sentences) || sentences < 1)) {
    store.set({ importError: { code: 'badSentenceCount' } });
    return;
  }
  store.set({ importStage: 'running', importProgress: null, importResult: null, importError: null });
  const stopProgress = api().onImportProgress((progress) => {
    if (useTransferStore.getState().importStage === 'running') useTransferStore.getState().set({ importProgress: progress });
  });
  try {
    const tokenized = choices.from === 'conll' || choices.from === 'hf';
    const request: ImportRunRequest = {
      from: choices.from,
      sourceKind: choices.from === 'brat' ? 'folder' : choices.sourceKind,
      ...(tokenized && sentences !== undefined ? { sentencesPerArticle: sentences } : {}),
      ...(choices.from === 'conll' ? { separator: choices.separator } : {}),
      ...(tokenized ? { scheme: choices.scheme } : {}),
    };
    const result = await api().import.run(request);
    useTransferStore.getState().set(result.outcome === 'dismissed' ? { importStage: 'form' } : { importStage: 'finished', importResult: result });
  } catch (error) {
    useTransferStore.getState().set({ importStage: 'form', importError: problemOf(error) });
  } finally {
    stopProgress();
  }
}

export async function cancelImport(): Promise<void> {
  await api().import.cancel({});
}

/** Saves pending edits (asking if some cannot be), then has main open the corpus it just imported (it sends corpus.changed). */
export async function openImportedCorpus(): Promise<void> {
  try {
    if (!(await confirmLeavingUnsaved('switch-corpus'))) return;
    await api().import.openResult({});
    closeTransferDialogs();
  } catch (error) {
    useTransferStore.getState().set({ importError: problemOf(error) });
  }
}
