import { create } from 'zustand';
import type { UserProblem } from '../../../shared/userProblem';
import type { ExportFormatId, JsonlVariant, TaggingScheme } from '../../../shared/formats/exportTypes';
import type { ImportFormat } from '../../../shared/formats/import/importTypes';
import type { ExportProgressWire, ExportRunResult, ExportScopeChoice, ImportFinished, ImportProgressWire, ImportSourceKind } from '../../../shared/transferWire';

export interface ExportChoices {
  format: ExportFormatId;
  scope: ExportScopeChoice;
  scheme: TaggingScheme;
  jsonlVariant: JsonlVariant;
  allowLossy: boolean;
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
  set: (change: Partial<Omit<TransferState, 'set'>>) => void;
}

export const useTransferStore = create<TransferState>()((set) => ({
  exportOpen: false,
  exportStage: 'form',
  exportChoices: { format: 'conll', scope: 'corpus', scheme: 'iob2', jsonlVariant: 'label', allowLossy: false },
  exportProgress: null,
  exportResult: null,
  exportError: null,
  importOpen: false,
  importStage: 'form',
  importChoices: { from: 'conll', sourceKind: 'file', sentencesPerArticle: '', separator: 'auto', scheme: 'auto' },
  importProgress: null,
  importResult: null,
  importError: null,
  set: (change) => set(change),
}));
