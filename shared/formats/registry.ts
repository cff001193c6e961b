import { bratFormat } from './brat';
import { conllFormat } from './conll';
import { csvFormat } from './csv';
import type { ExportDocument, ExportFormatId, FormatSerializer, SerializedExport, SerializeOptions } from './exportTypes';
import { hfFormat } from './hf';
import { jsonlFormat } from './jsonl';
import { labelStudioFormat } from './labelstudio';
import { serializeWith } from './serializeWith';
import { w3cFormat } from './w3c';

/** Every export format by its id (DESIGN.md's fixed ids), in the order the app lists them. */
export const exportFormats: Readonly<Record<ExportFormatId, FormatSerializer>> = {
  brat: bratFormat,
  conll: conllFormat,
  jsonl: jsonlFormat,
  labelstudio: labelStudioFormat,
  w3c: w3cFormat,
  csv: csvFormat,
  hf: hfFormat,
};

export function getExportFormat(id: ExportFormatId): FormatSerializer {
  return exportFormats[id];
}

/** Serializes documents to a format: its files and a report per document. */
export function serializeExport(id: ExportFormatId, documents: readonly ExportDocument[], options: SerializeOptions = {}): SerializedExport {
  return serializeWith(exportFormats[id], documents, options);
}
