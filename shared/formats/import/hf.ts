import type { ImportProblem, ParseResult } from './importTypes';
import { isRecord, readJsonRecords } from './jsonRecords';
import { detectTagScheme, parseTag, type ParsedTag, type TagScheme } from './tagScheme';
import {
  buildTokenizedArticles,
  DEFAULT_SENTENCES_PER_ARTICLE,
  type SourceDocument,
  type SourceSentence,
} from './tokenizedArticles';

/**
 * Hugging Face token classification as JSON lines: one sentence a record,
 * `{"tokens": [...], "ner_tags": [...]}` (also `words` / `tags`), tags as strings (`B-PER`) or
 * as numbers into a label list (the dataset's `ClassLabel` names, given in the options).
 * Records are grouped into articles by a document field (`document`, `doc_id`, `document_id`)
 * when they have one, else every `sentencesPerArticle` records.
 */
export interface HfOptions {
  file: string;
  baseName: string;
  /** Names of the tag ids, in order (dataset_info.json's features.ner_tags.feature.names). */
  labelNames?: readonly string[];
  scheme?: TagScheme | 'auto';
  sentencesPerArticle?: number;
  documentField?: string;
}

const TOKEN_FIELDS = ['tokens', 'words'];
const TAG_FIELDS = ['ner_tags', 'tags', 'labels', 'ner'];
const DOCUMENT_FIELDS = ['document', 'doc_id', 'document_id'];

function pick(record: Record<string, unknown>, names: readonly string[]): unknown {
  for (const name of names) if (record[name] !== undefined) return record[name];
  return undefined;
}

export function parseHf(content: string, options: HfOptions): ParseResult {
  const { file } = options;
  const { records, skipped } = readJsonRecords(content, file);
  const documents: SourceDocument[] = [];
  let currentKey: unknown = Symbol('none');
  let grouped = false;
  let numbersWithoutNames = 0;

  for (const record of records) {
    const here = { file, line: record.line };
    if (!isRecord(record.value)) {
      skipped.push({ ...here, reason: 'the record is not a JSON object; record skipped' });
      continue;
    }
    const tokens = pick(record.value, TOKEN_FIELDS);
    const tags = pick(record.value, TAG_FIELDS);
    if (!Array.isArray(tokens) || !Array.isArray(tags)) {
      skipped.push({ ...here, reason: `needs a list of tokens (${TOKEN_FIELDS.join(' or ')}) and of tags (${TAG_FIELDS.join(' or ')}); record skipped` });
      continue;
    }
    if (tokens.length !== tags.length) {
      skipped.push({ ...here, reason: `${tokens.length} tokens but ${tags.length} tags; record skipped` });
      continue;
    }
    const badToken = tokens.findIndex((token) => typeof token !== 'string' || token.trim() === '' || /[\r\n]/.test(token));
    if (badToken !== -1) {
      skipped.push({ ...here, reason: `token ${badToken} (${JSON.stringify(tokens[badToken])}) is not a non-empty one-line string; record skipped` });
      continue;
    }
    const names: string[] = [];
    let problem: string | null = null;
    for (const [index, tag] of tags.entries()) {
      if (typeof tag === 'string') names.push(tag);
      else if (typeof tag === 'number' && options.labelNames === undefined) {
        problem = 'tags are numbers but no label list was given';
        numbersWithoutNames++;
        break;
      } else if (typeof tag === 'number' && Number.isInteger(tag) && tag >= 0 && tag < (options.labelNames?.length ?? 0)) {
        names.push(options.labelNames?.[tag] ?? 'O');
      } else {
        problem = `tag ${index} (${JSON.stringify(tag)}) is not a label name or an id of the label list`;
        break;
      }
    }
    if (problem) {
      if (options.labelNames !== undefined || numbersWithoutNames === 1) skipped.push({ ...here, reason: `${problem}; record skipped` });
      continue;
    }
    const parsedTags: ParsedTag[] = [];
    for (const [index, name] of names.entries()) {
      const parsed = parseTag(name);
      if (!parsed) {
        skipped.push({ ...here, reason: `unrecognised tag «${name}» at token ${index}; token kept outside any entity` });
      }
      parsedTags.push(parsed ?? { outside: true });
    }
    const sentence: SourceSentence = {
      line: record.line,
      tokens: (tokens as string[]).map((text, index) => ({ text, tag: parsedTags[index], rawTag: names[index], line: record.line })),
    };
    const key = options.documentField ? record.value[options.documentField] : pick(record.value, DOCUMENT_FIELDS);
    if (key !== undefined) grouped = true;
    const last = documents[documents.length - 1];
    if (last && key === currentKey) last.sentences.push(sentence);
    else documents.push({ sentences: [sentence], line: record.line });
    currentKey = key;
  }
  if (numbersWithoutNames > 1) {
    skipped.push({ file, line: 0, reason: `${numbersWithoutNames} records have numeric tags and no label list (give the names, e.g. --labels O,B-PER,I-PER); they were skipped` });
  }
  const scheme = !options.scheme || options.scheme === 'auto'
    ? detectTagScheme(documents.flatMap((document) => document.sentences.map((sentence) => sentence.tokens.map((token) => token.tag))))
    : options.scheme;
  const built = buildTokenizedArticles(documents, {
    file,
    baseName: options.baseName,
    scheme,
    sentencesPerArticle: options.sentencesPerArticle ?? DEFAULT_SENTENCES_PER_ARTICLE,
    explicitDocuments: grouped,
  });
  return { articles: built.articles, skipped, warnings: built.warnings satisfies ImportProblem[] };
}
