import { ProblemError, problemOf } from '../../ipcError';
import type { ExportRunRequest, ImportRunRequest } from '../../../../shared/transferWire';
import { api } from '../../api';
import { useArticleViewStore } from '../articleViewStore';
import { flushSave } from '../saving/autosave';
import { confirmLeavingUnsaved } from '../saving/closeGuard';
import { transferActions, useTransferStore, type ExportChoices, type ImportChoices } from '../transferStore';

/** File › Export and File › Import: the jobs main runs, started from the dialogs. */

function exportRequest(choices: ExportChoices, articleId: string | undefined): ExportRunRequest {
  return {
    format: choices.format,
    scope: choices.scope,
    ...(choices.scope === 'article' && articleId ? { articleId } : {}),
    ...(choices.format === 'conll' || choices.format === 'hf' ? { scheme: choices.scheme } : {}),
    ...(choices.format === 'jsonl' ? { jsonlVariant: choices.jsonlVariant } : {}),
    allowLossy: choices.allowLossy,
    ...(choices.format === 'csv' && choices.excel ? { excel: true } : {}),
  };
}

/** Saves pending edits (the export reads the files), then asks main to export; main asks where. */
export async function startExport(): Promise<void> {
  const choices = useTransferStore.getState().exportChoices;
  const articleId = useArticleViewStore.getState().article?.id;
  if (choices.scope === 'article' && !articleId) {
    transferActions.exportRefused({ code: 'noArticleOpen' });
    return;
  }
  transferActions.exportStarted();
  const stopProgress = api().onExportProgress((progress) => transferActions.exportProgressed(progress));
  try {
    if (!(await flushSave())) throw new ProblemError({ code: 'exportUnsavedEdits' });
    transferActions.exportEnded(await api().export.run(exportRequest(choices, articleId)));
  } catch (error) {
    transferActions.exportFailed(problemOf(error));
  } finally {
    stopProgress();
  }
}

export async function cancelExport(): Promise<void> {
  await api().export.cancel({});
}

/** The number of sentences per article as typed (Persian digits allowed); undefined when left empty, NaN when not a number. */
function sentencesTyped(choices: ImportChoices): number | undefined {
  const typed = choices.sentencesPerArticle.trim();
  return typed === '' ? undefined : Number(typed.replace(/[۰-۹]/g, (digit) => String(digit.charCodeAt(0) - 0x06f0)));
}

function importRequest(choices: ImportChoices, sentences: number | undefined): ImportRunRequest {
  const tokenized = choices.from === 'conll' || choices.from === 'hf';
  return {
    from: choices.from,
    sourceKind: choices.from === 'brat' ? 'folder' : choices.sourceKind,
    ...(tokenized && sentences !== undefined ? { sentencesPerArticle: sentences } : {}),
    ...(choices.from === 'conll' ? { separator: choices.separator } : {}),
    ...(tokenized ? { scheme: choices.scheme } : {}),
  };
}

export async function startImport(): Promise<void> {
  const choices = useTransferStore.getState().importChoices;
  const sentences = sentencesTyped(choices);
  if (sentences !== undefined && (!Number.isInteger(sentences) || sentences < 1)) {
    transferActions.importRefused({ code: 'badSentenceCount' });
    return;
  }
  transferActions.importStarted();
  const stopProgress = api().onImportProgress((progress) => transferActions.importProgressed(progress));
  try {
    transferActions.importEnded(await api().import.run(importRequest(choices, sentences)));
  } catch (error) {
    transferActions.importFailed(problemOf(error));
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
    transferActions.closeDialogs();
  } catch (error) {
    transferActions.importRefused(problemOf(error));
  }
}
