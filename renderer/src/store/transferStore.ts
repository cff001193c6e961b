import { create } from 'zustand';
import type { UserProblem } from '../../../shared/userProblem';
import type { ExportFormatId, JsonlVariant, TaggingScheme } from '../../../shared/formats/exportTypes';
import type { ImportFormat } from '../../../shared/formats/import/importTypes';
import type { ExportProgressWire, ExportRunResult, ExportScopeChoice, ImportFinished, ImportProgressWire, ImportRunResult, ImportSourceKind } from '../../../shared/transferWire';

export interface ExportChoices {
  format: ExportFormatId;
  scope: ExportScopeChoice;
  scheme: TaggingScheme;
  jsonlVariant: JsonlVariant;
  allowLossy: boolean;
  /** CSV: write UTF-8 with a byte-order mark, for Excel. */
  excel: boolean;
}

export interface ImportChoices {
  from: ImportFormat;
  sourceKind: ImportSourceKind;
  /** As typed; checked when the import starts. */
  sentencesPerArticle: string;
  separator: 'auto' | 'tab' | 'pipe' | 'space';
  scheme: 'auto' | 'iob1' | 'iob2' | 'bioes' | 'io';
}

/** Where a job is: the form, running (with its progress), or its outcome. */
export type JobStage = 'form' | 'running' | 'finished';

/** The export and import dialogs: UI state only, never saved, never undone. */
export interface TransferState {
  exportOpen: boolean;
  exportStage: JobStage;
  exportChoices: ExportChoices;
  exportProgress: ExportProgressWire | null;
  exportResult: ExportRunResult | null;
  exportError: UserProblem | null;
  importOpen: boolean;
  importStage: JobStage;
  importChoices: ImportChoices;
  importProgress: ImportProgressWire | null;
  importResult: ImportFinished | null;
  importError: UserProblem | null;
}

export const useTransferStore = create<TransferState>()(() => ({
  exportOpen: false,
  exportStage: 'form',
  exportChoices: { format: 'conll', scope: 'corpus', scheme: 'iob2', jsonlVariant: 'label', allowLossy: false, excel: false },
  exportProgress: null,
  exportResult: null,
  exportError: null,
  importOpen: false,
  importStage: 'form',
  importChoices: { from: 'conll', sourceKind: 'file', sentencesPerArticle: '', separator: 'auto', scheme: 'auto' },
  importProgress: null,
  importResult: null,
  importError: null,
}));

function set(change: Partial<TransferState>): void {
  useTransferStore.setState(change);
}

export const transferActions = {
  /** A running export keeps its progress; a finished one goes back to the form. */
  openExportDialog(): void {
    const running = useTransferStore.getState().exportStage === 'running';
    set({ exportOpen: true, importOpen: false, ...(running ? {} : { exportStage: 'form', exportResult: null, exportError: null, exportProgress: null }) });
  },
  openImportDialog(): void {
    const running = useTransferStore.getState().importStage === 'running';
    set({ importOpen: true, exportOpen: false, ...(running ? {} : { importStage: 'form', importResult: null, importError: null, importProgress: null }) });
  },
  closeDialogs(): void {
    set({ exportOpen: false, importOpen: false });
  },
  chooseExport(change: Partial<ExportChoices>): void {
    set({ exportChoices: { ...useTransferStore.getState().exportChoices, ...change }, exportError: null });
  },
  chooseImport(change: Partial<ImportChoices>): void {
    set({ importChoices: { ...useTransferStore.getState().importChoices, ...change }, importError: null });
  },
  exportRefused(problem: UserProblem): void {
    set({ exportError: problem });
  },
  exportStarted(): void {
    set({ exportStage: 'running', exportProgress: null, exportResult: null, exportError: null });
  },
  /** Progress from main, shown only while the export runs (a late message after it ended is dropped). */
  exportProgressed(progress: ExportProgressWire): void {
    if (useTransferStore.getState().exportStage === 'running') set({ exportProgress: progress });
  },
  /** `result`: the outcome; a dismissed save dialog goes back to the form. */
  exportEnded(result: ExportRunResult): void {
    set(result.outcome === 'dismissed' ? { exportStage: 'form' } : { exportStage: 'finished', exportResult: result });
  },
  exportFailed(problem: UserProblem): void {
    set({ exportStage: 'form', exportError: problem });
  },
  importRefused(problem: UserProblem): void {
    set({ importError: problem });
  },
  importStarted(): void {
    set({ importStage: 'running', importProgress: null, importResult: null, importError: null });
  },
  importProgressed(progress: ImportProgressWire): void {
    if (useTransferStore.getState().importStage === 'running') set({ importProgress: progress });
  },
  importEnded(result: ImportRunResult): void {
    set(result.outcome === 'dismissed' ? { importStage: 'form' } : { importStage: 'finished', importResult: result });
  },
  importFailed(problem: UserProblem): void {
    set({ importStage: 'form', importError: problem });
  },
};
