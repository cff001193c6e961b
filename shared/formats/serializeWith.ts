import type { ExportDocument, FormatSerializer, SerializedExport, SerializeOptions } from './exportTypes';

/** Serializes documents one by one and assembles the format's files. */
export function serializeWith(format: FormatSerializer, documents: readonly ExportDocument[], options: SerializeOptions): SerializedExport {
  const outputs = documents.map((document) => format.serializeDocument(document, options));
  const files = [...outputs.flatMap((output) => output.files), ...format.finish(outputs, options)];
  return { files, reports: outputs.map((output) => output.report) };
}
