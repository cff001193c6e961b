import { createHash } from 'node:crypto';
import type { UserProblem } from '../../../shared/userProblem';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { decodeArticle, ENCODING_UTF8_BOM } from '../article/articleDecoder';
import { iconvLite } from '../article/legacyEncodings';
import { writeFileAtomic } from '../storage/atomicWrite';
import { beginStagedImport } from './exportStaging';
import { ImportRegistry } from './importEntityLinks';
import { pathExists } from '../storage/pathExists';
import { parseBratDocument } from '../../../shared/formats/import/brat';
import { parseConll, type ConllSeparator } from '../../../shared/formats/import/conll';
import { parseHf } from '../../../shared/formats/import/hf';
import type { ImportedArticle, ImportFormat, ImportProblem, ImportReason, ParseResult } from '../../../shared/formats/import/importTypes';
import { parseJsonl } from '../../../shared/formats/import/jsonl';
import { parseLabelStudio } from '../../../shared/formats/import/labelstudio';
import { toAnnotationFile } from '../../../shared/formats/import/nativeArticle';
import type { SourceOffsetUnit } from '../../../shared/formats/import/sourceOffsets';
import type { TagScheme } from '../../../shared/formats/import/tagScheme';
import { DEFAULT_SENTENCES_PER_ARTICLE } from '../../../shared/formats/import/tokenizedArticles';

/**
 * Imports a file or folder in another tool's format into a new corpus folder: one `NAME.txt`
 * (UTF-8, LF) and `NAME.ann.json` (native format v1) per article. The target must be new or
 * empty and nothing is ever overwritten. Every line or item left out is reported with its file
 * and line; the import goes on past them. A failed or cancelled import leaves nothing behind.
 */
export interface ImportOptions {
  from: ImportFormat;
  /** The new corpus folder; created when missing, refused when not empty. */
  out: string;
  /** Tokenized sources without `-DOCSTART-` (or document ids): sentences per article. */
  sentencesPerArticle?: number;
  /** CoNLL column separator; detected by default. */
  separator?: ConllSeparator | 'auto';
  /** Tag scheme of CoNLL and HF sources; detected by default. */
  scheme?: TagScheme | 'auto';
  /** Offsets of doccano and Label Studio; UTF-16 units by default. */
  offsetUnit?: SourceOffsetUnit;
  /** HF: names of numeric tag ids; else read from a `dataset_info.json` beside the data. CoNLL: the declared tag set (any other tag refuses the file). */
  labelNames?: string[];
  /** doccano / Label Studio: field holding the text. */
  textField?: string;
  /** doccano: field holding the spans. */
  labelField?: string;
}

export interface ImportProgress {
  phase: 'reading' | 'writing';
  /** Source file being read or whose articles are being written. */
  file: string;
  filesDone: number;
  filesTotal: number;
  articlesWritten: number;
  /** Overall progress, 0 to 1, for a progress bar. */
  fraction: number;
}

/** What a source file turned out to be, for the summary (CoNLL and HF). */
export interface DetectedLayout {
  file: string;
  separator?: ConllSeparator;
  scheme?: TagScheme;
}

export interface ImportSummary {
  out: string;
  articles: number;
  annotations: number;
  /** Lines or items not imported, with file and line (0: the whole file). */
  skipped: ImportProblem[];
  /** Imported with a change worth knowing (e.g. `I-` without `B-`, text that differs). */
  warnings: ImportProblem[];
  detected: DetectedLayout[];
  /** True when the signal stopped the import; what was written stays. */
  cancelled: boolean;
}

export class ImportRefusedError extends Error {
  constructor(
    message: string,
    /** What the window shows (shared/ipc.ts); the CLI prints `message`. */
    readonly userProblem: UserProblem,
  ) {
    super(message);
    this.name = 'ImportRefusedError';
  }
}

const EXTENSIONS: Record<Exclude<ImportFormat, 'brat'>, readonly string[]> = {
  conll: ['.conll', '.conll03', '.txt', '.tsv', '.iob', '.iob1', '.iob2', '.bio', '.bioes', '.ner'],
  jsonl: ['.jsonl', '.json'],
  labelstudio: ['.json', '.jsonl'],
  hf: ['.jsonl', '.json'],
};

