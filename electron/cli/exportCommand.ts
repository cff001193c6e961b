import os from 'node:os';
import path from 'node:path';
import { findBratOrphans, type BratOrphans } from '../services/brat/bratCorpusCheck';
import type { ListedCorpus } from '../services/corpus/articleFiles';
import { describeBratOrphans } from './bratOrphansText';
import { progressLine, STDOUT_FORMATS, withStdoutExport } from './cliStreams';
import { EXPORT_FORMAT_IDS, JSONL_VARIANTS, TAGGING_SCHEMES } from '../../shared/formats/exportTypes';
import { ArticleStatusSchema, type ArticleStatus } from '../../shared/model/status';
import { EXPORT_MANIFEST_FILE, EXPORT_REPORT_FILE, type ExportCorpusResult } from '../services/transfer/exportReport';
import { ExportCancelledError, ExportInputError, type ExportCorpusOptions, type ExportProgress } from '../services/transfer/exportRequest';
import { exportCorpus } from '../services/transfer/exportCorpus';
import { answerJsonPieces } from '../services/transfer/exportReportJson';
import { oneOf, parseArguments, singleCorpus } from './cliArguments';
import { maxExportWorkers } from '../services/transfer/threads/exportWorkerStart';
import { persianDigits } from '../../shared/text/persianDigits';
import { CLI_EXIT, readCommandLine, UsageError, withInterruptSignal, type CliIo } from './cliIo';
import { COMMAND_SUMMARIES, type CliCommand } from './commandRegistry';

export const EXPORT_HELP = `Usage: hashiye export CORPUS --format FORMAT --out PATH [options]

Exports the corpus's annotations. Every span's text is checked against its article first;
what the format cannot hold (overlaps in CoNLL and HF, spans off token edges, ...) is decided
by the rules in docs/formats.md and listed per article in export-report.json, written beside
the export with manifest.json (SHA-256 of every file). The same corpus gives the same bytes.
The export is written beside PATH and swapped in only when complete: a failed or cancelled
export leaves the previous one as it was.

Formats (--format):
  brat         NAME.txt + NAME.ann per article and annotation.conf   (offsets: code points)
  conll        corpus.conll, token TAB tag, -DOCSTART- per article    (tokens)
  jsonl        corpus.jsonl, doccano                                  (offsets: UTF-16 units)
  labelstudio  tasks.json + label-config.xml                          (offsets: UTF-16 units)
  w3c          annotations.jsonld, Web Annotation                     (offsets: code points)
  csv          annotations.csv: article,id,type,start,end,text,note,entity,wikidata,entity_name (offsets: code points)
  hf           data.jsonl (tokens, ner_tags) + labels.json            (tokens)

Options:
  -o, --out PATH        a folder; or, for one-file formats, the file itself (e.g. out/train.conll);
                        - writes conll, jsonl or csv to standard output (the summary to stderr)
  --scheme S            conll, hf: ${TAGGING_SCHEMES.join(' | ')} (default iob2)
  --variant V           jsonl: ${JSONL_VARIANTS.join(' | ')} (default label)
  --split A/B/C         seeded train/dev/test split by article, e.g. 80/10/10 (into PATH/train, dev, test)
  --seed N              seed of the split (default 1)
  --status S,S          only articles with these statuses (${ArticleStatusSchema.options.join(', ')})
  --articles ID,ID      only these articles (ids as in the corpus, e.g. news/001.txt)
  --allow-lossy         write even when some labels cannot be exported (they stay in the report)
  --excel               csv: UTF-8 with a byte-order mark, so Excel shows Persian right
  --workers N           threads reading and serializing articles (default: one per core but one, up to 4; 0: none;
                        at most four per core)
  --json                print the result (report and manifest) as JSON on stdout
  -h, --help            show this help

Short options: -f (--format), -o (--out), -s (--scheme), -j (--json), -h (--help).

Exit codes: 0 written; 1 labels would be lost (nothing written; see --allow-lossy) or failure;
2 wrong arguments; 3 the corpus cannot be read; 130 cancelled.
`;

interface ExportRequest {
  corpus: string;
  format: (typeof EXPORT_FORMAT_IDS)[number];
  options: ExportCorpusOptions;
  json: boolean;
}

function parseSplit(value: string): [number, number, number] {
  const parts = value.split('/').map(Number);
  if (parts.length !== 3 || parts.some((part) => !Number.isFinite(part) || part < 0) || parts.reduce((sum, part) => sum + part, 0) <= 0) {
    throw new UsageError(`--split must be three shares like 80/10/10 (got "${value}").`);
  }
  return [parts[0], parts[1], parts[2]];
}

