import { TransferBusyError } from '../../services/transfer/transferJobs';
import { openCorpus } from '../corpusOpening';
import type { DomainHandlers, HandlerContext } from '../handlerTypes';
import { hostCannot } from '../ipcRefusedError';

/** File › Export and File › Import: the folders come from main's dialogs, never from the window. */
export function transferHandlers(context: HandlerContext): DomainHandlers<'transfer'> {
  const { session, host, transfers } = context;
  return {
    'export.run': async (request) => {
      const root = session.rootPath ?? hostCannot('export: no corpus is open', 'export');
      // Refused before the dialog: a second export would only be refused after the user chose a folder.
      if (transfers.exportRunning) throw new TransferBusyError('export');
      const folder = host.pickExportFolder ? await host.pickExportFolder() : hostCannot('choose an export folder', 'pickExportFolder');
      if (folder === null) return { outcome: 'dismissed' } as const;
      return transfers.runExport(root, request, folder, (progress) => host.emit('export.progress', progress));
    },
    'export.cancel': async () => ({ cancelled: transfers.cancelExport() }),
    'import.run': async (request) => {
      if (transfers.importRunning) throw new TransferBusyError('import');
      const kind = request.from === 'brat' ? 'folder' : (request.sourceKind ?? 'file');
      const source = host.pickImportSource ? await host.pickImportSource(kind, request.from) : hostCannot('choose what to import', 'pickImportSource');
      if (source === null) return { outcome: 'dismissed' } as const;
      const target = host.pickImportTarget ? await host.pickImportTarget() : hostCannot('choose a folder for the new corpus', 'pickImportTarget');
      if (target === null) return { outcome: 'dismissed' } as const;
      return transfers.runImport(source, target, request, (progress) => host.emit('import.progress', progress));
    },
    'import.cancel': async () => ({ cancelled: transfers.cancelImport() }),
    'import.openResult': async () => {
      const folder = transfers.lastImportedCorpus ?? hostCannot('open an imported corpus: nothing has been imported yet', 'openImported');
      const corpus = await openCorpus(context, folder);
      host.emit('corpus.changed', corpus);
      return { opened: true, name: corpus.name } as const;
    },
  };
}