/** Files that sit beside data but are not data. */
const NOT_DATA = new Set(['dataset_info.json', 'dataset_infos.json', 'state.json', 'dataset_dict.json']);

async function listFiles(folder: string): Promise<string[]> {
  const found: string[] = [];
  const entries = await fs.readdir(folder, { withFileTypes: true });
  entries.sort((left, right) => (left.name < right.name ? -1 : left.name > right.name ? 1 : 0));
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) found.push(...(await listFiles(full)));
    else if (entry.isFile()) found.push(full);
  }
  return found;
}

/** A unit of work: one data file, or one brat article (`.txt` with its `.ann`). */
interface SourceItem {
  /** The file named in messages and progress. */
  file: string;
  /** Article name (or name base) inside the new corpus, relative, no extension. */
  name: string;
  bratText?: string;
}

function stripExtension(file: string): string {
  const extension = path.extname(file);
  return extension ? file.slice(0, -extension.length) : file;
}

function relativeName(root: string, file: string): string {
  return stripExtension(path.relative(root, file)).split(path.sep).join('/');
}

async function findSourceItems(source: string, format: ImportFormat): Promise<SourceItem[]> {
  const stat = await fs.stat(source).catch(() => null);
  if (!stat) throw new ImportRefusedError(`Nothing to import: ${source} does not exist.`, { code: 'importSourceMissing', path: source });
  if (format === 'brat') {
    if (stat.isFile()) {
      const base = stripExtension(source);
      return [{ file: `${base}.ann`, name: path.basename(base), bratText: `${base}.txt` }];
    }
    const files = await listFiles(source);
    const texts = files.filter((file) => file.endsWith('.txt'));
    const textBases = new Set(texts.map(stripExtension));
    const items: SourceItem[] = texts.map((text) => ({ file: `${stripExtension(text)}.ann`, name: relativeName(source, text), bratText: text }));
    // An .ann without its .txt is listed too, so that reading it fails and is reported.
    for (const ann of files.filter((file) => file.endsWith('.ann') && !textBases.has(stripExtension(file)))) {
      items.push({ file: ann, name: relativeName(source, ann), bratText: `${stripExtension(ann)}.txt` });
    }
    return items;
  }
  if (stat.isFile()) return [{ file: source, name: path.basename(stripExtension(source)) }];
  const files = await listFiles(source);
  return files
    .filter((file) => EXTENSIONS[format].includes(path.extname(file).toLowerCase()) && !NOT_DATA.has(path.basename(file)))
    .map((file) => ({ file, name: relativeName(source, file) }));
}

/** Decodes a source file the way articles are decoded (BOM, UTF-16, Windows-1256), LF line ends. */
async function readSourceText(file: string): Promise<string> {
  return decodeArticle(await fs.readFile(file)).text;
}

/**
 * Decodes a brat `.txt` without changing a character: brat counts a BOM and each CR in its
 * offsets, so they must still be there when the offsets are mapped.
 */
async function readBratText(file: string): Promise<string> {
  const bytes = await fs.readFile(file);
  const { encoding } = decodeArticle(bytes);
  return iconvLite().decode(bytes, encoding === ENCODING_UTF8_BOM ? 'utf-8' : encoding, { stripBOM: false });
}

/** Tag names of a Hugging Face dataset, from `dataset_info(s).json` beside the data or above it. */
async function findHfLabelNames(start: string, stopAt: string): Promise<string[] | undefined> {
  let folder = start;
  for (;;) {
    for (const name of ['dataset_info.json', 'dataset_infos.json']) {
      const contents = await fs.readFile(path.join(folder, name), 'utf8').catch(() => null);
      if (contents === null) continue;
      const names = findClassLabelNames(JSON.parse(contents) as unknown);
      if (names) return names;
    }
    const parent = path.dirname(folder);
    if (parent === folder || !parent.startsWith(stopAt)) return undefined;
    folder = parent;
  }
}