/** `--workers N`: a whole number from 0 to maxExportWorkers (four per core), refused in English and Persian otherwise (#25). */
export function parseWorkerCount(value: string, cores: number): number {
  const count = Number(value);
  const most = maxExportWorkers(cores);
  if (value.trim() === '' || !Number.isInteger(count) || count < 0 || count > most) {
    throw new UsageError(
      `--workers must be a whole number from 0 to ${most} (four per core on this machine's ${cores}; got "${value}").\n` +
        `--workers باید عددی صحیح از ۰ تا ${persianDigits(most)} باشد (چهار برای هر هستهٔ پردازنده، این دستگاه ${persianDigits(cores)} هسته دارد؛ دادهٔ «${persianDigits(value)}»).`,
    );
  }
  return count;
}

function parseRequest(argv: readonly string[]): ExportRequest | null {
  const parsed = parseArguments(argv, {
    values: ['--format', '--out', '--scheme', '--variant', '--split', '--seed', '--status', '--articles', '--workers'],
    flags: ['--json', '--allow-lossy', '--excel'],
    short: { '-f': '--format', '-o': '--out', '-s': '--scheme', '-j': '--json' },
  });
  if (parsed.flags.has('--help')) return null;
  const corpus = singleCorpus(parsed);
  const formatValue = parsed.values.get('--format');
  if (!formatValue) throw new UsageError('--format FORMAT is required.');
  const format = oneOf('--format', formatValue, EXPORT_FORMAT_IDS);
  const out = parsed.values.get('--out');
  if (!out) throw new UsageError('--out PATH is required.');
  const options: ExportCorpusOptions = { out: out === '-' ? '-' : path.resolve(out), allowLossy: parsed.flags.has('--allow-lossy') };
  if (out === '-' && !STDOUT_FORMATS.includes(format)) throw new UsageError(`-o - writes one file to standard output: ${STDOUT_FORMATS.join(', ')} only (got ${format}).`);
  if (out === '-' && parsed.values.has('--split')) throw new UsageError('-o - writes one file: --split writes three.');
  if (parsed.flags.has('--excel')) {
    if (format !== 'csv') throw new UsageError('--excel is for --format csv.');
    options.excel = true;
  }
  const scheme = parsed.values.get('--scheme');
  if (scheme !== undefined) {
    if (format !== 'conll' && format !== 'hf') throw new UsageError('--scheme applies to conll and hf only.');
    options.scheme = oneOf('--scheme', scheme.toLowerCase(), TAGGING_SCHEMES);
  }
  const variant = parsed.values.get('--variant');
  if (variant !== undefined) {
    if (format !== 'jsonl') throw new UsageError('--variant applies to jsonl only.');
    options.jsonlVariant = oneOf('--variant', variant, JSONL_VARIANTS);
  }
  const split = parsed.values.get('--split');
  const seed = parsed.values.get('--seed');
  if (seed !== undefined && split === undefined) throw new UsageError('--seed needs --split.');
  if (split !== undefined) {
    const seedNumber = seed === undefined ? 1 : Number(seed);
    if (!Number.isInteger(seedNumber)) throw new UsageError(`--seed must be a whole number (got "${seed}").`);
    options.split = { ratios: parseSplit(split), seed: seedNumber };
  }
  const workers = parsed.values.get('--workers');
  if (workers !== undefined) options.workers = parseWorkerCount(workers, os.availableParallelism());
  const status = parsed.values.get('--status');
  const articles = parsed.values.get('--articles');
  if (status !== undefined || articles !== undefined) {
    options.scope = {};
    if (status !== undefined) {
      options.scope.statuses = status.split(',').map((value): ArticleStatus => oneOf('--status', value.trim(), ArticleStatusSchema.options));
    }
    if (articles !== undefined) options.scope.articleIds = articles.split(',').map((value) => value.trim()).filter(Boolean);
  }
  return { corpus: path.resolve(corpus), format, options, json: parsed.flags.has('--json') };
}

const LISTED_PROBLEMS = 20;

