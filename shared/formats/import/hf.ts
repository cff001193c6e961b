import type { HfReason, ImportProblem, ImportReason, ParseResult } from './importTypes';
import { isRecord, readJsonRecords } from './jsonRecords';
import { detectTagScheme, parseTag, type ParsedTag, type TagScheme } from './tagScheme';
import { refuseTagColumn, tagRefusal } from './tagValidation';
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

/** A record's tokens and tags, or why it is skipped. */
function tokensAndTags(value: Record<string, unknown>): { tokens: string[]; tags: unknown[] } | { reason: string; why: HfReason } {
  const tokens = pick(value, TOKEN_FIELDS);
  const tags = pick(value, TAG_FIELDS);
  if (!Array.isArray(tokens) || !Array.isArray(tags)) {
    const [tokenFields, tagFields] = [TOKEN_FIELDS.join(' or '), TAG_FIELDS.join(' or ')];
    return { reason: `needs a list of tokens (${tokenFields}) and of tags (${tagFields}); record skipped`, why: { code: 'hfNeedsTokensAndTags', tokenFields, tagFields } };
  }
  if (tokens.length !== tags.length) return { reason: `${tokens.length} tokens but ${tags.length} tags; record skipped`, why: { code: 'hfCountMismatch', tokens: tokens.length, tags: tags.length } };
  const badToken = tokens.findIndex((token) => typeof token !== 'string' || token.trim() === '' || /[\r\n]/.test(token));
  if (badToken !== -1) {
    const token = String(JSON.stringify(tokens[badToken]));
    return { reason: `token ${badToken} (${token}) is not a non-empty one-line string; record skipped`, why: { code: 'hfBadToken', index: badToken, token } };
  }
  return { tokens: tokens as string[], tags };
}

/** The tag names of a record: names as they are, numbers through the label list. `unnamedNumbers` when numbers came without a list. */
function tagNames(tags: readonly unknown[], labelNames: readonly string[] | undefined): { names: string[] } | { problem: string; why: HfReason; unnamedNumbers: boolean } {
  const names: string[] = [];
  for (const [index, tag] of tags.entries()) {
    if (typeof tag === 'string') names.push(tag);
    else if (typeof tag === 'number' && labelNames === undefined) return { problem: 'tags are numbers but no label list was given', why: { code: 'hfNumericTagsNoLabels' }, unnamedNumbers: true };
    else if (typeof tag === 'number' && Number.isInteger(tag) && tag >= 0 && tag < (labelNames?.length ?? 0)) names.push(labelNames?.[tag] ?? 'O');
    else return { problem: `tag ${index} (${JSON.stringify(tag)}) is not a label name or an id of the label list`, why: { code: 'hfBadTag', index, tag: String(JSON.stringify(tag)) }, unnamedNumbers: false };
  }
  return { names };
}

/** The tags of a record read; one that is not a tag goes to `badTags` (it refuses the file). */
function checkedTags(names: readonly string[], line: number, scheme: TagScheme | 'auto', badTags: { line: number; why: ImportReason }[]): ParsedTag[] {
  return names.map((name): ParsedTag => {
    const parsed = parseTag(name);
    const refusal = tagRefusal(name, parsed, { scheme });
    if (refusal) badTags.push({ line, why: refusal });
    return parsed ?? { outside: true };
  });
}

export function parseHf(content: string, options: HfOptions): ParseResult {
  const { file } = options;
  const { records, skipped } = readJsonRecords(content, file);
  const documents: SourceDocument[] = [];
  let currentKey: unknown = Symbol('none');
  let grouped = false;
  let numbersWithoutNames = 0;
  const badTags: { line: number; why: ImportReason }[] = [];

  for (const record of records) {
    const here = { file, line: record.line };
    if (!isRecord(record.value)) {
      skipped.push({ ...here, reason: 'the record is not a JSON object; record skipped', why: { code: 'recordNotObject' } });
      continue;
    }
    const fields = tokensAndTags(record.value);
    if ('reason' in fields) {
      skipped.push({ ...here, reason: fields.reason, why: fields.why });
      continue;
    }
    const named = tagNames(fields.tags, options.labelNames);
    if ('problem' in named) {
      if (named.unnamedNumbers) numbersWithoutNames++;
      // Numbers without a label list are said once for the whole file, below.
      if (options.labelNames !== undefined || numbersWithoutNames === 1) skipped.push({ ...here, reason: `${named.problem}; record skipped`, why: named.why });
      continue;
    }
    const parsedTags = checkedTags(named.names, record.line, options.scheme ?? 'auto', badTags);
    const sentence: SourceSentence = {
      line: record.line,
      tokens: fields.tokens.map((text, index) => ({ text, tag: parsedTags[index], rawTag: named.names[index], line: record.line })),
    };
    const key = options.documentField ? record.value[options.documentField] : pick(record.value, DOCUMENT_FIELDS);
    if (key !== undefined) grouped = true;
    const last = documents[documents.length - 1];
    if (last && key === currentKey) last.sentences.push(sentence);
    else documents.push({ sentences: [sentence], line: record.line });
    currentKey = key;
  }
  if (numbersWithoutNames > 1) {
    const reason = `${numbersWithoutNames} records have numeric tags and no label list (give the names, e.g. --labels O,B-PER,I-PER); they were skipped`;
    skipped.push({ file, line: 0, reason, why: { code: 'hfNumericTagRecords', count: numbersWithoutNames } });
  }
  // Tags that are not tags (a wrong feature, a wrong label list) refuse the whole file.
  if (badTags.length > 0) return { articles: [], skipped: [...skipped, ...refuseTagColumn(file, badTags)], warnings: [] };
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