function findClassLabelNames(value: unknown): string[] | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const record = value as Record<string, unknown>;
  const features = record.features as Record<string, unknown> | undefined;
  const tags = features && typeof features === 'object' ? ((features.ner_tags ?? features.tags) as Record<string, unknown> | undefined) : undefined;
  const feature = tags && typeof tags === 'object' ? (tags.feature as Record<string, unknown> | undefined) : undefined;
  if (feature && Array.isArray(feature.names) && feature.names.every((name) => typeof name === 'string')) return feature.names as string[];
  for (const child of Object.values(record)) {
    const found = findClassLabelNames(child);
    if (found) return found;
  }
  return undefined;
}

async function prepareTarget(out: string, source: string): Promise<void> {
  if (path.resolve(out) === path.resolve(source)) throw new ImportRefusedError('The new corpus folder cannot be the folder being imported.', { code: 'importIntoSource' });
  const stat = await fs.stat(out).catch(() => null);
  if (stat && !stat.isDirectory()) throw new ImportRefusedError(`${out} exists and is not a folder.`, { code: 'importTargetNotFolder', path: out });
  if (stat) {
    const entries = await fs.readdir(out);
    if (entries.length > 0) {
      throw new ImportRefusedError(`${out} is not empty (${entries.length} entries); import into a new or empty folder, nothing is ever overwritten.`, {
        code: 'importTargetNotEmpty',
        path: out,
        entries: entries.length,
      });
    }
  }
}

