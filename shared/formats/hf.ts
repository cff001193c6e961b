import { documentOutput, orderedTypes } from './checkedSpans';
import type { DocumentOutput, ExportDocument, ExportFile, FormatSerializer, SerializedExport, SerializeOptions, TaggingScheme } from './exportTypes';
import { serializeWith } from './serializeWith';
import { sentencesOf, tagForTokenFormat } from './tokenTagging';
import { documentColumnsOf } from './documentFields/documentColumns';
import { hfDocumentCells, hfDocumentFeatures } from './documentFields/hfDocumentColumns';

const TITLE = 'Hugging Face token classification';

/** The tags of a scheme for the given entity types, in the order their ids are given. */
export function hfLabelNames(types: readonly string[], scheme: TaggingScheme): string[] {
  const prefixes = scheme === 'bioes' ? ['B', 'I', 'E', 'S'] : ['B', 'I'];
  return ['O', ...types.flatMap((type) => prefixes.map((prefix) => `${prefix}-${type}`))];
}

function serializeDocument(document: ExportDocument, options: SerializeOptions): DocumentOutput {
  const { checked, tagged, problems } = tagForTokenFormat(document, options, TITLE);
  return { ...documentOutput(checked, { chunk: '', problems, written: tagged.written, writesRelations: false }), sentences: sentencesOf(document.text, tagged) };
}

/**
 * `data.jsonl`: one sentence a line, `{"id", "article", "tokens", "ner_tags"}` with integer
 * tags; `labels.json`: the label names in id order (the `ClassLabel` names), with
 * `id2label`/`label2id` as a transformers model config wants them. (#21) The article's metadata
 * and document labels are columns of each row, described as `datasets.Features` under
 * `document_features` (a `ClassLabel` per single-choice dimension: documentFields/hfDocumentColumns.ts).
 */
function finish(outputs: readonly DocumentOutput[], options: SerializeOptions): ExportFile[] {
  const scheme = options.scheme ?? 'iob2';
  const types = orderedTypes(options.types, outputs.flatMap((output) => output.entityTypes));
  const names = hfLabelNames(types, scheme);
  const ids = new Map(names.map((name, index) => [name, index]));
  // (#21) The article's metadata and document labels, repeated on each of its sentences.
  const documentFeatures = hfDocumentFeatures(documentColumnsOf(outputs, options.dimensions), options.dimensions ?? [], outputs);
  const lines: string[] = [];
  for (const output of outputs) {
    const cells = hfDocumentCells(output, documentFeatures);
    (output.sentences ?? []).forEach((sentence, index) => {
      const tags = sentence.tags.map((tag) => ids.get(tag) ?? 0);
      lines.push(JSON.stringify({ id: `${output.article}#${index}`, article: output.article, tokens: sentence.tokens, ner_tags: tags, ...cells }));
    });
  }
  const id2label = Object.fromEntries(names.map((name, index) => [String(index), name]));
  const label2id = Object.fromEntries(names.map((name, index) => [name, index]));
  const labels = { scheme, names, id2label, label2id, ...(Object.keys(documentFeatures).length > 0 ? { document_features: documentFeatures } : {}) };
  return [
    { path: 'data.jsonl', content: lines.map((line) => `${line}\n`).join(''), role: 'main' },
    { path: 'labels.json', content: `${JSON.stringify(labels, null, 2)}\n`, role: 'schema' },
  ];
}

export const hfFormat: FormatSerializer = {
  id: 'hf',
  title: TITLE,
  mainExtension: '.jsonl',
  offsetUnit: 'token',
  serializeDocument,
  finish,
};

export function serializeHf(documents: readonly ExportDocument[], options: SerializeOptions = {}): SerializedExport {
  return serializeWith(hfFormat, documents, options);
}