function describeResult(result: ExportCorpusResult): string {
  const { report } = result;
  const { totals } = report;
  let text = '';
  const listed = report.documents.flatMap((document) =>
    document.problems.filter((problem) => problem.effect !== 'omitted').map((problem) => `  ${document.article}: [${problem.effect}] ${problem.message}`),
  );
  listed.push(...report.unreadable.map((entry) => `  ${entry.article}: [unreadable] ${entry.message}`));
  if (listed.length > 0) {
    text += `Problems (${listed.length}):\n${listed.slice(0, LISTED_PROBLEMS).join('\n')}\n`;
    if (listed.length > LISTED_PROBLEMS) text += `  ... and ${listed.length - LISTED_PROBLEMS} more (all in ${EXPORT_REPORT_FILE}, or --json)\n`;
  }
  const counts = `${totals.articles} article(s), ${totals.written} of ${totals.annotations} annotation(s) written, ${totals.lost} lost, ${totals.changed} changed, ${totals.omitted} note(s) of things the format cannot hold, ${totals.unreadable} unreadable article(s)`;
  if (result.written) {
    text += `Exported ${counts} as ${result.format} to ${result.outFolder} (${result.manifest.files.length} file(s), with ${EXPORT_REPORT_FILE} and ${EXPORT_MANIFEST_FILE}).\n`;
  } else {
    text += `Nothing written: ${totals.lost} label(s) would be lost and ${totals.unreadable} article(s) cannot be read (${counts}). Fix them, or pass --allow-lossy to write the rest.\n`;
  }
  return text;
}

function progressPrinter(io: CliIo): ((progress: ExportProgress) => void) | undefined {
  const line = progressLine(io, 'export');
  return line && ((progress) => {
    if (progress.phase === 'reading') line(progress.done, progress.total, 'articles');
  });
}

/** The export, to the folder or file asked for, or (`-o -`) to standard output with the summary on stderr; `onReading` once the articles are being read. */
function runExport(request: ExportRequest, io: CliIo, signal: AbortSignal, onReading: () => void): Promise<ExportCorpusResult> {
  const printer = request.json ? undefined : progressPrinter(io);
  const progress = (update: ExportProgress): void => {
    if (update.phase === 'reading') onReading();
    printer?.(update);
  };
  // (#25) The answer on standard output holds the report: its documents are indented for it where they are made.
  if (request.options.out !== '-') return exportCorpus(request.corpus, request.format, { ...request.options, jsonAnswer: request.json }, progress, signal);
  const extension = request.format === 'csv' ? '.csv' : request.format === 'jsonl' ? '.jsonl' : '.conll';
  return withStdoutExport(request.format, extension, io, (out) => exportCorpus(request.corpus, request.format, { ...request.options, out }, progress, signal));
}

export async function runExportCommand(argv: string[], io: CliIo): Promise<number> {
  const commandLine = readCommandLine('export', EXPORT_HELP, io, () => parseRequest(argv));
  if ('exitCode' in commandLine) return commandLine.exitCode;
  const request = commandLine.options;
  return withInterruptSignal(async (signal) => {
    // The same orphans validate and stats report: the export reads none of them. (#25) Looked
    // for while the export reads its articles (walks of the corpus's folders between its
    // batches), not after, nor before the first article, while the export lists the corpus itself.
    let orphansFound: Promise<BratOrphans> | null = null;
    // (#25) The export's own walk of the corpus, taken by the orphans' check instead of a second one.
    let listed: ListedCorpus | undefined;
    const findOrphans = (): Promise<BratOrphans> => (orphansFound ??= findBratOrphans(request.corpus, listed));
    // Awaited after the export: when the export fails, its own error is the one reported.
    const startFinding = (): void => void findOrphans().catch(() => undefined);
    try {
      const onListed = (walk: ListedCorpus): void => {
        listed = walk;
      };
      const result = await runExport({ ...request, options: { ...request.options, onListed } }, io, signal, startFinding);
      const bratOrphans = await findOrphans();
      // With -o -, standard output holds the data: the summary goes to stderr.
      const say = request.options.out === '-' ? io.stderr : io.stdout;
      // (#25) On standard output, the report's part is export-report.json's bytes, not a second stringify.
      if (request.json && say === io.stdout) for (const piece of answerJsonPieces({ ...result, bratOrphans })) io.stdout.write(piece);
      else if (request.json) say.write(`${JSON.stringify({ ...result, bratOrphans }, null, 2)}\n`);
      else say.write(describeBratOrphans(bratOrphans) + describeResult(result));
      return result.written ? CLI_EXIT.ok : CLI_EXIT.problems;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (request.json) io.stdout.write(`${JSON.stringify({ error: message })}\n`);
      io.stderr.write(`hashiye export: ${message}\n`);
      if (error instanceof ExportCancelledError) return CLI_EXIT.cancelled;
      if (error instanceof ExportInputError) return error.reason === 'corpus' ? CLI_EXIT.unreadable : CLI_EXIT.usage;
      return CLI_EXIT.problems;
    }
  });
}

export const exportCommand: CliCommand = {
  name: 'export',
  summary: COMMAND_SUMMARIES.export,
  run: runExportCommand,
};