/** Characters that Windows, macOS or Linux refuse in file names. */
function safeSegment(segment: string): string {
  const cleaned = segment.replace(/[<>:"\\|?*\u0000-\u001f]/g, '_').replace(/[. ]+$/, '');
  return cleaned === '' || cleaned === '.' || cleaned === '..' ? '_' : cleaned;
}

/** Gives each article a path that no other article of the import uses (case-insensitively). */
function createNameAllocator(): (wanted: string) => string {
  const taken = new Set<string>();
  return (wanted) => {
    const base = wanted.split('/').map(safeSegment).join('/');
    let name = base;
    for (let suffix = 2; taken.has(name.toLowerCase()); suffix++) name = `${base}-${suffix}`;
    taken.add(name.toLowerCase());
    return name;
  };
}

async function parseItem(item: SourceItem, source: string, options: ImportOptions, root: string): Promise<ParseResult & { detected?: DetectedLayout }> {
  const file = item.file;
  const baseName = item.name;
  const sentencesPerArticle = options.sentencesPerArticle ?? DEFAULT_SENTENCES_PER_ARTICLE;
  switch (options.from) {
    case 'brat': {
      const bratText = item.bratText ?? '';
      const text = await readBratText(bratText);
      const ann = (await pathExists(file)) ? await readSourceText(file) : '';
      return parseBratDocument({ name: baseName, text, ann, annFile: file });
    }
    case 'conll': {
      const result = parseConll(await readSourceText(file), { file, baseName, separator: options.separator, scheme: options.scheme, sentencesPerArticle, tagSet: options.labelNames });
      return { ...result, detected: { file, separator: result.separator, scheme: result.scheme } };
    }
    case 'hf': {
      const labelNames = options.labelNames ?? (await findHfLabelNames(path.dirname(file), root));
      const scheme = options.scheme;
      const result = parseHf(await readSourceText(file), { file, baseName, labelNames, scheme, sentencesPerArticle });
      return { ...result, detected: { file } };
    }
    case 'jsonl':
      return parseJsonl(await readSourceText(file), { file, baseName, offsetUnit: options.offsetUnit, textField: options.textField, labelField: options.labelField });
    case 'labelstudio':
      return parseLabelStudio(await readSourceText(file), { file, baseName, offsetUnit: options.offsetUnit, textField: options.textField });
    default:
      throw new ImportRefusedError(`Unknown import format for ${source}.`, { code: 'importUnknownFormat', path: source });
  }
}

function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export async function importCorpus(
  source: string,
  options: ImportOptions,
  onProgress?: (progress: ImportProgress) => void,
  signal?: AbortSignal,
): Promise<ImportSummary> {
  const items = await findSourceItems(source, options.from);
  if (items.length === 0) throw new ImportRefusedError(`No ${options.from} files found in ${source}.`, { code: 'importNothingFound', format: options.from, path: source });
  await prepareTarget(options.out, source);
  // Written into a staging folder and renamed into place when complete: a failed or cancelled
  // import leaves no half corpus (exportStaging.ts).
  const staging = await beginStagedImport(options.out);
  try {
    const summary = await importInto(staging.folder, source, items, options, onProgress, signal);
    if (summary.cancelled) {
      await staging.discard();
      return { ...summary, articles: 0, annotations: 0 };
    }
    await staging.commit();
    return summary;
  } catch (error) {
    await staging.discard();
    throw error;
  }
}

async function importInto(
  folder: string,
  source: string,
  items: SourceItem[],
  options: ImportOptions,
  onProgress: ((progress: ImportProgress) => void) | undefined,
  signal: AbortSignal | undefined,
): Promise<ImportSummary> {
  const root = (await fs.stat(source)).isDirectory() ? path.resolve(source) : path.dirname(path.resolve(source));
  const summary: ImportSummary = { out: options.out, articles: 0, annotations: 0, skipped: [], warnings: [], detected: [], cancelled: false };
  const allocateName = createNameAllocator();
  const now = new Date().toISOString();
  // (#24) brat N lines link spans to entities: resolved against the source's registry, written into the new corpus.
  const registry = await ImportRegistry.of(root, summary.warnings);
  const report = (phase: ImportProgress['phase'], file: string, filesDone: number, withinFile: number): void => {
    onProgress?.({ phase, file, filesDone, filesTotal: items.length, articlesWritten: summary.articles, fraction: Math.min(1, (filesDone + withinFile) / items.length) });
  };

  for (const [index, item] of items.entries()) {
    if (signal?.aborted) {
      summary.cancelled = true;
      break;
    }
    report('reading', item.file, index, 0);
    let parsed: ParseResult & { detected?: DetectedLayout };
    try {
      parsed = await parseItem(item, source, options, root);
    } catch (error) {
      summary.skipped.push({ file: item.file, line: 0, reason: `cannot be read: ${describeError(error)}; file skipped`, why: { code: 'unreadableFile' } });
      continue;
    }
    summary.skipped.push(...parsed.skipped);
    summary.warnings.push(...parsed.warnings);
    if (parsed.detected) summary.detected.push(parsed.detected);
    if (parsed.articles.length === 0 && parsed.skipped.length === 0) {
      summary.skipped.push({ file: item.file, line: 0, reason: 'holds no article', why: { code: 'noArticle' } });
    }
    for (const [articleIndex, article] of parsed.articles.entries()) {
      if (signal?.aborted) {
        summary.cancelled = true;
        break;
      }
      registry.linkSpans(article, summary.skipped);
      const written = await writeArticle(article, allocateName(article.name), folder, options, now);
      if (written.ok) {
        summary.articles++;
        summary.annotations += article.spans.length;
      } else {
        summary.skipped.push({ ...article.origin, reason: written.reason, why: written.why });
      }
      report('writing', item.file, index, (articleIndex + 1) / parsed.articles.length);
    }
    if (summary.cancelled) break;
  }
  if (!summary.cancelled) await registry.writeInto(folder);
  if (!summary.cancelled) report('writing', items[items.length - 1].file, items.length, 0);
  return summary;
}

async function writeArticle(article: ImportedArticle, name: string, folder: string, options: ImportOptions, now: string): Promise<{ ok: true } | { ok: false; reason: string; why: ImportReason }> {
  const articlePath = path.join(folder, ...name.split('/')) + '.txt';
  const annotationPath = articlePath.slice(0, -'.txt'.length) + '.ann.json';
  if ((await pathExists(articlePath)) || (await pathExists(annotationPath))) {
    return { ok: false, reason: `${path.relative(folder, articlePath)} already exists in the new corpus; article not written (nothing is overwritten)`, why: { code: 'articleExists', path: path.relative(folder, articlePath) } };
  }
  await fs.mkdir(path.dirname(articlePath), { recursive: true });
  const bytes = Buffer.from(article.text, 'utf8');
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  await writeFileAtomic(articlePath, article.text, { backup: false });
  const file = toAnnotationFile(article, { articleFile: path.basename(articlePath), sha256, now, format: options.from });
  await writeFileAtomic(annotationPath, `${JSON.stringify(file, null, 2)}\n`, { backup: false });
  return { ok: true };
}
