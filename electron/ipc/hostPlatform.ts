import type { EventChannel, EventPayloadOf } from '../../shared/ipc';
import type { ImportFormat } from '../../shared/formats/import/importTypes';
import type { ImportSourceKind } from '../../shared/transferWire';

/** What only the host (Electron, or the e2e harness standing in for it) can do. */
export interface HostPlatform {
  /** Shows a folder picker; resolves to the chosen path or null when cancelled. */
  pickFolder(): Promise<string | null>;
  /** A save-file picker (the statistics CSV); resolves to the chosen path or null when cancelled. */
  pickSaveFile?(suggestedName: string): Promise<string | null>;
  /** File › Export's destination folder; a host without it cannot export from the window. */
  pickExportFolder?(): Promise<string | null>;
  /** File › Import's source: a file, or a folder of files (brat: always a folder). */
  pickImportSource?(kind: ImportSourceKind, format: ImportFormat): Promise<string | null>;
  /** File › Import's new corpus folder (new or empty; the importer refuses anything else). */
  pickImportTarget?(): Promise<string | null>;
  emit<E extends EventChannel>(event: E, payload: EventPayloadOf<E>): void;
  /** Called whenever a corpus was opened, so the host can refresh Open Recent. */
  corpusOpened?(root: string): void;
  /** (#23) Called when the window reports an article open (its path inside `root`): the system's recent documents. */
  articleOpened?(root: string, articleId: string): void;
}
